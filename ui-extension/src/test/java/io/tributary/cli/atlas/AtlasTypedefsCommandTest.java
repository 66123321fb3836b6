package io.tributary.cli.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AtlasTypedefsCommandTest {
  @Test
  void shouldPrintStreamingTypedefsWithoutTheTypesAtlasShips() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new AtlasCommand());
    cli.setOut(new PrintWriter(out));

    int exit = cli.execute("typedefs", "--print");

    assertThat(exit).isZero();
    JsonNode typedefs = new ObjectMapper().readTree(out.toString());
    List<String> names = new ArrayList<>();
    typedefs.path("entityDefs").forEach(d -> names.add(d.path("name").asText()));
    assertThat(names)
        .contains(
            "pulsar_topic", "kinesis_stream", "mqtt_topic", "edge_device", "stream_process_run")
        .doesNotContain("kafka_topic", "flink_application", "flink_process");
    assertThat(typedefs.path("relationshipDefs")).isNotEmpty();
  }

  @Test
  void shouldAskForPrintWhenGivenNothingToDo() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new AtlasCommand());
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("typedefs");

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("--print");
  }
}

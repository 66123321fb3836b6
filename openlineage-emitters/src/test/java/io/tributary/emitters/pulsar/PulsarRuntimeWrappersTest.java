package io.tributary.emitters.pulsar;

import static org.assertj.core.api.Assertions.assertThat;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.tributary.emitters.testing.EventFiles;
import io.tributary.emitters.testing.OpenLineageSchemas;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pulsar.functions.api.Context;
import org.apache.pulsar.functions.api.Function;
import org.apache.pulsar.functions.api.Record;
import org.apache.pulsar.io.core.Sink;
import org.apache.pulsar.io.core.SinkContext;
import org.apache.pulsar.io.core.Source;
import org.apache.pulsar.io.core.SourceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Functions and IO wrappers, driven as the Pulsar Functions runtime drives them: context
 * answers are those a runtime gives an instance of the configured function, source or sink.
 */
class PulsarRuntimeWrappersTest {
  private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();

  /** A runtime context answering the given methods; any other method is not expected here. */
  private static <T> T context(Class<T> type, Map<String, Object> answers) {
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> {
              if (answers.containsKey(method.getName())) {
                return answers.get(method.getName());
              }
              throw new UnsupportedOperationException(method.getName());
            });
    return type.cast(proxy);
  }

  private static Map<String, Object> configs(Path file, String delegate) {
    Map<String, Object> configs = new HashMap<>();
    configs.put("openlineage.pulsar.service.url", "pulsar://broker:6650");
    configs.put("openlineage.snapshot.interval.ms", "1000");
    configs.put("openlineage.abort.on.jvm.exit", "false");
    configs.put("openlineage.transport.type", "file");
    configs.put("openlineage.transport.location", file.toString());
    if (delegate != null) {
      configs.put("tributary.delegate.class", delegate);
    }
    return configs;
  }

  private static Record<String> record(String topic, String value) {
    return new Record<>() {
      @Override
      public Optional<String> getTopicName() {
        return Optional.of(topic);
      }

      @Override
      public String getValue() {
        return value;
      }
    };
  }

  /** A function the runtime would create from its class name. */
  public static final class Upper implements Function<String, String> {
    @Override
    public String process(String input, Context context) {
      return input.isEmpty() ? null : input.toUpperCase();
    }
  }

  @Test
  void shouldEmitAFunctionWithItsInputAndOutputTopics(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("function.jsonl");
    Map<String, Object> answers = new HashMap<>();
    answers.put("getUserConfigMap", configs(file, Upper.class.getName()));
    answers.put("getInputTopics", List.of("persistent://acme/orders/raw"));
    answers.put("getOutputTopic", "persistent://acme/orders/clean");
    answers.put("getFunctionName", "upper");
    answers.put("getTenant", "acme");
    answers.put("getNamespace", "orders");
    Context context = context(Context.class, answers);

    TributaryFunction function = new TributaryFunction();
    function.initialize(context);
    List<Object> outputs = new ArrayList<>();
    for (String value : List.of("a", "b", "")) {
      answers.put("getCurrentRecord", record("persistent://acme/orders/raw-partition-0", value));
      outputs.add(function.process(value, context));
    }
    function.close();

    assertThat(outputs).containsExactly("A", "B", null);
    List<RunEvent> events = EventFiles.events(file);
    RunEvent last = events.get(events.size() - 1);
    assertThat(last.getEventType()).isEqualTo(EventType.COMPLETE);
    assertThat(last.getJob().getName()).isEqualTo("acme/orders/upper");
    long in = 0;
    long out = 0;
    for (RunEvent e : events) {
      for (var d : e.getInputs()) {
        assertThat(d.getNamespace() + " " + d.getName())
            .isEqualTo("pulsar://broker:6650 persistent://acme/orders/raw");
        in += d.getInputFacets().getInputStatistics().getRowCount();
      }
      for (var d : e.getOutputs()) {
        assertThat(d.getNamespace() + " " + d.getName())
            .isEqualTo("pulsar://broker:6650 persistent://acme/orders/clean");
        out += d.getOutputFacets().getOutputStatistics().getRowCount();
      }
    }
    assertThat(in).isEqualTo(3);
    assertThat(out).isEqualTo(2);
    assertThat(EventFiles.lines(file))
        .allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
  }

  @Test
  void shouldEmitASourceWithTheTopicItFeedsAndASinkWithTheTopicsItDrains(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("connectors.jsonl");
    List<String> sunk = new ArrayList<>();
    Source<String> source =
        new Source<>() {
          private int left = 4;

          @Override
          public void open(Map<String, Object> config, SourceContext context) {}

          @Override
          public Record<String> read() {
            left--;
            return () -> "row-" + left;
          }

          @Override
          public void close() {}
        };
    Sink<String> sink =
        new Sink<>() {
          @Override
          public void open(Map<String, Object> config, SinkContext context) {}

          @Override
          public void write(Record<String> record) {
            sunk.add(record.getValue());
          }

          @Override
          public void close() {}
        };
    Map<String, Object> configs = configs(file, null);
    configs.put("openlineage.job.name", "cdc-pipeline");

    TributarySource<String> wrappedSource = new TributarySource<>(source);
    wrappedSource.open(
        configs,
        context(
            SourceContext.class,
            Map.of(
                "getSourceName", "cdc",
                "getOutputTopic", "acme/cdc/changes",
                "getTenant", "acme",
                "getNamespace", "cdc")));
    TributarySink<String> wrappedSink = new TributarySink<>(sink);
    wrappedSink.open(
        configs,
        context(
            SinkContext.class,
            Map.of(
                "getSinkName", "warehouse",
                "getInputTopics", List.of("acme/cdc/changes"),
                "getTenant", "acme",
                "getNamespace", "cdc")));
    for (int i = 0; i < 4; i++) {
      Record<String> r = wrappedSource.read();
      wrappedSink.write(record("persistent://acme/cdc/changes", r.getValue()));
    }
    wrappedSink.close();
    wrappedSource.close();

    assertThat(sunk).hasSize(4);
    List<RunEvent> events = EventFiles.events(file);
    RunEvent last = events.get(events.size() - 1);
    assertThat(last.getEventType()).isEqualTo(EventType.COMPLETE);
    assertThat(last.getInputs())
        .extracting(d -> d.getName())
        .containsExactly("persistent://acme/cdc/changes");
    assertThat(last.getOutputs())
        .extracting(d -> d.getName())
        .containsExactly("persistent://acme/cdc/changes");
    assertThat(EventFiles.lines(file))
        .allSatisfy(json -> assertThat(SCHEMAS.violations(json)).isEmpty());
  }
}

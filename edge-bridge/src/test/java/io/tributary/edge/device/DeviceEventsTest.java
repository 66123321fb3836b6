package io.tributary.edge.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.contract.schema.EventValidator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldBuildEventsThatValidateAgainstTheOfficialSchemas() throws Exception {
    DeviceEvents events =
        new DeviceEvents("pump-\"7\"", "devices://plant-1", UUID.nameUUIDFromBytes(new byte[] {1}));
    EventValidator validator = EventValidator.load();

    for (String type : List.of("START", "RUNNING", "COMPLETE")) {
      String text =
          events.event(
              type,
              Instant.parse("2026-12-04T10:00:00Z"),
              List.of(
                  new DeviceEvents.Output("mqtt://broker:1883", "sensors/pump-7/temp", 12, 340)));
      EventValidator.Result result = validator.validate(JSON.readTree(text));

      assertThat(result.violations()).as(type).isEmpty();
      assertThat(result.unknownFacets()).isEmpty();
      assertThat(JSON.readTree(text).at("/job/name").asText()).isEqualTo("pump-\"7\"");
    }
  }
}

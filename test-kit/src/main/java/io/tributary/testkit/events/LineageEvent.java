package io.tributary.testkit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import java.util.Objects;

/**
 * One OpenLineage run event built by {@link LineageEvents}, in the three forms tests need.
 *
 * @param node the event as JSON; {@link #jsonNode()} hands out copies
 */
public record LineageEvent(ObjectNode node) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Keeps its own copy of the event. */
  public LineageEvent {
    node = Objects.requireNonNull(node, "node").deepCopy();
  }

  /**
   * The event as a JSON string, as a transport would send it.
   *
   * @return compact JSON
   */
  public String json() {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An event tree always serialises", e);
    }
  }

  /**
   * The event as a JSON tree.
   *
   * @return a copy the caller may change (to make a malformed variant, for example)
   */
  public ObjectNode jsonNode() {
    return node.deepCopy();
  }

  /**
   * The event as openlineage-java's model, for {@code OpenLineageClient.emit}.
   *
   * @return the parsed event
   */
  public OpenLineage.RunEvent runEvent() {
    return OpenLineageClientUtils.runEventFromJson(json());
  }

  /**
   * The event type.
   *
   * @return START, RUNNING, COMPLETE, ABORT or FAIL
   */
  public String eventType() {
    return node.path("eventType").asText();
  }

  /**
   * Overrides {@code node}'s accessor so that callers cannot change this event through it.
   *
   * @return a copy of the event tree
   */
  @Override
  public ObjectNode node() {
    return node.deepCopy();
  }

  @Override
  public String toString() {
    return json();
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + json, e);
    }
  }
}

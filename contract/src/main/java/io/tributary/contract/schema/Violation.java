package io.tributary.contract.schema;

import java.util.Objects;

/**
 * One reason an event was rejected.
 *
 * @param pointer a JSON pointer into the event, such as {@code /run/runId}; empty for the whole
 *     event
 * @param message what is wrong, readable by the sender
 */
public record Violation(String pointer, String message) {
  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}

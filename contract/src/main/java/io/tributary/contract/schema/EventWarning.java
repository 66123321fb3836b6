package io.tributary.contract.schema;

import java.util.Objects;

/**
 * Something about an accepted event that its producer should fix but that the catalog does not
 * need: a facet value that breaks its schema's {@code format} (a {@code uri} that is no URI, an
 * {@code email} that is no address), which JSON Schema 2020-12 treats as an annotation.
 *
 * @param kind what kind of warning, a short stable name for metrics: {@code format:uri}
 * @param pointer a JSON pointer into the event, such as {@code /inputs/0/facets/dataSource/uri}
 * @param message what is wrong, readable by the sender
 */
public record EventWarning(String kind, String pointer, String message) {
  public EventWarning {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}

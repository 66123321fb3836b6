package io.tributary.ranger.governance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A piece of work for a steward: made by hand or by the catalog for suspected unclassified PII, a
 * quality failure or an orphaned dataset.
 *
 * @param assignee the steward it is assigned to; null when nobody stewards what it is about
 * @param claimedBy who took it on; null until claimed
 * @param entityGuid what it is about; null for a task about nothing in particular
 */
public record StewardTask(
    String id,
    Kind kind,
    Status status,
    String title,
    String detail,
    String entityGuid,
    String assignee,
    String claimedBy,
    String createdBy,
    Instant created,
    String resolution,
    List<Comment> comments) {
  public enum Kind {
    MANUAL,
    PII,
    QUALITY,
    ORPHAN;

    @JsonValue
    public String jsonName() {
      return JsonEnums.name(this);
    }

    @JsonCreator
    public static Kind parse(String text) {
      return JsonEnums.parse(Kind.class, "task kind", text);
    }
  }

  public enum Status {
    OPEN,
    CLAIMED,
    RESOLVED;

    @JsonValue
    public String jsonName() {
      return JsonEnums.name(this);
    }

    @JsonCreator
    public static Status parse(String text) {
      return JsonEnums.parse(Status.class, "task status", text);
    }
  }

  public record Comment(String user, Instant time, String text) {
    public Comment {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(text, "text");
    }
  }

  public StewardTask {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(created, "created");
    comments = comments == null ? List.of() : List.copyOf(comments);
    if (title.isBlank()) {
      throw new IllegalArgumentException("a task needs a title");
    }
  }

  /** Whether it is in {@code user}'s inbox: assigned to or claimed by them, and not resolved. */
  public boolean isFor(String user) {
    return status != Status.RESOLVED && (user.equals(assignee) || user.equals(claimedBy));
  }
}

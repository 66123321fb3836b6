package io.tributary.ranger.governance;

import io.tributary.catalog.Entity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where one classification of an entity came from, kept in the entity's {@value #ATTRIBUTE}
 * attribute (classification name to source), so that it is stored, tenant-scoped and authorized as
 * the entity is.
 *
 * @param source {@code manual}, {@code tag} (an OpenLineage tag names it), {@code rule} or {@code
 *     propagated}
 * @param confidence how sure, in (0, 1]
 * @param rule the rule that matched ({@link
 *     io.tributary.ranger.tenancy.ClassificationRule#describe}) for {@code rule}, else null
 * @param path for {@code propagated}: the qualifiedNames of the columns it came through, origin
 *     first, nearest upstream last; empty otherwise
 */
public record ClassificationSource(
    String source, double confidence, String rule, List<String> path) {
  public static final String ATTRIBUTE = "classificationSources";
  public static final String MANUAL = "manual";
  public static final String TAG = "tag";
  public static final String RULE = "rule";
  public static final String PROPAGATED = "propagated";

  public ClassificationSource {
    Objects.requireNonNull(source, "source");
    path = path == null ? List.of() : List.copyOf(path);
  }

  /**
   * Which of two sources of one classification is kept: a person's word over a producer's tag over
   * a rule over propagation; the more confident of equals.
   */
  boolean outranks(ClassificationSource other) {
    int mine = rank(source);
    int theirs = rank(other.source);
    return mine != theirs ? mine > theirs : confidence > other.confidence;
  }

  private static int rank(String source) {
    return switch (source) {
      case MANUAL -> 4;
      case TAG -> 3;
      case RULE -> 2;
      default -> 1;
    };
  }

  Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", source);
    out.put("confidence", confidence);
    if (rule != null) {
      out.put("rule", rule);
    }
    if (!path.isEmpty()) {
      out.put("path", path);
    }
    return out;
  }

  static ClassificationSource fromMap(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return null;
    }
    Object source = map.get("source");
    Object confidence = map.get("confidence");
    Object rule = map.get("rule");
    List<String> path = new ArrayList<>();
    if (map.get("path") instanceof List<?> list) {
      list.forEach(p -> path.add(String.valueOf(p)));
    }
    return new ClassificationSource(
        source == null ? TAG : String.valueOf(source),
        confidence instanceof Number n ? n.doubleValue() : 1.0,
        rule == null ? null : String.valueOf(rule),
        path);
  }

  /** The sources an entity records; a classification without one is {@link #TAG}'s or manual. */
  public static Map<String, ClassificationSource> of(Entity entity) {
    return read(entity.attributes().get(ATTRIBUTE));
  }

  static Map<String, ClassificationSource> read(Object attribute) {
    Map<String, ClassificationSource> out = new LinkedHashMap<>();
    if (attribute instanceof Map<?, ?> map) {
      map.forEach(
          (name, value) -> {
            ClassificationSource source = fromMap(value);
            if (source != null) {
              out.put(String.valueOf(name), source);
            }
          });
    }
    return out;
  }

  static Map<String, Object> write(Map<String, ClassificationSource> sources) {
    Map<String, Object> out = new LinkedHashMap<>();
    sources.forEach((name, source) -> out.put(name, source.toMap()));
    return out;
  }
}

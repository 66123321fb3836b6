package io.tributary.server.atlas;

import io.tributary.atlas.AtlasApiException;
import io.tributary.atlas.AtlasErrorCode;
import io.tributary.atlas.SearchParameters.FilterCriteria;
import io.tributary.catalog.Entity;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Atlas's {@code entityFilters} on one entity: AND/OR groups of {@code attribute operator value},
 * with Atlas's operator symbols (case as Atlas accepts them) and its system attributes {@code
 * __guid}, {@code __typeName}, {@code __state}, {@code __timestamp}, {@code
 * __modificationTimestamp} and {@code __classificationNames}.
 */
final class FilterMatcher implements Predicate<Entity> {
  private final FilterCriteria criteria;

  FilterMatcher(FilterCriteria criteria) {
    this.criteria = Objects.requireNonNull(criteria, "criteria");
    validate(criteria);
  }

  @Override
  public boolean test(Entity entity) {
    return matches(criteria, entity);
  }

  static boolean isEquality(String operator) {
    return "=".equals(operator) || "eq".equals(operator) || "EQ".equals(operator);
  }

  private static void validate(FilterCriteria c) {
    if (c.isGroup()) {
      c.criterion().forEach(FilterMatcher::validate);
    } else if (c.attributeName() != null) {
      operator(c.operator());
    }
  }

  private static boolean matches(FilterCriteria c, Entity e) {
    if (c.isGroup()) {
      boolean any = "OR".equalsIgnoreCase(c.condition());
      for (FilterCriteria child : c.criterion()) {
        boolean m = matches(child, e);
        if (any && m) {
          return true;
        }
        if (!any && !m) {
          return false;
        }
      }
      return !any;
    }
    if (c.attributeName() == null) {
      return true;
    }
    return test(operator(c.operator()), value(e, c.attributeName()), c.attributeValue());
  }

  /** An entity's value for a filter's attribute name; null when it has none. */
  static Object value(Entity e, String attribute) {
    return switch (attribute) {
      case "qualifiedName" -> e.qualifiedName();
      case "name" -> e.name();
      case "__guid" -> e.guid().value();
      case "__typeName" -> e.typeName();
      case "__state" -> "ACTIVE";
      case "__timestamp" -> e.createTime() == null ? null : e.createTime().toEpochMilli();
      case "__modificationTimestamp" ->
          e.updateTime() == null ? null : e.updateTime().toEpochMilli();
      case "__classificationNames" -> String.join("|", e.classifications());
      default -> e.attributes().get(attribute);
    };
  }

  private enum Op {
    EQ,
    NEQ,
    LT,
    GT,
    LTE,
    GTE,
    STARTS_WITH,
    ENDS_WITH,
    CONTAINS,
    NOT_CONTAINS,
    LIKE,
    IN,
    IS_NULL,
    NOT_NULL,
    NOT_EMPTY
  }

  private static Op operator(String symbol) {
    if (symbol == null) {
      throw new AtlasApiException(AtlasErrorCode.INVALID_PARAMETERS, "a filter has no operator");
    }
    return switch (symbol) {
      case "=", "eq", "EQ" -> Op.EQ;
      case "!=", "neq", "NEQ" -> Op.NEQ;
      case "<", "lt", "LT" -> Op.LT;
      case ">", "gt", "GT" -> Op.GT;
      case "<=", "lte", "LTE" -> Op.LTE;
      case ">=", "gte", "GTE" -> Op.GTE;
      case "startsWith", "STARTSWITH", "begins_with", "BEGINS_WITH" -> Op.STARTS_WITH;
      case "endsWith", "ENDSWITH", "ends_with", "ENDS_WITH" -> Op.ENDS_WITH;
      case "contains", "CONTAINS" -> Op.CONTAINS;
      case "not_contains", "NOT_CONTAINS" -> Op.NOT_CONTAINS;
      case "like", "LIKE" -> Op.LIKE;
      case "in", "IN" -> Op.IN;
      case "isNull", "ISNULL", "is_null", "IS_NULL" -> Op.IS_NULL;
      case "notNull", "NOTNULL", "not_null", "NOT_NULL" -> Op.NOT_NULL;
      case "notEmpty", "NOTEMPTY", "not_empty", "NOT_EMPTY" -> Op.NOT_EMPTY;
      default ->
          throw new AtlasApiException(
              AtlasErrorCode.INVALID_PARAMETERS, "operator '" + symbol + "' is not supported");
    };
  }

  private static boolean test(Op op, Object actual, String expected) {
    if (op == Op.IS_NULL) {
      return actual == null || "".equals(actual);
    }
    if (op == Op.NOT_NULL) {
      return actual != null;
    }
    if (op == Op.NOT_EMPTY) {
      return actual != null
          && !actual.toString().isEmpty()
          && !(actual instanceof Collection<?> c && c.isEmpty());
    }
    if (actual instanceof Collection<?> values) {
      // A multi-valued attribute matches when one of its values does (NOT_CONTAINS: none does).
      if (op == Op.NOT_CONTAINS || op == Op.NEQ) {
        return values.stream().allMatch(v -> test(op, v, expected));
      }
      return values.stream().anyMatch(v -> test(op, v, expected));
    }
    if (actual == null) {
      return op == Op.NEQ || op == Op.NOT_CONTAINS;
    }
    String text = actual.toString();
    String want = expected == null ? "" : expected;
    return switch (op) {
      case EQ -> compare(actual, want) == 0;
      case NEQ -> compare(actual, want) != 0;
      case LT -> compare(actual, want) < 0;
      case GT -> compare(actual, want) > 0;
      case LTE -> compare(actual, want) <= 0;
      case GTE -> compare(actual, want) >= 0;
      case STARTS_WITH -> text.startsWith(want);
      case ENDS_WITH -> text.endsWith(want);
      case CONTAINS -> text.toLowerCase(Locale.ROOT).contains(want.toLowerCase(Locale.ROOT));
      case NOT_CONTAINS -> !text.toLowerCase(Locale.ROOT).contains(want.toLowerCase(Locale.ROOT));
      case LIKE -> like(want).matcher(text).matches();
      case IN -> inList(want).contains(text);
      default -> false;
    };
  }

  private static int compare(Object actual, String expected) {
    if (actual instanceof Number || actual instanceof Boolean) {
      try {
        if (actual instanceof Boolean b) {
          return Boolean.compare(b, Boolean.parseBoolean(expected));
        }
        return new BigDecimal(actual.toString()).compareTo(new BigDecimal(expected.trim()));
      } catch (NumberFormatException e) {
        return actual.toString().compareTo(expected);
      }
    }
    return actual.toString().compareTo(expected);
  }

  private static Pattern like(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      switch (ch) {
        case '*', '%' -> regex.append(".*");
        case '?', '_' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static List<String> inList(String value) {
    String trimmed = value.trim();
    if (trimmed.startsWith("(") && trimmed.endsWith(")")) {
      trimmed = trimmed.substring(1, trimmed.length() - 1);
    }
    return Arrays.stream(trimmed.split(","))
        .map(String::trim)
        .map(s -> s.replace("\"", ""))
        .toList();
  }
}

package io.tributary.atlas;

import java.util.List;
import java.util.Set;

/**
 * Atlas's {@code SearchParameters}, the body of {@code POST /v2/search/basic}.
 *
 * @param query Atlas's free text; matched against names and qualifiedNames
 */
public record SearchParameters(
    String query,
    String typeName,
    String classification,
    Boolean excludeDeletedEntities,
    Boolean includeClassificationAttributes,
    Boolean includeSubTypes,
    Boolean includeSubClassifications,
    Integer limit,
    Integer offset,
    FilterCriteria entityFilters,
    FilterCriteria tagFilters,
    Set<String> attributes,
    String sortBy,
    String sortOrder) {

  public int limitOrDefault(int defaultLimit) {
    return limit == null || limit <= 0 ? defaultLimit : limit;
  }

  public int offsetOrZero() {
    return offset == null || offset < 0 ? 0 : offset;
  }

  /**
   * Atlas's {@code FilterCriteria}: a leaf ({@code attributeName operator attributeValue}) or a
   * group ({@code condition} AND/OR over {@code criterion}).
   *
   * @param operator one of Atlas's operator symbols ({@code =}, {@code eq}, {@code startsWith},
   *     ...)
   */
  public record FilterCriteria(
      String attributeName,
      String operator,
      String attributeValue,
      String condition,
      List<FilterCriteria> criterion) {
    public FilterCriteria {
      criterion = Copies.listOrNull(criterion);
    }

    public static FilterCriteria leaf(String attributeName, String operator, String value) {
      return new FilterCriteria(attributeName, operator, value, null, null);
    }

    public static FilterCriteria and(List<FilterCriteria> criteria) {
      return new FilterCriteria(null, null, null, "AND", criteria);
    }

    public boolean isGroup() {
      return criterion != null && !criterion.isEmpty();
    }
  }
}

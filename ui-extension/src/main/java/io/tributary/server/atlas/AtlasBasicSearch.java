package io.tributary.server.atlas;

import io.tributary.atlas.AtlasApiException;
import io.tributary.atlas.AtlasEntityHeader;
import io.tributary.atlas.AtlasEntityMapper;
import io.tributary.atlas.AtlasErrorCode;
import io.tributary.atlas.AtlasSearchResult;
import io.tributary.atlas.SearchParameters;
import io.tributary.atlas.SearchParameters.FilterCriteria;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.SearchResult;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Atlas's basic search ({@code POST /v2/search/basic}) on the catalog: type (with subtypes unless
 * {@code includeSubTypes} is false), classification, free text and {@code entityFilters} with
 * Atlas's operators. Type, classification, a trailing-{@code *} prefix and top-level equality
 * filters go to the catalog's search; the rest is checked on the candidates, of which at most
 * {@link #MAX_CANDIDATES} are read.
 */
final class AtlasBasicSearch {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;
  static final int MAX_CANDIDATES = 10_000;

  private final Catalog catalog;
  private final TypeRegistry types;
  private final AtlasEntityMapper mapper;

  AtlasBasicSearch(Catalog catalog, TypeRegistry types, AtlasEntityMapper mapper) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.types = Objects.requireNonNull(types, "types");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  AtlasSearchResult search(TenantId tenant, SearchParameters p, Visibility visibility) {
    validate(p);
    String typeName = blankToNull(p.typeName());
    String classification = blankToNull(p.classification());
    String query = blankToNull(p.query());
    if ("*".equals(query)) {
      query = null;
    }
    if (typeName == null && classification == null && query == null) {
      throw new AtlasApiException(
          AtlasErrorCode.INVALID_PARAMETERS, "typeName, classification and query are all empty");
    }
    if (typeName != null
        && !"_ALL_ENTITY_TYPES".equals(typeName)
        && !types.hasEntityType(typeName)) {
      throw new AtlasApiException(AtlasErrorCode.TYPE_NAME_NOT_FOUND, typeName);
    }
    if (classification != null
        && !"_CLASSIFIED".equals(classification)
        && !"_NOT_CLASSIFIED".equals(classification)
        && !types.hasClassification(classification)) {
      throw new AtlasApiException(AtlasErrorCode.UNKNOWN_CLASSIFICATION, classification);
    }
    int limit = p.limitOrDefault(DEFAULT_LIMIT);
    if (limit > MAX_LIMIT) {
      throw new AtlasApiException(AtlasErrorCode.INVALID_PARAMETERS, "limit=" + limit);
    }
    int offset = p.offsetOrZero();

    String pushedType = "_ALL_ENTITY_TYPES".equals(typeName) ? null : typeName;
    String pushedClassification =
        classification != null && classification.startsWith("_") ? null : classification;
    String prefix =
        query != null && query.endsWith("*") && query.indexOf('*') == query.length() - 1
            ? query.substring(0, query.length() - 1)
            : null;
    Map<String, String> equalities = pushableEqualities(p.entityFilters());

    Predicate<Entity> matches = e -> true;
    if (typeName != null && Boolean.FALSE.equals(p.includeSubTypes())) {
      matches = matches.and(e -> e.typeName().equals(typeName));
    }
    if ("_CLASSIFIED".equals(classification)) {
      matches = matches.and(e -> !e.classifications().isEmpty());
    } else if ("_NOT_CLASSIFIED".equals(classification)) {
      matches = matches.and(e -> e.classifications().isEmpty());
    }
    if (query != null && prefix == null) {
      String text = query.replace("*", "").toLowerCase(Locale.ROOT);
      matches = matches.and(e -> contains(e.name(), text) || contains(e.qualifiedName(), text));
    }
    if (p.entityFilters() != null) {
      matches = matches.and(new FilterMatcher(p.entityFilters()));
    }

    List<Entity> hits = new ArrayList<>();
    for (int page = 0; page < MAX_CANDIDATES; page += SearchQuery.MAX_LIMIT) {
      SearchResult result =
          catalog.search(
              new SearchQuery(
                  prefix,
                  pushedType,
                  pushedClassification,
                  tenant,
                  equalities,
                  SearchQuery.MAX_LIMIT,
                  page),
              visibility);
      result.entities().stream().filter(matches).forEach(hits::add);
      if (result.entities().size() < SearchQuery.MAX_LIMIT
          || page + SearchQuery.MAX_LIMIT >= result.total()) {
        break;
      }
    }
    if (p.sortBy() != null) {
      Comparator<Entity> order =
          Comparator.comparing(e -> String.valueOf(FilterMatcher.value(e, p.sortBy())));
      hits.sort("DESCENDING".equals(p.sortOrder()) ? order.reversed() : order);
    }
    Set<String> requested = p.attributes() == null ? Set.of() : p.attributes();
    List<AtlasEntityHeader> page =
        hits.stream().skip(offset).limit(limit).map(e -> mapper.header(e, requested)).toList();
    return new AtlasSearchResult("BASIC", p, query, typeName, classification, page, hits.size());
  }

  /**
   * Refuses, as Atlas does, what parses as JSON but is no search: no parameters at all, negative
   * paging, an unknown sort order or condition, a null attribute name.
   */
  private static void validate(SearchParameters p) {
    if (p == null) {
      throw new AtlasApiException(
          AtlasErrorCode.INVALID_PARAMETERS, "the body is not a SearchParameters object");
    }
    if ((p.limit() != null && p.limit() < 0) || (p.offset() != null && p.offset() < 0)) {
      throw new AtlasApiException(
          AtlasErrorCode.BAD_REQUEST, "Limit/offset should be non-negative");
    }
    if (p.sortOrder() != null
        && !"ASCENDING".equals(p.sortOrder())
        && !"DESCENDING".equals(p.sortOrder())) {
      throw new AtlasApiException(
          AtlasErrorCode.INVALID_PARAMETERS,
          "sortOrder=" + p.sortOrder() + " is neither ASCENDING nor DESCENDING");
    }
    if (p.attributes() != null && p.attributes().contains(null)) {
      throw new AtlasApiException(AtlasErrorCode.INVALID_PARAMETERS, "attributes holds null");
    }
    validate(p.entityFilters(), "entityFilters");
    validate(p.tagFilters(), "tagFilters");
  }

  private static void validate(FilterCriteria filters, String where) {
    if (filters == null) {
      return;
    }
    String condition = filters.condition();
    if (condition != null
        && !"AND".equalsIgnoreCase(condition)
        && !"OR".equalsIgnoreCase(condition)) {
      throw new AtlasApiException(
          AtlasErrorCode.INVALID_PARAMETERS,
          where + ".condition=" + condition + " is neither AND nor OR");
    }
    if (filters.isGroup()) {
      filters.criterion().forEach(c -> validate(c, where + ".criterion"));
    }
  }

  /** Equality filters under a top-level AND (or alone), which the catalog's search can take. */
  private static Map<String, String> pushableEqualities(FilterCriteria filters) {
    Map<String, String> out = new LinkedHashMap<>();
    if (filters == null) {
      return out;
    }
    List<FilterCriteria> leaves =
        filters.isGroup()
            ? ("AND".equalsIgnoreCase(filters.condition()) ? filters.criterion() : List.of())
            : List.of(filters);
    for (FilterCriteria leaf : leaves) {
      if (!leaf.isGroup()
          && leaf.attributeName() != null
          && !leaf.attributeName().startsWith("__")
          && !"name".equals(leaf.attributeName())
          && FilterMatcher.isEquality(leaf.operator())
          && leaf.attributeValue() != null) {
        out.put(leaf.attributeName(), leaf.attributeValue());
      }
    }
    return out;
  }

  private static boolean contains(String value, String lowerText) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(lowerText);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}

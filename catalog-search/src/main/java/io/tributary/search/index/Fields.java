package io.tributary.search.index;

/** Names of the index's fields, for queries built outside this package. */
public final class Fields {
  public static final String GUID = "guid";
  public static final String TENANT = "tenant";
  public static final String TYPE = "type";
  public static final String KIND = "kind";
  public static final String QUALIFIED_NAME = "qn";
  public static final String QUALIFIED_NAME_LC = "qn_lc";
  public static final String NAME = "name";
  public static final String NAME_LC = "name_lc";
  public static final String NAME_WORDS = "name_words";
  public static final String NAME_TOKEN = "name_token";
  public static final String ALL = "all";
  public static final String FIELDS = "fields";
  public static final String FIELD_EXACT = "field";
  public static final String CLASSIFICATION = "classification";
  public static final String OWNER = "owner";
  public static final String DATASET = "dataset";
  public static final String DESCRIPTION = "description";
  public static final String PRODUCERS = "producers";
  public static final String CONSUMERS = "consumers";
  public static final String QUALITY_FAILURES = "quality_failures";
  public static final String UPDATED = "updated";
  public static final String VECTOR = "vector";

  private Fields() {}
}

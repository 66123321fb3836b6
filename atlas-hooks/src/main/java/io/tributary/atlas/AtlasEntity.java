package io.tributary.atlas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Atlas's {@code AtlasEntity}. Attribute values are JSON-like; references to other entities are
 * {@link AtlasObjectId}s when built here and maps when parsed.
 *
 * @param guid a real guid, a negative placeholder ({@code "-1"}) for a new entity, or null
 * @param createTime epoch milliseconds, as Atlas writes dates
 * @param customAttributes Atlas's free-form string map of an entity (since Atlas 2.1); a write that
 *     carries it replaces the whole map, one that omits it (null) leaves the map as it is
 */
public record AtlasEntity(
    String typeName,
    Map<String, Object> attributes,
    String guid,
    String status,
    String createdBy,
    String updatedBy,
    Long createTime,
    Long updateTime,
    Long version,
    Map<String, Object> relationshipAttributes,
    List<AtlasClassification> classifications,
    Map<String, String> customAttributes) {
  public AtlasEntity {
    attributes = Copies.map(attributes);
    relationshipAttributes = Copies.mapOrNull(relationshipAttributes);
    classifications = Copies.listOrNull(classifications);
    customAttributes = Copies.mapOrNull(customAttributes);
  }

  public Map<String, String> customAttributesOrEmpty() {
    return customAttributes == null ? Map.of() : customAttributes;
  }

  public Object attribute(String name) {
    return attributes.get(name);
  }

  public String qualifiedName() {
    Object value = attributes.get(AtlasNames.QUALIFIED_NAME);
    return value == null ? null : value.toString();
  }

  public Map<String, Object> relationshipAttributesOrEmpty() {
    return relationshipAttributes == null ? Map.of() : relationshipAttributes;
  }

  public List<AtlasClassification> classificationsOrEmpty() {
    return classifications == null ? List.of() : classifications;
  }

  public AtlasEntity withGuid(String newGuid) {
    return toBuilder().guid(newGuid).build();
  }

  public static Builder builder(String typeName) {
    return new Builder(typeName);
  }

  public Builder toBuilder() {
    Builder b = new Builder(typeName);
    b.attributes.putAll(attributes);
    b.guid = guid;
    b.status = status;
    b.createdBy = createdBy;
    b.updatedBy = updatedBy;
    b.createTime = createTime;
    b.updateTime = updateTime;
    b.version = version;
    if (relationshipAttributes != null) {
      b.relationshipAttributes.putAll(relationshipAttributes);
    }
    b.classifications = classifications;
    b.customAttributes = customAttributes;
    return b;
  }

  /** Builds an entity attribute by attribute. */
  public static final class Builder {
    private final String typeName;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final Map<String, Object> relationshipAttributes = new LinkedHashMap<>();
    private String guid;
    private String status;
    private String createdBy;
    private String updatedBy;
    private Long createTime;
    private Long updateTime;
    private Long version;
    private List<AtlasClassification> classifications;
    private Map<String, String> customAttributes;

    private Builder(String typeName) {
      this.typeName = typeName;
    }

    public Builder attribute(String name, Object value) {
      attributes.put(name, value);
      return this;
    }

    public Builder attributes(Map<String, Object> values) {
      attributes.putAll(values);
      return this;
    }

    public Builder relationshipAttribute(String name, Object value) {
      relationshipAttributes.put(name, value);
      return this;
    }

    public Builder guid(String value) {
      this.guid = value;
      return this;
    }

    public Builder status(String value) {
      this.status = value;
      return this;
    }

    public Builder createdBy(String value) {
      this.createdBy = value;
      return this;
    }

    public Builder updatedBy(String value) {
      this.updatedBy = value;
      return this;
    }

    public Builder createTime(Long value) {
      this.createTime = value;
      return this;
    }

    public Builder updateTime(Long value) {
      this.updateTime = value;
      return this;
    }

    public Builder version(Long value) {
      this.version = value;
      return this;
    }

    public Builder classifications(List<AtlasClassification> value) {
      this.classifications = value;
      return this;
    }

    public Builder customAttributes(Map<String, String> value) {
      this.customAttributes = value;
      return this;
    }

    public AtlasEntity build() {
      return new AtlasEntity(
          typeName,
          attributes,
          guid,
          status,
          createdBy,
          updatedBy,
          createTime,
          updateTime,
          version,
          relationshipAttributes,
          classifications,
          customAttributes);
    }
  }
}

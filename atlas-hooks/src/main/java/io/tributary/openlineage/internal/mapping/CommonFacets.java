package io.tributary.openlineage.internal.mapping;

import static io.tributary.openlineage.internal.mapping.Facets.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Facets that datasets, jobs and runs share: documentation, ownership and tags. */
final class CommonFacets {
  private static final String[] DOCUMENTATION = {Attributes.DESCRIPTION};
  private static final String[] OWNERSHIP = {Attributes.OWNERS, Attributes.OWNER};
  private static final String[] TAGS = {Attributes.TAGS};

  private final Classifier classifier;

  CommonFacets(Classifier classifier) {
    this.classifier = classifier;
  }

  void documentation(MutationDraft.EntityDraft entity, JsonNode... containers) {
    apply(
        entity,
        "documentation",
        facet -> Facets.putText(entity, Attributes.DESCRIPTION, facet, "description"),
        DOCUMENTATION,
        containers);
  }

  /** {@code owners}: every owner's name; {@code owner}: the first one (Atlas has one owner). */
  void ownership(MutationDraft.EntityDraft entity, JsonNode... containers) {
    apply(
        entity,
        "ownership",
        facet -> {
          List<String> owners = new ArrayList<>();
          for (JsonNode owner : facet.path("owners")) {
            String name = Facets.text(owner, "name");
            if (name != null) {
              owners.add(name);
            }
          }
          entity.put(Attributes.OWNERS, Collections.unmodifiableList(owners));
          entity.put(Attributes.OWNER, owners.isEmpty() ? null : owners.get(0));
        },
        OWNERSHIP,
        containers);
  }

  /**
   * Tags without a {@code field} become the {@code tags} map of the entity (values of a repeated
   * key joined with ','), and classify it when they name a classification. Tags with a {@code
   * field} are left to the caller (they belong to a column).
   */
  void tags(MutationDraft.EntityDraft entity, JsonNode... containers) {
    apply(
        entity,
        "tags",
        facet -> {
          Map<String, String> tags = new LinkedHashMap<>();
          for (JsonNode tag : facet.path("tags")) {
            if (Facets.text(tag, "field") == null) {
              addTag(entity, tags, tag);
            }
          }
          entity.put(Attributes.TAGS, Collections.unmodifiableMap(tags));
        },
        TAGS,
        containers);
  }

  /** Adds one tag to a tag map and classifies the entity when the tag names a classification. */
  void addTag(MutationDraft.EntityDraft entity, Map<String, String> tags, JsonNode tag) {
    String key = Facets.text(tag, "key");
    String value = Facets.text(tag, "value");
    if (key == null) {
      return;
    }
    String text = value == null ? "" : value;
    tags.merge(key, text, (a, b) -> a.equals(b) ? a : a + "," + b);
    classifier.classify(entity, key, value);
  }
}

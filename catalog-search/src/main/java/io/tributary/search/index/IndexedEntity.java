package io.tributary.search.index;

import io.tributary.catalog.Guid;
import io.tributary.contract.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * What the index keeps of one entity: its identity, its text, and the few facts that questions and
 * insights filter on without reading the catalog.
 *
 * @param dataset for a column, its dataset's qualifiedName; else null
 * @param producers for a dataset, how many processes write it; for a process, its outputs
 * @param consumers for a dataset, how many processes read it; for a process, its inputs
 * @param qualityFailures how many of the dataset's last data-quality assertions failed
 */
public record IndexedEntity(
    Guid guid,
    TenantId tenant,
    String typeName,
    EntityKind kind,
    String qualifiedName,
    String name,
    String description,
    List<String> fields,
    List<String> tags,
    List<String> owners,
    List<String> classifications,
    String dataset,
    String context,
    int producers,
    int consumers,
    int qualityFailures,
    long updateTime) {
  public IndexedEntity {
    Objects.requireNonNull(guid, "guid");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(qualifiedName, "qualifiedName");
    fields = fields == null ? List.of() : List.copyOf(fields);
    tags = tags == null ? List.of() : List.copyOf(tags);
    owners = owners == null ? List.of() : List.copyOf(owners);
    classifications = classifications == null ? List.of() : List.copyOf(classifications);
  }

  /** The sentence a model embeds: type, name and what describes it, most telling first. */
  public String embeddingText() {
    StringBuilder out = new StringBuilder();
    out.append(String.join(" ", Words.split(typeName))).append(' ');
    out.append(String.join(" ", Words.split(name == null ? qualifiedName : name)));
    if (dataset != null) {
      out.append(" field of ").append(String.join(" ", Words.split(dataset)));
    }
    if (description != null && !description.isBlank()) {
      out.append(". ").append(description);
    }
    if (!fields.isEmpty()) {
      out.append(". fields: ");
      out.append(
          String.join(
              ", ", fields.stream().limit(40).map(f -> String.join(" ", Words.split(f))).toList()));
    }
    if (!tags.isEmpty() || !classifications.isEmpty()) {
      out.append(". tags: ").append(String.join(", ", tags));
      if (!classifications.isEmpty()) {
        out.append(", ").append(String.join(", ", classifications));
      }
    }
    if (context != null && !context.isBlank()) {
      out.append(". ").append(context);
    }
    return out.toString();
  }
}

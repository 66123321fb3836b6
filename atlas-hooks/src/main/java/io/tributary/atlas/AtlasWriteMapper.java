package io.tributary.atlas;

import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns catalog mutations into Atlas writes for a remote Atlas: the reverse of {@link
 * AtlasRequestResolver}, with the same relationship-attribute rules.
 *
 * <p>A relationship travels as a relationship attribute of an entity the mutation writes,
 * preferring the end Atlas's hooks use ({@code Process.inputs}, {@code Process.outputs}, {@code
 * DataSet.columns}); in Atlas such an attribute holds the whole set, so an entity's {@code inputs}
 * become those its latest write names. A relationship neither of whose ends the mutation writes
 * becomes an {@link AtlasRelationship}.
 */
public final class AtlasWriteMapper {
  private final AtlasTypedefStore typedefs;
  private final Function<EntityKey, String> qualifiedNames;

  /**
   * @param qualifiedNames the qualifiedName Atlas stores for a key (the remote backend encodes the
   *     tenant into it)
   */
  public AtlasWriteMapper(AtlasTypedefStore typedefs, Function<EntityKey, String> qualifiedNames) {
    this.typedefs = Objects.requireNonNull(typedefs, "typedefs");
    this.qualifiedNames = Objects.requireNonNull(qualifiedNames, "qualifiedNames");
  }

  /**
   * Plans one mutation.
   *
   * @param placeholderCounter the last placeholder used (placeholder {@code -n} for the n-th
   *     entity): share it across the mutations of one request so that their placeholders differ
   * @param sameRequest whether the entities travel in one request, so that references between them
   *     use their placeholders as Atlas requires; otherwise references are by unique attribute only
   *     and Atlas resolves them (creating shell entities for those not yet written)
   */
  public AtlasWritePlan plan(
      Mutation mutation,
      java.util.concurrent.atomic.AtomicInteger placeholderCounter,
      boolean sameRequest) {
    Map<EntityKey, AtlasEntity.Builder> creates = new LinkedHashMap<>();
    Map<EntityKey, AtlasEntity.Builder> partials = new LinkedHashMap<>();
    Map<EntityKey, String> placeholders = new LinkedHashMap<>();
    for (EntityWrite write : mutation.entities()) {
      EntityKey key = write.key();
      // Atlas needs a name to create an Asset; an entity without one (a run) is created whole.
      boolean create =
          write.name() != null
              || creates.containsKey(key)
              || !typedefs.registry().isA(key.typeName(), "Asset");
      Map<EntityKey, AtlasEntity.Builder> target = create ? creates : partials;
      AtlasEntity.Builder b = target.get(key);
      if (b == null) {
        b = AtlasEntity.builder(key.typeName());
        b.attribute(AtlasNames.QUALIFIED_NAME, qualifiedNames.apply(key));
        if (create) {
          String placeholder = "-" + placeholderCounter.incrementAndGet();
          placeholders.put(key, placeholder);
          b.guid(placeholder);
        }
        if (partials.containsKey(key)) {
          b.attributes(partials.remove(key).build().attributes());
        }
        target.put(key, b);
      }
      if (write.name() != null) {
        b.attribute(AtlasNames.NAME, write.name());
      }
      b.attributes(write.attributes());
      if (!write.classifications().isEmpty()) {
        b.classifications(
            write.classifications().stream().sorted().map(AtlasClassification::of).toList());
      }
    }
    creates.forEach((key, b) -> AtlasNativeTypes.fillMandatory(key, b.build(), b));

    Map<EntityKey, Map<String, List<AtlasObjectId>>> carried = new LinkedHashMap<>();
    Map<EntityKey, Map<String, Boolean>> single = new LinkedHashMap<>();
    List<AtlasRelationship> loose = new ArrayList<>();
    for (RelationshipWrite rel : mutation.relationships()) {
      Optional<Carrier> carrier = carrier(rel, creates.keySet(), partials.keySet());
      if (carrier.isEmpty() && !sameRequest) {
        // Notifications have no relationship message: carry it on the container end instead.
        carrier = container(rel);
        carrier.ifPresent(c -> partials.computeIfAbsent(c.key(), this::bare));
      }
      if (carrier.isEmpty()) {
        loose.add(relationship(rel));
        continue;
      }
      Carrier c = carrier.get();
      carried
          .computeIfAbsent(c.key(), k -> new LinkedHashMap<>())
          .computeIfAbsent(c.end().name(), n -> new ArrayList<>())
          .add(sameRequest ? reference(c.other(), placeholders) : reference(c.other()));
      single
          .computeIfAbsent(c.key(), k -> new LinkedHashMap<>())
          .put(c.end().name(), c.end().single());
    }
    carried.forEach(
        (key, byName) -> {
          AtlasEntity.Builder b = creates.containsKey(key) ? creates.get(key) : partials.get(key);
          byName.forEach(
              (name, refs) ->
                  b.relationshipAttribute(
                      name, single.get(key).get(name) ? refs.get(refs.size() - 1) : refs));
        });
    return new AtlasWritePlan(keyed(creates), keyed(partials), loose);
  }

  private static List<AtlasWritePlan.Keyed> keyed(Map<EntityKey, AtlasEntity.Builder> builders) {
    List<AtlasWritePlan.Keyed> out = new ArrayList<>(builders.size());
    builders.forEach((key, b) -> out.add(new AtlasWritePlan.Keyed(key, b.build())));
    return out;
  }

  /** A reference to a stored entity by type and unique attribute, as Atlas's hooks send it. */
  public AtlasObjectId reference(EntityKey key) {
    return AtlasObjectId.ofQualifiedName(key.typeName(), qualifiedNames.apply(key));
  }

  private AtlasObjectId reference(EntityKey key, Map<EntityKey, String> placeholders) {
    AtlasObjectId byName = reference(key);
    String placeholder = placeholders.get(key);
    // Atlas resolves a reference to an entity of the same request only through its placeholder.
    return placeholder == null
        ? byName
        : new AtlasObjectId(
            placeholder, key.typeName(), byName.uniqueAttributes(), null, null, null, null, null);
  }

  private record Carrier(EntityKey key, RelationshipEnd end, EntityKey other) {}

  private Optional<Carrier> carrier(
      RelationshipWrite rel, java.util.Set<EntityKey> creates, java.util.Set<EntityKey> partials) {
    Optional<RelationshipEnd> fromEnd = end(rel.typeName(), rel.from().typeName(), true);
    Optional<RelationshipEnd> toEnd = end(rel.typeName(), rel.to().typeName(), false);
    // The container end first: Process.inputs/outputs, DataSet.columns, Process.runs.
    boolean containerIsTo = Types.REL_INPUTS.equals(rel.typeName());
    List<Carrier> candidates = new ArrayList<>();
    Carrier onFrom = fromEnd.map(e -> new Carrier(rel.from(), e, rel.to())).orElse(null);
    Carrier onTo = toEnd.map(e -> new Carrier(rel.to(), e, rel.from())).orElse(null);
    if (containerIsTo) {
      candidates.add(onTo);
      candidates.add(onFrom);
    } else {
      candidates.add(onFrom);
      candidates.add(onTo);
    }
    for (java.util.Set<EntityKey> written : List.of(creates, partials)) {
      for (Carrier c : candidates) {
        if (c != null && written.contains(c.key())) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Carrier> container(RelationshipWrite rel) {
    if (Types.REL_INPUTS.equals(rel.typeName())) {
      return end(rel.typeName(), rel.to().typeName(), false)
          .map(e -> new Carrier(rel.to(), e, rel.from()));
    }
    return end(rel.typeName(), rel.from().typeName(), true)
        .map(e -> new Carrier(rel.from(), e, rel.to()));
  }

  private AtlasEntity.Builder bare(EntityKey key) {
    return AtlasEntity.builder(key.typeName())
        .attribute(AtlasNames.QUALIFIED_NAME, qualifiedNames.apply(key));
  }

  private Optional<RelationshipEnd> end(
      String relationshipType, String entityType, boolean isFrom) {
    return typedefs.endsOf(entityType).stream()
        .filter(e -> e.relationshipType().equals(relationshipType) && e.isFrom() == isFrom)
        .findFirst();
  }

  private AtlasRelationship relationship(RelationshipWrite rel) {
    boolean reversed = Types.REL_INPUTS.equals(rel.typeName());
    EntityKey end1 = reversed ? rel.to() : rel.from();
    EntityKey end2 = reversed ? rel.from() : rel.to();
    return AtlasRelationship.of(rel.typeName(), reference(end1), reference(end2));
  }
}

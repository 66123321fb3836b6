package io.tributary.search.summary;

import io.tributary.catalog.Entity;
import java.util.List;
import java.util.Map;

/**
 * A generated description.
 *
 * @param text one to three sentences
 * @param facts the figures the text was made from, by name
 * @param related the entities the text names (writers, readers, inputs, outputs)
 * @param description the description a person wrote, if any: shown first, never overwritten
 */
public record Summary(
    Entity entity,
    String text,
    Map<String, Object> facts,
    List<Entity> related,
    String description) {
  public Summary {
    facts = Map.copyOf(facts);
    related = List.copyOf(related);
  }
}

package io.tributary.search.index;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.catalog.Visibility;
import io.tributary.search.embed.Embedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Text search over the index with the caller's visibility applied to every hit: each candidate is
 * read back through {@link Catalog#get(Guid, Visibility)}, the same check every other read makes,
 * so an entity the caller may not see is never returned, counted or hinted at.
 */
public final class HybridSearch {
  /** Reciprocal-rank fusion's constant: ranks matter, scores of the two rankers never mix. */
  private static final int RRF_K = 60;

  /**
   * Vector hits below this similarity are noise, not meaning: a query always has nearest
   * neighbours. Lucene's dot-product score is (1 + cosine) / 2.
   */
  private static final double MIN_SEMANTIC_SCORE = (1 + 0.20) / 2;

  private final SearchIndex index;
  private final Embedder embedder;
  private final Catalog catalog;

  public HybridSearch(SearchIndex index, Embedder embedder, Catalog catalog) {
    this.index = Objects.requireNonNull(index, "index");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** Index hits (not yet checked for visibility), best first. */
  public List<Hit> candidates(String text, SearchMode mode, IndexFilter filter, int k) {
    SearchMode effective = embedder.enabled() ? mode : SearchMode.KEYWORD;
    List<Hit> hits =
        switch (effective) {
          case KEYWORD -> index.keyword(text, filter, k);
          case SEMANTIC -> semantic(text, filter, k);
          case HYBRID -> fuse(index.keyword(text, filter, k), semantic(text, filter, k));
        };
    return filter.kind() == null && filter.types().isEmpty() ? withDatasets(hits) : hits;
  }

  /**
   * A matching field stands for its dataset too: "customer emails" matches the field {@code email}
   * and should show the topic that holds it, just above the field.
   */
  private List<Hit> withDatasets(List<Hit> hits) {
    java.util.Set<String> emitted = new java.util.HashSet<>();
    List<Hit> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      IndexedEntity e = h.entity();
      if (e.kind() == EntityKind.COLUMN && e.dataset() != null) {
        List<Hit> owner =
            index.query(
                new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term(Fields.QUALIFIED_NAME, e.dataset())),
                new IndexFilter(e.tenant(), java.util.Set.of(), null, EntityKind.DATASET),
                1);
        if (!owner.isEmpty() && emitted.add(owner.get(0).entity().guid().value())) {
          out.add(new Hit(owner.get(0).entity(), h.score()));
        }
      }
      if (emitted.add(e.guid().value())) {
        out.add(h);
      }
    }
    return out;
  }

  /**
   * The visible entities among the best candidates, best first.
   *
   * @param want how many visible entities the caller needs at most (offset + limit)
   */
  public List<Ranked> search(
      String text, SearchMode mode, IndexFilter filter, Visibility visibility, int want) {
    int k = Math.min(1000, Math.max(50, want * 3));
    List<Ranked> out = new ArrayList<>();
    for (Hit hit : candidates(text, mode, filter, k)) {
      Optional<Entity> visible = catalog.get(hit.entity().guid(), visibility);
      visible.ifPresent(e -> out.add(new Ranked(e, hit.score())));
    }
    return out;
  }

  private List<Hit> semantic(String text, IndexFilter filter, int k) {
    return index.semantic(embedder.embed(text), filter, k).stream()
        .filter(h -> h.score() >= MIN_SEMANTIC_SCORE)
        .toList();
  }

  static List<Hit> fuse(List<Hit> keyword, List<Hit> semantic) {
    Map<Guid, Hit> byGuid = new LinkedHashMap<>();
    Map<Guid, Double> scores = new LinkedHashMap<>();
    for (List<Hit> ranking : List.of(keyword, semantic)) {
      for (int rank = 0; rank < ranking.size(); rank++) {
        Hit h = ranking.get(rank);
        byGuid.putIfAbsent(h.entity().guid(), h);
        scores.merge(h.entity().guid(), 1.0 / (RRF_K + rank + 1), Double::sum);
      }
    }
    List<Hit> fused = new ArrayList<>();
    scores.forEach((guid, score) -> fused.add(new Hit(byGuid.get(guid).entity(), score)));
    // Ties broken by guid so that the same catalog always gives the same order.
    fused.sort(
        Comparator.comparingDouble(Hit::score)
            .reversed()
            .thenComparing(h -> h.entity().guid().value()));
    return fused;
  }
}

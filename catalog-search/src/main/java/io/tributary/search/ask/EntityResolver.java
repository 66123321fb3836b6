package io.tributary.search.ask;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Visibility;
import io.tributary.search.index.EntityKind;
import io.tributary.search.index.Fields;
import io.tributary.search.index.Hit;
import io.tributary.search.index.IndexFilter;
import io.tributary.search.index.SearchIndex;
import io.tributary.search.index.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Finds the entity a phrase names: an exact name or qualified name first (with the phrase's words
 * joined as names are: {@code order enricher} → {@code order-enricher}), then names whose words
 * match the phrase's words allowing typos, prefixes and synonyms. When two or more fit about
 * equally well, it gives them all as candidates instead of guessing.
 */
final class EntityResolver {
  private static final int CANDIDATES = 40;

  /** Two matches closer than this are a tie: the question is ambiguous. */
  private static final double TIE = 0.08;

  private final SearchIndex index;
  private final Catalog catalog;

  EntityResolver(SearchIndex index, Catalog catalog) {
    this.index = index;
    this.catalog = catalog;
  }

  /**
   * @param field whether the phrase names a field (a column) rather than a dataset or a job
   */
  Resolution resolve(String phrase, IndexFilter filter, boolean field, Visibility visibility) {
    IndexFilter f = field ? filter.withKind(EntityKind.COLUMN) : filter;
    // The name as written first: "inventory.levels" is the topic, not the job inventory-levels.
    List<Entity> exact =
        keep(
            visible(
                index.query(
                    exactQuery(Set.of(phrase.toLowerCase(Locale.ROOT).strip())), f, CANDIDATES),
                visibility),
            field);
    if (exact.isEmpty()) {
      exact = keep(visible(index.query(exactQuery(phrase), f, CANDIDATES), visibility), field);
    }
    if (exact.size() == 1) {
      return new Resolution(phrase, exact.get(0), List.of());
    }
    if (exact.size() > 1) {
      return new Resolution(phrase, null, sorted(exact));
    }
    Query fuzzy = fuzzyQuery(phrase);
    if (fuzzy == null) {
      return new Resolution(phrase, null, List.of());
    }
    List<Entity> found = keep(visible(index.query(fuzzy, f, CANDIDATES), visibility), field);
    if (found.isEmpty()) {
      return new Resolution(phrase, null, List.of());
    }
    List<String> words = Words.split(phrase);
    Map<Entity, Double> scored = new LinkedHashMap<>();
    for (Entity e : found) {
      scored.put(
          e, similarity(words, Words.split(e.name() == null ? e.qualifiedName() : e.name())));
    }
    List<Entity> ranked = new ArrayList<>(scored.keySet());
    ranked.sort(
        Comparator.comparingDouble((Entity e) -> -scored.get(e))
            .thenComparing(Entity::qualifiedName)
            .thenComparing(e -> e.guid().value()));
    double top = scored.get(ranked.get(0));
    List<Entity> ties = ranked.stream().filter(e -> scored.get(e) >= top - TIE).toList();
    if (ties.size() == 1) {
      return new Resolution(phrase, ranked.get(0), List.of());
    }
    return new Resolution(phrase, null, ties.stream().limit(10).toList());
  }

  /** Entities whose schema has a field the phrase names (exact, then by its words). */
  List<Hit> withField(String phrase, IndexFilter filter, int k) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (String v : variants(phrase)) {
      q.add(new TermQuery(new Term(Fields.FIELD_EXACT, v)), BooleanClause.Occur.SHOULD);
    }
    List<Hit> exact = index.query(q.build(), filter, k);
    if (!exact.isEmpty()) {
      return exact;
    }
    Query words = index.parse(Fields.FIELDS, String.join(" ", Words.split(phrase)));
    return words == null ? List.of() : index.query(words, filter, k);
  }

  static Set<String> variants(String phrase) {
    String p = phrase.toLowerCase(Locale.ROOT).strip();
    Set<String> out = new LinkedHashSet<>();
    out.add(p);
    List<String> words = Words.split(p);
    for (String sep : List.of("-", "_", ".", "")) {
      out.add(String.join(sep, words));
    }
    return out;
  }

  private static Query exactQuery(String phrase) {
    return exactQuery(variants(phrase));
  }

  private static Query exactQuery(Set<String> variants) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (String v : variants) {
      q.add(new TermQuery(new Term(Fields.NAME_LC, v)), BooleanClause.Occur.SHOULD);
      q.add(new TermQuery(new Term(Fields.QUALIFIED_NAME_LC, v)), BooleanClause.Occur.SHOULD);
    }
    return q.build();
  }

  private Query fuzzyQuery(String phrase) {
    List<String> words = Words.split(phrase);
    if (words.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    int clauses = 0;
    for (String word : words) {
      BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
      if (word.length() >= 4) {
        // Typos against the names' words as written: the stemmed field holds "price" for
        // "pricing", which "prciing" is three edits from.
        alternatives.add(
            new FuzzyQuery(
                new Term(Fields.NAME_TOKEN, word), word.length() >= 5 ? 2 : 1, 0, 50, true),
            BooleanClause.Occur.SHOULD);
      }
      for (String term : alternatives(word)) {
        alternatives.add(
            new TermQuery(new Term(Fields.NAME_WORDS, term)), BooleanClause.Occur.SHOULD);
        if (term.length() >= 4) {
          int edits = term.length() >= 5 ? 2 : 1;
          alternatives.add(
              new FuzzyQuery(new Term(Fields.NAME_WORDS, term), edits, 0, 50, true),
              BooleanClause.Occur.SHOULD);
        }
        if (term.length() >= 3) {
          alternatives.add(
              new PrefixQuery(new Term(Fields.NAME_WORDS, term)), BooleanClause.Occur.SHOULD);
        }
      }
      q.add(alternatives.build(), BooleanClause.Occur.SHOULD);
      clauses++;
    }
    q.setMinimumNumberShouldMatch(clauses);
    return q.build();
  }

  private List<String> alternatives(String word) {
    Set<String> out = new LinkedHashSet<>();
    out.add(word);
    out.addAll(index.terms(word));
    String lemma = Lexicon.lemma(word);
    for (String syn : Lexicon.SYNONYMS.getOrDefault(lemma, List.of())) {
      out.add(syn);
      out.addAll(index.terms(syn));
    }
    return new ArrayList<>(out);
  }

  /**
   * How well a name's words cover the phrase's words, in 0..1: exact 1, typos and prefixes less.
   */
  static double similarity(List<String> phrase, List<String> name) {
    if (phrase.isEmpty() || name.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (String p : phrase) {
      double best = 0;
      for (String n : name) {
        best = Math.max(best, wordSimilarity(p, n));
      }
      sum += best;
    }
    // Extra words in the name make the match less exact: "orders" fits "orders" better than
    // "orders-enriched".
    return sum / Math.max(phrase.size(), name.size());
  }

  private static double wordSimilarity(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    String la = Lexicon.lemma(a);
    String lb = Lexicon.lemma(b);
    if (la.equals(lb)) {
      return 0.95;
    }
    if (b.startsWith(a) || a.startsWith(b)) {
      return 0.8;
    }
    for (String syn : Lexicon.SYNONYMS.getOrDefault(la, List.of())) {
      if (syn.equals(lb)) {
        return 0.7;
      }
    }
    int d = distance(a, b);
    if (d <= (Math.max(a.length(), b.length()) >= 6 ? 2 : 1)) {
      return 0.85 - 0.05 * d;
    }
    return 0;
  }

  /** Edit distance counting a swap of neighbours as one edit (typing errors). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private List<Entity> visible(List<Hit> hits, Visibility visibility) {
    List<Entity> out = new ArrayList<>();
    for (Hit h : hits) {
      Optional<Entity> e = catalog.get(h.entity().guid(), visibility);
      e.ifPresent(out::add);
    }
    return out;
  }

  private static List<Entity> sorted(List<Entity> entities) {
    List<Entity> out = new ArrayList<>(entities);
    out.sort(Comparator.comparing(Entity::typeName).thenComparing(Entity::qualifiedName));
    return out;
  }

  /** Columns answer for fields only; datasets and jobs for everything else. */
  private static List<Entity> keep(List<Entity> entities, boolean field) {
    return entities.stream()
        .filter(e -> field == io.tributary.catalog.Types.COLUMN.equals(e.typeName()))
        .toList();
  }
}

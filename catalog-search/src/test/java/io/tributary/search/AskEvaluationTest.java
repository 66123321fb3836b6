package io.tributary.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Entity;
import io.tributary.catalog.Visibility;
import io.tributary.search.ask.Answer;
import io.tributary.search.estate.Estate;
import io.tributary.search.estate.Estates;
import io.tributary.search.index.IndexFilter;
import io.tributary.search.index.Ranked;
import io.tributary.search.index.SearchMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation set: questions over the demo estate and a generated one of a few thousand
 * entities, each with its expected intent and answer. Fails below 90% correct; writes accuracy per
 * intent, and search recall@5 and MRR, to {@code target/evaluation/report.md}.
 */
class AskEvaluationTest {
  private static final int GENERATED_DOMAINS = 60;
  private static final List<String> SAMPLED =
      List.of("billing", "fraud", "pricing", "claims", "sensors");

  @TempDir static Path dir;
  private static Estate estate;
  private static CatalogSearch search;

  record Case(String intent, String question, String expected) {}

  @BeforeAll
  static void start() throws Exception {
    estate = Estate.open(dir.resolve("catalog"));
    Estates.demo(estate);
    Estates.generated(estate, GENERATED_DOMAINS);
    search =
        CatalogSearch.start(
            estate.catalog(),
            estate.types(),
            CatalogSearch.Options.of(dir).withClock(Clock.fixed(Estates.NOW, ZoneOffset.UTC)));
    assertThat(
            search
                .indexer()
                .awaitSearchable(estate.catalog().changes().lastSequence(), Duration.ofMinutes(5)))
        .isTrue();
  }

  @AfterAll
  static void stop() {
    search.close();
    estate.close();
  }

  @Test
  void answersAtLeastNinetyPercentOfTheEvaluationSetCorrectly() throws IOException {
    List<Case> cases = new ArrayList<>(read("ask-demo.tsv"));
    for (Case template : read("ask-generated.tsv")) {
      for (String d : SAMPLED) {
        cases.add(
            new Case(
                template.intent(), expand(template.question(), d), expand(template.expected(), d)));
      }
    }
    Map<String, int[]> byIntent = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int correct = 0;
    for (Case c : cases) {
      Answer a = search.questions().ask(c.question(), Visibility.all(), Visibility.all());
      boolean ok = a.intent().label().equals(c.intent()) && meets(a, c.expected());
      int[] counts = byIntent.computeIfAbsent(c.intent(), k -> new int[2]);
      counts[1]++;
      if (ok) {
        counts[0]++;
        correct++;
      } else {
        failures.add(
            "| "
                + c.question()
                + " | "
                + c.intent()
                + " | "
                + a.intent().label()
                + " | "
                + a.answer().replace("|", "/")
                + " |");
      }
    }
    double accuracy = (double) correct / cases.size();
    double[] searchFigures = searchFigures();
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "Questions: %d, correct: %d (%.1f%%)%n%n| intent | questions | correct |%n|---|---|---|%n",
            cases.size(),
            correct,
            100 * accuracy));
    byIntent.forEach(
        (intent, n) ->
            report.append(
                String.format(
                    Locale.ROOT, "| %s | %d | %.0f%% |%n", intent, n[1], 100.0 * n[0] / n[1])));
    report.append(
        String.format(
            Locale.ROOT,
            "%nSearch (hybrid): %d queries, recall@5 %.2f, MRR %.2f%n",
            (int) searchFigures[2],
            searchFigures[0],
            searchFigures[1]));
    report.append(
        "\nWrong answers:\n\n| question | expected | got | answer |\n|---|---|---|---|\n");
    failures.forEach(f -> report.append(f).append('\n'));
    Path out = Path.of("target", "evaluation");
    Files.createDirectories(out);
    Files.writeString(out.resolve("report.md"), report.toString());
    assertThat(accuracy).as(report.toString()).isGreaterThanOrEqualTo(0.9);
    assertThat(searchFigures[0]).as(report.toString()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void theSameQuestionOverTheSameCatalogGivesTheSameAnswer() {
    for (String q : List.of("what feeds inventory", "which topics hold PII", "customer emails")) {
      Answer first = search.questions().ask(q, Visibility.all(), Visibility.all());
      Answer second = search.questions().ask(q, Visibility.all(), Visibility.all());
      assertThat(second).isEqualTo(first);
    }
  }

  /** recall@5, MRR and the number of queries, hybrid mode. */
  private static double[] searchFigures() throws IOException {
    List<String[]> queries = new ArrayList<>();
    for (Case c : read("search.tsv")) {
      if (c.intent().contains("{d}")) {
        for (String d : SAMPLED) {
          queries.add(new String[] {expand(c.intent(), d), expand(c.question(), d)});
        }
      } else {
        queries.add(new String[] {c.intent(), c.question()});
      }
    }
    double found = 0;
    double reciprocal = 0;
    for (String[] q : queries) {
      List<Ranked> hits =
          search.search().search(q[0], SearchMode.HYBRID, IndexFilter.none(), Visibility.all(), 10);
      for (int i = 0; i < Math.min(5, hits.size()); i++) {
        Entity e = hits.get(i).entity();
        if (q[1].equals(e.name())
            || e.qualifiedName().contains("/" + q[1] + "@")
            || e.qualifiedName().endsWith("/" + q[1])
            || q[1].equals(e.qualifiedName())) {
          found++;
          reciprocal += 1.0 / (i + 1);
          break;
        }
      }
    }
    return new double[] {found / queries.size(), reciprocal / queries.size(), queries.size()};
  }

  private static boolean meets(Answer a, String expected) {
    if (expected.equals("-")) {
      return a.results().isEmpty();
    }
    boolean ambiguous = expected.startsWith("?");
    String list = ambiguous ? expected.substring(1) : expected;
    List<Entity> pool = new ArrayList<>();
    if (ambiguous) {
      pool.addAll(a.candidates());
      if (pool.isEmpty()) {
        return false;
      }
    } else {
      pool.addAll(a.entities());
      pool.addAll(a.results());
      pool.addAll(a.candidates());
    }
    for (String token : list.split(",")) {
      String t = token.strip().toLowerCase(Locale.ROOT);
      if (t.startsWith("~")) {
        if (!a.answer().toLowerCase(Locale.ROOT).contains(t.substring(1))) {
          return false;
        }
      } else if (pool.stream().noneMatch(e -> names(e).contains(t))) {
        return false;
      }
    }
    return true;
  }

  private static String names(Entity e) {
    return ((e.name() == null ? "" : e.name()) + " " + e.qualifiedName()).toLowerCase(Locale.ROOT);
  }

  private static String expand(String text, String domain) {
    String typo =
        domain.substring(0, 2) + domain.charAt(3) + domain.charAt(2) + domain.substring(4);
    return text.replace("{d}", domain).replace("{t}", typo);
  }

  private static List<Case> read(String name) throws IOException {
    try (InputStream in = AskEvaluationTest.class.getResourceAsStream("/evaluation/" + name)) {
      List<Case> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        out.add(new Case(parts[0], parts[1], parts.length > 2 ? parts[2] : ""));
      }
      return out;
    }
  }
}

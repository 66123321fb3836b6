package io.tributary.search.ask;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Takes a question apart: tokens, the intent (cue words plus structure), the phrases that name
 * entities, the types and time window it restricts to.
 */
final class QuestionParser {
  private static final List<Intent> PRIORITY =
      List.of(
          Intent.COUNT,
          Intent.PATH,
          Intent.IMPACT,
          Intent.SILENT,
          Intent.LAST_RUN,
          Intent.QUALITY,
          Intent.FAILED_RUNS,
          Intent.OWNERS,
          Intent.CLASSIFICATION,
          Intent.UPSTREAM,
          Intent.DOWNSTREAM,
          Intent.SCHEMA,
          Intent.DESCRIBE,
          Intent.SEARCH);

  private final Clock clock;

  QuestionParser(Clock clock) {
    this.clock = clock;
  }

  ParsedQuestion parse(String question) {
    List<Token> tokens = tokens(question);
    boolean[] named = new boolean[tokens.size()];
    List<String> spans = new ArrayList<>();
    List<int[]> spanRanges = new ArrayList<>();
    Set<String> types = new LinkedHashSet<>();
    boolean fieldWord = false;
    for (int i = 0; i < tokens.size(); i++) {
      named[i] = namesSomething(tokens.get(i));
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.quoted()
          && t.text().equals("kafka")
          && i + 1 < tokens.size()
          && tokens.get(i + 1).lemma().equals("stream")) {
        // "Kafka Streams applications": one type of job, neither a topic nor a stream.
        types.add(io.tributary.catalog.Types.KAFKA_STREAMS_APPLICATION);
        i++;
        continue;
      }
      if (!t.quoted() && Lexicon.TYPES.containsKey(t.lemma())) {
        fieldWord |= t.lemma().equals("field") || t.lemma().equals("column");
        // "the payments topic", "job order-enricher": the word names the entity's type, not
        // the answer's.
        boolean describesName = (i > 0 && named[i - 1]) || (i + 1 < tokens.size() && named[i + 1]);
        if (!describesName) {
          types.addAll(Lexicon.TYPES.get(t.lemma()));
        }
      }
    }
    for (int i = 0; i < tokens.size(); ) {
      if (!named[i]) {
        i++;
        continue;
      }
      int j = i;
      List<String> words = new ArrayList<>();
      while (j < tokens.size() && named[j]) {
        words.add(tokens.get(j).text());
        j++;
      }
      spans.add(String.join(" ", words));
      spanRanges.add(new int[] {i, j});
      i = j;
    }
    boolean fieldSpan = fieldWord && adjacentToFieldWord(tokens, spanRanges);
    Intent intent = intent(tokens, spanRanges, fieldSpan, types);
    if (types.contains(io.tributary.catalog.Types.KAFKA_TOPIC)
        && tokens.stream().anyMatch(t -> t.text().equals("kafka"))) {
      // "Kafka topics": the narrower type wins.
      types.remove(io.tributary.catalog.Types.PULSAR_TOPIC);
      types.remove(io.tributary.catalog.Types.MQTT_TOPIC);
    }
    if (types.contains(io.tributary.catalog.Types.FLINK_APPLICATION)
        || types.contains(io.tributary.catalog.Types.KAFKA_STREAMS_APPLICATION)) {
      types.remove(io.tributary.catalog.Types.PROCESS);
    }
    return new ParsedQuestion(
        question.strip(),
        intent,
        List.copyOf(spans),
        Set.copyOf(types),
        fieldSpan,
        since(tokens),
        classification(tokens));
  }

  static List<Token> tokens(String question) {
    List<Token> out = new ArrayList<>();
    String text = question.strip();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' || c == '`' || c == '\u201c') {
        int end = text.indexOf(c == '\u201c' ? '\u201d' : c, i + 1);
        if (end > i) {
          for (String w : text.substring(i + 1, end).trim().split("\\s+")) {
            if (!w.isEmpty()) {
              out.add(new Token(w.toLowerCase(Locale.ROOT), w.toLowerCase(Locale.ROOT), true));
            }
          }
          i = end + 1;
          continue;
        }
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int j = i;
      while (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
        j++;
      }
      String word = trim(text.substring(i, j));
      if (word.endsWith("'s")) {
        word = word.substring(0, word.length() - 2);
      }
      if (!word.isEmpty()) {
        out.add(Lexicon.token(word.toLowerCase(Locale.ROOT), false));
      }
      i = j;
    }
    return out;
  }

  private static String trim(String word) {
    int a = 0;
    int b = word.length();
    while (a < b && !Character.isLetterOrDigit(word.charAt(a))) {
      a++;
    }
    while (b > a && !Character.isLetterOrDigit(word.charAt(b - 1))) {
      b--;
    }
    return word.substring(a, b);
  }

  /** Whether a token can be part of a name: identifiers always, plain words unless a cue. */
  private static boolean namesSomething(Token t) {
    if (t.quoted() || isIdentifier(t.text())) {
      return true;
    }
    if (Lexicon.STOP.contains(t.text()) || Lexicon.STOP.contains(t.lemma())) {
      return false;
    }
    if (Lexicon.TYPES.containsKey(t.lemma())) {
      return false;
    }
    if (cue(t) != null) {
      return false;
    }
    return !t.text().matches("\\d+");
  }

  private static Map<Intent, Integer> cue(Token t) {
    Map<Intent, Integer> cue = Lexicon.WORDS.get(t.lemma());
    return cue != null ? cue : Lexicon.WORDS.get(t.text());
  }

  static boolean isIdentifier(String text) {
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (c == '-' || c == '_' || c == '.' || c == '/' || c == ':' || c == '@') {
        return true;
      }
    }
    return false;
  }

  private static boolean adjacentToFieldWord(List<Token> tokens, List<int[]> ranges) {
    for (int[] r : ranges) {
      for (int k : new int[] {r[0] - 1, r[1]}) {
        if (k >= 0 && k < tokens.size()) {
          String l = tokens.get(k).lemma();
          if (l.equals("field") || l.equals("column")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private Intent intent(
      List<Token> tokens, List<int[]> spans, boolean fieldSpan, Set<String> types) {
    Map<Intent, Integer> score = new EnumMap<>(Intent.class);
    List<String> lemmas = tokens.stream().map(Token::lemma).toList();
    for (Token t : tokens) {
      if (t.quoted() || isIdentifier(t.text())) {
        continue;
      }
      Map<Intent, Integer> cue = cue(t);
      if (cue != null) {
        cue.forEach((intent, w) -> score.merge(intent, w, Integer::sum));
      }
    }
    for (Lexicon.Phrase p : Lexicon.PHRASES) {
      if (contains(lemmas, p.lemmas())) {
        score.merge(p.intent(), p.weight(), Integer::sum);
      }
    }
    direction(tokens, spans, score);
    boolean jobs = types.stream().anyMatch(t -> t.equals("Process") || t.endsWith("application"));
    boolean datasets =
        types.stream().anyMatch(t -> !t.equals("Process") && !t.endsWith("application"));
    if (score.getOrDefault(Intent.FAILED_RUNS, 0) > 0) {
      score.merge(
          jobs ? Intent.FAILED_RUNS : datasets ? Intent.QUALITY : Intent.FAILED_RUNS,
          2,
          Integer::sum);
    }
    if (lemmas.contains("if")
        && (lemmas.contains("change")
            || lemmas.contains("chang")
            || lemmas.contains("drop")
            || lemmas.contains("delete")
            || lemmas.contains("remove")
            || lemmas.contains("rename")
            || lemmas.contains("alter")
            || lemmas.contains("modify")
            || lemmas.contains("modifi"))) {
      score.merge(Intent.IMPACT, 4, Integer::sum);
    }
    if (lemmas.contains("where") && lemmas.get(lemmas.size() - 1).equals("from")) {
      score.merge(Intent.UPSTREAM, 3, Integer::sum);
    }
    if (spans.size() >= 2
        && (lemmas.contains("from") && lemmas.contains("to") || lemmas.contains("between"))) {
      score.merge(Intent.PATH, 3, Integer::sum);
    }
    if (fieldSpan
        && !score.containsKey(Intent.DOWNSTREAM)
        && !score.containsKey(Intent.UPSTREAM)
        && !score.containsKey(Intent.CLASSIFICATION)
        && !score.containsKey(Intent.IMPACT)) {
      score.merge(Intent.SCHEMA, 2, Integer::sum);
    }
    if (lemmas.contains("when") && lemmas.contains("run")) {
      score.merge(Intent.LAST_RUN, 2, Integer::sum);
    }
    if (tokens.stream().anyMatch(t -> t.text().equals("happened"))) {
      // "what happened to X" asks for its recent runs, "what happens if X changes" for impact.
      score.merge(Intent.LAST_RUN, 6, Integer::sum);
    }
    if (spans.size() >= 2
        && !lemmas.isEmpty()
        && (lemmas.get(0).equals("be") || lemmas.get(0).equals("do"))
        && (score.containsKey(Intent.UPSTREAM) || score.containsKey(Intent.DOWNSTREAM))) {
      // "is orders upstream of order-alerts", "does X feed Y": whether one reaches the other.
      score.merge(Intent.PATH, 8, Integer::sum);
    }
    if (types.contains("stream") || lemmas.contains("stream")) {
      score.merge(Intent.SILENT, score.containsKey(Intent.SILENT) ? 1 : 0, Integer::sum);
    }
    Intent best = Intent.SEARCH;
    int bestScore = 0;
    for (Intent i : PRIORITY) {
      int s = score.getOrDefault(i, 0);
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    }
    return best;
  }

  /**
   * "what feeds X" asks for X's producers (upstream), "what does X feed" and "what is fed by X" for
   * its consumers (downstream); reading verbs the other way round.
   */
  private static void direction(List<Token> tokens, List<int[]> spans, Map<Intent, Integer> score) {
    for (int v = 0; v < tokens.size(); v++) {
      Token t = tokens.get(v);
      if (t.quoted() || isIdentifier(t.text())) {
        continue;
      }
      boolean producer = Lexicon.PRODUCER_VERBS.contains(t.lemma());
      boolean consumer = Lexicon.CONSUMER_VERBS.contains(t.lemma());
      if (!producer && !consumer) {
        continue;
      }
      int verb = v;
      boolean agent =
          spans.stream().anyMatch(r -> r[1] <= verb)
              || (verb + 1 < tokens.size() && tokens.get(verb + 1).text().equals("by"));
      boolean upstream = producer != agent;
      score.merge(upstream ? Intent.UPSTREAM : Intent.DOWNSTREAM, 3, Integer::sum);
      return;
    }
  }

  /** Whether the lemmas hold the phrase, a {@code *} of it standing for any one word. */
  private static boolean contains(List<String> lemmas, List<String> phrase) {
    outer:
    for (int i = 0; i + phrase.size() <= lemmas.size(); i++) {
      for (int k = 0; k < phrase.size(); k++) {
        if (!phrase.get(k).equals("*") && !lemmas.get(i + k).equals(phrase.get(k))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private Instant since(List<Token> tokens) {
    Instant now = clock.instant();
    Instant today = now.truncatedTo(ChronoUnit.DAYS);
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.get(i).text();
      switch (w) {
        case "today":
          return today;
        case "yesterday":
          return today.minus(Duration.ofDays(1));
        case "recently":
          return now.minus(Duration.ofDays(1));
        case "week":
          return now.minus(Duration.ofDays(7));
        case "hour":
          return now.minus(Duration.ofHours(1));
        default:
          break;
      }
      if ((w.equals("last") || w.equals("past"))
          && i + 2 < tokens.size()
          && tokens.get(i + 1).text().matches("\\d{1,4}")) {
        long n = Long.parseLong(tokens.get(i + 1).text());
        String unit = tokens.get(i + 2).lemma();
        switch (unit) {
          case "minute":
            return now.minus(Duration.ofMinutes(n));
          case "hour":
            return now.minus(Duration.ofHours(n));
          case "day":
            return now.minus(Duration.ofDays(n));
          case "week":
            return now.minus(Duration.ofDays(7 * n));
          default:
            break;
        }
      }
    }
    return null;
  }

  private static String classification(List<Token> tokens) {
    for (Token t : tokens) {
      switch (t.lemma()) {
        case "pii", "personal", "gdpr", "private":
          return "PII";
        case "sensitive", "confidential":
          return "SENSITIVE";
        default:
          break;
      }
    }
    return null;
  }
}

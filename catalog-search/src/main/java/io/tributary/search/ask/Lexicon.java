package io.tributary.search.ask;

import io.tributary.catalog.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words a question is understood by: cues that point to an intent (with a weight), verbs whose
 * direction depends on which side the entity stands, type words, and words that carry no name.
 */
final class Lexicon {
  record Phrase(List<String> lemmas, Intent intent, int weight) {}

  /** "what feeds X": X is written by the answer. */
  static final Set<String> PRODUCER_VERBS =
      lemmas(
          "feed",
          "write",
          "produce",
          "populate",
          "fill",
          "generate",
          "emit",
          "publish",
          "load",
          "send",
          "push",
          "supply",
          "deliver");

  /** "who reads X": X is read by the answer. */
  static final Set<String> CONSUMER_VERBS =
      lemmas("read", "consume", "use", "subscribe", "ingest", "query", "pull", "listen");

  static final Map<String, Map<Intent, Integer>> WORDS = new HashMap<>();
  static final List<Phrase> PHRASES =
      List.of(
          phrase(Intent.UPSTREAM, 4, "come", "from"),
          phrase(Intent.UPSTREAM, 3, "derive", "from"),
          phrase(Intent.UPSTREAM, 2, "based", "on"),
          phrase(Intent.UPSTREAM, 3, "fed", "into"),
          phrase(Intent.DOWNSTREAM, 3, "end", "up"),
          phrase(Intent.DOWNSTREAM, 3, "sent", "to"),
          phrase(Intent.IMPACT, 3, "depend", "on"),
          phrase(Intent.IMPACT, 4, "blast", "radius"),
          phrase(Intent.IMPACT, 3, "what", "happen"),
          phrase(Intent.PATH, 3, "get", "to"),
          phrase(Intent.PATH, 2, "make", "it", "to"),
          phrase(Intent.OWNERS, 3, "in", "charge"),
          phrase(Intent.OWNERS, 2, "contact", "for"),
          phrase(Intent.OWNERS, 4, "ask", "about"),
          phrase(Intent.OWNERS, 4, "point", "of", "contact"),
          phrase(Intent.OWNERS, 3, "who", "to", "ask"),
          phrase(Intent.DESCRIBE, 4, "tell", "me", "about"),
          phrase(Intent.DESCRIBE, 3, "what", "be", "the", "purpose"),
          phrase(Intent.DESCRIBE, 4, "what", "do", "*", "do"),
          phrase(Intent.DESCRIBE, 3, "what", "be", "*"),
          phrase(Intent.CLASSIFICATION, 3, "personal", "data"),
          phrase(Intent.QUALITY, 3, "data", "quality"),
          phrase(Intent.LAST_RUN, 5, "last", "run"),
          phrase(Intent.LAST_RUN, 5, "last", "ran"),
          phrase(Intent.LAST_RUN, 4, "latest", "run"),
          phrase(Intent.LAST_RUN, 4, "last", "time"),
          phrase(Intent.LAST_RUN, 4, "last", "execution"),
          phrase(Intent.LAST_RUN, 4, "last", "execute"),
          phrase(Intent.LAST_RUN, 3, "most", "recent"),
          phrase(Intent.LAST_RUN, 5, "last", "write"),
          phrase(Intent.LAST_RUN, 4, "last", "update"),
          phrase(Intent.LAST_RUN, 4, "last", "active"),
          phrase(Intent.LAST_RUN, 4, "last", "seen"),
          phrase(Intent.LAST_RUN, 4, "last", "report"),
          phrase(Intent.LAST_RUN, 3, "when", "do"),
          phrase(Intent.LAST_RUN, 2, "when", "be"),
          phrase(Intent.SILENT, 5, "stop", "report"),
          phrase(Intent.SILENT, 5, "stop", "send"),
          phrase(Intent.SILENT, 4, "not", "report"),
          phrase(Intent.SILENT, 4, "no", "event"),
          phrase(Intent.SILENT, 4, "gone", "quiet"),
          phrase(Intent.SILENT, 3, "last", "heard"),
          phrase(Intent.SILENT, 4, "stop", "emit"),
          phrase(Intent.COUNT, 5, "how", "many"),
          phrase(Intent.COUNT, 3, "number", "of"));

  static {
    word(Intent.UPSTREAM, 3, "source", "origin", "provenance", "deriv", "derive");
    word(Intent.UPSTREAM, 4, "originate");
    word(Intent.UPSTREAM, 2, "lineage");
    word(Intent.DESCRIBE, 4, "describe", "summary", "summarize", "explain", "overview");
    word(Intent.SILENT, 3, "health", "healthy", "unhealthy", "status");
    word(Intent.UPSTREAM, 4, "upstream");
    word(Intent.UPSTREAM, 2, "input", "producer", "writer");
    word(Intent.DOWNSTREAM, 4, "downstream");
    word(Intent.DOWNSTREAM, 3, "consumer", "reader", "subscriber", "destination", "flow");
    word(Intent.DOWNSTREAM, 2, "sink", "output", "go");
    word(Intent.IMPACT, 4, "break", "impact", "affect", "blast");
    word(Intent.IMPACT, 3, "dependent", "affected", "depend");
    word(Intent.IMPACT, 2, "risk");
    word(Intent.PATH, 4, "path");
    word(Intent.PATH, 3, "route", "reach", "connect", "between");
    word(Intent.OWNERS, 4, "own", "owner", "ownership");
    word(Intent.OWNERS, 3, "responsible", "maintain", "maintainer", "steward", "whose");
    word(Intent.OWNERS, 2, "team");
    word(Intent.CLASSIFICATION, 4, "pii", "sensitive", "gdpr", "confidential");
    word(Intent.CLASSIFICATION, 3, "classified", "classification", "personal", "private");
    word(Intent.CLASSIFICATION, 1, "tag", "hold");
    word(Intent.QUALITY, 4, "quality");
    word(Intent.QUALITY, 3, "check", "assertion", "validation", "expectation");
    word(Intent.QUALITY, 2, "test", "valid", "invalid");
    word(Intent.FAILED_RUNS, 3, "fail", "failure", "error", "crash", "crashed");
    word(Intent.FAILED_RUNS, 2, "abort", "broken");
    word(Intent.SILENT, 4, "silent", "stale", "freshness", "idle", "inactive");
    word(Intent.SILENT, 3, "quiet", "fresh", "dead", "heartbeat");
    word(Intent.SILENT, 2, "stop", "stall");
    word(Intent.COUNT, 4, "count");
    word(Intent.COUNT, 2, "total");
    word(Intent.SCHEMA, 3, "schema");
    word(Intent.SCHEMA, 2, "field", "column");
    word(Intent.LAST_RUN, 1, "run", "ran");
    for (String verb : PRODUCER_VERBS) {
      WORDS.computeIfAbsent(verb, v -> new HashMap<>()).putIfAbsent(Intent.UPSTREAM, 0);
    }
    for (String verb : CONSUMER_VERBS) {
      WORDS.computeIfAbsent(verb, v -> new HashMap<>()).putIfAbsent(Intent.DOWNSTREAM, 0);
    }
  }

  /** Words that never name an entity. */
  static final Set<String> STOP =
      Set.copyOf(
          List.of(
              "the",
              "a",
              "an",
              "of",
              "to",
              "and",
              "or",
              "is",
              "are",
              "was",
              "were",
              "be",
              "been",
              "do",
              "does",
              "did",
              "what",
              "which",
              "who",
              "whom",
              "where",
              "when",
              "how",
              "why",
              "if",
              "in",
              "on",
              "at",
              "for",
              "from",
              "by",
              "with",
              "into",
              "me",
              "i",
              "show",
              "list",
              "tell",
              "give",
              "find",
              "all",
              "any",
              "there",
              "that",
              "this",
              "these",
              "those",
              "it",
              "its",
              "my",
              "our",
              "data",
              "please",
              "can",
              "could",
              "would",
              "you",
              "we",
              "they",
              "has",
              "have",
              "had",
              "get",
              "about",
              "currently",
              "now",
              "ever",
              "some",
              "each",
              "every",
              "most",
              "still",
              "s",
              "else",
              "other",
              "one",
              "ones",
              "their",
              "than",
              "more",
              "less",
              "will",
              "should",
              "happens",
              "happen",
              "changes",
              "change",
              "changed",
              "modify",
              "drop",
              "delete",
              "remove",
              "rename",
              "alter",
              "go",
              "goes",
              "went",
              "up",
              "end",
              "way",
              "many",
              "much",
              "number",
              "latest",
              "last",
              "recent",
              "recently",
              "time",
              "not",
              "no",
              "any",
              "anything",
              "something",
              "everything",
              "whatever",
              "else",
              "hold",
              "holds",
              "holding",
              "contain",
              "contains",
              "containing",
              "carry",
              "carries",
              "under",
              "over",
              "via",
              "through",
              "then",
              "after",
              "before",
              "so",
              "too",
              "also",
              "today",
              "yesterday",
              "week",
              "hour",
              "hours",
              "day",
              "days",
              "minute",
              "minutes",
              "past",
              "just",
              "been",
              "being",
              "come",
              "comes",
              "came",
              "derived",
              "based",
              "make",
              "made",
              "it",
              "gets",
              "got",
              "put",
              "sent",
              "send",
              "sends",
              "data",
              "set",
              "sets",
              "exist",
              "exists",
              "kind",
              "sort",
              "type",
              "types",
              "information",
              "info",
              "stuff",
              "thing",
              "things",
              "currently",
              "right",
              "like",
              "look",
              "looks",
              "need",
              "want",
              "know",
              "able",
              "see",
              "changing",
              "chang",
              "modifying",
              "dropping",
              "renaming",
              "deleting",
              "removing",
              "pass",
              "passed",
              "passing",
              "called",
              "named",
              "ask",
              "should",
              "purpose",
              "tell"));

  /** Type words: what they restrict the answer to. Empty sets mean "a dataset or a job". */
  static final Map<String, Set<String>> TYPES =
      Map.ofEntries(
          Map.entry("topic", Set.of(Types.KAFKA_TOPIC, Types.PULSAR_TOPIC, Types.MQTT_TOPIC)),
          Map.entry("dataset", Set.of(Types.DATASET)),
          Map.entry("table", Set.of(Types.DATASET)),
          Map.entry("stream", Set.of()),
          Map.entry("job", Set.of(Types.PROCESS)),
          Map.entry("application", Set.of(Types.PROCESS)),
          Map.entry("app", Set.of(Types.PROCESS)),
          Map.entry("pipeline", Set.of(Types.PROCESS)),
          Map.entry("process", Set.of(Types.PROCESS)),
          Map.entry("processor", Set.of(Types.PROCESS)),
          Map.entry("kafka", Set.of(Types.KAFKA_TOPIC)),
          Map.entry("pulsar", Set.of(Types.PULSAR_TOPIC)),
          Map.entry("kinesis", Set.of(Types.KINESIS_STREAM)),
          Map.entry("mqtt", Set.of(Types.MQTT_TOPIC)),
          Map.entry("flink", Set.of(Types.FLINK_APPLICATION)),
          Map.entry("field", Set.of()),
          Map.entry("column", Set.of()),
          Map.entry("entity", Set.of()),
          Map.entry("asset", Set.of()));

  /** Same-meaning words for names: "customer" finds a "contacts" topic, "mail" an "email". */
  static final Map<String, List<String>> SYNONYMS =
      Map.ofEntries(
          Map.entry("customer", List.of("contact", "client", "user", "account")),
          Map.entry("client", List.of("customer", "contact")),
          Map.entry("contact", List.of("customer", "client")),
          Map.entry("user", List.of("customer", "account", "member")),
          Map.entry("email", List.of("mail")),
          Map.entry("mail", List.of("email")),
          Map.entry("order", List.of("purchase")),
          Map.entry("purchase", List.of("order")),
          Map.entry("payment", List.of("transaction", "charge")),
          Map.entry("transaction", List.of("payment")),
          Map.entry("product", List.of("item", "sku")),
          Map.entry("item", List.of("product")),
          Map.entry("alert", List.of("notification", "alarm")),
          Map.entry("notification", List.of("alert")),
          Map.entry("stock", List.of("inventory")),
          Map.entry("inventory", List.of("stock")),
          Map.entry("address", List.of("location")),
          Map.entry("phone", List.of("telephone", "mobile")),
          Map.entry("event", List.of("log")),
          Map.entry("click", List.of("clickstream")));

  private Lexicon() {}

  static Token token(String word, boolean quoted) {
    return new Token(word, lemma(word), quoted);
  }

  /** A crude base form: plural and verb endings off, so "feeds", "fed" and "feeding" match. */
  static String lemma(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    switch (w) {
      case "fed":
        return "feed";
      case "ran", "running", "runs":
        return "run";
      case "goes", "went", "gone":
        return "go";
      case "does", "did", "done":
        return "do";
      case "is", "are", "was", "were", "been":
        return "be";
      case "has", "had":
        return "have";
      case "broke", "breaks", "breaking", "broken":
        return w.equals("broken") ? "broken" : "break";
      case "wrote", "written", "writes", "writing":
        return "write";
      case "read", "reads", "reading":
        return "read";
      case "data":
        return "data";
      default:
        break;
    }
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 4 && (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches"))) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
      return w.substring(0, w.length() - 1);
    }
    if (w.length() > 5 && w.endsWith("ing")) {
      return undouble(w.substring(0, w.length() - 3));
    }
    if (w.length() > 4 && w.endsWith("ed")) {
      String stem = undouble(w.substring(0, w.length() - 2));
      return stem.endsWith("at") || stem.endsWith("iz") || stem.endsWith("ris") ? stem + "e" : stem;
    }
    return w;
  }

  private static String undouble(String s) {
    int n = s.length();
    if (n > 2 && s.charAt(n - 1) == s.charAt(n - 2) && "bdgkmnprt".indexOf(s.charAt(n - 1)) >= 0) {
      return s.substring(0, n - 1);
    }
    return s;
  }

  private static Set<String> lemmas(String... words) {
    return Set.of(words);
  }

  private static void word(Intent intent, int weight, String... words) {
    for (String w : words) {
      WORDS.computeIfAbsent(w, k -> new HashMap<>()).merge(intent, weight, Math::max);
    }
  }

  private static Phrase phrase(Intent intent, int weight, String... lemmas) {
    return new Phrase(List.of(lemmas), intent, weight);
  }
}

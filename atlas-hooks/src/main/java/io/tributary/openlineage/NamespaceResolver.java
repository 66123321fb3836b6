package io.tributary.openlineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names the cluster behind an OpenLineage dataset namespace, as OpenLineage's own namespace
 * resolvers do: {@code kafka://broker-1.prod:9092} and {@code kafka://broker-2.prod:9092} are both
 * cluster {@code prod} once the pattern {@code kafka://broker-*.prod:9092} is mapped to it.
 *
 * <p>Patterns are globs ({@code *} any run of characters, {@code ?} one character), matched
 * case-insensitively. A pattern with {@code ://} matches the whole namespace; one without matches
 * the namespace's authority ({@code host:port}) or its host alone. When several patterns match, the
 * one with the most literal characters wins (ties: the smaller pattern string), so the result never
 * depends on map order. A namespace no pattern matches is its own cluster: its lower-cased
 * authority without user info ({@code kafka://Broker:9092} → {@code broker:9092}), or for an AWS
 * ARN ({@code arn:aws:kinesis:eu-west-1:123456789012}) {@code <region>:<account>}.
 */
public final class NamespaceResolver {
  private static final NamespaceResolver DEFAULTS = new NamespaceResolver(List.of());

  private final List<Rule> rules;

  private NamespaceResolver(List<Rule> rules) {
    this.rules = rules;
  }

  /** No patterns: every namespace is named by its authority. */
  public static NamespaceResolver defaults() {
    return DEFAULTS;
  }

  /**
   * A resolver from glob patterns to cluster names.
   *
   * @throws IllegalArgumentException naming the entry when a pattern or cluster is blank
   */
  public static NamespaceResolver of(Map<String, String> patternToCluster) {
    Objects.requireNonNull(patternToCluster, "patternToCluster");
    List<Rule> rules = new ArrayList<>(patternToCluster.size());
    patternToCluster.forEach(
        (pattern, cluster) -> {
          if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException(
                "Namespace pattern '" + pattern + "' (cluster '" + cluster + "') is blank");
          }
          if (cluster == null || cluster.isBlank()) {
            throw new IllegalArgumentException(
                "Cluster for namespace pattern '" + pattern + "' is blank");
          }
          rules.add(new Rule(pattern, cluster.strip()));
        });
    rules.sort(
        Comparator.comparingInt(Rule::literalLength).reversed().thenComparing(Rule::pattern));
    return new NamespaceResolver(List.copyOf(rules));
  }

  /** The cluster of {@code namespace}: the best matching pattern's, else the default name. */
  public String cluster(String namespace) {
    return cluster(namespace, null);
  }

  /**
   * The cluster of {@code namespace}: the best matching pattern's; else {@code hint} when it is not
   * blank (the producer's own answer, such as the {@code tributary_cluster} dataset facet that
   * Tributary's emitters send); else the default name. Configured patterns win so that the catalog
   * has the last word on its naming.
   */
  public String cluster(String namespace, String hint) {
    Objects.requireNonNull(namespace, "namespace");
    String authority = authority(namespace);
    for (Rule rule : rules) {
      if (rule.matches(namespace, authority)) {
        return rule.cluster();
      }
    }
    if (hint != null && !hint.isBlank()) {
      return hint.strip();
    }
    return defaultCluster(namespace, authority);
  }

  private static String defaultCluster(String namespace, String authority) {
    if (authority != null && !authority.isEmpty()) {
      return authority.toLowerCase(Locale.ROOT);
    }
    String[] arn = namespace.split(":", 6);
    if (arn.length >= 5 && arn[0].equalsIgnoreCase("arn") && !arn[3].isEmpty()) {
      return arn[4].isEmpty() ? arn[3] : arn[3] + ":" + arn[4];
    }
    return namespace;
  }

  /** {@code host:port} of {@code scheme://user@host:port/path}; null without {@code ://}. */
  static String authority(String namespace) {
    int scheme = namespace.indexOf("://");
    if (scheme < 0) {
      return null;
    }
    int start = scheme + 3;
    int end = namespace.length();
    for (int i = start; i < namespace.length(); i++) {
      char c = namespace.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    String authority = namespace.substring(start, end);
    int at = authority.lastIndexOf('@');
    return at < 0 ? authority : authority.substring(at + 1);
  }

  @Override
  public String toString() {
    return "NamespaceResolver" + rules;
  }

  private record Rule(String pattern, String cluster, Pattern regex, boolean wholeNamespace) {
    Rule(String pattern, String cluster) {
      this(pattern, cluster, glob(pattern), pattern.contains("://"));
    }

    int literalLength() {
      int n = 0;
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (c != '*' && c != '?') {
          n++;
        }
      }
      return n;
    }

    boolean matches(String namespace, String authority) {
      if (wholeNamespace) {
        return regex.matcher(namespace).matches();
      }
      if (authority == null) {
        return regex.matcher(namespace).matches();
      }
      if (regex.matcher(authority).matches()) {
        return true;
      }
      int colon = authority.lastIndexOf(':');
      return colon > 0 && regex.matcher(authority.substring(0, colon)).matches();
    }

    private static Pattern glob(String glob) {
      StringBuilder regex = new StringBuilder();
      StringBuilder literal = new StringBuilder();
      for (int i = 0; i < glob.length(); i++) {
        char c = glob.charAt(i);
        if (c == '*' || c == '?') {
          if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
          }
          regex.append(c == '*' ? ".*" : ".");
        } else {
          literal.append(c);
        }
      }
      if (literal.length() > 0) {
        regex.append(Pattern.quote(literal.toString()));
      }
      return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    @Override
    public String toString() {
      return pattern + "=" + cluster;
    }
  }
}

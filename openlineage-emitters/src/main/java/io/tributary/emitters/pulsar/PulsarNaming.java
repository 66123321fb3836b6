package io.tributary.emitters.pulsar;

import io.tributary.emitters.EmitterException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tributary's Pulsar dataset naming (OpenLineage has no Pulsar convention yet; see
 * docs/emitters.md), built like OpenLineage's Kafka naming so that one topic is one dataset whoever
 * reads or writes it: namespace {@code pulsar://<first service host>:<port>}, name = the topic's
 * full name {@code persistent://tenant/namespace/topic} without a partition suffix.
 */
public final class PulsarNaming {
  private static final int PLAIN_PORT = 6650;
  private static final int TLS_PORT = 6651;
  private static final String PARTITION = "-partition-";

  /*
   * Topic names as a client spells them ("orders", "acme/ns/orders-partition-3") to full names. The
   * record path asks on every message: a hit allocates nothing.
   */
  private static final ConcurrentHashMap<String, String> TOPICS = new ConcurrentHashMap<>();
  private static final int TOPIC_CACHE_LIMIT = 100_000;

  private PulsarNaming() {}

  /**
   * The namespace of a Pulsar service URL ({@code pulsar://h1:6650,h2:6650}, {@code
   * pulsar+ssl://h:6651}, {@code http://h:8080}): the first host and its port, scheme {@code
   * pulsar}. TLS and plain URLs of one cluster differ by port, as their Kafka counterparts do.
   */
  public static String namespace(Object serviceUrl) {
    if (serviceUrl == null || serviceUrl.toString().isBlank()) {
      throw new EmitterException("The Pulsar service URL is not set");
    }
    String url = serviceUrl.toString().trim();
    int scheme = url.indexOf("://");
    String protocol = scheme < 0 ? "pulsar" : url.substring(0, scheme).toLowerCase(Locale.ROOT);
    String rest = scheme < 0 ? url : url.substring(scheme + 3);
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == ',' || c == '/' || c == '?') {
        end = i;
        break;
      }
    }
    String first = rest.substring(0, end).toLowerCase(Locale.ROOT);
    if (first.isEmpty()) {
      throw new EmitterException("Pulsar service URL '" + url + "' has no host");
    }
    boolean bracketed = first.startsWith("[");
    int colon = first.lastIndexOf(':');
    boolean hasPort = colon > 0 && (!bracketed || colon > first.indexOf(']'));
    if (!hasPort) {
      int port = protocol.endsWith("+ssl") || protocol.equals("https") ? TLS_PORT : PLAIN_PORT;
      first = first + ":" + port;
    }
    return "pulsar://" + first;
  }

  /**
   * The full name of a topic as a client spells it: {@code orders} is {@code
   * persistent://public/default/orders}, {@code acme/ns/orders} is {@code
   * persistent://acme/ns/orders}, and a partition ({@code ...-partition-3}) is its topic.
   */
  public static String topic(String topic) {
    String known = TOPICS.get(topic);
    if (known != null) {
      return known;
    }
    String full = fullName(topic);
    if (TOPICS.size() < TOPIC_CACHE_LIMIT) {
      TOPICS.putIfAbsent(topic, full);
    }
    return full;
  }

  private static String fullName(String topic) {
    if (topic == null || topic.isBlank()) {
      throw new EmitterException("A Pulsar topic name is blank");
    }
    String name = topic.trim();
    int partition = name.lastIndexOf(PARTITION);
    if (partition > 0 && isDigits(name, partition + PARTITION.length())) {
      name = name.substring(0, partition);
    }
    if (name.contains("://")) {
      return name;
    }
    int slashes = (int) name.chars().filter(c -> c == '/').count();
    if (slashes == 0) {
      return "persistent://public/default/" + name;
    }
    return "persistent://" + name;
  }

  private static boolean isDigits(String s, int from) {
    if (from >= s.length()) {
      return false;
    }
    for (int i = from; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}

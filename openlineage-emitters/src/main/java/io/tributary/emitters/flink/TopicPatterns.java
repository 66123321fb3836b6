package io.tributary.emitters.flink;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resolves a source's topic pattern against the topics that exist now. */
final class TopicPatterns {
  private static final Logger LOG = LoggerFactory.getLogger(TopicPatterns.class);

  private TopicPatterns() {}

  static List<String> matching(Pattern pattern, Properties clientProperties) {
    if (clientProperties == null || clientProperties.getProperty("bootstrap.servers") == null) {
      return List.of();
    }
    Properties props = new Properties();
    clientProperties.forEach(
        (k, v) -> {
          String key = String.valueOf(k);
          // Only what an admin client needs: the connection and its security settings.
          if (key.equals("bootstrap.servers")
              || key.startsWith("security.")
              || key.startsWith("ssl.")
              || key.startsWith("sasl.")) {
            props.put(key, v);
          }
        });
    props.put("request.timeout.ms", "5000");
    props.put("default.api.timeout.ms", "5000");
    try (Admin admin = Admin.create(props)) {
      return admin
          .listTopics(new ListTopicsOptions().timeoutMs(5000))
          .names()
          .get(6, TimeUnit.SECONDS)
          .stream()
          .filter(t -> pattern.matcher(t).matches())
          .sorted()
          .toList();
    } catch (Exception | LinkageError e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.debug("Topic pattern {} not resolved: {}", pattern, e.toString());
      return List.of();
    }
  }
}

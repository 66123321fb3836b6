package io.tributary.emitters.kinesis;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the stream a request names, by ARN or by name in the client's region, to its dataset
 * name; answers are cached so that a known stream costs one map lookup and no allocation.
 */
final class StreamNames {
  private static final int LIMIT = 10_000;

  private final ConcurrentHashMap<String, KinesisNaming.StreamName> byArn =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, KinesisNaming.StreamName>>
      byRegion = new ConcurrentHashMap<>();
  private volatile String account;

  /**
   * @param account the configured account of streams named without an ARN, or null to learn it from
   *     the first ARN seen
   */
  StreamNames(String account) {
    this.account = account;
  }

  KinesisNaming.StreamName of(String arn, String name, String region) {
    if (arn != null) {
      KinesisNaming.StreamName known = byArn.get(arn);
      if (known != null) {
        return known;
      }
      KinesisNaming.StreamName parsed = KinesisNaming.fromArn(arn);
      if (account == null) {
        account = KinesisNaming.accountOf(arn);
      }
      if (byArn.size() < LIMIT) {
        byArn.put(arn, parsed);
      }
      return parsed;
    }
    if (name == null || region == null) {
      return null;
    }
    ConcurrentHashMap<String, KinesisNaming.StreamName> streams =
        byRegion.computeIfAbsent(region, r -> new ConcurrentHashMap<>());
    KinesisNaming.StreamName known = streams.get(name);
    if (known != null) {
      return known;
    }
    String acct = account;
    KinesisNaming.StreamName resolved =
        new KinesisNaming.StreamName(
            KinesisNaming.namespace(region, acct), KinesisNaming.name(name));
    // Cached once the account is known, so that a later ARN cannot leave two names for one stream.
    if (acct != null && streams.size() < LIMIT) {
      streams.put(name, resolved);
    }
    return resolved;
  }
}

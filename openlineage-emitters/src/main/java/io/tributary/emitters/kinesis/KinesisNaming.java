package io.tributary.emitters.kinesis;

import io.tributary.emitters.EmitterException;
import java.util.Locale;

/**
 * OpenLineage's Kinesis dataset naming: namespace {@code arn:aws:kinesis:<region>:<account>}, name
 * {@code stream/<stream name>}. Where the account is unknown (a request that names its stream
 * without an ARN, and no {@code openlineage.aws.account}), the namespace is {@code
 * kinesis://<region>}, which the catalog also reads as a Kinesis stream.
 */
public final class KinesisNaming {
  private static final String ARN = "arn:";
  private static final String STREAM = "stream/";

  private KinesisNaming() {}

  /** A stream as a dataset: its namespace and name. */
  public record StreamName(String namespace, String name) {}

  /**
   * @param account the 12-digit account, or null when unknown
   */
  public static String namespace(String region, String account) {
    if (region == null || region.isBlank()) {
      throw new EmitterException("The AWS region of a Kinesis stream is unknown");
    }
    String r = region.toLowerCase(Locale.ROOT);
    return account == null ? "kinesis://" + r : "arn:aws:kinesis:" + r + ":" + account;
  }

  /** The dataset name of a stream: {@code stream/<name>}. */
  public static String name(String stream) {
    return STREAM + stream;
  }

  /**
   * The stream of a stream ARN ({@code arn:aws:kinesis:us-east-1:123456789012:stream/orders}) or of
   * a consumer ARN ({@code ...:stream/orders/consumer/audit:1700000000}), in any AWS partition.
   */
  public static StreamName fromArn(String arn) {
    String[] parts = arn == null ? new String[0] : arn.split(":", 6);
    if (parts.length < 6
        || !arn.startsWith(ARN)
        || !parts[2].equals("kinesis")
        || !parts[5].startsWith(STREAM)) {
      throw new EmitterException("'" + arn + "' is not a Kinesis stream ARN");
    }
    String resource = parts[5].substring(STREAM.length());
    int slash = resource.indexOf('/');
    String stream = slash < 0 ? resource : resource.substring(0, slash);
    if (stream.isEmpty() || parts[3].isEmpty()) {
      throw new EmitterException("'" + arn + "' names no stream or region");
    }
    return new StreamName(namespace(parts[3], parts[4].isEmpty() ? null : parts[4]), name(stream));
  }

  /** The account of an ARN, or null. */
  static String accountOf(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length >= 5 && !parts[4].isEmpty() ? parts[4] : null;
  }
}

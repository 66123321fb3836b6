package io.tributary.server.problem;

/**
 * The {@code type} URIs of Tributary's problems: URNs (not meant to be fetched), each explained in
 * docs/http-api.md.
 */
public final class ProblemTypes {
  private static final String BASE = "urn:tributary:problem:";

  public static final String INVALID_JSON = BASE + "invalid-json";
  public static final String INVALID_EVENT = BASE + "invalid-event";
  public static final String INVALID_ENTITY = BASE + "invalid-entity";
  public static final String BAD_PARAMETER = BASE + "bad-parameter";
  public static final String BATCH_FAILED = BASE + "batch-failed";
  public static final String NOT_FOUND = BASE + "not-found";
  public static final String METHOD_NOT_ALLOWED = BASE + "method-not-allowed";
  public static final String NOT_ACCEPTABLE = BASE + "not-acceptable";
  public static final String PAYLOAD_TOO_LARGE = BASE + "payload-too-large";
  public static final String LIMIT_EXCEEDED = BASE + "limit-exceeded";
  public static final String UNSUPPORTED_MEDIA_TYPE = BASE + "unsupported-media-type";
  public static final String UNAUTHORIZED = BASE + "unauthorized";
  public static final String FORBIDDEN = BASE + "forbidden";
  public static final String QUOTA_EXCEEDED = BASE + "quota-exceeded";
  public static final String CONFLICT = BASE + "conflict";
  public static final String BAD_REQUEST = BASE + "bad-request";
  public static final String INVALID_PATH = BASE + "invalid-path";
  public static final String BAD_GATEWAY = BASE + "bad-gateway";
  public static final String OVERLOADED = BASE + "overloaded";
  public static final String NOT_IMPLEMENTED = BASE + "not-implemented";
  public static final String UNAVAILABLE = BASE + "unavailable";
  public static final String INTERNAL = BASE + "internal-error";
  public static final String HTTP = BASE + "http-error";

  private ProblemTypes() {}
}

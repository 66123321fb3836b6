package io.tributary.server.problem;

import java.util.Map;
import java.util.Objects;

/**
 * A request the server refuses, carrying the problem to answer with and any headers it needs
 * ({@code Retry-After}, {@code WWW-Authenticate}).
 */
public class ApiException extends RuntimeException {
  private final transient Problem problem;
  private final transient Map<String, String> headers;

  public ApiException(Problem problem, Map<String, String> headers) {
    super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
    this.problem = Objects.requireNonNull(problem, "problem");
    this.headers = Map.copyOf(headers);
  }

  public ApiException(Problem problem) {
    this(problem, Map.of());
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** 400 naming a query or path parameter. */
  public static ApiException badParameter(String parameter, String detail) {
    return new ApiException(
        Problem.of(
            400,
            ProblemTypes.BAD_PARAMETER,
            "Bad parameter '" + parameter + "'",
            "Parameter '" + parameter + "': " + detail));
  }

  public static ApiException notFound(String detail) {
    return new ApiException(Problem.of(404, ProblemTypes.NOT_FOUND, "Not found", detail));
  }
}

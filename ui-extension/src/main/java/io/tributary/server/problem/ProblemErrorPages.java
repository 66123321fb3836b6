package io.tributary.server.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bodies of the errors the HTTP server answers itself, before or after Jersey: problems instead
 * of Grizzly's HTML pages, which name the server, its version and the stack trace.
 */
public final class ProblemErrorPages implements ErrorPageGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorPages.class);

  private final ObjectMapper json;

  public ProblemErrorPages(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public String generate(
      Request request, int status, String reasonPhrase, String description, Throwable exception) {
    // Grizzly sets text/html only when no type is set yet.
    setContentType(request.getResponse().getResponse());
    return problem(status, exception).toJson(json).toString();
  }

  /** Answers {@code problem} on a response Grizzly has not committed yet. */
  public static void write(Response response, Problem problem, ObjectMapper json)
      throws IOException {
    byte[] body = problem.toJson(json).toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(problem.status());
    setContentType(response.getResponse());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * As a header, not only as the response's content type: Grizzly writes the latter only for
   * requests that named an HTTP version, and a malformed request line may name none.
   */
  static void setContentType(HttpResponsePacket response) {
    response.setContentType(Problem.MEDIA_TYPE);
    response.getHeaders().setValue(Header.ContentType).setString(Problem.MEDIA_TYPE);
  }

  /** Grizzly's own descriptions are not shown: they may carry exception messages. */
  static Problem problem(int status, Throwable exception) {
    if (status >= 500 && status != 503) {
      String id = UUID.randomUUID().toString();
      LOG.error("request failed in the HTTP server: error id {}", id, exception);
      return new Problem(
          ProblemTypes.INTERNAL,
          "Internal server error",
          status,
          "The server failed; report the error id " + id,
          List.of(),
          id,
          Map.of());
    }
    String type =
        switch (status) {
          case 400 -> ProblemTypes.BAD_REQUEST;
          case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
          case 503 -> ProblemTypes.UNAVAILABLE;
          default -> ProblemTypes.HTTP;
        };
    return Problem.of(status, type, title(status), null);
  }

  static String title(int status) {
    jakarta.ws.rs.core.Response.Status known =
        jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
    return known == null ? "HTTP error" : known.getReasonPhrase();
  }
}

package io.tributary.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.problem.Problem;
import io.tributary.server.problem.ProblemErrorPages;
import io.tributary.server.problem.ProblemTypes;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Stands in front of Jersey and answers 400 to a request whose path is not {@link CanonicalPath
 * canonical}, before Jersey parses, routes or authenticates it. Grizzly hands it the path of the
 * request target as the client sent it (it drops the scheme and host of an absolute URI, and
 * decodes, collapses or normalizes nothing), and Jersey builds its request URI from the same text.
 */
public final class CanonicalPathHandler extends HttpHandler {
  private final HttpHandler jersey;
  private final ObjectMapper json;

  public CanonicalPathHandler(HttpHandler jersey, ObjectMapper json) {
    this.jersey = Objects.requireNonNull(jersey, "jersey");
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    Optional<String> violation = CanonicalPath.violation(request.getRequestURI());
    if (violation.isPresent()) {
      refuse(response, ProblemTypes.INVALID_PATH, "Invalid path", violation.get());
      return;
    }
    try {
      jersey.service(request, response);
    } catch (IllegalArgumentException e) {
      // Jersey could not make a URI of the query or the Host header: the client's mistake.
      if (!(e.getCause() instanceof URISyntaxException) || response.isCommitted()) {
        throw e;
      }
      response.reset();
      refuse(
          response,
          ProblemTypes.BAD_REQUEST,
          "Bad Request",
          "The query or the Host header is not valid in a URI");
    }
  }

  private void refuse(Response response, String type, String title, String detail)
      throws IOException {
    ProblemErrorPages.write(response, Problem.of(400, type, title, detail), json);
  }

  @Override
  public void start() {
    jersey.start();
  }

  @Override
  public void destroy() {
    jersey.destroy();
  }
}

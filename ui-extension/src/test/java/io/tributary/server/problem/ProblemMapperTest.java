package io.tributary.server.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.contract.schema.Violation;
import io.tributary.ingest.IngestClosedException;
import io.tributary.ingest.IngestQueueFullException;
import io.tributary.openlineage.InvalidEventException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {
  private final ObjectMapper json = new ObjectMapper();
  private final ProblemMapper mapper = new ProblemMapper(json);

  private JsonNode body(Response response) throws Exception {
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    return json.readTree((String) response.getEntity());
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenTheIngestQueueIsFull() throws Exception {
    Response response =
        mapper.toResponse(new IngestQueueFullException(3, 100, Duration.ofSeconds(2)));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
    assertThat(body(response).path("detail").asText()).contains("capacity 100");
  }

  @Test
  void shouldAnswer503WithRetryAfterWhileShuttingDown() {
    Response response = mapper.toResponse(new CompletionException(new IngestClosedException()));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isNotBlank();
  }

  @Test
  void shouldUnwrapACommitFailureAndListTheViolations() throws Exception {
    Response response =
        mapper.toResponse(
            new CompletionException(
                new InvalidEventException(List.of(new Violation("/run/runId", "not a uuid")))));

    assertThat(response.getStatus()).isEqualTo(400);
    JsonNode violation = body(response).path("violations").get(0);
    assertThat(violation.path("pointer").asText()).isEqualTo("/run/runId");
    assertThat(violation.path("message").asText()).isEqualTo("not a uuid");
  }

  @Test
  void shouldAnswer404ForAnEntityNotFound() throws Exception {
    Response response = mapper.toResponse(new EntityNotFoundException("'orders@prod'"));

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(body(response).path("detail").asText()).contains("orders@prod");
  }

  @Test
  void shouldHideInternalsOfAServerErrorBehindAnErrorId() throws Exception {
    Response response =
        mapper.toResponse(new IllegalStateException("berkeley log file 00000003.jdb is corrupt"));

    assertThat(response.getStatus()).isEqualTo(500);
    JsonNode body = body(response);
    assertThat(body.toString()).doesNotContain("jdb").doesNotContain("IllegalState");
    assertThat(body.path("errorId").asText()).isNotBlank();
    assertThat(body.path("detail").asText()).contains(body.path("errorId").asText());
  }

  @Test
  void shouldKeepTheAllowHeaderOfA405() {
    Response response =
        mapper.toResponse(
            new NotAllowedException(Response.status(405).allow("GET", "POST").build()));

    assertThat(response.getStatus()).isEqualTo(405);
    assertThat(response.getAllowedMethods()).containsExactlyInAnyOrder("GET", "POST");
  }
}

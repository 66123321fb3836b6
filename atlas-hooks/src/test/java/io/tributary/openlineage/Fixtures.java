package io.tributary.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.contract.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The event corpus and lookups into translated mutations. */
final class Fixtures {
  static final TenantId TENANT = new TenantId("acme");
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Immutable and thread-safe; shared so the schemas compile once per test run. */
  static final EventTranslator TRANSLATOR =
      EventTranslator.create(NamespaceResolver.of(Map.of("kafka://broker-*.prod:9092", "prod")));

  private Fixtures() {}

  static JsonNode event(String name) {
    return read("/openlineage/events/valid/" + name);
  }

  static JsonNode read(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      assertThat(in).as("resource %s", resource).isNotNull();
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TranslatedEvent translate(String name) {
    return TRANSLATOR.translate(event(name), TENANT);
  }

  /** File names of one corpus directory ({@code valid} or {@code invalid}), sorted. */
  static List<String> corpus(String directory) {
    URL url = Fixtures.class.getResource("/openlineage/events/" + directory);
    assertThat(url).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static EntityKey key(String type, String qualifiedName) {
    return new EntityKey(TENANT, type, qualifiedName);
  }

  static Optional<EntityWrite> find(Mutation mutation, String type, String qualifiedName) {
    EntityKey key = key(type, qualifiedName);
    return mutation.entities().stream().filter(e -> e.key().equals(key)).findFirst();
  }

  static EntityWrite entity(Mutation mutation, String type, String qualifiedName) {
    return find(mutation, type, qualifiedName)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no "
                        + type
                        + " '"
                        + qualifiedName
                        + "' among "
                        + mutation.entities().stream().map(EntityWrite::key).toList()));
  }

  static List<EntityWrite> ofType(Mutation mutation, String type) {
    return mutation.entities().stream().filter(e -> e.key().typeName().equals(type)).toList();
  }

  static boolean related(Mutation mutation, String type, EntityKey from, EntityKey to) {
    return mutation.relationships().stream()
        .anyMatch(r -> r.typeName().equals(type) && r.from().equals(from) && r.to().equals(to));
  }

  static List<RelationshipWrite> relationships(Mutation mutation, String type) {
    return mutation.relationships().stream().filter(r -> r.typeName().equals(type)).toList();
  }
}

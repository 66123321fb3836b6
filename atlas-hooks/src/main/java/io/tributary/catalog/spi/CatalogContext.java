package io.tributary.catalog.spi;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.types.TypeRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a {@link CatalogBackend} opens a catalog with.
 *
 * @param dataDirectory the directory a backend that stores files owns
 * @param meters where a backend registers its metrics
 * @param types the entity and relationship types the catalog holds
 * @param feed where the catalog publishes its changes
 * @param settings the configuration as text, by key ({@code atlas.url}, {@code
 *     janusgraph.storage.hostname}, ...): defaults resolved, a key without a value absent. Each
 *     backend reads its own keys.
 */
public record CatalogContext(
    Path dataDirectory,
    MeterRegistry meters,
    TypeRegistry types,
    ChangeFeed feed,
    Map<String, String> settings) {
  public CatalogContext {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(meters, "meters");
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(feed, "feed");
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  /** A setting's value, if configured. */
  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  /** The settings under {@code prefix}, with the prefix removed, sorted by key. */
  public Map<String, String> settingsWithPrefix(String prefix) {
    Map<String, String> out = new TreeMap<>();
    settings.forEach(
        (key, value) -> {
          if (key.startsWith(prefix) && key.length() > prefix.length()) {
            out.put(key.substring(prefix.length()), value);
          }
        });
    return out;
  }
}

package io.tributary.emitters.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.DefaultConfigPathProvider;
import io.openlineage.client.OpenLineageClientException;
import io.openlineage.client.OpenLineageClientUtils;
import io.openlineage.client.OpenLineageConfig;
import io.openlineage.client.transports.ConsoleConfig;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.Transport;
import io.openlineage.client.transports.TransportConfig;
import io.openlineage.client.transports.TransportFactory;
import io.openlineage.client.utils.OpenLineageEnvParser;
import io.tributary.contract.IngestHeaders;
import io.tributary.emitters.EmitterConfig;
import io.tributary.emitters.EmitterException;
import io.tributary.emitters.Tenant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an OpenLineage transport from, in decreasing precedence: inline {@code
 * openlineage.transport.*} keys, {@code OPENLINEAGE__TRANSPORT__*} environment variables, an {@code
 * openlineage.yml} (the configured path, else OpenLineage's own lookup), and finally the console
 * transport, as OpenLineage's client does when nothing is configured.
 */
public final class TransportLoader {
  private static final Logger LOG = LoggerFactory.getLogger(TransportLoader.class);
  private static final TypeReference<OpenLineageConfig<?>> CONFIG_TYPE = new TypeReference<>() {};

  private TransportLoader() {}

  public static Transport load(EmitterConfig config) {
    TransportConfig transport =
        inline(config.transport())
            .or(TransportLoader::fromEnvironment)
            .or(() -> fromFile(config.configFile().orElse(null)))
            .orElseGet(ConsoleConfig::new);
    config.tenant().ifPresent(tenant -> addTenantHeader(transport, tenant));
    return new TransportFactory(transport).build();
  }

  /** Parses inline transport keys ({@code type}, {@code url}, {@code headers.X}, ...). */
  static Optional<TransportConfig> inline(Map<String, String> keys) {
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    if (keys.containsKey("type")) {
      try {
        TransportTypes.check(keys.get("type"));
      } catch (EmitterException e) {
        throw new EmitterException(
            "Transport settings " + keys.keySet() + " are invalid: " + e.getMessage(), e);
      }
    }
    Map<String, Object> nested = new LinkedHashMap<>();
    keys.forEach((key, value) -> put(nested, key, value));
    Map<String, Object> root = Map.of("transport", nested);
    try {
      byte[] json = new ObjectMapper().writeValueAsBytes(root);
      return Optional.ofNullable(read(new ByteArrayInputStream(json), false).getTransportConfig());
    } catch (IOException | OpenLineageClientException | IllegalArgumentException e) {
      throw new EmitterException(
          "Transport settings " + keys.keySet() + " are invalid: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> into, String dottedKey, String value) {
    int dot = dottedKey.indexOf('.');
    if (dot < 0) {
      into.put(dottedKey, value);
      return;
    }
    Object child = into.computeIfAbsent(dottedKey.substring(0, dot), k -> new LinkedHashMap<>());
    if (!(child instanceof Map)) {
      throw new EmitterException("Transport key '" + dottedKey + "' clashes with a plain value");
    }
    put((Map<String, Object>) child, dottedKey.substring(dot + 1), value);
  }

  private static Optional<TransportConfig> fromEnvironment() {
    if (!OpenLineageEnvParser.OpenLineageEnvVarsExist()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          OpenLineageClientUtils.loadOpenLineageConfigFromEnvVars(CONFIG_TYPE)
              .getTransportConfig());
    } catch (OpenLineageClientException e) {
      throw new EmitterException("OPENLINEAGE__ environment variables are invalid", e);
    }
  }

  private static Optional<TransportConfig> fromFile(Path explicit) {
    if (explicit != null) {
      try (InputStream in = Files.newInputStream(explicit)) {
        return Optional.ofNullable(read(in, true).getTransportConfig());
      } catch (IOException | OpenLineageClientException e) {
        throw new EmitterException("OpenLineage config '" + explicit + "' cannot be read", e);
      }
    }
    try {
      return Optional.ofNullable(
          OpenLineageClientUtils.loadOpenLineageConfigYaml(
                  new DefaultConfigPathProvider(), CONFIG_TYPE)
              .getTransportConfig());
    } catch (OpenLineageClientException e) {
      LOG.debug("No openlineage.yml found: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static OpenLineageConfig<?> read(InputStream in, boolean yaml) {
    return yaml
        ? OpenLineageClientUtils.loadOpenLineageConfigYaml(in, CONFIG_TYPE)
        : OpenLineageClientUtils.loadOpenLineageConfigJson(in, CONFIG_TYPE);
  }

  private static void addTenantHeader(TransportConfig transport, Tenant tenant) {
    if (transport instanceof HttpConfig http) {
      Map<String, String> headers =
          http.getHeaders() == null ? new HashMap<>() : new HashMap<>(http.getHeaders());
      headers.putIfAbsent(IngestHeaders.HTTP_TENANT, tenant.value());
      http.setHeaders(headers);
    }
  }
}

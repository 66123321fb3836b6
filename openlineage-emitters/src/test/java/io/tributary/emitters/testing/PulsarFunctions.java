package io.tributary.emitters.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pulsar.common.functions.FunctionConfig;
import org.apache.pulsar.common.functions.FunctionDefinition;
import org.apache.pulsar.common.io.ConnectorDefinition;
import org.apache.pulsar.common.io.SinkConfig;
import org.apache.pulsar.common.io.SourceConfig;
import org.apache.pulsar.functions.instance.AuthenticationConfig;
import org.apache.pulsar.functions.instance.InstanceConfig;
import org.apache.pulsar.functions.instance.stats.FunctionCollectorRegistry;
import org.apache.pulsar.functions.proto.Function.FunctionDetails;
import org.apache.pulsar.functions.runtime.RuntimeSpawner;
import org.apache.pulsar.functions.runtime.thread.ThreadRuntimeFactory;
import org.apache.pulsar.functions.secretsprovider.ClearTextSecretsProvider;
import org.apache.pulsar.functions.utils.FunctionConfigUtils;
import org.apache.pulsar.functions.utils.LoadedFunctionPackage;
import org.apache.pulsar.functions.utils.SinkConfigUtils;
import org.apache.pulsar.functions.utils.SourceConfigUtils;

/**
 * Pulsar's own Functions runtime in this JVM, as a functions worker or {@code pulsar-admin
 * functions localrun} runs it in thread mode: each function, source or sink given by its deployment
 * configuration (the JSON of {@code --function-config-file}, {@code --source-config-file}, {@code
 * --sink-config-file}) is checked and converted by Pulsar's config utilities and runs as a Java
 * instance against a real broker; its classes come from this JVM's class path, as with a localrun
 * without a jar. Closing it closes every instance, which closes their function, source or sink.
 */
public final class PulsarFunctions implements AutoCloseable {
  /** Which kind of instance a configuration deploys. */
  public enum Kind {
    FUNCTION,
    SOURCE,
    SINK
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final ThreadRuntimeFactory runtimes;
  private final Path narDir;
  private final List<RuntimeSpawner> spawners = new ArrayList<>();

  private PulsarFunctions(ThreadRuntimeFactory runtimes, Path narDir) {
    this.runtimes = runtimes;
    this.narDir = narDir;
  }

  /** A thread runtime whose instances connect to the broker at these URLs. */
  public static PulsarFunctions start(String serviceUrl, String httpUrl) throws Exception {
    Path narDir = Files.createTempDirectory("pulsar-functions");
    ThreadRuntimeFactory runtimes =
        new ThreadRuntimeFactory(
            "tributary-functions",
            serviceUrl,
            null,
            null,
            AuthenticationConfig.builder().build(),
            new ClearTextSecretsProvider(),
            FunctionCollectorRegistry.getDefaultImplementation(),
            narDir.toString(),
            null,
            false,
            httpUrl);
    return new PulsarFunctions(runtimes, narDir);
  }

  /** Deploys one instance from its configuration's JSON, and starts it. */
  public synchronized void deploy(Kind kind, String configJson) throws Exception {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    FunctionDetails details =
        switch (kind) {
          case FUNCTION -> {
            FunctionConfig config = JSON.readValue(configJson, FunctionConfig.class);
            FunctionConfigUtils.inferMissingArguments(config, true);
            yield FunctionConfigUtils.convert(
                config,
                FunctionConfigUtils.validateJavaFunction(
                    config, new LoadedFunctionPackage(loader, FunctionDefinition.class)));
          }
          case SOURCE -> {
            SourceConfig config = JSON.readValue(configJson, SourceConfig.class);
            yield SourceConfigUtils.convert(
                config,
                SourceConfigUtils.validateAndExtractDetails(
                    config, new LoadedFunctionPackage(loader, ConnectorDefinition.class), true));
          }
          case SINK -> {
            SinkConfig config = JSON.readValue(configJson, SinkConfig.class);
            yield SinkConfigUtils.convert(
                config,
                SinkConfigUtils.validateAndExtractDetails(
                    config,
                    new LoadedFunctionPackage(loader, ConnectorDefinition.class),
                    null,
                    true));
          }
        };
    InstanceConfig instance = new InstanceConfig();
    instance.setFunctionDetails(details);
    instance.setFunctionId(UUID.randomUUID().toString());
    instance.setFunctionVersion(UUID.randomUUID().toString());
    instance.setInstanceId(0);
    instance.setMaxBufferedTuples(1024);
    instance.setClusterName("standalone");
    RuntimeSpawner spawner = new RuntimeSpawner(instance, null, null, null, null, runtimes, 0);
    spawner.start();
    spawners.add(spawner);
  }

  /** Stops the instances, the last deployed first, then the runtime. */
  @Override
  public synchronized void close() {
    for (int i = spawners.size() - 1; i >= 0; i--) {
      spawners.get(i).close();
    }
    spawners.clear();
    runtimes.close();
    try (var paths = Files.walk(narDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

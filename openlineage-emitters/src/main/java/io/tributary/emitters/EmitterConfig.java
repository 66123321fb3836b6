package io.tributary.emitters;

import io.tributary.config.ConfigException;
import io.tributary.config.Setting;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The emitter's configuration, read from any key/value source (Kafka client properties, Kafka
 * Streams properties, Flink configuration) through {@link #fromProperties(Map)}. Keys outside the
 * {@code openlineage.} prefix are ignored; an unknown key inside it is an error.
 */
public final class EmitterConfig {
  private final String namespace;
  private final String jobName;
  private final Tenant tenant;
  private final Duration snapshotInterval;
  private final int queueCapacity;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration closeTimeout;
  private final boolean abortOnJvmExit;
  private final Path configFile;
  private final Map<String, String> transport;
  private final ClusterResolver clusterResolver;
  private final String flinkRestUrl;
  private final String pulsarServiceUrl;
  private final String awsAccount;

  private EmitterConfig(Builder b) {
    this.namespace = Objects.requireNonNull(b.namespace, "namespace");
    this.jobName = b.jobName;
    this.tenant = b.tenant;
    this.snapshotInterval = Objects.requireNonNull(b.snapshotInterval, "snapshotInterval");
    this.queueCapacity = b.queueCapacity;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = Objects.requireNonNull(b.initialBackoff, "initialBackoff");
    this.maxBackoff = Objects.requireNonNull(b.maxBackoff, "maxBackoff");
    this.closeTimeout = Objects.requireNonNull(b.closeTimeout, "closeTimeout");
    this.abortOnJvmExit = b.abortOnJvmExit;
    this.configFile = b.configFile;
    this.transport = Map.copyOf(b.transport);
    this.clusterResolver = Objects.requireNonNull(b.clusterResolver, "clusterResolver");
    this.flinkRestUrl = b.flinkRestUrl;
    this.pulsarServiceUrl = b.pulsarServiceUrl;
    this.awsAccount = b.awsAccount;
    if (snapshotInterval.toMillis() < 1000) {
      throw new EmitterException(
          "Snapshot interval " + snapshotInterval.toMillis() + " ms is below 1000 ms");
    }
    if (queueCapacity < 2) {
      throw new EmitterException("Queue capacity " + queueCapacity + " is below 2");
    }
    if (maxAttempts < 1) {
      throw new EmitterException("Max attempts " + maxAttempts + " is below 1");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults only: console transport unless openlineage.yml or the environment say otherwise. */
  public static EmitterConfig defaults() {
    return builder().build();
  }

  /**
   * Reads every {@code openlineage.*} key of {@code properties}; values may be of any type and are
   * read through {@code toString()}.
   */
  public static EmitterConfig fromProperties(Map<String, ?> properties) {
    Builder b = builder();
    Map<String, List<String>> clusters = new TreeMap<>();
    for (Map.Entry<String, ?> e : new TreeMap<String, Object>(properties).entrySet()) {
      String key = e.getKey();
      if (!key.startsWith("openlineage.")
          || e.getValue() == null
          || key.equals(EmitterSettings.METER_REGISTRY)) {
        continue;
      }
      String raw = e.getValue().toString();
      Optional<Setting<?>> declared = EmitterSettings.ALL.find(key);
      if (declared.isPresent()) {
        b.apply(declared.get(), raw);
      } else if (EmitterSettings.TRANSPORT.matches(key)) {
        b.transport.put(key.substring(EmitterSettings.TRANSPORT.prefix().length()), raw);
      } else if (EmitterSettings.CLUSTERS.matches(key)) {
        clusters.put(
            key.substring(EmitterSettings.CLUSTERS.prefix().length()),
            Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
      } else {
        throw new EmitterException(
            "Unknown setting '"
                + key
                + "'; known: "
                + EmitterSettings.ALL.settings().stream().map(Setting::name).toList()
                + ", "
                + EmitterSettings.TRANSPORT.prefix()
                + "*, "
                + EmitterSettings.CLUSTERS.prefix()
                + "<name>");
      }
    }
    if (b.resolverClass != null) {
      b.clusterResolver(instantiate(b.resolverClass));
    } else if (!clusters.isEmpty()) {
      b.clusterResolver(new StaticClusterResolver(clusters));
    }
    return b.build();
  }

  private static ClusterResolver instantiate(String className) {
    try {
      Class<?> type =
          Class.forName(className, true, Thread.currentThread().getContextClassLoader());
      return (ClusterResolver) type.getConstructor().newInstance();
    } catch (ClassNotFoundException
        | NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException
        | ClassCastException e) {
      throw new EmitterException(
          "Cluster resolver '" + className + "' cannot be created: " + e.getMessage(), e);
    }
  }

  public String namespace() {
    return namespace;
  }

  /** The configured job name; integrations fall back to their own default when absent. */
  public Optional<String> jobName() {
    return Optional.ofNullable(jobName);
  }

  public Optional<Tenant> tenant() {
    return Optional.ofNullable(tenant);
  }

  public Duration snapshotInterval() {
    return snapshotInterval;
  }

  public int queueCapacity() {
    return queueCapacity;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public Duration closeTimeout() {
    return closeTimeout;
  }

  public boolean abortOnJvmExit() {
    return abortOnJvmExit;
  }

  public Optional<Path> configFile() {
    return Optional.ofNullable(configFile);
  }

  /** Inline transport keys without their prefix, for example {@code type -> http}. */
  public Map<String, String> transport() {
    return transport;
  }

  public ClusterResolver clusterResolver() {
    return clusterResolver;
  }

  /** Flink only: the JobManager REST API, when configured explicitly. */
  public Optional<String> flinkRestUrl() {
    return Optional.ofNullable(flinkRestUrl);
  }

  /** Pulsar Functions and IO: the broker's service URL, when configured. */
  public Optional<String> pulsarServiceUrl() {
    return Optional.ofNullable(pulsarServiceUrl);
  }

  /** Kinesis: the account of streams named without an ARN, when configured. */
  public Optional<String> awsAccount() {
    return Optional.ofNullable(awsAccount);
  }

  /** A copy that never emits ABORT from a JVM shutdown hook. */
  public EmitterConfig withoutJvmExitAbort() {
    Builder b = toBuilder();
    b.abortOnJvmExit = false;
    return b.build();
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.namespace = namespace;
    b.jobName = jobName;
    b.tenant = tenant;
    b.snapshotInterval = snapshotInterval;
    b.queueCapacity = queueCapacity;
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.closeTimeout = closeTimeout;
    b.abortOnJvmExit = abortOnJvmExit;
    b.configFile = configFile;
    b.transport.putAll(transport);
    b.clusterResolver = clusterResolver;
    b.flinkRestUrl = flinkRestUrl;
    b.pulsarServiceUrl = pulsarServiceUrl;
    b.awsAccount = awsAccount;
    return b;
  }

  @Override
  public String toString() {
    // Transport values can hold credentials: only their keys are shown.
    return "EmitterConfig{namespace="
        + namespace
        + ", jobName="
        + jobName
        + ", tenant="
        + tenant
        + ", snapshotInterval="
        + snapshotInterval
        + ", queueCapacity="
        + queueCapacity
        + ", transportKeys="
        + new TreeMap<>(transport).keySet()
        + "}";
  }

  /** Builder for {@link EmitterConfig}; every field starts at its documented default. */
  public static final class Builder {
    private String namespace = defaultNamespace();
    private String jobName;
    private Tenant tenant;
    private Duration snapshotInterval = EmitterSettings.SNAPSHOT_INTERVAL.defaultValue();
    private int queueCapacity = EmitterSettings.QUEUE_CAPACITY.defaultValue();
    private int maxAttempts = EmitterSettings.MAX_ATTEMPTS.defaultValue();
    private Duration initialBackoff = EmitterSettings.INITIAL_BACKOFF.defaultValue();
    private Duration maxBackoff = EmitterSettings.MAX_BACKOFF.defaultValue();
    private Duration closeTimeout = EmitterSettings.CLOSE_TIMEOUT.defaultValue();
    private boolean abortOnJvmExit = EmitterSettings.ABORT_ON_JVM_EXIT.defaultValue();
    private Path configFile;
    private final Map<String, String> transport = new LinkedHashMap<>();
    private ClusterResolver clusterResolver = ClusterResolver.NONE;
    private String resolverClass;
    private String flinkRestUrl;
    private String pulsarServiceUrl;
    private String awsAccount;

    private Builder() {}

    private static String defaultNamespace() {
      String env = System.getenv("OPENLINEAGE_NAMESPACE");
      return env == null || env.isBlank() ? EmitterSettings.NAMESPACE.defaultValue() : env;
    }

    private void apply(Setting<?> setting, String raw) {
      Object value;
      try {
        value = setting.parse(raw.trim(), "the emitter's properties");
      } catch (ConfigException e) {
        throw new EmitterException(e.getMessage(), e);
      }
      if (setting == EmitterSettings.NAMESPACE) {
        namespace = (String) value;
      } else if (setting == EmitterSettings.JOB_NAME) {
        jobName = (String) value;
      } else if (setting == EmitterSettings.TENANT) {
        tenant = (Tenant) value;
      } else if (setting == EmitterSettings.SNAPSHOT_INTERVAL) {
        snapshotInterval = (Duration) value;
      } else if (setting == EmitterSettings.QUEUE_CAPACITY) {
        queueCapacity = (Integer) value;
      } else if (setting == EmitterSettings.MAX_ATTEMPTS) {
        maxAttempts = (Integer) value;
      } else if (setting == EmitterSettings.INITIAL_BACKOFF) {
        initialBackoff = (Duration) value;
      } else if (setting == EmitterSettings.MAX_BACKOFF) {
        maxBackoff = (Duration) value;
      } else if (setting == EmitterSettings.CLOSE_TIMEOUT) {
        closeTimeout = (Duration) value;
      } else if (setting == EmitterSettings.ABORT_ON_JVM_EXIT) {
        abortOnJvmExit = (Boolean) value;
      } else if (setting == EmitterSettings.CONFIG_FILE) {
        configFile = (Path) value;
      } else if (setting == EmitterSettings.CLUSTER_RESOLVER_CLASS) {
        resolverClass = (String) value;
      } else if (setting == EmitterSettings.FLINK_REST_URL) {
        flinkRestUrl = (String) value;
      } else if (setting == EmitterSettings.PULSAR_SERVICE_URL) {
        pulsarServiceUrl = (String) value;
      } else if (setting == EmitterSettings.AWS_ACCOUNT) {
        awsAccount = (String) value;
      } else {
        throw new EmitterException("Setting '" + setting.name() + "' has no field");
      }
    }

    public Builder namespace(String value) {
      this.namespace = value;
      return this;
    }

    public Builder jobName(String value) {
      this.jobName = value;
      return this;
    }

    public Builder tenant(Tenant value) {
      this.tenant = value;
      return this;
    }

    public Builder snapshotInterval(Duration value) {
      this.snapshotInterval = value;
      return this;
    }

    public Builder queueCapacity(int value) {
      this.queueCapacity = value;
      return this;
    }

    public Builder maxAttempts(int value) {
      this.maxAttempts = value;
      return this;
    }

    public Builder initialBackoff(Duration value) {
      this.initialBackoff = value;
      return this;
    }

    public Builder maxBackoff(Duration value) {
      this.maxBackoff = value;
      return this;
    }

    public Builder closeTimeout(Duration value) {
      this.closeTimeout = value;
      return this;
    }

    public Builder abortOnJvmExit(boolean value) {
      this.abortOnJvmExit = value;
      return this;
    }

    public Builder configFile(Path value) {
      this.configFile = value;
      return this;
    }

    /** Adds one inline transport key, for example {@code ("url", "http://catalog:8080")}. */
    public Builder transport(String key, String value) {
      this.transport.put(key, value);
      return this;
    }

    public Builder clusterResolver(ClusterResolver value) {
      this.clusterResolver = value;
      return this;
    }

    public Builder pulsarServiceUrl(String value) {
      this.pulsarServiceUrl = value;
      return this;
    }

    public Builder awsAccount(String value) {
      this.awsAccount = value;
      return this;
    }

    public EmitterConfig build() {
      return new EmitterConfig(this);
    }
  }
}

package io.tributary.testkit.transport;

import io.openlineage.client.transports.Transport;
import io.openlineage.client.transports.TransportBuilder;
import io.openlineage.client.transports.TransportConfig;

/**
 * The {@code capturing} transport type, found by openlineage-java through {@code
 * META-INF/services/io.openlineage.client.transports.TransportBuilder}: {@code
 * openlineage.transport.type=capturing} builds a {@link CapturingTransport}, registered under its
 * configured {@code name} for {@link CapturingTransport#named(String)}.
 */
public final class CapturingTransportBuilder implements TransportBuilder {
  /** The transport type name. */
  public static final String TYPE = "capturing";

  /** Creates the builder; ServiceLoader calls this. */
  public CapturingTransportBuilder() {}

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public TransportConfig getConfig() {
    return new CapturingTransportConfig();
  }

  @Override
  public Transport build(TransportConfig config) {
    String name = ((CapturingTransportConfig) config).getName();
    return CapturingTransport.register(name == null ? CapturingTransport.DEFAULT_NAME : name);
  }
}

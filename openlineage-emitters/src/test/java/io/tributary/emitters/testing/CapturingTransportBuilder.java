package io.tributary.emitters.testing;

import io.openlineage.client.transports.Transport;
import io.openlineage.client.transports.TransportBuilder;
import io.openlineage.client.transports.TransportConfig;

/**
 * A transport type as a user would add one, found through this module's test resources ({@code
 * META-INF/services/io.openlineage.client.transports.TransportBuilder}): {@code
 * openlineage.transport.type=capture} builds a {@link CapturingTransport}.
 */
public final class CapturingTransportBuilder implements TransportBuilder {
  /** The configuration of a {@code capture} transport: only a label, to show keys reach it. */
  public static final class CaptureConfig implements TransportConfig {
    private String label;

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }
  }

  /** The transport {@link #build} made last, with the label it was configured with. */
  public static volatile CapturingTransport lastBuilt;

  public static volatile String lastLabel;

  @Override
  public String getType() {
    return "capture";
  }

  @Override
  public TransportConfig getConfig() {
    return new CaptureConfig();
  }

  @Override
  public Transport build(TransportConfig config) {
    lastLabel = ((CaptureConfig) config).getLabel();
    lastBuilt = new CapturingTransport();
    return lastBuilt;
  }
}

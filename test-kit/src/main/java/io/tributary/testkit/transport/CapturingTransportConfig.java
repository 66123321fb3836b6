package io.tributary.testkit.transport;

import io.openlineage.client.transports.TransportConfig;

/** The configuration of a {@code capturing} transport: only the name to find it by. */
public final class CapturingTransportConfig implements TransportConfig {
  private String name;

  /** An unnamed configuration, as openlineage-java creates one before binding keys. */
  public CapturingTransportConfig() {}

  /**
   * The name the built transport is registered under.
   *
   * @return the name, or null for {@link CapturingTransport#DEFAULT_NAME}
   */
  public String getName() {
    return name;
  }

  /**
   * Sets the name the built transport is registered under.
   *
   * @param name any label
   */
  public void setName(String name) {
    this.name = name;
  }
}

package io.tributary.emitters.internal;

import io.openlineage.client.transports.TransportBuilder;
import io.tributary.emitters.EmitterException;
import io.tributary.plugin.PluginException;
import io.tributary.plugin.PluginRegistry;

/**
 * The OpenLineage transport types on the class path, found as OpenLineage's client finds them: the
 * {@link TransportBuilder}s that {@link java.util.ServiceLoader} lists. The emitters ship no
 * transport of their own; a jar with a builder adds a type, which {@code
 * openlineage.transport.type} can then name.
 */
final class TransportTypes {
  private TransportTypes() {}

  /**
   * @throws EmitterException naming the known types when none is called {@code type}, or when two
   *     builders on the class path claim it
   */
  static void check(String type) {
    PluginRegistry<TransportBuilder> builders;
    try {
      builders =
          PluginRegistry.load(TransportBuilder.class, TransportBuilder::getType, "Transport type");
      builders.get(type);
    } catch (PluginException | IllegalArgumentException e) {
      throw new EmitterException(e.getMessage(), e);
    }
  }
}

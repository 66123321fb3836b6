package io.tributary.emitters.internal;

/** Versions reported in events. */
public final class Versions {
  /** This module's version, from the jar manifest when packaged. */
  public static final String EMITTERS =
      java.util.Objects.requireNonNullElse(
          Versions.class.getPackage().getImplementationVersion(), "0.1.0-SNAPSHOT");

  private Versions() {}
}

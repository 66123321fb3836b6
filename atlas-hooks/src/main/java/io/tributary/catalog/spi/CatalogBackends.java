package io.tributary.catalog.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;

/** The {@link CatalogBackend}s on the classpath, found through {@link ServiceLoader}. */
public final class CatalogBackends {
  private CatalogBackends() {}

  /** Every backend on the class path, by name. */
  public static List<CatalogBackend> available() {
    return ServiceLoader.load(CatalogBackend.class, CatalogBackends.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(java.util.Comparator.comparing(CatalogBackend::name))
        .toList();
  }

  /**
   * The keys every backend on the class path declares; an instance shared by several counts once.
   */
  public static io.tributary.config.ConfigDef settings() {
    java.util.Set<io.tributary.config.ConfigDef> distinct =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    available().forEach(b -> distinct.add(b.settings()));
    return io.tributary.config.ConfigDef.concat(
        distinct.toArray(io.tributary.config.ConfigDef[]::new));
  }

  /** The names of every backend on the class path, sorted. */
  public static List<String> names() {
    return available().stream().map(CatalogBackend::name).toList();
  }

  /**
   * The backend of that name (case-insensitive).
   *
   * @throws UnknownCatalogBackendException naming the backends there are
   */
  public static CatalogBackend named(String name) {
    Objects.requireNonNull(name, "name");
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    List<CatalogBackend> backends = available();
    return backends.stream()
        .filter(b -> b.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new UnknownCatalogBackendException(
                    name, backends.stream().map(CatalogBackend::name).toList()));
  }
}

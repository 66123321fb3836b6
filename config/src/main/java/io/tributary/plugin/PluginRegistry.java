package io.tributary.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The plug-ins of one kind by name, as {@link ServiceLoader} finds them: every jar on the class
 * path that lists an implementation in {@code META-INF/services/<interface name>} adds one, the
 * built-ins included. Names are compared without regard to case.
 *
 * @param <T> the plug-in interface
 */
public final class PluginRegistry<T> {
  private final String kind;
  private final Map<String, T> byName;
  private final List<String> names;

  private PluginRegistry(String kind, Map<String, T> byName, List<String> names) {
    this.kind = kind;
    this.byName = Collections.unmodifiableMap(byName);
    this.names = List.copyOf(names);
  }

  /**
   * Loads every implementation of {@code service} visible to the thread's context class loader, as
   * {@link ServiceLoader#load(Class)} does.
   *
   * @param kind what a plug-in is called in messages: {@code "Export format"}
   * @param name a plug-in's name: what configuration selects it by
   * @throws PluginException when an implementation cannot be created, has no name, or shares its
   *     name with another
   */
  public static <T> PluginRegistry<T> load(
      Class<T> service, Function<? super T, String> name, String kind) {
    Objects.requireNonNull(service, "service");
    List<T> found = new ArrayList<>();
    try {
      ServiceLoader.load(service).forEach(found::add);
    } catch (ServiceConfigurationError e) {
      throw new PluginException(kind + " plug-ins cannot be loaded: " + e.getMessage(), e);
    }
    return of(kind, name, found);
  }

  /** A registry of given plug-ins, in their order; same checks as {@link #load}. */
  public static <T> PluginRegistry<T> of(
      String kind, Function<? super T, String> name, List<? extends T> plugins) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Map<String, T> byName = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (T plugin : plugins) {
      String n = name.apply(plugin);
      if (n == null || n.isBlank()) {
        throw new PluginException(
            kind + " plug-in " + plugin.getClass().getName() + " has no name");
      }
      T other = byName.putIfAbsent(key(n), plugin);
      if (other != null) {
        throw new PluginException(
            kind
                + " '"
                + n
                + "' is provided twice, by "
                + other.getClass().getName()
                + " and "
                + plugin.getClass().getName()
                + ": remove one of them from the class path");
      }
      names.add(n.trim());
    }
    return new PluginRegistry<>(kind, byName, names);
  }

  /** Every name, built-ins in the order their service files list them. */
  public List<String> names() {
    return names;
  }

  public Optional<T> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byName.get(key(name)));
  }

  /**
   * @throws IllegalArgumentException naming the known plug-ins when none has this name
   */
  public T get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    kind + " '" + name + "' is unknown: use one of " + String.join(", ", names())));
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}

package io.tributary.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Declared keys and pass-through prefixes: what one module reads, or, concatenated, everything a
 * program accepts. A name is declared at most once, which {@link #concat} checks across modules.
 */
public record ConfigDef(List<Setting<?>> settings, List<PrefixSetting> prefixes) {
  public ConfigDef {
    settings = List.copyOf(settings);
    prefixes = List.copyOf(prefixes);
    Set<String> names = new HashSet<>();
    for (Setting<?> s : settings) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException(
            "Configuration key '" + s.name() + "' is declared twice");
      }
    }
    for (PrefixSetting p : prefixes) {
      if (!names.add(p.prefix())) {
        throw new IllegalArgumentException(
            "Configuration prefix '" + p.prefix() + "' is declared twice");
      }
    }
  }

  public static ConfigDef of(Setting<?>... settings) {
    return new ConfigDef(List.of(settings), List.of());
  }

  public ConfigDef withPrefixes(PrefixSetting... more) {
    List<PrefixSetting> all = new ArrayList<>(prefixes);
    all.addAll(Arrays.asList(more));
    return new ConfigDef(settings, all);
  }

  /** The declarations of several modules, in order; a key declared by two of them is an error. */
  public static ConfigDef concat(ConfigDef... parts) {
    List<Setting<?>> settings = new ArrayList<>();
    List<PrefixSetting> prefixes = new ArrayList<>();
    for (ConfigDef part : parts) {
      settings.addAll(part.settings());
      prefixes.addAll(part.prefixes());
    }
    return new ConfigDef(settings, prefixes);
  }

  /** The same declarations ordered by name, as a reference page lists them. */
  public ConfigDef sorted() {
    List<Setting<?>> bySetting = new ArrayList<>(settings);
    bySetting.sort(Comparator.comparing(Setting::name));
    List<PrefixSetting> byPrefix = new ArrayList<>(prefixes);
    byPrefix.sort(Comparator.comparing(PrefixSetting::prefix));
    return new ConfigDef(bySetting, byPrefix);
  }

  public Optional<Setting<?>> find(String name) {
    return settings.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The prefix a pass-through key belongs to; declared keys are looked up first by callers. */
  public Optional<PrefixSetting> findPrefix(String key) {
    return prefixes.stream().filter(p -> p.matches(key)).findFirst();
  }
}

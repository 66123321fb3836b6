package io.tributary.ranger.tenancy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.ranger.PolicyException;
import io.tributary.ranger.tenancy.RegistryChange.ShareGranted;
import io.tributary.ranger.tenancy.RegistryChange.TenantCreated;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry as one JSON file, rewritten atomically after every change: a missing file is an
 * empty registry. A change is written before the registry applies it and the previous file is put
 * back when applying fails, so file and memory agree.
 */
final class FileTenantStore implements TenantStore {
  private static final ObjectMapper JSON = RegistryJson.mapper();

  private final Path file;
  private Applier applier;
  private RegistryState persisted = RegistryState.EMPTY;

  FileTenantStore(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public synchronized void start(Applier applier) {
    this.applier = Objects.requireNonNull(applier, "applier");
    if (!Files.exists(file)) {
      return;
    }
    RegistryJson.Document document;
    try {
      document =
          JSON.readValue(
              Files.readString(file, StandardCharsets.UTF_8), RegistryJson.Document.class);
    } catch (IOException | RuntimeException e) {
      throw new PolicyException("Tenant registry " + file + " is invalid: " + e.getMessage(), e);
    }
    RegistryState state = RegistryState.EMPTY;
    for (Tenant tenant : document.tenants()) {
      state = load(state, new TenantCreated(tenant));
    }
    for (Share share : document.shares()) {
      state = load(state, new ShareGranted(share));
    }
    persisted = state;
  }

  private RegistryState load(RegistryState state, RegistryChange change) {
    Optional<RegistryState> next = state.apply(change);
    if (next.isEmpty() || !applier.apply(change)) {
      throw new PolicyException(
          "Tenant registry " + file + " is invalid: " + change.key() + " does not apply");
    }
    return next.get();
  }

  @Override
  public synchronized boolean write(RegistryChange change) {
    if (applier == null) {
      throw new IllegalStateException("tenant store " + file + " is not started");
    }
    Optional<RegistryState> next = persisted.apply(change);
    if (next.isEmpty()) {
      return false;
    }
    save(next.get());
    try {
      if (!applier.apply(change)) {
        throw new IllegalStateException("registry refused " + change.key() + " the file took");
      }
    } catch (RuntimeException e) {
      try {
        save(persisted);
      } catch (RuntimeException restore) {
        e.addSuppressed(restore);
      }
      throw e;
    }
    persisted = next.get();
    return true;
  }

  private void save(RegistryState state) {
    RegistryJson.Document document =
        new RegistryJson.Document(
            1,
            state.tenants().values().stream()
                .sorted(Comparator.comparing(t -> t.id().value()))
                .toList(),
            new ArrayList<>(
                state.shares().values().stream().sorted(Comparator.comparing(Share::id)).toList()));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(temp, JSON.writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new PolicyException("Cannot write tenant registry " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "file " + file;
  }
}

package io.tributary.catalog.janus;

import io.tributary.catalog.CatalogUnavailableException;
import java.nio.file.Path;

/** The data directory is already open, in this process or another one. */
public class DataDirectoryLockedException extends CatalogUnavailableException {
  private final Path directory;

  public DataDirectoryLockedException(Path directory) {
    super(
        "Data directory '"
            + directory
            + "' is locked: another Tributary server uses it. Stop that server or choose another"
            + " data directory.");
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }
}

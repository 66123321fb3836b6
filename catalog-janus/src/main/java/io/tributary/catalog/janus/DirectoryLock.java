package io.tributary.catalog.janus;

import io.tributary.catalog.CatalogException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, held from before the graph opens until after it closes.
 * The operating system releases it when the process dies, so a crash never leaves it stale.
 */
final class DirectoryLock implements AutoCloseable {
  static final String FILE_NAME = "tributary.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or fails at once with {@link DataDirectoryLockedException}. */
  static DirectoryLock acquire(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    FileChannel channel;
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(
              dir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new CatalogException("Cannot open the lock file in data directory '" + dir + "'", e);
    }
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        closeQuietly(channel);
        throw new DataDirectoryLockedException(dir);
      }
      return new DirectoryLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      // This JVM already holds it: a second catalog on the same directory.
      closeQuietly(channel);
      throw new DataDirectoryLockedException(dir);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new CatalogException("Cannot lock data directory '" + dir + "'", e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases it anyway.
    } finally {
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing more can be done; the OS frees the lock with the process.
    }
  }
}

package io.tributary.ranger.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users file in force, kept in step with its file on disk.
 *
 * <ul>
 *   <li>{@link #reload} (every poll interval once {@link #startPolling} ran) rereads the file and,
 *       when its content changed and is valid, puts it in force and tells the subscribers. New
 *       content that is malformed is rejected with one log line naming the file, and the last good
 *       content stays in force; so does it when the file goes missing.
 *   <li>{@link #update} changes the file: it rereads the file first (so that an edit on disk is not
 *       overwritten), applies the change, writes the result atomically, and puts it in force at
 *       once.
 * </ul>
 *
 * A store without a file ({@link #none}) holds no users and refuses changes.
 */
public final class UsersStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UsersStore.class);

  private final Path file;
  private final List<Consumer<UsersFile>> subscribers = new CopyOnWriteArrayList<>();
  private volatile UsersFile current;
  // Guarded by this: the digest of the content last read or written, valid or not.
  private byte[] seen;
  private boolean missingReported;
  private ScheduledExecutorService poller;

  private UsersStore(Path file, UsersFile current, byte[] seen) {
    this.file = file;
    this.current = current;
    this.seen = seen;
  }

  /**
   * Reads {@code file}; a missing file holds no users (and is created by the first change).
   *
   * @throws UsersFileException when the content is invalid
   */
  public static UsersStore open(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] content = read(file);
    UsersFile users =
        content == null ? UsersFile.empty() : UsersFile.parse(content, file.toString());
    return new UsersStore(file, users, content == null ? null : sha256(content));
  }

  /** A store without a file: no users, and changes are refused. */
  public static UsersStore none() {
    return new UsersStore(null, UsersFile.empty(), null);
  }

  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The users in force. */
  public UsersFile current() {
    return current;
  }

  /** Calls {@code subscriber} with the users in force now and with every later change. */
  public synchronized void subscribe(Consumer<UsersFile> subscriber) {
    subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    subscriber.accept(current);
  }

  /**
   * Rereads the file; puts its content in force when it changed and is valid.
   *
   * @return whether other users are now in force
   */
  public synchronized boolean reload() {
    if (file == null) {
      return false;
    }
    byte[] content;
    try {
      content = read(file);
    } catch (UncheckedIOException e) {
      LOG.error("users file {} cannot be read: {}; the users in force stay", file, e.getMessage());
      return false;
    }
    if (content == null) {
      if (!missingReported) {
        missingReported = true;
        LOG.error(
            "users file {} is missing; the last good version ({}) stays in force",
            file,
            describe(current));
      }
      return false;
    }
    missingReported = false;
    byte[] digest = sha256(content);
    if (Arrays.equals(digest, seen)) {
      return false;
    }
    seen = digest;
    UsersFile next;
    try {
      next = UsersFile.parse(content, file.toString());
    } catch (UsersFileException e) {
      LOG.error(
          "{}; rejected, the last good version ({}) stays in force",
          e.getMessage(),
          describe(current));
      return false;
    }
    LOG.info("users file {} reloaded: {}", file, describe(next));
    put(next);
    return true;
  }

  /**
   * Applies {@code change} to the file's current content, writes the result and puts it in force.
   *
   * @return the users now in force
   * @throws UsersFileException when there is no file, or the file on disk is invalid (an edit in
   *     progress is not overwritten)
   */
  public synchronized UsersFile update(UnaryOperator<UsersFile> change) {
    if (file == null) {
      throw new UsersFileException("There is no users file to change: none is configured");
    }
    byte[] content = read(file);
    // A missing file is rewritten from the users in force, which stayed when it went away.
    UsersFile base;
    try {
      base = content == null ? current : UsersFile.parse(content, file.toString());
    } catch (UsersFileException e) {
      throw new UsersFileException(e.getMessage() + "; correct it before changing users", e);
    }
    UsersFile next = change.apply(base);
    byte[] written = next.toJson();
    UsersFile.write(file, written);
    seen = sha256(written);
    missingReported = false;
    put(next);
    return next;
  }

  /** Rereads the file every {@code interval} on a daemon thread, until {@link #close}. */
  public synchronized void startPolling(Duration interval) {
    if (file == null || poller != null) {
      return;
    }
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "users-file-poll");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    poller.scheduleWithFixedDelay(this::reloadQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }

  @Override
  public String toString() {
    return "UsersStore[" + (file == null ? "no file" : file) + "]";
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      // A failure must not end the schedule: the next poll tries again.
      LOG.error("users file {}: reload failed", file, e);
    }
  }

  private void put(UsersFile next) {
    current = next;
    for (Consumer<UsersFile> subscriber : subscribers) {
      subscriber.accept(next);
    }
  }

  private static String describe(UsersFile users) {
    return users.users().size() + " users, " + users.apiKeys().size() + " API keys";
  }

  /** The file's bytes; null when it does not exist. */
  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read users file " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}

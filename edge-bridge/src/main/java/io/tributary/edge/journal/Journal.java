package io.tributary.edge.journal;

import io.tributary.edge.clock.HlcStamp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The edge node's offline journal: every event it will send, in an SQLite database in WAL mode, in
 * the order it was journaled, until the catalog acknowledges it. A process killed at any point
 * loses nothing it had journaled (a committed WAL transaction survives the process; a power cut may
 * lose the last ones, as {@code synchronous=NORMAL} trades that for speed).
 *
 * <p><b>Bounded</b> by the bytes of the events it holds: when an append would pass {@code
 * maxBytes}, the oldest RUNNING snapshots are dropped first; START and terminal events are never
 * dropped (an append of one may pass the bound when nothing else can go). Each drop is counted.
 * Thread-safe: one connection, one writer at a time.
 */
public final class Journal implements AutoCloseable {
  /** How many event keys the journal remembers to recognise redelivered messages. */
  public static final int KEYS_KEPT = 100_000;

  private final Connection db;
  private final Path file;
  private final long maxBytes;
  private final LongSupplier wallClock;
  private long bytes;
  private long count;
  private long dropped;

  private Journal(Connection db, Path file, long maxBytes, LongSupplier wallClock) {
    this.db = db;
    this.file = file;
    this.maxBytes = maxBytes;
    this.wallClock = wallClock;
  }

  /**
   * Opens (or creates) the journal in {@code dir}.
   *
   * @param maxBytes the bound on the bytes of the journaled events
   */
  public static Journal open(Path dir, long maxBytes, LongSupplier wallClock) {
    Path file = dir.resolve("journal.db");
    try {
      Files.createDirectories(dir);
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=5000");
        s.execute(
            "CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " device TEXT NOT NULL, event_type TEXT NOT NULL, hlc_physical INTEGER NOT NULL,"
                + " hlc_logical INTEGER NOT NULL, body TEXT NOT NULL, bytes INTEGER NOT NULL,"
                + " journaled_at INTEGER NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS journal_droppable ON journal (event_type, seq)");
        s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS seen (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " digest TEXT NOT NULL UNIQUE)");
      }
      db.setAutoCommit(false);
      Journal journal = new Journal(db, file, maxBytes, wallClock);
      journal.loadTotals();
      return journal;
    } catch (Exception e) {
      throw new JournalException("Cannot open the journal " + file + ": " + e.getMessage(), e);
    }
  }

  private void loadTotals() throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM journal")) {
      r.next();
      count = r.getLong(1);
      bytes = r.getLong(2);
    }
    db.commit();
  }

  /**
   * What an append did.
   *
   * @param duplicate the event's key was journaled before: nothing was appended
   */
  public record Appended(long sequence, int droppedForRoom, boolean overBound, boolean duplicate) {
    Appended(long sequence, int droppedForRoom, boolean overBound) {
      this(sequence, droppedForRoom, overBound, false);
    }

    /** Whether the event was journaled (a RUNNING one may be refused when nothing else can go). */
    public boolean journaled() {
      return sequence >= 0;
    }
  }

  /**
   * Journals one event, making room first when the bound requires it.
   *
   * @param body the event as JSON text
   */
  public synchronized Appended append(String device, String eventType, HlcStamp hlc, String body) {
    return append(device, eventType, hlc, body, null);
  }

  /**
   * Journals one event unless an event with the same {@code key} was journaled among the last
   * {@value #KEYS_KEPT}: an MQTT QoS 1 message the broker delivers again (after a broker restart, a
   * lost acknowledgement) is then taken once.
   *
   * @param key the event's identity, such as a digest of its device and payload; null for none
   */
  public synchronized Appended append(
      String device, String eventType, HlcStamp hlc, String body, String key) {
    long size = body.getBytes(StandardCharsets.UTF_8).length;
    try {
      if (key != null && !remember(key)) {
        db.commit();
        return new Appended(-1, 0, false, true);
      }
      int freed = 0;
      boolean droppable = "RUNNING".equals(eventType);
      while (bytes + size > maxBytes) {
        if (!dropOldestRunning()) {
          break;
        }
        freed++;
      }
      boolean over = bytes + size > maxBytes;
      if (over && droppable) {
        // Nothing older can go: this snapshot is the oldest RUNNING one left, so it goes.
        db.commit();
        dropped += 1;
        return new Appended(-1, freed + 1, true);
      }
      long seq;
      try (PreparedStatement p =
          db.prepareStatement(
              "INSERT INTO journal (device, event_type, hlc_physical, hlc_logical, body, bytes,"
                  + " journaled_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        p.setString(1, device);
        p.setString(2, eventType);
        p.setLong(3, hlc.physicalTime());
        p.setLong(4, hlc.logical());
        p.setString(5, body);
        p.setLong(6, size);
        p.setLong(7, wallClock.getAsLong());
        p.executeUpdate();
        try (ResultSet keys = p.getGeneratedKeys()) {
          keys.next();
          seq = keys.getLong(1);
        }
      }
      putMeta("hlc", hlc.physicalTime() + "/" + hlc.logical());
      db.commit();
      bytes += size;
      count++;
      return new Appended(seq, freed, over);
    } catch (SQLException e) {
      rollback();
      throw failure("append to", e);
    }
  }

  /** Records a key; false when it was known. Keeps the newest {@value #KEYS_KEPT}. */
  private boolean remember(String key) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement("INSERT OR IGNORE INTO seen (digest) VALUES (?)")) {
      insert.setString(1, key);
      if (insert.executeUpdate() == 0) {
        return false;
      }
    }
    try (Statement s = db.createStatement()) {
      s.executeUpdate("DELETE FROM seen WHERE id <= (SELECT MAX(id) FROM seen) - " + KEYS_KEPT);
    }
    return true;
  }

  private boolean dropOldestRunning() throws SQLException {
    try (PreparedStatement find =
            db.prepareStatement(
                "SELECT seq, bytes FROM journal WHERE event_type = 'RUNNING' ORDER BY seq LIMIT 1");
        ResultSet r = find.executeQuery()) {
      if (!r.next()) {
        return false;
      }
      long seq = r.getLong(1);
      long size = r.getLong(2);
      try (PreparedStatement delete = db.prepareStatement("DELETE FROM journal WHERE seq = ?")) {
        delete.setLong(1, seq);
        delete.executeUpdate();
      }
      bytes -= size;
      count--;
      dropped++;
      return true;
    }
  }

  /** The oldest entries, in journal order. */
  public synchronized List<JournalEntry> oldest(int limit) {
    List<JournalEntry> out = new ArrayList<>();
    try (PreparedStatement p =
        db.prepareStatement(
            "SELECT seq, device, event_type, hlc_physical, hlc_logical, body, journaled_at"
                + " FROM journal ORDER BY seq LIMIT ?")) {
      p.setInt(1, limit);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(
              new JournalEntry(
                  r.getLong(1),
                  r.getString(2),
                  r.getString(3),
                  new HlcStamp(r.getLong(4), r.getLong(5)),
                  r.getString(6),
                  r.getLong(7)));
        }
      }
      db.commit();
      return out;
    } catch (SQLException e) {
      rollback();
      throw failure("read", e);
    }
  }

  /** Removes acknowledged (or refused) entries. */
  public synchronized void remove(Collection<Long> sequences) {
    if (sequences.isEmpty()) {
      return;
    }
    try (PreparedStatement sizes = db.prepareStatement("SELECT bytes FROM journal WHERE seq = ?");
        PreparedStatement delete = db.prepareStatement("DELETE FROM journal WHERE seq = ?")) {
      long freed = 0;
      long removed = 0;
      for (long seq : sequences) {
        sizes.setLong(1, seq);
        try (ResultSet r = sizes.executeQuery()) {
          if (!r.next()) {
            continue;
          }
          freed += r.getLong(1);
        }
        delete.setLong(1, seq);
        removed += delete.executeUpdate();
      }
      db.commit();
      bytes -= freed;
      count -= removed;
    } catch (SQLException e) {
      rollback();
      throw failure("remove from", e);
    }
  }

  /**
   * Journals an entry again under a new sequence and removes the old one, in one transaction: for
   * an event the catalog failed to apply while later events of its run were applied, whose old
   * sequence the catalog would now take for a redelivery.
   */
  public synchronized long resequence(JournalEntry entry) {
    try (PreparedStatement p =
            db.prepareStatement(
                "INSERT INTO journal (device, event_type, hlc_physical, hlc_logical, body, bytes,"
                    + " journaled_at) SELECT device, event_type, hlc_physical, hlc_logical, body,"
                    + " bytes, journaled_at FROM journal WHERE seq = ?",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement delete = db.prepareStatement("DELETE FROM journal WHERE seq = ?")) {
      p.setLong(1, entry.sequence());
      p.executeUpdate();
      long seq;
      try (ResultSet keys = p.getGeneratedKeys()) {
        keys.next();
        seq = keys.getLong(1);
      }
      delete.setLong(1, entry.sequence());
      delete.executeUpdate();
      db.commit();
      return seq;
    } catch (SQLException e) {
      rollback();
      throw failure("resequence in", e);
    }
  }

  /** The last clock stamp journaled, to resume the clock after a restart. */
  public synchronized Optional<HlcStamp> lastStamp() {
    try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE key = 'hlc'");
        ResultSet r = p.executeQuery()) {
      Optional<HlcStamp> out = Optional.empty();
      if (r.next()) {
        String[] parts = r.getString(1).split("/");
        out = Optional.of(new HlcStamp(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
      }
      db.commit();
      return out;
    } catch (SQLException e) {
      rollback();
      throw failure("read", e);
    }
  }

  /** The wall-clock time of the oldest entry, epoch milliseconds. */
  public synchronized Optional<Long> oldestJournaledAt() {
    try (PreparedStatement p =
            db.prepareStatement("SELECT journaled_at FROM journal ORDER BY seq LIMIT 1");
        ResultSet r = p.executeQuery()) {
      Optional<Long> out = r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
      db.commit();
      return out;
    } catch (SQLException e) {
      rollback();
      throw failure("read", e);
    }
  }

  /** Entries waiting for the catalog. */
  public synchronized long backlog() {
    return count;
  }

  /** Bytes of the entries waiting. */
  public synchronized long bytes() {
    return bytes;
  }

  /** RUNNING snapshots dropped to stay within the bound since the journal was opened. */
  public synchronized long dropped() {
    return dropped;
  }

  private void putMeta(String key, String value) throws SQLException {
    try (PreparedStatement p =
        db.prepareStatement(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
                + " ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
      p.setString(1, key);
      p.setString(2, value);
      p.executeUpdate();
    }
  }

  private void rollback() {
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // The failure that led here is the one reported.
    }
  }

  private JournalException failure(String action, SQLException e) {
    return new JournalException(
        "Cannot " + action + " the journal " + file + ": " + e.getMessage(), e);
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  @Override
  public String toString() {
    return "Journal[" + Objects.toString(file) + "]";
  }
}

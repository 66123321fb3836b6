package io.tributary.edge.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.edge.clock.HlcStamp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  private static final long NOW = 1_780_000_000_000L;
  @TempDir Path dir;

  private static String body(char fill) {
    return "{\"x\":\"" + String.valueOf(fill).repeat(16 * 1024 - 8) + "\"}";
  }

  private static HlcStamp stamp(int i) {
    return new HlcStamp(NOW + i, 0);
  }

  @Test
  void shouldDropTheOldestRunningSnapshotsFirstAndKeepStartAndTerminalEvents() {
    try (Journal journal = Journal.open(dir, 64 * 1024, () -> NOW)) {
      journal.append("d1", "START", stamp(0), body('s'));
      journal.append("d1", "RUNNING", stamp(1), body('a'));
      journal.append("d1", "RUNNING", stamp(2), body('b'));
      journal.append("d1", "RUNNING", stamp(3), body('c'));
      Journal.Appended last = journal.append("d1", "COMPLETE", stamp(4), body('e'));

      List<String> kept = journal.oldest(10).stream().map(JournalEntry::eventType).toList();
      assertThat(last.journaled()).isTrue();
      assertThat(last.droppedForRoom()).isEqualTo(1);
      assertThat(kept).containsExactly("START", "RUNNING", "RUNNING", "COMPLETE");
      assertThat(journal.oldest(10).get(1).body()).contains("bbb");
      assertThat(journal.dropped()).isEqualTo(1);
    }
  }

  @Test
  void shouldKeepStartAndTerminalEventsEvenPastTheBoundAndRefuseARunningOneThen() {
    try (Journal journal = Journal.open(dir, 64 * 1024, () -> NOW)) {
      for (int i = 0; i < 4; i++) {
        journal.append("d" + i, "START", stamp(i), body('s'));
      }
      Journal.Appended terminal = journal.append("d9", "FAIL", stamp(5), body('f'));
      Journal.Appended running = journal.append("d9", "RUNNING", stamp(6), body('r'));

      assertThat(terminal.journaled()).isTrue();
      assertThat(terminal.overBound()).isTrue();
      assertThat(running.journaled()).isFalse();
      assertThat(journal.backlog()).isEqualTo(5);
      assertThat(journal.dropped()).isEqualTo(1);
    }
  }

  @Test
  void shouldKeepEntriesSequencesAndClockAcrossReopening() {
    try (Journal journal = Journal.open(dir, 1 << 20, () -> NOW)) {
      journal.append("d1", "START", stamp(1), "{}");
      long second = journal.append("d1", "RUNNING", new HlcStamp(NOW + 2, 7), "{}").sequence();
      journal.remove(List.of(second));
    }
    try (Journal journal = Journal.open(dir, 1 << 20, () -> NOW)) {
      long third = journal.append("d1", "RUNNING", stamp(3), "{}").sequence();

      assertThat(journal.backlog()).isEqualTo(2);
      assertThat(third).isEqualTo(3);
      assertThat(journal.lastStamp()).contains(stamp(3));
    }
  }

  @Test
  void shouldGiveAnEntryANewSequenceWhenItIsResequenced() {
    try (Journal journal = Journal.open(dir, 1 << 20, () -> NOW)) {
      journal.append("d1", "START", stamp(1), "{\"a\":1}");
      journal.append("d1", "RUNNING", stamp(2), "{}");
      long moved = journal.resequence(journal.oldest(1).get(0));

      List<JournalEntry> entries = journal.oldest(10);
      assertThat(moved).isEqualTo(3);
      assertThat(entries).extracting(JournalEntry::sequence).containsExactly(2L, 3L);
      assertThat(entries.get(1).body()).isEqualTo("{\"a\":1}");
      assertThat(entries.get(1).hlc()).isEqualTo(stamp(1));
    }
  }
}

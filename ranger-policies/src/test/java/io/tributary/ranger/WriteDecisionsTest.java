package io.tributary.ranger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.contract.TenantId;
import io.tributary.ranger.audit.AuditRecord;
import io.tributary.ranger.audit.AuditSink;
import io.tributary.ranger.audit.AuditingResultProcessor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WriteDecisionsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Principal INGEST =
      new Principal("ingest", Set.of(), Set.of(), new TenantId("acme"));
  private static final TenantId ACME = new TenantId("acme");

  private final List<AuditRecord> sent = new ArrayList<>();
  private final AtomicLong version = new AtomicLong(1);
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger evaluations = new AtomicInteger();
  private final WriteDecisions decisions =
      new WriteDecisions(
          new AuditingResultProcessor(
              new AuditSink() {
                @Override
                public void send(AuditRecord record) {
                  sent.add(record);
                }

                @Override
                public long dropped() {
                  return 0;
                }
              }),
          version::get,
          Duration.ofSeconds(1),
          nanos::get,
          Clock.fixed(T0, ZoneOffset.UTC));

  private boolean check(boolean allowed) {
    return decisions.isAllowed(
        INGEST,
        ACME,
        () -> {
          evaluations.incrementAndGet();
          AuditRecord record = record(allowed);
          sent.add(record);
          return new WriteDecisions.Evaluated(allowed, record);
        });
  }

  private static AuditRecord record(boolean allowed) {
    return AuditRecord.decision(
        "first",
        T0,
        "tributary",
        "ingest",
        "write",
        "tenant",
        "acme",
        allowed,
        7,
        1L,
        Set.of(),
        null,
        null);
  }

  @Test
  void shouldEvaluateOnceForRepeatedWritesUnderTheSamePolicies() {
    for (int i = 0; i < 1_000; i++) {
      assertThat(check(true)).isTrue();
    }
    assertThat(evaluations).hasValue(1);
    assertThat(sent).hasSize(1);
  }

  @Test
  void shouldAuditTheRepeatsAsOneSummaryRecordWhenFlushed() {
    for (int i = 0; i < 100; i++) {
      check(true);
    }
    decisions.flush();
    assertThat(sent).hasSize(2);
    AuditRecord summary = sent.get(1);
    assertThat(summary.eventCount()).isEqualTo(99);
    assertThat(summary.user()).isEqualTo("ingest");
    assertThat(summary.resource()).isEqualTo("acme");
    assertThat(summary.eventId()).isNotEqualTo("first");
    decisions.flush();
    assertThat(sent).as("nothing repeated since the last summary").hasSize(2);
  }

  @Test
  void shouldEvaluateAgainAsSoonAsThePolicyVersionChanges() {
    assertThat(check(true)).isTrue();
    check(true);
    version.incrementAndGet();
    assertThat(check(false)).isFalse();
    assertThat(evaluations).hasValue(2);
    assertThat(sent)
        .extracting(AuditRecord::eventCount)
        .as("evaluation, summary of the one repeat, new evaluation")
        .containsExactly(1L, 1L, 1L);
  }

  @Test
  void shouldEvaluateAgainOnceTheDecisionIsOlderThanItsTimeToLive() {
    check(true);
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    check(true);
    assertThat(evaluations).hasValue(1);
    nanos.addAndGet(Duration.ofMillis(2).toNanos());
    check(true);
    assertThat(evaluations).hasValue(2);
  }

  @Test
  void shouldRememberDenialsAsWellAsGrants() {
    assertThat(check(false)).isFalse();
    assertThat(check(false)).isFalse();
    assertThat(evaluations).hasValue(1);
  }
}

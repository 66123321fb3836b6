package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.config.Setting;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {
  @Test
  void shouldGiveTheCommitterAndTheLimitsTheDeclaredDefaults() {
    GroupCommitter.Settings committer = GroupCommitter.Settings.defaults();

    assertThat(committer.maxBatch()).isEqualTo(IngestSettings.BATCH_MAX.defaultValue());
    assertThat(committer.queueCapacity()).isEqualTo(IngestSettings.QUEUE_CAPACITY.defaultValue());
    assertThat(EventLimits.DEFAULTS)
        .isEqualTo(
            new EventLimits(
                IngestSettings.MAX_DATASETS.defaultValue(),
                IngestSettings.MAX_SCHEMA_FIELDS.defaultValue(),
                IngestSettings.MAX_COLUMN_LINEAGE_EDGES.defaultValue(),
                IngestSettings.MAX_FACET_BYTES.defaultValue()));
  }

  @Test
  void shouldDeclareEveryEventLimitUnderItsOwnKey() {
    assertThat(IngestSettings.ALL.settings())
        .extracting(Setting::name)
        .contains(
            EventLimit.DATASETS.key(),
            EventLimit.SCHEMA_FIELDS.key(),
            EventLimit.COLUMN_LINEAGE_EDGES.key(),
            EventLimit.FACET_BYTES.key());
  }
}

package io.tributary.search.insights;

import static io.tributary.search.estate.Estate.Dataset.topic;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Visibility;
import io.tributary.search.CatalogSearch;
import io.tributary.search.estate.Estate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightsTest {
  @TempDir Path dir;

  @Test
  void aStateStoresChangelogWithoutAConsumerIsNoFindingButAnotherTopicIs() throws Exception {
    Estate estate = Estate.open(dir.resolve("catalog"));
    CatalogSearch search = null;
    try {
      estate
          .run(
              Estate.Job.streams(
                  "click-counter",
                  List.of(topic("clicks")),
                  List.of(topic("click-counter-store-changelog"), topic("click-counts"))),
              "START",
              Instant.parse("2026-01-01T00:00:00Z"))
          .flush();
      search = CatalogSearch.start(estate.catalog(), estate.types(), CatalogSearch.Options.of(dir));
      assertThat(
              search
                  .indexer()
                  .awaitSearchable(
                      estate.catalog().changes().lastSequence(), Duration.ofSeconds(60)))
          .isTrue();

      List<String> noConsumer =
          search.insights().list(Visibility.all(), Visibility.all()).stream()
              .filter(i -> i.kind().equals("no_consumer"))
              .map(Insight::text)
              .toList();

      assertThat(noConsumer)
          .anyMatch(t -> t.contains("click-counts"))
          .noneMatch(t -> t.contains("changelog"));
    } finally {
      if (search != null) {
        search.close();
      }
      estate.close();
    }
  }
}

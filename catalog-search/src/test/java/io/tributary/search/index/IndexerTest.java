package io.tributary.search.index;

import static io.tributary.search.estate.Estate.Dataset.topic;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Visibility;
import io.tributary.search.CatalogSearch;
import io.tributary.search.estate.Estate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {
  @TempDir Path dir;
  private Estate estate;
  private CatalogSearch search;

  private static final Estate.Job ENRICHER =
      Estate.Job.flink(
          "order-enricher",
          List.of(topic("orders.raw", "order_id", "amount")),
          List.of(topic("orders.enriched", "order_id", "amount", "customer_id")));

  @BeforeEach
  void start() throws Exception {
    estate = Estate.open(dir.resolve("catalog"));
    search = CatalogSearch.start(estate.catalog(), estate.types(), CatalogSearch.Options.of(dir));
    estate.run(ENRICHER, "START", Instant.parse("2026-01-01T00:00:00Z")).flush();
    awaitSearchable();
  }

  @AfterEach
  void stop() {
    search.close();
    estate.close();
  }

  private void awaitSearchable() throws InterruptedException {
    assertThat(
            search
                .indexer()
                .awaitSearchable(estate.catalog().changes().lastSequence(), Duration.ofSeconds(60)))
        .isTrue();
  }

  private List<String> keyword(String q) {
    return search
        .search()
        .search(q, SearchMode.KEYWORD, IndexFilter.none(), Visibility.all(), 5)
        .stream()
        .map(Ranked::entity)
        .map(Entity::qualifiedName)
        .toList();
  }

  @Test
  void runningRefreshesThatChangeNoSearchableTextAreNeitherEmbeddedNorWritten() throws Exception {
    long embedded = search.indexer().embeddedCount();
    Instant t = Instant.parse("2026-01-01T00:00:05Z");
    for (int i = 0; i < 20; i++) {
      estate.run(ENRICHER, "RUNNING", t.plusSeconds(5L * i)).flush();
    }
    awaitSearchable();

    assertThat(search.indexer().embeddedCount()).isEqualTo(embedded);
    assertThat(search.indexer().unchangedCount()).isPositive();
    assertThat(keyword("enriched")).anyMatch(n -> n.contains("orders.enriched"));
  }

  @Test
  void updatesOfStatisticsAloneAreSkippedWithoutReadingTheEntity() throws Exception {
    EntityKey enriched =
        estate
            .catalog()
            .search(
                new SearchQuery("orders.enriched", null, null, null, Map.of(), 5, 0),
                Visibility.all())
            .entities()
            .get(0)
            .key();
    long unchanged = search.indexer().unchangedCount();
    long skipped = search.indexer().skippedCount();
    for (int i = 1; i <= 5; i++) {
      estate
          .catalog()
          .apply(
              new Mutation(
                  "stats-" + i,
                  List.of(
                      new EntityWrite(
                          enriched,
                          null,
                          Map.of("outputRowCount", i * 100),
                          Set.of(),
                          Instant.parse("2026-01-01T00:02:00Z").plusSeconds(i))),
                  List.of()));
    }
    awaitSearchable();

    assertThat(search.indexer().skippedCount()).isEqualTo(skipped + 5);
    assertThat(search.indexer().unchangedCount()).isEqualTo(unchanged);
    assertThat(keyword("enriched")).anyMatch(n -> n.contains("orders.enriched"));
  }

  @Test
  void aChangedDescriptionOrANewFieldIsIndexedAgain() throws Exception {
    long embedded = search.indexer().embeddedCount();
    Estate.Job changed =
        Estate.Job.flink(
            "order-enricher",
            List.of(topic("orders.raw", "order_id", "amount")),
            List.of(
                topic("orders.enriched", "order_id", "amount", "customer_id", "loyalty_tier")
                    .described("Orders joined with the customer's marketing segment")));
    estate.run(changed, "RUNNING", Instant.parse("2026-01-01T00:01:00Z")).flush();
    awaitSearchable();

    assertThat(search.indexer().embeddedCount()).isGreaterThan(embedded);
    assertThat(keyword("marketing")).anyMatch(n -> n.contains("orders.enriched"));
    assertThat(keyword("loyalty")).anyMatch(n -> n.contains("orders.enriched"));
  }
}

package io.tributary.search;

import static io.tributary.search.estate.Estate.Dataset.topic;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Entity;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import io.tributary.search.estate.Estate;
import io.tributary.search.index.IndexFilter;
import io.tributary.search.index.Ranked;
import io.tributary.search.index.SearchMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridSearchTest {
  @TempDir static Path dir;
  private static Estate estate;
  private static CatalogSearch search;

  @BeforeAll
  static void start() throws Exception {
    estate = Estate.open(dir.resolve("catalog"));
    search = CatalogSearch.start(estate.catalog(), estate.types(), CatalogSearch.Options.of(dir));
    estate
        .run(
            Estate.Job.flink(
                "crm-sync",
                List.of(topic("crm.raw-signups", "id", "mail_address")),
                List.of(topic("crm.contacts", "id", "email", "first_name", "phone"))))
        .run(
            Estate.Job.flink(
                "payments-ledger",
                List.of(topic("payments", "payment_id", "amount", "currency")),
                List.of(topic("ledger.entries", "entry_id", "amount", "account"))))
        .run(
            Estate.Job.streams(
                "inventory-levels",
                List.of(topic("warehouse.stock", "sku", "quantity")),
                List.of(topic("inventory.levels", "sku", "level"))))
        .flush();
    assertThat(
            search
                .indexer()
                .awaitSearchable(estate.catalog().changes().lastSequence(), Duration.ofSeconds(60)))
        .isTrue();
  }

  @AfterAll
  static void stop() {
    search.close();
    estate.close();
  }

  private static List<String> names(String q, SearchMode mode) {
    return search.search().search(q, mode, IndexFilter.none(), Visibility.all(), 5).stream()
        .map(Ranked::entity)
        .map(Entity::qualifiedName)
        .toList();
  }

  @Test
  void customerEmailsFindsTheContactsTopicByMeaning() {
    assertThat(names("customer emails", SearchMode.HYBRID).get(0)).contains("crm.contacts");
    assertThat(names("customer emails", SearchMode.SEMANTIC).get(0)).contains("crm.contacts");
  }

  @Test
  void keywordSearchMatchesWordsInsideIdentifiers() {
    assertThat(names("ledger", SearchMode.KEYWORD)).anyMatch(n -> n.contains("ledger.entries"));
    assertThat(names("stock", SearchMode.KEYWORD)).anyMatch(n -> n.contains("warehouse.stock"));
  }

  @Test
  void hitsOutsideTheCallersVisibilityAreNeverReturned() {
    Visibility otherTenant = Visibility.tenants(Set.of(new TenantId("globex")));
    assertThat(
            search
                .search()
                .search("contacts", SearchMode.HYBRID, IndexFilter.none(), otherTenant, 10))
        .isEmpty();
    assertThat(names("contacts", SearchMode.HYBRID)).isNotEmpty();
  }
}

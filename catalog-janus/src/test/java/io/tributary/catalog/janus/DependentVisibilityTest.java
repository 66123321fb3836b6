package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.Fixtures.ACME;
import static io.tributary.catalog.janus.Fixtures.T0;
import static io.tributary.catalog.janus.Fixtures.job;
import static io.tributary.catalog.janus.Fixtures.mutation;
import static io.tributary.catalog.janus.Fixtures.rel;
import static io.tributary.catalog.janus.Fixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.ImpactEntry;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.types.TypeRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Columns and column lineage entries are read exactly as their dataset is, on every read of the
 * embedded catalog: the visibilities here know nothing of columns, the catalog decides a dependent
 * through its dataset.
 */
class DependentVisibilityTest {
  private static final EntityKey SIGNUPS = topic("signups");
  private static final EntityKey CUSTOMERS = topic("customers");
  private static final EntityKey LOADER = job("crm-loader");
  private static final EntityKey SIGNUPS_EMAIL = column(SIGNUPS, "email_address");
  private static final EntityKey CUSTOMERS_EMAIL = column(CUSTOMERS, "email");
  private static final EntityKey CUSTOMERS_PHONE = column(CUSTOMERS, "phone");
  private static final EntityKey EMAIL_LINEAGE =
      new EntityKey(
          ACME,
          Types.COLUMN_LINEAGE,
          LOADER.qualifiedName() + ":" + CUSTOMERS_EMAIL.qualifiedName());

  /** Hides the customers topic, by its key alone. */
  private static final Visibility NOT_CUSTOMERS = e -> !e.key().equals(CUSTOMERS);

  /** Hides whatever is classified PII. */
  private static final Visibility NO_PII = e -> !e.classifications().contains("PII");

  private final List<ChangeEvent> events = new CopyOnWriteArrayList<>();
  private JanusCatalog catalog;

  private static EntityKey column(EntityKey dataset, String name) {
    return new EntityKey(ACME, Types.COLUMN, dataset.qualifiedName() + "." + name);
  }

  @BeforeEach
  void open() {
    ChangeFeed feed =
        new ChangeFeed(10_000, Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC));
    feed.subscribe(0, events::add);
    catalog = JanusCatalog.open(JanusConfig.inMemory(), TypeRegistry.builtIn(), feed);
    catalog.apply(
        mutation(
            List.of(
                write(SIGNUPS, Set.of()),
                write(CUSTOMERS, Set.of("PII")),
                write(LOADER, Set.of()),
                write(SIGNUPS_EMAIL, Set.of()),
                write(CUSTOMERS_EMAIL, Set.of()),
                write(CUSTOMERS_PHONE, Set.of()),
                write(EMAIL_LINEAGE, Set.of())),
            List.of(
                rel(Types.REL_INPUTS, SIGNUPS, LOADER),
                rel(Types.REL_OUTPUTS, LOADER, CUSTOMERS),
                rel(Types.REL_COLUMNS, SIGNUPS, SIGNUPS_EMAIL),
                rel(Types.REL_COLUMNS, CUSTOMERS, CUSTOMERS_EMAIL),
                rel(Types.REL_COLUMNS, CUSTOMERS, CUSTOMERS_PHONE),
                rel(Types.REL_INPUTS, SIGNUPS_EMAIL, EMAIL_LINEAGE),
                rel(Types.REL_OUTPUTS, EMAIL_LINEAGE, CUSTOMERS_EMAIL))));
  }

  @AfterEach
  void close() {
    catalog.close();
  }

  private static EntityWrite write(EntityKey key, Set<String> classifications) {
    return new EntityWrite(key, Fixtures.nameOf(key), Map.of(), classifications, T0);
  }

  private Guid guid(EntityKey key) {
    return catalog.get(key, Visibility.all()).orElseThrow().guid();
  }

  @Test
  void shouldHideTheColumnsAndColumnLineageOfAHiddenDatasetOnEveryRead() {
    for (Visibility hidden : List.of(NOT_CUSTOMERS, NO_PII)) {
      for (EntityKey dependent : List.of(CUSTOMERS_EMAIL, CUSTOMERS_PHONE, EMAIL_LINEAGE)) {
        assertThat(catalog.get(dependent, hidden)).as(dependent.qualifiedName()).isEmpty();
        assertThat(catalog.get(guid(dependent), hidden)).isEmpty();
        assertThatThrownBy(() -> lineage(guid(dependent), LineageLevel.COLUMN, hidden))
            .isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> catalog.impact(guid(dependent), 5, hidden))
            .isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(
                () -> catalog.related(guid(dependent), Types.REL_COLUMNS, Direction.BOTH, hidden))
            .isInstanceOf(EntityNotFoundException.class);
      }
      assertThat(qualifiedNames(catalog.search(search("customers", null), hidden).entities()))
          .isEmpty();
      assertThat(qualifiedNames(catalog.search(search(null, Types.COLUMN), hidden).entities()))
          .containsExactly(SIGNUPS_EMAIL.qualifiedName());
      assertThat(catalog.search(search(null, Types.COLUMN_LINEAGE), hidden).total()).isZero();
      assertThat(catalog.countByType(hidden))
          .containsEntry(Types.COLUMN, 1L)
          .doesNotContainKey(Types.COLUMN_LINEAGE);

      // From the visible input column, the hidden dataset's side is not revealed at all.
      Guid input = guid(SIGNUPS_EMAIL);
      LineageGraph downstream = lineage(input, LineageLevel.COLUMN, hidden);
      assertThat(downstream.entities()).containsOnlyKeys(input);
      assertThat(downstream.redacted()).isEmpty();
      assertThat(catalog.impact(input, 5, hidden)).isEmpty();
      assertThat(catalog.path(input, guid(CUSTOMERS_EMAIL), 5, hidden)).isEmpty();
      assertThat(catalog.path(guid(EMAIL_LINEAGE), guid(CUSTOMERS_EMAIL), 5, hidden)).isEmpty();
    }
  }

  @Test
  void shouldShowTheColumnsAndColumnLineageOfAVisibleDataset() {
    Visibility visible = Visibility.all();
    assertThat(catalog.get(CUSTOMERS_EMAIL, visible)).isPresent();
    assertThat(catalog.get(EMAIL_LINEAGE, visible)).isPresent();
    assertThat(qualifiedNames(catalog.search(search("customers", null), visible).entities()))
        .contains(CUSTOMERS_EMAIL.qualifiedName(), CUSTOMERS_PHONE.qualifiedName());
    assertThat(
            qualifiedNames(
                catalog.related(guid(CUSTOMERS), Types.REL_COLUMNS, Direction.DOWNSTREAM, visible)))
        .containsExactly(CUSTOMERS_EMAIL.qualifiedName(), CUSTOMERS_PHONE.qualifiedName());
    LineageGraph downstream = lineage(guid(SIGNUPS_EMAIL), LineageLevel.COLUMN, visible);
    assertThat(downstream.entities()).containsKeys(guid(EMAIL_LINEAGE), guid(CUSTOMERS_EMAIL));
    assertThat(catalog.impact(guid(SIGNUPS_EMAIL), 5, visible))
        .extracting(ImpactEntry::entity)
        .extracting(Entity::key)
        .contains(EMAIL_LINEAGE, CUSTOMERS_EMAIL);
    assertThat(catalog.path(guid(EMAIL_LINEAGE), guid(CUSTOMERS_EMAIL), 5, visible)).isPresent();
    assertThat(catalog.countByType(visible))
        .containsEntry(Types.COLUMN, 3L)
        .containsEntry(Types.COLUMN_LINEAGE, 1L);
  }

  @Test
  void shouldLetAColumnsOwnClassificationHideItWhileItsDatasetStaysVisible() {
    catalog.apply(mutation(List.of(write(SIGNUPS_EMAIL, Set.of("PII"))), List.of()));
    assertThat(catalog.get(SIGNUPS, NO_PII)).isPresent();
    assertThat(catalog.get(SIGNUPS_EMAIL, NO_PII)).isEmpty();
    assertThat(catalog.related(guid(SIGNUPS), Types.REL_COLUMNS, Direction.DOWNSTREAM, NO_PII))
        .isEmpty();
  }

  @Test
  void shouldNameTheDatasetOfADeletedDependentInItsDeletionEvent() {
    Guid customers = guid(CUSTOMERS);
    assertThat(catalog.delete(guid(EMAIL_LINEAGE))).isTrue();
    assertThat(catalog.delete(guid(CUSTOMERS_PHONE))).isTrue();
    assertThat(catalog.delete(customers)).isTrue();
    List<ChangeEvent> deletions =
        events.stream().filter(e -> e.kind() == ChangeEvent.Kind.ENTITY_DELETED).toList();
    assertThat(deletions).hasSize(3);
    assertThat(deletions.get(0).subject().key()).isEqualTo(EMAIL_LINEAGE);
    assertThat(deletions.get(0).target().guid()).isEqualTo(customers);
    assertThat(deletions.get(1).subject().key()).isEqualTo(CUSTOMERS_PHONE);
    assertThat(deletions.get(1).target().key()).isEqualTo(CUSTOMERS);
    assertThat(deletions.get(2).target()).isNull();
  }

  private LineageGraph lineage(Guid start, LineageLevel level, Visibility visibility) {
    return catalog.lineage(new LineageQuery(start, Direction.BOTH, 5, level), visibility);
  }

  private static SearchQuery search(String prefix, String type) {
    return new SearchQuery(prefix, type, null, ACME, Map.of(), 100, 0);
  }

  private static List<String> qualifiedNames(List<Entity> entities) {
    List<String> out = new ArrayList<>();
    entities.forEach(e -> out.add(e.qualifiedName()));
    return out;
  }
}

package io.tributary.testkit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Guid;
import io.tributary.catalog.InvalidEntityException;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.MutationResult;
import io.tributary.catalog.RelationshipWrite;
import io.tributary.catalog.SearchQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.contract.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Catalog} backend must show. Extend it, implement {@link
 * #openCatalog(ChangeFeed)}, and the tests run against your backend:
 *
 * <pre>{@code
 * class MyCatalogContractTest extends CatalogContract {
 *   @Override
 *   protected Catalog openCatalog(ChangeFeed feed) {
 *     return MyCatalog.open(feed);
 *   }
 * }
 * }</pre>
 *
 * <p>Every behaviour holds on every backend: where the store underneath lacks something (a remote
 * Atlas keeps no time per attribute), the backend makes up for it rather than the suite.
 */
public abstract class CatalogContract {
  /** The tenant most fixtures belong to. */
  protected static final TenantId ACME = new TenantId("acme");

  /** Another tenant, for visibility tests. */
  protected static final TenantId GLOBEX = new TenantId("globex");

  /** The {@code asOf} of the fixtures' writes; later writes use {@link #T1}, {@link #T2}. */
  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** One minute after {@link #T0}. */
  protected static final Instant T1 = T0.plusSeconds(60);

  /** Two minutes after {@link #T0}. */
  protected static final Instant T2 = T0.plusSeconds(120);

  /** The catalog under test, opened before each test and closed after it. */
  protected Catalog catalog;

  /** The feed the catalog was opened with. */
  protected ChangeFeed feed;

  /** Every change event the catalog published during the test, in order. */
  protected final List<ChangeEvent> events = new CopyOnWriteArrayList<>();

  /** For subclasses. */
  protected CatalogContract() {}

  /**
   * Opens an empty catalog of the backend under test.
   *
   * @param feed the change feed the catalog must publish to
   * @return the catalog; the suite closes it after each test
   */
  protected abstract Catalog openCatalog(ChangeFeed feed);

  @BeforeEach
  void openCatalogUnderTest() {
    feed = new ChangeFeed();
    feed.subscribe(0, events::add);
    catalog = openCatalog(feed);
  }

  @AfterEach
  void closeCatalogUnderTest() {
    catalog.close();
  }

  // ---- fixtures ---------------------------------------------------------------------------

  /**
   * A Kafka topic of {@link #ACME} on cluster {@code prod}.
   *
   * @param name the topic
   * @return its key
   */
  protected static EntityKey topic(String name) {
    return topic(ACME, name);
  }

  /**
   * A Kafka topic on cluster {@code prod}.
   *
   * @param tenant its tenant
   * @param name the topic
   * @return its key
   */
  protected static EntityKey topic(TenantId tenant, String name) {
    return new EntityKey(tenant, Types.KAFKA_TOPIC, name + "@prod");
  }

  /**
   * A Flink application of {@link #ACME}.
   *
   * @param name the job
   * @return its key
   */
  protected static EntityKey job(String name) {
    return job(ACME, name);
  }

  /**
   * A Flink application.
   *
   * @param tenant its tenant
   * @param name the job
   * @return its key
   */
  protected static EntityKey job(TenantId tenant, String name) {
    return new EntityKey(tenant, Types.FLINK_APPLICATION, name + "@flink");
  }

  /**
   * One job reading {@code inputs} and writing {@code outputs}, all written at {@link #T0}.
   *
   * @param job the job
   * @param inputs topics it reads
   * @param outputs topics it writes
   * @return one mutation with every entity and both kinds of lineage relationship
   */
  protected static Mutation process(
      EntityKey job, List<EntityKey> inputs, List<EntityKey> outputs) {
    List<EntityWrite> entities = new ArrayList<>();
    List<RelationshipWrite> relationships = new ArrayList<>();
    entities.add(write(job, Map.of(), T0));
    for (EntityKey in : inputs) {
      entities.add(write(in, Map.of(), T0));
      relationships.add(new RelationshipWrite(Types.REL_INPUTS, in, job, Map.of(), T0));
    }
    for (EntityKey out : outputs) {
      entities.add(write(out, Map.of(), T0));
      relationships.add(new RelationshipWrite(Types.REL_OUTPUTS, job, out, Map.of(), T0));
    }
    return new Mutation("contract", entities, relationships);
  }

  /**
   * A write of one entity, named after its qualified name up to {@code @}.
   *
   * @param key the entity
   * @param attributes its attributes
   * @param asOf when the values were true
   * @return the write
   */
  protected static EntityWrite write(EntityKey key, Map<String, Object> attributes, Instant asOf) {
    String qn = key.qualifiedName();
    String name = qn.contains("@") ? qn.substring(0, qn.indexOf('@')) : qn;
    return new EntityWrite(key, name, attributes, Set.of(), asOf);
  }

  /**
   * A mutation of entity writes only.
   *
   * @param writes the writes
   * @return the mutation
   */
  protected static Mutation entities(EntityWrite... writes) {
    return new Mutation("contract", List.of(writes), List.of());
  }

  /**
   * The guid the catalog gave an entity.
   *
   * @param key the entity
   * @return its guid
   */
  protected Guid guid(EntityKey key) {
    return catalog.get(key, Visibility.all()).orElseThrow().guid();
  }

  // ---- writes and reads -------------------------------------------------------------------

  @Test
  protected void shouldReportEachCreatedEntityWithAGuid() {
    MutationResult result =
        catalog.apply(process(job("enrich"), List.of(topic("in")), List.of(topic("out"))));

    assertThat(result.created())
        .containsExactlyInAnyOrder(job("enrich"), topic("in"), topic("out"));
    assertThat(result.guids()).containsOnlyKeys(job("enrich"), topic("in"), topic("out"));
    assertThat(Set.copyOf(result.guids().values())).hasSize(3);
  }

  @Test
  protected void shouldReadAnAppliedEntityByKeyAndByGuid() {
    EntityKey orders = topic("orders");
    MutationResult result =
        catalog.apply(
            entities(
                new EntityWrite(orders, "orders", Map.of("partitions", 12), Set.of("PII"), T0)));

    Entity byKey = catalog.get(orders, Visibility.all()).orElseThrow();
    Entity byGuid = catalog.get(result.guids().get(orders), Visibility.all()).orElseThrow();
    assertThat(byGuid.key()).isEqualTo(orders);
    assertThat(byKey.guid()).isEqualTo(result.guids().get(orders));
    assertThat(byKey.name()).isEqualTo("orders");
    assertThat(byKey.typeName()).isEqualTo(Types.KAFKA_TOPIC);
    assertThat(byKey.tenant()).isEqualTo(ACME);
    assertThat(byKey.attributes()).containsEntry("partitions", 12);
    assertThat(byKey.classifications()).containsExactly("PII");
  }

  @Test
  protected void shouldReturnEmptyForAnUnknownGuidOrKey() {
    assertThat(catalog.get(topic("nothing"), Visibility.all())).isEmpty();
    assertThat(catalog.get(Guid.forKey(topic("nothing")), Visibility.all())).isEmpty();
  }

  @Test
  protected void shouldNotDuplicateOrPublishOnReapply() {
    Mutation m = process(job("enrich"), List.of(topic("in")), List.of(topic("out")));
    catalog.apply(m);
    int published = events.size();

    MutationResult again = catalog.apply(m);

    assertThat(again.created()).isEmpty();
    assertThat(again.updated()).isEmpty();
    assertThat(events).hasSize(published);
    assertThat(catalog.search(SearchQuery.byType(Types.KAFKA_TOPIC), Visibility.all()).total())
        .isEqualTo(2);
  }

  @Test
  protected void shouldKeepTheNewestValueOfEachAttributeWhateverTheDeliveryOrder() {
    EntityKey orders = topic("orders");
    catalog.apply(entities(write(orders, Map.of("owner", "bob", "retention", 7), T2)));
    catalog.apply(entities(write(orders, Map.of("owner", "alice", "description", "late"), T1)));

    Entity e = catalog.get(orders, Visibility.all()).orElseThrow();

    assertThat(e.attributes())
        .containsEntry("owner", "bob")
        .containsEntry("retention", 7)
        .containsEntry("description", "late");
  }

  @Test
  protected void shouldRejectAnUnknownEntityTypeNamingIt() {
    EntityKey odd = new EntityKey(ACME, "no_such_type", "x@y");

    assertThatThrownBy(() -> catalog.apply(entities(write(odd, Map.of(), T0))))
        .isInstanceOf(InvalidEntityException.class)
        .hasMessageContaining("no_such_type");
    assertThat(events).isEmpty();
  }

  // ---- relationships and lineage ----------------------------------------------------------

  @Test
  protected void shouldListRelatedEntitiesInEitherDirection() {
    catalog.apply(process(job("enrich"), List.of(topic("in")), List.of(topic("out"))));

    assertThat(
            catalog.related(
                guid(topic("in")), Types.REL_INPUTS, Direction.DOWNSTREAM, Visibility.all()))
        .extracting(Entity::key)
        .containsExactly(job("enrich"));
    assertThat(
            catalog.related(
                guid(topic("out")), Types.REL_OUTPUTS, Direction.UPSTREAM, Visibility.all()))
        .extracting(Entity::key)
        .containsExactly(job("enrich"));
  }

  @Test
  protected void shouldWalkLineageDownstreamThroughJobs() {
    catalog.apply(process(job("clean"), List.of(topic("raw")), List.of(topic("cleaned"))));
    catalog.apply(process(job("enrich"), List.of(topic("cleaned")), List.of(topic("enriched"))));

    LineageGraph graph =
        catalog.lineage(
            new LineageQuery(guid(topic("raw")), Direction.DOWNSTREAM, 2, LineageLevel.DATASET),
            Visibility.all());

    assertThat(graph.entities().values())
        .extracting(Entity::key)
        .containsExactlyInAnyOrder(
            topic("raw"), job("clean"), topic("cleaned"), job("enrich"), topic("enriched"));
    assertThat(graph.edges()).hasSize(4);
  }

  // ---- search and visibility --------------------------------------------------------------

  @Test
  protected void shouldSearchByNamePrefixCaseInsensitively() {
    catalog.apply(process(job("router"), List.of(topic("orders")), List.of(topic("orders_eu"))));
    catalog.apply(entities(write(topic("payments"), Map.of(), T0)));

    assertThat(catalog.search(SearchQuery.byName("ORD"), Visibility.all()).entities())
        .extracting(Entity::name)
        .containsExactlyInAnyOrder("orders", "orders_eu");
  }

  @Test
  protected void shouldHideAnotherTenantsEntitiesFromReadsAndSearch() {
    catalog.apply(entities(write(topic(ACME, "a-orders"), Map.of(), T0)));
    catalog.apply(entities(write(topic(GLOBEX, "g-orders"), Map.of(), T0)));
    Visibility acme = Visibility.tenants(Set.of(ACME));

    assertThat(catalog.get(topic(GLOBEX, "g-orders"), acme)).isEmpty();
    assertThat(catalog.get(guid(topic(GLOBEX, "g-orders")), acme)).isEmpty();
    assertThat(catalog.search(SearchQuery.byType(Types.KAFKA_TOPIC), acme).entities())
        .extracting(Entity::key)
        .containsExactly(topic(ACME, "a-orders"));
  }

  // ---- change feed ------------------------------------------------------------------------

  @Test
  protected void shouldPublishACreatedEventPerNewEntity() {
    catalog.apply(process(job("enrich"), List.of(topic("in")), List.of(topic("out"))));

    assertThat(events)
        .filteredOn(e -> e.kind() == ChangeEvent.Kind.ENTITY_CREATED)
        .extracting(e -> e.subject().key())
        .containsExactlyInAnyOrder(job("enrich"), topic("in"), topic("out"));
  }

  @Test
  protected void shouldReturnTheFeedItWasGiven() {
    assertThat(catalog.changes()).isSameAs(feed);
  }
}

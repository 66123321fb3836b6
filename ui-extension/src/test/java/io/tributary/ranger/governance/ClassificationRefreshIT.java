package io.tributary.ranger.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.ChangeEvent;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Entity;
import io.tributary.catalog.EntityKey;
import io.tributary.catalog.EntityWrite;
import io.tributary.catalog.Mutation;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import io.tributary.catalog.janus.JanusCatalog;
import io.tributary.catalog.janus.JanusConfig;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.contract.TenantId;
import io.tributary.openlineage.EventTranslator;
import io.tributary.openlineage.NamespaceResolver;
import io.tributary.ranger.tenancy.ClassificationRule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A streaming job's refreshes through the classification engine into a real (in-memory) catalog: a
 * refresh that repeats what the rules read is answered without evaluating and leaves every
 * classification as it was; whatever could classify differently is evaluated.
 */
class ClassificationRefreshIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final TenantId TENANT = TenantId.DEFAULT;
  private static final ClassificationRule PII_BY_NAME =
      new ClassificationRule("PII", "(?i)email", "column", null, null, null, 0.9);
  private static final EntityKey EMAIL = column("signups", "email");
  private static final EntityKey COUNTRY = column("signups", "country");
  private static final EntityKey CONTACT = column("customers", "contact");

  private final EventTranslator translator = EventTranslator.create(NamespaceResolver.defaults());
  private final AtomicReference<List<ClassificationRule>> rules =
      new AtomicReference<>(List.of(PII_BY_NAME));
  private final List<EntityKey> updated = new CopyOnWriteArrayList<>();
  private JanusCatalog catalog;
  private ClassificationEngine engine;
  private ChangeFeed.Subscription updates;
  private int seq;

  @BeforeEach
  void start() {
    TypeRegistry types = TypeRegistry.builtIn();
    catalog = JanusCatalog.open(JanusConfig.inMemory(), types, new ChangeFeed());
    engine = new ClassificationEngine(t -> rules.get(), catalog, types, Clock.systemUTC());
    updates =
        catalog
            .changes()
            .subscribe(
                0,
                e -> {
                  if (e.kind() == ChangeEvent.Kind.ENTITY_UPDATED) {
                    updated.add(e.subject().key());
                  }
                });
    ingest(event("START", "region", "STRING"));
  }

  @AfterEach
  void stop() {
    updates.close();
    engine.close();
    catalog.close();
  }

  @Test
  void shouldAnswerUnchangedRefreshesWithoutEvaluatingAndKeepEveryClassification() {
    settle("region", "STRING");
    Map<String, ClassificationSource> email = sources(EMAIL);
    Map<String, ClassificationSource> contact = sources(CONTACT);
    assertThat(email.get("PII").source()).isEqualTo(ClassificationSource.RULE);
    assertThat(contact.get("PII").source()).isEqualTo(ClassificationSource.PROPAGATED);
    assertThat(contact.get("PII").path()).containsExactly(EMAIL.qualifiedName());
    long evaluations = engine.evaluations();
    long answered = engine.answered();
    updated.clear();

    for (int i = 0; i < 5; i++) {
      Mutation enriched = ingest(event("RUNNING", "region", "STRING"));
      assertThat(write(enriched, CONTACT).classifications()).containsExactly("PII");
      assertThat(write(enriched, CONTACT).attributes())
          .as("nothing to record again")
          .doesNotContainKey(ClassificationSource.ATTRIBUTE);
    }

    assertThat(engine.evaluations()).isEqualTo(evaluations);
    assertThat(engine.answered()).isEqualTo(answered + 5);
    assertThat(updated).as("no column changed").noneMatch(k -> k.typeName().equals(Types.COLUMN));
    assertThat(sources(EMAIL)).isEqualTo(email);
    assertThat(sources(CONTACT)).isEqualTo(contact);
  }

  @Test
  void shouldEvaluateARefreshWhoseFieldNameChanged() {
    settle("region", "STRING");
    rules.set(List.of(PII_BY_NAME, new ClassificationRule("SENSITIVE", "(?i)area")));
    settle("region", "STRING");
    long evaluations = engine.evaluations();

    ingest(event("RUNNING", "area", "STRING"));

    assertThat(engine.evaluations()).isEqualTo(evaluations + 1);
    assertThat(sources(column("customers", "area"))).containsKey("SENSITIVE");
    assertThat(sources(CONTACT)).containsKey("PII");
  }

  @Test
  void shouldEvaluateARefreshWhoseFieldTypeChanged() {
    rules.set(
        List.of(
            PII_BY_NAME,
            new ClassificationRule(
                "SENSITIVE", "country", "column", "(?i)string", null, null, 1.0)));
    settle("region", "INTEGER");
    assertThat(sources(COUNTRY)).isEmpty();
    long evaluations = engine.evaluations();

    ingest(event("RUNNING", "region", "STRING"));

    assertThat(engine.evaluations()).isEqualTo(evaluations + 1);
    assertThat(sources(COUNTRY).get("SENSITIVE").source()).isEqualTo(ClassificationSource.RULE);
    assertThat(sources(column("customers", "region")).get("SENSITIVE").path())
        .containsExactly(COUNTRY.qualifiedName());
  }

  @Test
  void shouldEvaluateTheNextRefreshWhenTheRulesChange() {
    settle("region", "STRING");
    long evaluations = engine.evaluations();

    rules.set(List.of(PII_BY_NAME, new ClassificationRule("SENSITIVE", "(?i)country")));
    ingest(event("RUNNING", "region", "STRING"));

    assertThat(engine.evaluations()).isEqualTo(evaluations + 1);
    assertThat(sources(COUNTRY).get("SENSITIVE").source()).isEqualTo(ClassificationSource.RULE);
    assertThat(sources(column("customers", "region")).get("SENSITIVE").source())
        .isEqualTo(ClassificationSource.PROPAGATED);
    assertThat(sources(CONTACT)).containsKey("PII");
  }

  @Test
  void shouldPropagateWhatAnUpstreamColumnGainedSinceTheLastRefresh() {
    settle("region", "STRING");
    long evaluations = engine.evaluations();

    catalog.apply(
        new Mutation(
            "another producer",
            List.of(new EntityWrite(COUNTRY, null, Map.of(), Set.of("FINANCE"), T0.plusSeconds(1))),
            List.of()));
    ingest(event("RUNNING", "region", "STRING"));

    assertThat(engine.evaluations()).isEqualTo(evaluations + 1);
    assertThat(sources(column("customers", "region")).get("FINANCE").path())
        .containsExactly(COUNTRY.qualifiedName());
  }

  @Test
  void shouldGiveBackARuleClassificationRemovedByHandWithTheNextRefresh() {
    settle("region", "STRING");
    Entity contact = catalog.get(CONTACT, Visibility.all()).orElseThrow();

    assertThat(catalog.removeClassification(contact.guid(), "PII")).isTrue();
    assertThat(sources(CONTACT)).isEmpty();
    ingest(event("RUNNING", "region", "STRING"));

    assertThat(sources(CONTACT).get("PII").source()).isEqualTo(ClassificationSource.PROPAGATED);
  }

  /** Refreshes until one is answered without evaluating (the first after a change reads). */
  private void settle(String region, String countryType) {
    for (int i = 0; i < 3; i++) {
      ingest(event("RUNNING", region, countryType));
    }
    long answered = engine.answered();
    ingest(event("RUNNING", region, countryType));
    assertThat(engine.answered()).as("settled").isEqualTo(answered + 1);
  }

  private Mutation ingest(String event) {
    try {
      Mutation enriched =
          engine.enrich(TENANT, translator.translate(JSON.readTree(event), TENANT).mutation());
      catalog.apply(enriched);
      return enriched;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, ClassificationSource> sources(EntityKey key) {
    return ClassificationEngine.sourcesOf(catalog.get(key, Visibility.all()).orElseThrow());
  }

  private static EntityWrite write(Mutation mutation, EntityKey key) {
    return mutation.entities().stream().filter(w -> w.key().equals(key)).findFirst().orElseThrow();
  }

  private static EntityKey column(String topic, String field) {
    return new EntityKey(TENANT, Types.COLUMN, topic + "@broker:9092." + field);
  }

  /**
   * {@code signups -> enrich -> customers}: {@code contact} from {@code email}, {@code region} (or
   * the given name) from {@code country}; every event new output statistics, as a refresh has.
   */
  private String event(String type, String region, String countryType) {
    int n = seq++;
    String producer = "https://github.com/tributary/tests";
    return """
        {"eventType": "%s", "eventTime": "%s", "producer": "%s",
         "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "01900000-0000-7000-8000-000000000001"},
         "job": {"namespace": "streams", "name": "enrich"},
         "inputs": [{"namespace": "kafka://broker:9092", "name": "signups", "facets": {
           "schema": {"_producer": "%s",
             "_schemaURL": "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet",
             "fields": [{"name": "email", "type": "STRING"}, {"name": "country", "type": "%s"}]}}}],
         "outputs": [{"namespace": "kafka://broker:9092", "name": "customers", "facets": {
           "schema": {"_producer": "%s",
             "_schemaURL": "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet",
             "fields": [{"name": "contact", "type": "STRING"}, {"name": "%s", "type": "STRING"}]},
           "columnLineage": {"_producer": "%s",
             "_schemaURL": "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet",
             "fields": {
               "contact": {"inputFields": [{"namespace": "kafka://broker:9092", "name": "signups",
                 "field": "email", "transformations": [{"type": "DIRECT", "subtype": "IDENTITY"}]}]},
               "%s": {"inputFields": [{"namespace": "kafka://broker:9092", "name": "signups",
                 "field": "country", "transformations": [{"type": "DIRECT", "subtype": "IDENTITY"}]}]}
             }}},
           "outputFacets": {"outputStatistics": {"_producer": "%s",
             "_schemaURL": "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet",
             "rowCount": %d}}}]}
        """
        .formatted(
            type,
            T0.plusSeconds(10L + n),
            producer,
            producer,
            countryType,
            producer,
            region,
            producer,
            region,
            producer,
            1000L + n);
  }
}

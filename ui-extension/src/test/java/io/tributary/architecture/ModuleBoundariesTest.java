package io.tributary.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows between modules, held by a test rather than by good intentions: the wire contract
 * knows no other module, the catalog knows neither policy nor UI, emitters know no catalog, catalog
 * backends are reached only through their plug-in interface, heavy dependencies stay in the one
 * package that adapts them, and {@code internal} packages are used only by their own module.
 */
class ModuleBoundariesTest {
  private static final String[] CATALOG = {
    "io.tributary.catalog..",
    "io.tributary.openlineage..",
    "io.tributary.ingest..",
    "io.tributary.atlas.."
  };
  private static final String[] POLICY = {"io.tributary.ranger.."};
  // The demo (io.tributary.demo) is a module downstream of this one: DemoBoundariesTest holds it.
  private static final String[] SERVER = {"io.tributary.server..", "io.tributary.cli.."};
  private static final String[] EMITTERS = {"io.tributary.emitters.."};
  private static final String[] CONFIG = {"io.tributary.config..", "io.tributary.plugin.."};
  private static final String[] CONTRACT = {"io.tributary.contract.."};
  private static final String[] TEST_KIT = {"io.tributary.testkit.."};
  private static final String[] SEARCH = {"io.tributary.search.."};
  private static final String[] CLUSTER = {"io.tributary.cluster.."};
  // The catalog server as the test kit's CatalogServerProvider: the one main package that may.
  private static final String SERVER_TESTING = "io.tributary.server.testing..";

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    // Other modules' classes come from their jars on this module's test classpath.
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tributary");
    // A rule over an empty import would pass vacuously: every module must be in it.
    assertThat(classes.stream().map(JavaClass::getPackageName))
        .anyMatch(p -> p.startsWith("io.tributary.contract.schema"))
        .anyMatch(p -> p.startsWith("io.tributary.catalog.janus"))
        .anyMatch(p -> p.startsWith("io.tributary.catalog.spi"))
        .anyMatch(p -> p.startsWith("io.tributary.ranger"))
        .anyMatch(p -> p.startsWith("io.tributary.emitters"))
        .anyMatch(p -> p.startsWith("io.tributary.server"))
        .anyMatch(p -> p.startsWith("io.tributary.config"))
        .anyMatch(p -> p.startsWith("io.tributary.testkit"))
        .anyMatch(p -> p.startsWith("io.tributary.search.index"))
        .anyMatch(p -> p.startsWith("io.tributary.cluster.changes"));
  }

  @Test
  void shouldKeepTheTestKitOutOfMainCodeButTheServersProvider() {
    noClasses()
        .that()
        .resideOutsideOfPackages(concat(TEST_KIT, new String[] {SERVER_TESTING}))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(TEST_KIT)
        .check(classes);
  }

  @Test
  void shouldKeepTheTestKitFreeOfTheModulesThatUseIt() {
    // They use it in their tests: an arrow back would be a cycle Maven refuses.
    noClasses()
        .that()
        .resideInAnyPackage(TEST_KIT)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            concat(POLICY, SERVER, EMITTERS, new String[] {"io.tributary.catalog.janus.."}))
        .check(classes);
  }

  @Test
  void shouldKeepConfigurationOnTheJdkAlone() {
    // Every module uses it, the emitters inside other people's jobs among them.
    ArchRuleDefinition.classes()
        .that()
        .resideInAnyPackage(CONFIG)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(concat(CONFIG, new String[] {"java.."}))
        .check(classes);
  }

  @Test
  void shouldKeepTheCatalogFreeOfPolicyServerAndEmitters() {
    noClasses()
        .that()
        .resideInAnyPackage(CATALOG)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(POLICY, SERVER, EMITTERS))
        .check(classes);
  }

  @Test
  void shouldKeepPoliciesFreeOfTheServerAndEmitters() {
    noClasses()
        .that()
        .resideInAnyPackage(POLICY)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(SERVER, EMITTERS))
        .check(classes);
  }

  @Test
  void shouldKeepEmittersFreeOfTheCatalogPolicyAndServer() {
    noClasses()
        .that()
        .resideInAnyPackage(EMITTERS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(CATALOG, POLICY, SERVER))
        .check(classes);
  }

  @Test
  void shouldConfineEachStreamingPlatformsApiToItsEmitterPackage() {
    // Pulsar's and AWS's APIs are optional dependencies: a Kafka user's job never loads them, so
    // only the classes of their own emitter package may name them.
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tributary.emitters.pulsar..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.pulsar..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tributary.emitters.kinesis..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("software.amazon..")
        .check(classes);
  }

  @Test
  void shouldKeepTheWireContractFreeOfEveryOtherModule() {
    noClasses()
        .that()
        .resideInAnyPackage(CONTRACT)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(CATALOG, POLICY, SERVER, EMITTERS))
        .check(classes);
  }

  @Test
  void shouldConfineTheSchemaEngineToTheContractsValidator() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tributary.contract.schema..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.networknt..")
        .check(classes);
  }

  /**
   * The validator's schema engine is optional in the contract: a job embedding emitters lacks it.
   */
  @Test
  void shouldKeepTheValidatorOutOfTheEmitters() {
    noClasses()
        .that()
        .resideInAnyPackage(EMITTERS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.tributary.contract.schema..")
        .check(classes);
  }

  /** The server picks a backend by name through ServiceLoader; nothing else names one. */
  @Test
  void shouldReachCatalogBackendsOnlyThroughThePluginInterface() {
    for (String backend :
        new String[] {"io.tributary.catalog.janus..", "io.tributary.catalog.atlas.."}) {
      noClasses()
          .that()
          .resideOutsideOfPackage(backend)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(backend)
          .check(classes);
    }
  }

  @Test
  void shouldKeepSearchOnTheCatalogApiAlone() {
    // Fed by the change feed and catalog reads only, so that a shared change log can feed it.
    noClasses()
        .that()
        .resideInAnyPackage(SEARCH)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            concat(
                POLICY,
                SERVER,
                EMITTERS,
                new String[] {
                  "io.tributary.catalog.janus..",
                  "io.tributary.catalog.atlas..",
                  "io.tributary.catalog.spi..",
                  "io.tributary.ingest..",
                  "io.tributary.openlineage..",
                  "io.tributary.atlas.."
                }))
        .check(classes);
  }

  @Test
  void shouldKeepClusterModeOnTheCatalogApiAndTheCatalogFreeOfIt() {
    // The cluster parts see the change feed and the ingest pipeline only, never a backend, the
    // policy engine or the server; nothing below the server knows whether it runs in a cluster.
    noClasses()
        .that()
        .resideInAnyPackage(CLUSTER)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            concat(SERVER, POLICY, SEARCH, new String[] {"io.tributary.catalog.janus.."}))
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage(concat(CATALOG, POLICY, CONTRACT, CONFIG, SEARCH))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CLUSTER)
        .check(classes);
  }

  @Test
  void shouldKeepTheCatalogFreeOfSearch() {
    noClasses()
        .that()
        .resideInAnyPackage(concat(CATALOG, POLICY, CONTRACT, CONFIG))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SEARCH)
        .check(classes);
  }

  @Test
  void shouldConfineLuceneToSearchAndTheModelToItsEmbedPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tributary.search..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.lucene..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tributary.search.embed..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.langchain4j..", "ai.onnxruntime..", "ai.djl..")
        .check(classes);
  }

  @Test
  void shouldConfineJanusGraphToTheJanusBackend() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tributary.catalog.janus..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.janusgraph..", "org.apache.tinkerpop..")
        .check(classes);
  }

  @Test
  void shouldConfineRangerToThePolicyModule() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tributary.ranger..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.ranger..")
        .check(classes);
  }

  @Test
  void shouldUseInternalPackagesOnlyFromTheirOwnArea() {
    ArchRuleDefinition.classes().should(onlyReachInternalsOfTheirOwnArea()).check(classes);
  }

  /** {@code a.b.internal.x.Y} may be used only by classes in {@code a.b..}. */
  private static ArchCondition<JavaClass> onlyReachInternalsOfTheirOwnArea() {
    return new ArchCondition<>("use internal packages only from their own area") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        item.getDirectDependenciesFromSelf()
            .forEach(
                dependency -> {
                  String target = dependency.getTargetClass().getPackageName();
                  int internal = target.indexOf(".internal");
                  if (!target.startsWith("io.tributary.") || internal < 0) {
                    return;
                  }
                  String area = target.substring(0, internal);
                  String source = item.getPackageName();
                  if (!(source.equals(area) || source.startsWith(area + "."))) {
                    events.add(
                        SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                  }
                });
      }
    };
  }

  private static String[] concat(String[]... groups) {
    return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}

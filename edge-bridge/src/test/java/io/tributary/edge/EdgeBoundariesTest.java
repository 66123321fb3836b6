package io.tributary.edge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What the gateway daemon and the device library may use. */
class EdgeBoundariesTest {
  private static final JavaClasses EDGE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.tributary.edge");

  @Test
  void shouldKeepTheCatalogGraphPolicyAndStreamEnginesOutOfTheBridge() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.janusgraph..",
            "org.apache.ranger..",
            "org.apache.kafka.streams..",
            "org.apache.flink..",
            "io.tributary.catalog..",
            "io.tributary.ingest..",
            "io.tributary.server..",
            "io.tributary.ranger..",
            "io.tributary.emitters..")
        .check(EDGE);
  }

  @Test
  void shouldKeepTheDeviceLibraryFreeOfJsonLibrariesAndTheBridge() {
    noClasses()
        .that()
        .resideInAPackage("io.tributary.edge.device..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.fasterxml..",
            "io.tributary.contract..",
            "io.tributary.config..",
            "io.tributary.edge",
            "io.tributary.edge.clock..",
            "io.tributary.edge.journal..",
            "io.tributary.edge.lineage..",
            "io.tributary.edge.mqtt..",
            "io.tributary.edge.sync..",
            "org.slf4j..")
        .check(EDGE);
  }
}

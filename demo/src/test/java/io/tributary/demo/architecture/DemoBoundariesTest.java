package io.tributary.demo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo sits on top: it uses the catalog server, the command line and the emitters through their
 * public API, and nothing of theirs uses it, so the server's jar runs without it and its engines.
 */
class DemoBoundariesTest {
  private static final String DEMO = "io.tributary.demo..";

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    // The other modules' classes come from their jars on this module's classpath.
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tributary");
    assertThat(classes.stream().map(JavaClass::getPackageName))
        .anyMatch(p -> p.startsWith("io.tributary.demo"))
        .anyMatch(p -> p.startsWith("io.tributary.server"))
        .anyMatch(p -> p.startsWith("io.tributary.cli"))
        .anyMatch(p -> p.startsWith("io.tributary.emitters"));
  }

  @Test
  void shouldKeepEveryOtherModuleFreeOfTheDemo() {
    noClasses()
        .that()
        .resideOutsideOfPackage(DEMO)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(DEMO)
        .check(classes);
  }

  @Test
  void shouldUseNoInternalPackageOfAnotherModule() {
    noClasses()
        .that()
        .resideInAPackage(DEMO)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.tributary..internal..")
        .check(classes);
  }
}

package io.tributary.catalog.janus;

import static io.tributary.catalog.janus.Fixtures.job;
import static io.tributary.catalog.janus.Fixtures.process;
import static io.tributary.catalog.janus.Fixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.Direction;
import io.tributary.catalog.Entity;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.catalog.Types;
import io.tributary.catalog.Visibility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog contract on BerkeleyJE in a temporary directory, plus what only disk can show. */
class JanusCatalogBerkeleyTest extends JanusCatalogContract {
  @Override
  protected JanusConfig config(Path dataDir) {
    return JanusConfig.berkeley(dataDir);
  }

  @Test
  void shouldKeepEntitiesGuidsAndRelationshipsAcrossARestart() {
    catalog.apply(process(job("clean"), List.of(topic("raw")), List.of(topic("cleaned"))));
    Entity before = catalog.get(topic("raw"), Visibility.all()).orElseThrow();

    catalog.close();
    catalog = JanusCatalog.open(config(dataDir), types, new ChangeFeed());

    Entity after = catalog.get(before.guid(), Visibility.all()).orElseThrow();
    assertThat(after).isEqualTo(before);
    assertThat(
            catalog
                .lineage(
                    new LineageQuery(before.guid(), Direction.DOWNSTREAM, 1, LineageLevel.DATASET),
                    Visibility.all())
                .entities())
        .hasSize(3);
    assertThat(
            catalog.related(
                Guid.forKey(job("clean")),
                Types.REL_OUTPUTS,
                Direction.DOWNSTREAM,
                Visibility.all()))
        .extracting(Entity::key)
        .containsExactly(topic("cleaned"));
  }

  @Test
  void shouldRefuseASecondOpenOfTheSameDirectoryAndKeepTheFirstWorking() {
    assertThatThrownBy(() -> JanusCatalog.open(config(dataDir), types, new ChangeFeed()))
        .isInstanceOf(DataDirectoryLockedException.class)
        .hasMessageContaining(dataDir.toAbsolutePath().normalize().toString())
        .hasMessageContaining("another Tributary server");

    catalog.apply(process(job("clean"), List.of(topic("raw")), List.of()));
    assertThat(catalog.get(topic("raw"), Visibility.all())).isPresent();
  }

  @Test
  void shouldKeepTheGraphInsideTheDataDirectory() {
    assertThat(dataDir.resolve(DirectoryLock.FILE_NAME)).exists();
    assertThat(Files.isDirectory(dataDir.resolve(GraphSettings.GRAPH_SUBDIRECTORY))).isTrue();
  }
}

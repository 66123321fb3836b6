package io.tributary.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Mutation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeterminismTest {

  static List<String> validEvents() {
    return Fixtures.corpus("valid");
  }

  @ParameterizedTest
  @MethodSource("validEvents")
  void shouldTranslateTheSameEventToAnEqualMutation(String name) {
    TranslatedEvent first = Fixtures.translate(name);
    TranslatedEvent second = Fixtures.translate(name);

    assertThat(second).isEqualTo(first);
    assertThat(second.mutation().entities()).containsExactlyElementsOf(first.mutation().entities());
    assertThat(second.mutation().relationships())
        .containsExactlyElementsOf(first.mutation().relationships());
  }

  @Test
  void shouldGiveEqualMutationsFromIndependentTranslators() {
    EventTranslator other =
        EventTranslator.create(NamespaceResolver.of(Map.of("kafka://broker-*.prod:9092", "prod")));

    Mutation mine = Fixtures.translate("run-start-flink-all-facets.json").mutation();
    Mutation theirs =
        other
            .translate(Fixtures.event("run-start-flink-all-facets.json"), Fixtures.TENANT)
            .mutation();

    assertThat(theirs).isEqualTo(mine);
  }

  @Test
  void shouldTranslateConcurrentlyWithTheSameResult() throws Exception {
    Mutation expected = Fixtures.translate("run-start-flink-all-facets.json").mutation();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Mutation>> results =
          pool.invokeAll(
              java.util.Collections.nCopies(
                  16, () -> Fixtures.translate("run-start-flink-all-facets.json").mutation()));
      for (Future<Mutation> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

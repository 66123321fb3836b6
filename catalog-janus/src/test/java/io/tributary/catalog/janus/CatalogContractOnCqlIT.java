package io.tributary.catalog.janus;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.testkit.catalog.CatalogContract;
import org.junit.jupiter.api.AfterAll;

/** The test kit's catalog contract on the JanusGraph catalog over Cassandra (CQL). */
class CatalogContractOnCqlIT extends CatalogContract {
  private static final CqlKeyspace KEYSPACE = new CqlKeyspace("kit_contract");
  private static boolean opened;

  @Override
  protected Catalog openCatalog(ChangeFeed feed) {
    if (opened) {
      KEYSPACE.wipe();
    }
    opened = true;
    return JanusCatalog.open(KEYSPACE.config(), TypeRegistry.builtIn(), feed);
  }

  @AfterAll
  static void closeKeyspace() {
    KEYSPACE.close();
  }
}

package io.tributary.catalog.janus;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.ChangeFeed;
import io.tributary.catalog.types.TypeRegistry;
import io.tributary.testkit.catalog.CatalogContract;

/** The test kit's catalog contract on the embedded JanusGraph catalog (in-memory storage). */
class JanusCatalogContractTest extends CatalogContract {
  @Override
  protected Catalog openCatalog(ChangeFeed feed) {
    return JanusCatalog.open(JanusConfig.inMemory(), TypeRegistry.builtIn(), feed);
  }
}

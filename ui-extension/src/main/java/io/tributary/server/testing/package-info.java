/**
 * The catalog server as the test kit's {@code CatalogServerProvider}, for {@code RunningCatalog};
 * the only main code that may use {@code io.tributary.testkit}.
 */
package io.tributary.server.testing;

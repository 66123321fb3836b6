/**
 * The behaviour every {@link io.tributary.catalog.Catalog} backend must show, as an abstract JUnit
 * 5 class to extend: {@link io.tributary.testkit.catalog.CatalogContract}.
 */
package io.tributary.testkit.catalog;

/**
 * Tributary's test kit: what a test needs to exercise lineage end to end without outside services.
 *
 * <ul>
 *   <li>{@link io.tributary.testkit.kafka.KafkaBroker}: a real in-process KRaft broker;
 *   <li>{@link io.tributary.testkit.events.LineageEvents}: OpenLineage events of a job, valid
 *       against the official schemas;
 *   <li>{@link io.tributary.testkit.transport.CapturingTransport}: an OpenLineage transport that
 *       keeps what it is sent;
 *   <li>{@link io.tributary.testkit.RunningCatalog}: a catalog server in this JVM, through a {@link
 *       io.tributary.testkit.CatalogServerProvider} found with {@code ServiceLoader};
 *   <li>{@link io.tributary.testkit.catalog.CatalogContract}: the behaviour every catalog backend
 *       must show.
 * </ul>
 *
 * <p>See {@code docs/testing.md} for how to use each piece.
 */
package io.tributary.testkit;

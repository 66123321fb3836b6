/**
 * OpenLineage ingestion: validation of events against the wire contract's JSON Schemas ({@link
 * io.tributary.contract.schema}) and their translation into catalog {@link
 * io.tributary.catalog.Mutation}s of the Atlas model.
 *
 * <p>{@link io.tributary.openlineage.EventTranslator} is the entry point; {@link
 * io.tributary.openlineage.NamespaceResolver} names the clusters of streaming namespaces.
 */
package io.tributary.openlineage;

/**
 * Validation of OpenLineage events against the official JSON Schemas shipped on the classpath: the
 * core schema for the envelope, and each facet's own schema when its {@code _schemaURL} names one.
 * No schema is ever fetched over the network.
 */
package io.tributary.openlineage.internal.validation;

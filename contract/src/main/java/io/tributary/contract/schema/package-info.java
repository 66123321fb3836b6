/**
 * Validation of OpenLineage events against the official JSON Schemas and Tributary's facet schemas,
 * both shipped on the classpath: the core schema for the envelope, and each facet's own schema when
 * its {@code _schemaURL} names one. No schema is ever fetched over the network.
 *
 * <p>Needs {@code com.networknt:json-schema-validator}, an optional dependency of this module:
 * whoever validates (the catalog, the emitters' tests) declares it, so a job that embeds the
 * emitters does not carry it.
 */
package io.tributary.contract.schema;

/**
 * Amazon Kinesis emitters: an AWS SDK v2 {@code ExecutionInterceptor} for Kinesis clients and a
 * Kinesis Client Library processor hook. Datasets follow OpenLineage's Kinesis naming: namespace
 * {@code arn:aws:kinesis:<region>:<account>}, name {@code stream/<name>} ({@link
 * io.tributary.emitters.kinesis.KinesisNaming}). The SDK and the KCL are provided dependencies: the
 * host application brings them.
 */
package io.tributary.emitters.kinesis;

package io.tributary.openlineage.internal.mapping;

/**
 * Where an OpenLineage dataset lands in the Atlas model.
 *
 * @param cluster the resolved cluster for streaming types, null for generic datasets
 */
record DatasetName(
    String typeName, String qualifiedName, String namespace, String name, String cluster) {}

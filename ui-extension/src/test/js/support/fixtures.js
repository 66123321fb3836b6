// Entities in the shape api.js gives the pages (normalizeEntity), built from a few fields.

import { normalizeEntity } from '../../../main/resources/web/js/api.js';

export function entity(guid, typeName, qualifiedName, name, more = {}) {
  return normalizeEntity({ guid, typeName, qualifiedName, name, tenant: 'acme', ...more });
}

export const ORDERS = entity('g-orders', 'kafka_topic', 'orders@prod', 'orders', {
  classifications: ['PII'], attributes: { owner: 'team-a' },
});
export const ENRICH = entity('g-enrich', 'flink_application', 'flink/enrich', 'enrich "orders", <fast> & co', {
  attributes: { owners: ['team-b', 'team-c'] },
});
export const ENRICHED = entity('g-enriched', 'kafka_topic', 'enriched@prod', 'enriched', {
  attributes: { namespace: 'kafka://broker-1:9092', owner: 'team-a' },
});
export const ALERTS_JOB = entity('g-alerts-job', 'kafka_streams_application', 'streams/alerts', 'alerts-job');
export const ALERTS = entity('g-alerts', 'kafka_topic', 'alerts@prod', 'alerts');

/** A lineage answer of the server's LineageGraph JSON, from entities and [from, to] pairs. */
export function serverLineage(start, entities, pairs, distances = {}) {
  return {
    start,
    nodes: entities,
    edges: pairs.map(([from, to, relationshipType = 'lineage']) => ({ from, to, relationshipType })),
    distances,
  };
}

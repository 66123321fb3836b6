// Consumer lag in the streaming-health widget and on run pages, from the run facet the Kafka
// consumer interceptor and the Kafka Streams emitter report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consumerLag, streamingHealth } from '../../main/resources/web/js/dashboard/metrics.js';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const metrics = (m) => JSON.stringify({ tributary_streaming_metrics: m });
const run = (guid, job, runFacets) => ({
  guid, typeName: 'stream_process_run', name: guid, qualifiedName: `${job}#${guid}`, tenant: 'acme', classifications: [],
  attributes: { jobQualifiedName: job, state: 'RUNNING', lastSeen: new Date(NOW - 60_000).toISOString(), runFacets },
});

test('lag per partition, largest first, with the total the emitter reported', () => {
  const lag = consumerLag(metrics({ totalLag: 900, lagByTopic: { orders: 900 }, lagByPartition: { 'orders-0': 100, 'orders-1': 800 } }));
  assert.equal(lag.total, 900);
  assert.deepEqual(lag.byPartition, [['orders-1', 800], ['orders-0', 100]]);
  assert.deepEqual(lag.byTopic, [['orders', 900]]);
});

test('a run without the facet has no lag, and a facet without a total is summed', () => {
  assert.equal(consumerLag(JSON.stringify({ outputStatistics: { rowCount: 5 } })), null);
  assert.equal(consumerLag(undefined), null);
  assert.equal(consumerLag(metrics({ state: 'RUNNING' })), null);
  assert.equal(consumerLag(metrics({ lagByTopic: { a: 3, b: 4 } })).total, 7);
});

test('the streaming-health widget shows each consumer job\'s lag from its newest run', () => {
  const h = streamingHealth([
    run('r1', 'apps/auditor', metrics({ totalLag: 5, lagByPartition: { 'orders-0': 5 } })),
    run('r2', 'apps/generator', JSON.stringify({})),
  ], { now: NOW });
  const byName = Object.fromEntries(h.jobs.map((j) => [j.name, j.lag]));
  assert.equal(byName.auditor.total, 5);
  assert.equal(byName.generator, null);
});

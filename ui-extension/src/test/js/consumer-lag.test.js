// Consumer lag in the streaming-health widget and on run pages, from the run facet the Kafka
// consumer interceptor and the Kafka Streams emitter report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consumerLag, runLag, sortHealth, streamingHealth } from '../../main/resources/web/js/dashboard/metrics.js';

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

test('the lag the catalog keeps on the run wins, and is stale once older than the limit', () => {
  const at = new Date(NOW - 10 * 60_000).toISOString();
  const kept = { consumerLag: 40, consumerLagTime: at, runFacets: JSON.stringify({}) };
  const old = runLag(kept, {}, { now: NOW, staleMs: 5 * 60_000 });
  assert.equal(old.total, 40);
  assert.equal(old.stale, true);
  assert.deepEqual(old.byPartition, []);
  assert.equal(runLag(kept, {}, { now: NOW, staleMs: 15 * 60_000 }).stale, false);
  // The facet of the same report adds its partitions; one of another report does not.
  const facets = JSON.parse(metrics({ totalLag: 40, lagByPartition: { 'orders-0': 40 } }));
  assert.deepEqual(runLag(kept, facets, { now: NOW }).byPartition, [['orders-0', 40]]);
  const other = JSON.parse(metrics({ totalLag: 7, lagByPartition: { 'orders-0': 7 } }));
  assert.deepEqual(runLag(kept, other, { now: NOW }).byPartition, []);
  assert.equal(runLag({}, {}, { now: NOW }), null);
});

test('a lag known only from the facet is as old as the run\'s last report', () => {
  const facets = JSON.parse(metrics({ totalLag: 3 }));
  assert.equal(runLag({}, facets, { lastSeen: NOW - 60_000, now: NOW }).stale, false);
  assert.equal(runLag({}, facets, { lastSeen: NOW - 600_000, now: NOW }).stale, true);
  assert.equal(runLag({}, facets, { now: NOW }).stale, true);
});

test('the health rows sort by lag either way, jobs without lag last', () => {
  const jobs = [
    { name: 'a', state: 'RUNNING', lag: { total: 5 } },
    { name: 'b', state: 'FAIL', lag: null },
    { name: 'c', state: 'RUNNING', lag: { total: 900 } },
    { name: 'd', state: 'STALE', lag: { total: 0 } },
  ];
  assert.deepEqual(sortHealth(jobs, 'lag', true).map((j) => j.name), ['c', 'a', 'd', 'b']);
  assert.deepEqual(sortHealth(jobs, 'lag', false).map((j) => j.name), ['d', 'a', 'c', 'b']);
  assert.deepEqual(sortHealth(jobs, 'state').map((j) => j.name), ['b', 'd', 'a', 'c']);
  assert.deepEqual(sortHealth(jobs, 'name', true).map((j) => j.name), ['d', 'c', 'b', 'a']);
});

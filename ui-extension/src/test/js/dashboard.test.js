// The dashboard's widget computations and forms, without a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ago, classificationCoverage, edgeBacklog, freshness, qualityStatus, ratePerMinute, streamingHealth, topProducersConsumers,
} from '../../main/resources/web/js/dashboard/metrics.js';
import { WIDGET_TYPES, configFromForm, newWidget } from '../../main/resources/web/js/dashboard/widget-types.js';
import { bodyOf } from '../../main/resources/web/js/dashboard/dashboards-api.js';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const minutesAgo = (m) => new Date(NOW - m * 60_000).toISOString();
const entity = (guid, typeName, attributes = {}, extra = {}) => ({
  guid, typeName, name: guid, qualifiedName: guid, tenant: 'acme', attributes, classifications: [], updateTime: null, ...extra,
});
const run = (guid, job, state, lastSeenMin, extra = {}) => entity(guid, 'stream_process_run',
  { jobQualifiedName: job, state, lastSeen: minutesAgo(lastSeenMin), ...extra });

test('streaming health takes each job\'s newest run, and a RUNNING job silent too long is stale', () => {
  const h = streamingHealth([
    run('r1', 'streaming/a', 'COMPLETE', 60),
    run('r2', 'streaming/a', 'RUNNING', 1, { startTime: minutesAgo(11), runFacets: JSON.stringify({ outputStatistics: { rowCount: 6000 } }) }),
    run('r3', 'streaming/b', 'RUNNING', 30),
    run('r4', 'streaming/c', 'FAIL', 2, { errorMessage: 'boom' }),
    entity('d1', 'kafka_topic'),
  ], { now: NOW, staleMinutes: 5 });
  assert.equal(h.total, 3);
  assert.equal(h.healthy, 1);
  assert.deepEqual(h.byState, { RUNNING: 1, STALE: 1, FAIL: 1 });
  assert.deepEqual(h.jobs.map((j) => [j.name, j.state]), [['c', 'FAIL'], ['b', 'STALE'], ['a', 'RUNNING']]);
  const a = h.jobs.find((j) => j.name === 'a');
  assert.equal(Math.round(a.throughput), 10);
  assert.equal(a.age, 60_000);
  assert.equal(h.jobs[0].error, 'boom');
});

test('streaming health reads throughput from the newest window: records written, else read', () => {
  const h = streamingHealth([
    run('w', 'streaming/writer', 'RUNNING', 0, { windowOutputRecords: 300, windowInputRecords: 900, windowSeconds: 60 }),
    run('r', 'streaming/reader', 'RUNNING', 0, { windowInputRecords: 120, windowSeconds: 60 }),
    run('n', 'streaming/silent', 'RUNNING', 0, { windowSeconds: 60 }),
  ], { now: NOW });
  const rate = (name) => h.jobs.find((j) => j.name === name).throughput;
  assert.equal(rate('writer'), 5);
  assert.equal(rate('reader'), 2);
  assert.equal(rate('silent'), null);
});

test('freshness lists the stalest datasets first and counts those over the limit', () => {
  const f = freshness([
    entity('new', 'kafka_topic', {}, { updateTime: minutesAgo(1) }),
    entity('old', 'kafka_topic', {}, { updateTime: minutesAgo(90) }),
    entity('job', 'flink_application', {}, { updateTime: minutesAgo(500) }),
    entity('unknown', 'kafka_topic'),
  ], { now: NOW, staleMinutes: 15, limit: 2 });
  assert.deepEqual(f.rows.map((r) => r.guid), ['unknown', 'old']);
  assert.equal(f.stale, 2);
  assert.equal(f.total, 3);
});

test('quality status adds up assertions from counts or from the assertions facet', () => {
  const q = qualityStatus([
    entity('a', 'kafka_topic', { assertionsPassed: 3, assertionsFailed: 1 }),
    entity('b', 'kafka_topic', { dataQualityAssertions: JSON.stringify({ assertions: [{ success: true }, { success: false }, { success: false }] }) }),
    entity('c', 'kafka_topic'),
  ]);
  assert.deepEqual([q.passed, q.failed, q.checked], [4, 3, 2]);
  assert.deepEqual(q.failing.map((d) => d.guid), ['b', 'a']);
});

test('classification coverage counts datasets, not jobs, and each classification', () => {
  const c = classificationCoverage([
    entity('a', 'kafka_topic', {}, { classifications: ['PII', 'SENSITIVE'] }),
    entity('b', 'kafka_topic', {}, { classifications: ['PII'] }),
    entity('c', 'kafka_topic'),
    entity('j', 'flink_application', {}, { classifications: ['PII'] }),
  ]);
  assert.equal(c.total, 3);
  assert.equal(c.classified, 2);
  assert.deepEqual(c.byClassification, [['PII', 2], ['SENSITIVE', 1]]);
});

test('top producers write the most datasets; the most consumed datasets have the most readers', () => {
  const nodes = new Map(['j1', 'j2'].map((g) => [g, entity(g, 'flink_application')]));
  ['t1', 't2', 't3'].forEach((g) => nodes.set(g, entity(g, 'kafka_topic')));
  const edges = [
    { from: 'j1', to: 't1' }, { from: 'j1', to: 't2' }, { from: 'j2', to: 't3' },
    { from: 't1', to: 'j2' }, { from: 't3', to: 'j1' }, { from: 't1', to: 'j1' },
  ];
  const t = topProducersConsumers(nodes, edges, { limit: 5 });
  assert.deepEqual(t.producers.map((p) => [p.guid, p.count]), [['j1', 2], ['j2', 1]]);
  assert.deepEqual(t.consumers.map((p) => [p.guid, p.count]), [['t1', 2], ['t3', 1]]);
});

test('edge backlog says when no device has reported one', () => {
  assert.equal(edgeBacklog([entity('t', 'kafka_topic')]).known, false);
  assert.equal(edgeBacklog([entity('d', 'edge_device')]).known, false);
  const b = edgeBacklog([entity('d1', 'edge_device', { backlog: 5 }), entity('d2', 'edge_device', { journalDepth: 40 })], { now: NOW });
  assert.equal(b.known, true);
  assert.equal(b.total, 45);
  assert.deepEqual(b.rows.map((r) => r.guid), ['d2', 'd1']);
});

test('changes per minute fall into one bucket per minute, the current one last', () => {
  const buckets = ratePerMinute([{ time: minutesAgo(0) }, { time: minutesAgo(0.5) }, { time: minutesAgo(2) }, { time: minutesAgo(30) }],
    { now: NOW, minutes: 5 });
  assert.deepEqual(buckets, [0, 0, 1, 1, 1]);
  assert.equal(ago(42_000), '42 s');
  assert.equal(ago(7 * 60_000), '7 min');
  assert.equal(ago(null), 'never');
});

test('a widget form\'s values are clamped to its fields, and a new widget takes the defaults', () => {
  assert.deepEqual(configFromForm('freshness', { staleMinutes: '-3', limit: '999', title: '  Old data ' }),
    { title: 'Old data', staleMinutes: 1, limit: 50 });
  assert.deepEqual(configFromForm('lineage', { guid: 'g', depth: 'x', view: 'vr' }), { guid: 'g', depth: 2, view: '2d' });
  const w = newWidget('streaming-health', 'h1');
  assert.deepEqual(w, { id: 'h1', type: 'streaming-health', x: 0, y: 0, w: 8, h: 5, config: { staleMinutes: 5 } });
  for (const t of Object.values(WIDGET_TYPES)) assert.ok(t.w >= 1 && t.w <= 12 && t.h >= 1, t.title);
});

test('a dashboard is saved with its title, sharing and widgets only', () => {
  const body = bodyOf({ id: 'x', owner: 'ana', title: 'T', shared: 1, widgets: [{ id: 'a', type: 'quality', x: 1, y: 2, w: 3, h: 4, extra: true }] });
  assert.deepEqual(body, { title: 'T', shared: true, widgets: [{ id: 'a', type: 'quality', x: 1, y: 2, w: 3, h: 4, config: {} }] });
});

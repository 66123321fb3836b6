import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, api, normalizeEntity, normalizeLineage } from '../../main/resources/web/js/api.js';

function stubFetch(t, status, body, contentType = 'application/json') {
  const calls = [];
  t.mock.method(globalThis, 'fetch', async (url, options) => {
    calls.push({ url, options });
    return new Response(body, { status, headers: { 'Content-Type': contentType } });
  });
  return calls;
}

test('entities come out in one shape from the server\'s JSON and from Atlas headers', () => {
  const server = normalizeEntity({
    guid: 'g-1', key: { tenant: 'acme', typeName: 'kafka_topic', qualifiedName: 'orders@prod' }, name: 'orders',
    attributes: { partitions: 3 }, classifications: ['PII'], times: { created: '2026-01-01T00:00:00Z' },
  });
  assert.deepEqual(server, {
    guid: 'g-1', typeName: 'kafka_topic', qualifiedName: 'orders@prod', name: 'orders', tenant: 'acme',
    attributes: { partitions: 3 }, classifications: ['PII'], createTime: '2026-01-01T00:00:00Z', updateTime: null,
    redacted: false,
  });
  const atlas = normalizeEntity({
    guid: 'g-2', typeName: 'hive_table', displayText: 'sales', attributes: { qualifiedName: 'db.sales@cl1', tenant: { value: 'acme' } },
    classificationNames: ['PII', { typeName: 'GDPR' }],
  });
  assert.equal(atlas.name, 'sales');
  assert.equal(atlas.qualifiedName, 'db.sales@cl1');
  assert.equal(atlas.tenant, 'acme');
  assert.deepEqual(atlas.classifications, ['PII', 'GDPR']);
  assert.equal(normalizeEntity(null), null);
});

test('lineage answers of the server and of Atlas give the same nodes and edges', () => {
  const server = normalizeLineage({
    start: 'a',
    nodes: [{ guid: 'a', typeName: 'kafka_topic', name: 'a' }, { guid: 'p', typeName: 'flink_application', name: 'p' }],
    edges: [{ from: 'a', to: 'p', relationshipType: 'process_inputs' }, { from: 'p', to: 'x', relationshipType: 'process_outputs' }],
    redacted: ['x'],
    distances: { a: 0, p: '1' },
  });
  const atlas = normalizeLineage({
    baseEntityGuid: 'a',
    guidEntityMap: { a: { typeName: 'kafka_topic', displayText: 'a' }, p: { typeName: 'flink_application', displayText: 'p' } },
    relations: [{ fromEntityId: 'a', toEntityId: 'p', relationshipId: 'process_inputs' }, { fromEntityId: 'p', toEntityId: 'x' }],
  });
  for (const l of [server, atlas]) {
    assert.equal(l.start, 'a');
    assert.deepEqual([...l.nodes.keys()].sort(), ['a', 'p', 'x']);
    assert.equal(l.nodes.get('x').redacted, true, 'an edge end the answer does not describe is hidden from the caller');
    assert.deepEqual(l.edges.map((e) => [e.from, e.to]), [['a', 'p'], ['p', 'x']]);
  }
  assert.deepEqual(server.edges.map((e) => e.type), ['process_inputs', 'process_outputs']);
  assert.deepEqual([...server.distances], [['a', 0], ['p', 1]]);
  assert.deepEqual([...server.redacted], ['x']);
});

test('requests carry only the parameters that have a value, escaped', async (t) => {
  const calls = stubFetch(t, 200, JSON.stringify({ start: 'a/b', nodes: [], edges: [] }));
  await api.lineage('a/b', { direction: 'UPSTREAM', depth: 2 });
  await api.search({ q: 'orders & co', type: '', limit: null });
  assert.equal(calls[0].url, '/api/v1/lineage/a%2Fb?direction=UPSTREAM&depth=2&level=DATASET');
  assert.equal(calls[1].url, '/api/v1/search?q=orders+%26+co');
  assert.equal(calls[0].options.headers.Accept, 'application/json');
});

test('a problem answer becomes an ApiError with the status and the problem\'s detail', async (t) => {
  stubFetch(t, 404, JSON.stringify({ title: 'Not Found', status: 404, detail: "Entity 'g-9' not found" }), 'application/problem+json');
  await assert.rejects(api.entity('g-9'), (e) => e instanceof ApiError && e.status === 404
    && e.message === "Entity 'g-9' not found" && e.url === '/entities/g-9');
});

test('an error answer without JSON still says what happened', async (t) => {
  stubFetch(t, 502, 'Bad Gateway', 'text/plain');
  await assert.rejects(api.stats(), { name: 'Error', message: 'Bad Gateway', status: 502 });
  stubFetch(t, 500, '');
  await assert.rejects(api.stats(), { message: 'HTTP 500' });
});

test('the layered layout is posted as JSON', async (t) => {
  const calls = stubFetch(t, 200, '{"positions": {}}');
  assert.deepEqual(await api.layout({ nodes: [], edges: [] }), { positions: {} });
  assert.equal(calls[0].options.method, 'POST');
  assert.equal(calls[0].options.headers['Content-Type'], 'application/json');
  assert.equal(calls[0].options.body, '{"nodes":[],"edges":[]}');
});

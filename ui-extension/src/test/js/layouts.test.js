// layouts.js imports d3-force by its bare name: these run with the page's import map applied
// (support/register-import-map.js), against the d3 WebJars the server serves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUTS, computeLayout } from '../../main/resources/web/js/graph/layouts.js';

/** a → p → b → q → c, with d hanging off p, and an unconnected e; group g holds a and b's columns. */
function graph() {
  const node = (id, more = {}) => ({ id, w: 100, h: 34, label: id, parent: null, compound: false, ...more });
  return {
    focus: 'a',
    nodes: [node('a'), node('p'), node('b'), node('q'), node('c'), node('d'), node('e'), node('g', { compound: true })],
    edges: [['a', 'p'], ['p', 'b'], ['b', 'q'], ['q', 'c'], ['p', 'd'], ['b', 'b'], ['c', 'gone']]
      .map(([source, target]) => ({ id: `${source}-${target}`, source, target })),
  };
}

const LEAVES = ['a', 'p', 'b', 'q', 'c', 'd', 'e'];

function stubFetch(t, answer) {
  const calls = [];
  t.mock.method(globalThis, 'fetch', async (url, options) => {
    calls.push({ url, options, body: options.body ? JSON.parse(options.body) : null });
    return answer(url);
  });
  return calls;
}

function assertDistinctFinite(positions) {
  const seen = new Set();
  for (const [id, p] of positions) {
    assert.ok(Number.isFinite(p.x) && Number.isFinite(p.y), `${id} at ${JSON.stringify(p)}`);
    seen.add(`${Math.round(p.x)},${Math.round(p.y)}`);
  }
  assert.equal(seen.size, positions.size, 'no two nodes on one spot');
}

test('four layouts are offered, layered first', () => {
  assert.deepEqual(Object.keys(LAYOUTS), ['layered', 'force', 'radial', 'grid']);
});

test('the layered layout asks the server, without self loops or edges to missing nodes', async (t) => {
  const calls = stubFetch(t, () => new Response(JSON.stringify({
    positions: Object.fromEntries([...LEAVES, 'g'].map((id, i) => [id, { x: i * 10, y: 5 }])),
  }), { status: 200 }));
  const result = await computeLayout('layered', graph(), { direction: 'DOWN' });
  assert.equal(result.engine, 'elk-layered');
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, '/api/v1/layout/layered');
  assert.equal(calls[0].options.method, 'POST');
  assert.deepEqual(calls[0].body.options, { direction: 'DOWN' });
  assert.deepEqual(calls[0].body.edges.map((e) => e.id), ['a-p', 'p-b', 'b-q', 'q-c', 'p-d']);
  assert.deepEqual(calls[0].body.nodes[0], { id: 'a', width: 100, height: 34, parent: null });
  // Compound nodes are sized by Cytoscape around their children: no position of their own.
  assert.deepEqual([...result.positions.keys()], LEAVES);
  assert.deepEqual(result.positions.get('p'), { x: 10, y: 5 });
  assert.ok(Number.isInteger(result.millis));
});

test('when the server cannot lay out, a local layered layout puts each node one layer after its inputs', async (t) => {
  stubFetch(t, () => new Response('{"title":"Service Unavailable","detail":"busy"}', { status: 503 }));
  const warn = t.mock.method(console, 'warn', () => {});
  const result = await computeLayout('layered', graph());
  assert.equal(result.engine, 'local-layered');
  assert.equal(warn.mock.callCount(), 1);
  const layer = (id) => result.positions.get(id).x / 240;
  assert.deepEqual(LEAVES.map(layer), [0, 1, 2, 3, 4, 2, 0]);
  assertDistinctFinite(result.positions);
});

test('a cycle does not stop the local layered layout', async (t) => {
  stubFetch(t, () => { throw new TypeError('fetch failed'); });
  t.mock.method(console, 'warn', () => {});
  const cyclic = { focus: 'x', nodes: ['x', 'y', 'z'].map((id) => ({ id, w: 80, h: 30 })),
    edges: [['x', 'y'], ['y', 'z'], ['z', 'x']].map(([source, target]) => ({ id: source + target, source, target })) };
  const result = await computeLayout('layered', cyclic);
  assert.equal(result.positions.size, 3);
  assertDistinctFinite(result.positions);
});

test('the radial layout puts the focus in the middle and each ring further out by distance', async () => {
  const { positions, engine } = await computeLayout('radial', graph());
  assert.equal(engine, 'radial');
  assert.deepEqual(positions.get('a'), { x: 0, y: 0 });
  const radius = (id) => Math.round(Math.hypot(positions.get(id).x, positions.get(id).y));
  assert.equal(radius('p'), 170);
  assert.equal(radius('b'), radius('d'), 'b and d are both two hops from a');
  assert.ok(radius('b') > radius('p') && radius('q') > radius('b') && radius('c') > radius('q'));
  assert.ok(positions.has('e'), 'unconnected nodes are placed too');
  assert.equal(positions.has('g'), false);
  assertDistinctFinite(positions);
});

test('the grid layout keeps members of a group together and orders by name', async () => {
  const g = graph();
  g.nodes.find((n) => n.id === 'c').parent = 'g';
  g.nodes.find((n) => n.id === 'a').parent = 'g';
  const { positions } = await computeLayout('grid', g);
  const order = [...positions].sort(([, p], [, q]) => p.y - q.y || p.x - q.x).map(([id]) => id);
  assert.deepEqual(order, ['b', 'd', 'e', 'p', 'q', 'a', 'c']);
  assertDistinctFinite(positions);
});

test('the force-directed layout places every node apart and linked nodes closer than unlinked ones', async () => {
  const { positions, engine } = await computeLayout('force', graph());
  assert.equal(engine, 'force');
  assert.deepEqual([...positions.keys()], LEAVES);
  assertDistinctFinite(positions);
  const dist = (u, v) => Math.hypot(positions.get(u).x - positions.get(v).x, positions.get(u).y - positions.get(v).y);
  assert.ok(dist('a', 'p') < dist('e', 'a'), `a–p ${dist('a', 'p')} vs e–a ${dist('e', 'a')}`);
});

test('the quick layout draws layers at once, across or down the screen', async () => {
  const across = await computeLayout('quick', graph());
  assert.equal(across.engine, 'quick-layered');
  assert.deepEqual(LEAVES.map((id) => across.positions.get(id).x / 240), [0, 1, 2, 3, 4, 2, 0]);
  const down = await computeLayout('quick', graph(), { direction: 'DOWN' });
  assert.deepEqual(LEAVES.map((id) => down.positions.get(id).y / 110), [0, 1, 2, 3, 4, 2, 0]);
  assertDistinctFinite(down.positions);
});

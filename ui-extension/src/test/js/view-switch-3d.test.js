// The 3D view and the 2D explorer share one view state: switching keeps the query, the filters and
// the selection, and the 3D view draws what the explorer's filters leave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromParams, withSelected, withView } from '../../main/resources/web/js/graph/view-state.js';
import { projectLineage } from '../../main/resources/web/js/graph3d/projection.js';

const node = (guid, typeName, namespace = 'kafka://a') => ({
  guid, typeName, name: guid, qualifiedName: `${guid}@x`, attributes: { namespace }, classifications: [],
});

function lineage() {
  const nodes = new Map([
    ['src', node('src', 'postgres_table', 'postgres://db')],
    ['cdc', node('cdc', 'kafka_connect_job')],
    ['orders', node('orders', 'kafka_topic')],
    ['enrich', node('enrich', 'flink_application')],
    ['enriched', node('enriched', 'kafka_topic')],
  ]);
  const edges = [
    { from: 'src', to: 'cdc', type: 'inputs' }, { from: 'cdc', to: 'orders', type: 'outputs' },
    { from: 'orders', to: 'enrich', type: 'inputs' }, { from: 'enrich', to: 'enriched', type: 'outputs' },
  ];
  return { start: 'orders', nodes, edges };
}

test('switching the view changes only the view: query, filters, selection and expansions stay', () => {
  const params = { depth: '3', direction: 'DOWNSTREAM', 'f.type': 'kafka_topic', datasets: '1', sel: 'g1', ops: '+D:g2' };
  assert.deepEqual(withView(params, '3d'), { ...params, view: '3d' });
  assert.deepEqual(withView({ ...params, view: '3d' }, '2d'), params);
  assert.deepEqual(fromParams(withView(params, '3d')).filters.type, new Set(['kafka_topic']));
});

test('a selection is written into the parameters and removed from them', () => {
  assert.deepEqual(withSelected({ depth: '2' }, 'g9'), { depth: '2', sel: 'g9' });
  assert.deepEqual(withSelected({ depth: '2', sel: 'g9' }, null), { depth: '2' });
});

test('without filters the 3D view draws the lineage answer as it is', () => {
  const l = lineage();
  const p = projectLineage(l, 'orders', fromParams({ depth: '3' }));
  assert.equal(p.nodes, l.nodes);
  assert.equal(p.hidden, 0);
});

test('the type filter of the explorer hides the same nodes in 3D, the focus always shows', () => {
  const p = projectLineage(lineage(), 'orders', fromParams({ 'f.type': 'flink_application' }));
  assert.deepEqual([...p.nodes.keys()].sort(), ['enrich', 'orders']);
  assert.deepEqual(p.edges.map((e) => `${e.from}>${e.to}`), ['orders>enrich']);
  assert.equal(p.hidden, 3);
});

test('datasets only folds the jobs into dataset-to-dataset edges, as in 2D', () => {
  const p = projectLineage(lineage(), 'orders', fromParams({ datasets: '1' }));
  assert.deepEqual([...p.nodes.keys()].sort(), ['enriched', 'orders', 'src']);
  assert.deepEqual(p.edges.map((e) => `${e.from}>${e.to}`).sort(), ['orders>enriched', 'src>orders']);
});

test('the explorer\'s expansions and collapses are replayed in order before the filters', async () => {
  const l = lineage();
  // The query reached only orders and its job; an expansion downstream of the job adds enriched.
  const first = { start: 'orders', nodes: new Map([...l.nodes].filter(([g]) => ['orders', 'enrich', 'cdc'].includes(g))),
    edges: l.edges.filter((e) => ['orders', 'enrich', 'cdc'].includes(e.from) && ['orders', 'enrich', 'cdc'].includes(e.to)) };
  const asked = [];
  const fetchStep = async (guid, dir) => {
    asked.push(`${guid}:${dir}`);
    return { start: guid, nodes: new Map([[guid, l.nodes.get(guid)], ['enriched', l.nodes.get('enriched')]]), edges: [{ from: 'enrich', to: 'enriched', type: 'outputs' }] };
  };
  const state = fromParams({ ops: '+D:enrich,-U:orders,+D:gone', 'f.type': 'kafka_topic' });
  const { modelOf, replaySteps, projectModel } = await import('../../main/resources/web/js/graph3d/projection.js');
  const model = await replaySteps(modelOf(first, 'orders', state), state.ops, fetchStep);
  assert.deepEqual(asked, ['enrich:DOWNSTREAM']);
  // The collapse upstream of orders removed its producer; the filter keeps topics only.
  assert.deepEqual([...model.nodes.keys()].sort(), ['enrich', 'enriched', 'orders']);
  const p = projectModel(model, state);
  assert.deepEqual([...p.nodes.keys()].sort(), ['enriched', 'orders']);
  assert.equal(p.hidden, 1);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeLineage } from '../../main/resources/web/js/api.js';
import {
  DOWN, GraphModel, UP, clusterOf, namespaceOf, ownersOf, parentJobOf,
} from '../../main/resources/web/js/graph/graph-model.js';
import {
  ALERTS, ALERTS_JOB, ENRICH, ENRICHED, ORDERS, entity, serverLineage,
} from './support/fixtures.js';

/** orders → enrich → enriched → alerts-job → alerts, as the server answers a walk from orders. */
function pipeline() {
  return normalizeLineage(serverLineage('g-orders', [ORDERS, ENRICH, ENRICHED, ALERTS_JOB, ALERTS], [
    ['g-orders', 'g-enrich', 'process_inputs'],
    ['g-enrich', 'g-enriched', 'process_outputs'],
    ['g-enriched', 'g-alerts-job', 'process_inputs'],
    ['g-alerts-job', 'g-alerts', 'process_outputs'],
  ], { 'g-orders': 0, 'g-enrich': 1, 'g-enriched': 1, 'g-alerts-job': 2, 'g-alerts': 2 }));
}

function lineageOf(start, entities, pairs) {
  return normalizeLineage(serverLineage(start, entities, pairs));
}

const sorted = (it) => [...it].sort();

test('namespaces come from the attribute, a URL prefix, the part after @, or the tenant', () => {
  assert.equal(namespaceOf(ENRICHED), 'kafka://broker-1:9092');
  assert.equal(namespaceOf(entity('g', 'openlineage_dataset', 'postgres://db:5432/shop.public.orders', 'orders')), 'postgres://db:5432');
  assert.equal(namespaceOf(entity('g', 'stream_column', 'orders@prod#amount', 'amount')), 'prod');
  assert.equal(namespaceOf(entity('g', 'flink_application', 'flink/enrich', 'enrich')), 'acme');
  assert.equal(namespaceOf({ qualifiedName: 'x' }), 'default');
});

test('clusters come from the attribute or the namespace host', () => {
  assert.equal(clusterOf(entity('g', 'kafka_topic', 't@prod', 't', { attributes: { clusterName: 'east' } })), 'east');
  assert.equal(clusterOf(ENRICHED), 'broker-1');
  assert.equal(clusterOf(ORDERS), 'prod');
});

test('owners are read from a list or a single owner, without blanks', () => {
  assert.deepEqual(ownersOf(ENRICH), ['team-b', 'team-c']);
  assert.deepEqual(ownersOf(ORDERS), ['team-a']);
  assert.deepEqual(ownersOf(entity('g', 'kafka_topic', 't', 't', { attributes: { owners: ['', 'x'] } })), ['x']);
  assert.deepEqual(ownersOf(ALERTS), []);
});

test('a merge adds nodes with their distance and edges, and a second merge adds only what is new', () => {
  const model = new GraphModel('g-orders');
  const first = model.merge(pipeline());
  assert.deepEqual(sorted(first.nodes), ['g-alerts', 'g-alerts-job', 'g-enrich', 'g-enriched', 'g-orders']);
  assert.equal(first.edges.length, 4);
  assert.equal(model.node('g-alerts').distance, 2);
  assert.deepEqual(model.edges.get('g-orders|g-enrich|process_inputs'),
    { id: 'g-orders|g-enrich|process_inputs', from: 'g-orders', to: 'g-enrich', type: 'process_inputs', label: undefined, column: false, fresh: false });

  const audit = entity('g-audit', 'kafka_topic', 'audit@prod', 'audit');
  const second = model.merge(lineageOf('g-enrich', [ENRICH, ENRICHED, audit],
    [['g-enrich', 'g-enriched', 'process_outputs'], ['g-enrich', 'g-audit', 'process_outputs']]), { fresh: true });
  assert.deepEqual(second, { nodes: ['g-audit'], edges: ['g-enrich|g-audit|process_outputs'] });
  assert.equal(model.node('g-audit').fresh, true);
  assert.equal(model.node('g-enriched').fresh, false);
  assert.equal(model.edges.size, 5);
});

test('a merge refreshes known entities but never replaces one with its redacted placeholder', () => {
  const model = new GraphModel('g-orders');
  model.merge(pipeline());
  const renamed = { ...ENRICHED, name: 'enriched-v2' };
  model.merge(lineageOf('g-enrich', [renamed], []));
  assert.equal(model.node('g-enriched').entity.name, 'enriched-v2');

  // The server names a guid it may not show: normalizeLineage makes a placeholder of it.
  model.merge(normalizeLineage({ start: 'g-enrich', nodes: [], edges: [], redacted: ['g-enriched'] }));
  assert.equal(model.node('g-enriched').entity.name, 'enriched-v2');
  assert.equal(model.node('g-enriched').entity.redacted, false);
});

test('column-lineage processes fold into direct column-to-column edges named after them', () => {
  const a = entity('c-a', 'stream_column', 'orders@prod#amount', 'amount');
  const b = entity('c-b', 'stream_column', 'enriched@prod#total', 'total');
  const c = entity('c-c', 'stream_column', 'enriched@prod#tax', 'tax');
  const fold = entity('p-col', 'stream_column_lineage', 'enrich#total', 'sum(amount)');
  const model = new GraphModel('c-a');
  const added = model.merge(lineageOf('c-a', [a, fold, b, c],
    [['c-a', 'p-col'], ['p-col', 'c-b'], ['p-col', 'c-c']]));
  assert.deepEqual(sorted(added.nodes), ['c-a', 'c-b', 'c-c']);
  assert.equal(model.node('p-col'), undefined);
  assert.deepEqual([...model.edges.values()].map((e) => [e.from, e.to, e.type, e.label, e.column]), [
    ['c-a', 'c-b', 'column_lineage', 'sum(amount)', true],
    ['c-a', 'c-c', 'column_lineage', 'sum(amount)', true],
  ]);
});

test('a walk of depth 1 marks the start and the process next to it expanded, not the dataset beyond', () => {
  const model = new GraphModel('g-orders');
  model.merge(lineageOf('g-orders', [ORDERS, ENRICH, ENRICHED],
    [['g-orders', 'g-enrich'], ['g-enrich', 'g-enriched']]), { walked: DOWN, depth: 1 });
  assert.deepEqual(model.node('g-orders').expanded, { [UP]: false, [DOWN]: true });
  assert.deepEqual(model.node('g-enrich').expanded, { [UP]: false, [DOWN]: true });
  assert.deepEqual(model.node('g-enriched').expanded, { [UP]: false, [DOWN]: false });
});

test('a walk both ways marks expansion in both directions', () => {
  const model = new GraphModel('g-enrich');
  model.merge(lineageOf('g-enrich', [ORDERS, ENRICH, ENRICHED],
    [['g-orders', 'g-enrich'], ['g-enrich', 'g-enriched']]), { walked: 'BOTH', depth: 1 });
  assert.deepEqual(model.node('g-enrich').expanded, { [UP]: true, [DOWN]: true });
  assert.deepEqual(model.node('g-orders').expanded, { [UP]: true, [DOWN]: false });
  assert.deepEqual(model.node('g-enriched').expanded, { [UP]: false, [DOWN]: true });
});

test('without counts from the server, "more lineage" is unknown (-1) where not expanded and no edge goes that way', () => {
  const model = new GraphModel('g-orders');
  model.merge(lineageOf('g-orders', [ORDERS, ENRICH, ENRICHED],
    [['g-orders', 'g-enrich'], ['g-enrich', 'g-enriched']]), { walked: DOWN, depth: 1 });
  model.openDataset('g-enriched', [entity('c-total', 'stream_column', 'enriched@prod#total', 'total')]);
  const more = model.moreLineage();
  assert.deepEqual(more.get('g-orders'), { [UP]: -1, [DOWN]: 0 });
  assert.deepEqual(more.get('g-enrich'), { [UP]: 0, [DOWN]: 0 });
  assert.deepEqual(more.get('g-enriched'), { [UP]: 0, [DOWN]: -1 });
  assert.deepEqual(more.get('c-total'), { [UP]: 0, [DOWN]: 0 }, 'columns carry no marks');

  model.node('g-orders').expanded[UP] = true; // expanded upstream and found nothing there
  assert.deepEqual(model.moreLineage().get('g-orders'), { [UP]: 0, [DOWN]: 0 });
});

test('column edges do not count as lineage shown for the "more lineage" marks', () => {
  const model = new GraphModel('g-orders');
  model.merge(lineageOf('g-orders', [ORDERS, ENRICHED], []));
  model.edges.set('x', { id: 'x', from: 'g-orders', to: 'g-enriched', type: 'column_lineage', column: true });
  assert.deepEqual(model.moreLineage().get('g-orders'), { [UP]: -1, [DOWN]: -1 });
});

test('"more lineage" counts come from the server\'s degrees less the neighbours shown', () => {
  const model = new GraphModel('g-orders');
  const lineage = lineageOf('g-orders', [ORDERS, ENRICH, ENRICHED],
    [['g-orders', 'g-enrich'], ['g-enrich', 'g-enriched']]);
  lineage.degrees = new Map([
    ['g-orders', { [UP]: 0, [DOWN]: 3 }], // a source with three consumers, one shown
    ['g-enrich', { [UP]: 1, [DOWN]: 1 }],
    ['g-enriched', { [UP]: 1, [DOWN]: 0 }], // a sink: nothing further, whatever was expanded
  ]);
  model.merge(lineage, { walked: DOWN, depth: 1 });
  const more = model.moreLineage();
  assert.deepEqual(more.get('g-orders'), { [UP]: 0, [DOWN]: 2 });
  assert.deepEqual(more.get('g-enrich'), { [UP]: 0, [DOWN]: 0 });
  assert.deepEqual(more.get('g-enriched'), { [UP]: 0, [DOWN]: 0 });
});

test('the datasets-only view folds each job into edges from what it reads to what it writes', () => {
  const model = new GraphModel('g-orders');
  model.merge(pipeline(), { walked: DOWN, depth: 2 });
  const { hidden, edges } = model.datasetsOnly();
  assert.deepEqual(sorted(hidden), ['g-alerts-job', 'g-enrich']);
  assert.deepEqual(edges.map((e) => `${e.from}>${e.to}:${e.label}`).sort(),
    [`g-enriched>g-alerts:${ALERTS_JOB.name}`, `g-orders>g-enriched:${ENRICH.name}`]);
});

test('grouping by namespace keeps a job with the datasets it reads and writes', () => {
  const model = new GraphModel('g-orders');
  model.merge(pipeline(), { walked: DOWN, depth: 2 });
  const keys = model.groupKeys('namespace');
  assert.equal(keys.get('g-enrich'), keys.get('g-enriched'));
  assert.equal(model.groupKeys('layer').get('g-alerts'), 'layer 2');
  assert.equal(model.groupKeys('none').size, 0);
});

test('collapsing downstream hides what lies beyond and only there', () => {
  const model = new GraphModel('g-orders');
  model.merge(pipeline(), { walked: DOWN, depth: 2 });
  const removed = model.collapse('g-enrich', DOWN);
  assert.deepEqual(sorted(removed), ['g-alerts', 'g-alerts-job', 'g-enriched']);
  assert.deepEqual(sorted(model.nodes.keys()), ['g-enrich', 'g-orders']);
  assert.deepEqual([...model.edges.keys()], ['g-orders|g-enrich|process_inputs']);
  assert.equal(model.node('g-enrich').expanded[DOWN], false);
  assert.equal(model.moreLineage().get('g-enrich')[DOWN], -1);
});

test('collapsing keeps what the focus still reaches another way', () => {
  const model = new GraphModel('g-orders');
  model.merge(pipeline());
  const backfill = entity('g-backfill', 'spark_process', 'spark/backfill', 'backfill');
  model.merge(lineageOf('g-orders', [ORDERS, backfill, ENRICHED],
    [['g-orders', 'g-backfill'], ['g-backfill', 'g-enriched']]));
  const removed = model.collapse('g-enrich', DOWN);
  assert.deepEqual(removed, []);
  assert.equal(model.nodes.size, 6);
  // The edge from enrich stays too: both its ends are still shown.
  assert.ok(model.edges.has('g-enrich|g-enriched|process_outputs'));
});

test('collapsing upstream of the focus never removes the focus, and drops what it cut off', () => {
  const model = new GraphModel('g-enriched');
  model.merge(lineageOf('g-enriched', [ORDERS, ENRICH, ENRICHED, ALERTS_JOB],
    [['g-orders', 'g-enrich'], ['g-enrich', 'g-enriched'], ['g-enriched', 'g-alerts-job']]));
  const removed = model.collapse('g-enriched', UP);
  assert.deepEqual(sorted(removed), ['g-enrich', 'g-orders']);
  assert.deepEqual(sorted(model.nodes.keys()), ['g-alerts-job', 'g-enriched']);
});

test('opening a dataset shows its columns inside it; closing removes them and columns left orphaned', () => {
  const model = new GraphModel('g-orders');
  model.merge(lineageOf('g-orders', [ORDERS, ENRICH, ENRICHED], [['g-orders', 'g-enrich'], ['g-enrich', 'g-enriched']]));
  const amount = entity('c-amount', 'stream_column', 'orders@prod#amount', 'amount');
  const id = entity('c-id', 'stream_column', 'orders@prod#id', 'id');
  assert.deepEqual(model.openDataset('g-orders', [amount, id]), ['c-amount', 'c-id']);
  assert.equal(model.node('c-amount').parent, 'g-orders');
  assert.ok(model.openDatasets.has('g-orders'));

  // A column reached by following column lineage, not inside an open dataset.
  const total = entity('c-total', 'stream_column', 'enriched@prod#total', 'total');
  model.merge(lineageOf('c-amount', [amount, total], [['c-amount', 'c-total', 'column_lineage']]));
  assert.equal(model.node('c-total').parent, null);

  assert.deepEqual(sorted(model.closeDataset('g-orders')), ['c-amount', 'c-id']);
  assert.equal(model.openDatasets.has('g-orders'), false);
  assert.deepEqual(sorted(model.nodes.keys()), ['g-enrich', 'g-enriched', 'g-orders']);
  assert.equal([...model.edges.values()].some((e) => e.from === 'c-amount'), false);
});

test('removing a dataset removes its columns and every edge touching them', () => {
  const model = new GraphModel('g-orders');
  model.merge(lineageOf('g-orders', [ORDERS, ENRICH], [['g-orders', 'g-enrich']]));
  model.openDataset('g-orders', [entity('c-id', 'stream_column', 'orders@prod#id', 'id')]);
  model.removeNodes(['g-orders']);
  assert.deepEqual([...model.nodes.keys()], ['g-enrich']);
  assert.equal(model.edges.size, 0);
  assert.equal(model.openDatasets.size, 0);
});

test('a path adds what it passes through, hidden entities as placeholders, and reuses shown edges', () => {
  const model = new GraphModel('g-orders');
  model.merge(lineageOf('g-orders', [ORDERS, ENRICH], [['g-orders', 'g-enrich', 'process_inputs']]));
  model.setPath({
    guids: ['g-orders', 'g-enrich', 'g-hidden', 'g-alerts'],
    visible: new Map([['g-alerts', ALERTS]]),
    edges: [
      { from: 'g-orders', to: 'g-enrich', type: 'lineage' },
      { from: 'g-enrich', to: 'g-hidden', type: 'lineage' },
      { from: 'g-hidden', to: 'g-alerts', type: 'lineage' },
    ],
  });
  assert.equal(model.node('g-hidden').entity.redacted, true);
  assert.equal(model.node('g-hidden').entity.typeName, 'redacted');
  assert.equal(model.node('g-alerts').entity.name, 'alerts');
  assert.deepEqual(sorted(model.path.edges),
    ['g-enrich|g-hidden|lineage', 'g-hidden|g-alerts|lineage', 'g-orders|g-enrich|process_inputs']);
  assert.equal(model.edges.size, 3);
  model.setPath(null);
  assert.equal(model.path, null);
});

test('impact keeps each entity\'s distance', () => {
  const model = new GraphModel('g-orders');
  model.setImpact([{ entity: ENRICH, distance: 1 }, { entity: ALERTS, distance: 3 }]);
  assert.deepEqual([...model.impact], [['g-enrich', 1], ['g-alerts', 3]]);
  model.setImpact(null);
  assert.equal(model.impact, null);
});

test('fresh marks of live updates clear at once', () => {
  const model = new GraphModel('g-orders');
  model.merge(pipeline(), { fresh: true });
  model.clearFresh();
  assert.ok([...model.nodes.values(), ...model.edges.values()].every((x) => x.fresh === false));
});

test('facets list the sorted values present, leaving out redacted entities', () => {
  const model = new GraphModel('g-orders');
  model.merge(normalizeLineage({ ...serverLineage('g-orders', [ORDERS, ENRICH, ENRICHED], [['g-orders', 'g-enrich'], ['g-enrich', 'g-secret']]) }));
  assert.equal(model.node('g-secret').entity.redacted, true);
  assert.deepEqual(model.facets(), {
    type: ['flink_application', 'kafka_topic'],
    classification: ['PII'],
    owner: ['team-a', 'team-b', 'team-c'],
    namespace: ['acme', 'kafka://broker-1:9092', 'prod'],
  });
});

test('filters keep nodes matching every chosen facet; the focus always passes, columns follow their dataset', () => {
  const model = new GraphModel('g-orders');
  model.merge(lineageOf('g-orders', [ORDERS, ENRICH, ENRICHED], [['g-orders', 'g-enrich'], ['g-enrich', 'g-enriched']]));
  model.openDataset('g-enriched', [entity('c-total', 'stream_column', 'enriched@prod#total', 'total')]);
  const none = { type: new Set(), classification: new Set(), owner: new Set(), namespace: new Set() };
  assert.ok(['g-orders', 'g-enrich', 'g-enriched', 'c-total'].every((g) => model.passes(g, none)));

  const teamA = { ...none, owner: new Set(['team-a']) };
  assert.equal(model.passes('g-enrich', teamA), false);
  assert.equal(model.passes('g-enriched', teamA), true);
  assert.equal(model.passes('c-total', teamA), true);

  const topicsInProd = { ...none, type: new Set(['kafka_topic']), namespace: new Set(['prod']) };
  assert.equal(model.passes('g-enriched', topicsInProd), false);
  assert.equal(model.passes('c-total', topicsInProd), false);
  assert.equal(model.passes('g-orders', { ...none, type: new Set(['nothing']) }), true);
  assert.equal(model.passes('g-unknown', none), false);
});

test('a job\'s internals are its tasks: the recorded parent job, else the name before the last dot', () => {
  const task = (g, name, more = {}) => entity(g, 'openlineage_job', `airflow/${name}`, name, { attributes: { namespace: 'airflow', ...more } });
  assert.equal(parentJobOf(task('a', 'daily_orders.extract')), 'airflow/daily_orders');
  assert.equal(parentJobOf(task('b', 'loader', { parentJob: 'airflow/nightly' })), 'airflow/nightly');
  assert.equal(parentJobOf(task('c', 'standalone')), null);
  assert.equal(parentJobOf(task('d', '.hidden')), null);

  const staged = entity('g-staged', 'kafka_topic', 'staged@prod', 'staged');
  const raw = [ORDERS, task('t1', 'daily_orders.extract'), task('t2', 'daily_orders.load'), task('t3', 'other.only'), ENRICHED, staged];
  const model = new GraphModel('g-orders');
  model.merge(lineageOf('g-orders', raw, [
    ['g-orders', 't1', 'process_inputs'], ['t1', 'g-enriched', 'process_outputs'],
    ['g-enriched', 't2', 'process_inputs'], ['g-enriched', 't3', 'process_inputs'],
    ['t1', 'g-staged', 'process_outputs'], ['g-staged', 't2', 'process_inputs'],
  ]));
  const keys = model.groupKeys('job');
  // Two tasks of one DAG are folded together; a parent with one task in view is not.
  assert.equal(keys.get('t1'), 'job airflow/daily_orders');
  assert.equal(keys.get('t2'), 'job airflow/daily_orders');
  assert.equal(keys.has('t3'), false);
  // A dataset passed only between the DAG's tasks is inside it; one read elsewhere too, or the focus, is not.
  assert.equal(keys.get('g-staged'), 'job airflow/daily_orders');
  assert.equal(keys.has('g-enriched'), false);
  assert.equal(keys.has('g-orders'), false);
});

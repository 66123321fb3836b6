import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FORMATS, toAtlasLineage, toCsv, toDot, toGraphML, toOpenLineageGraph, toSvg,
} from '../../main/resources/web/js/graph/exporters.js';
import { redactedEntity } from '../../main/resources/web/js/api.js';
import { ENRICH, ENRICHED, ORDERS, entity } from './support/fixtures.js';

const HIDDEN = redactedEntity('g-hidden');
const AMOUNT = entity('c-amount', 'stream_column', 'orders@prod#amount', 'amount');
const LONELY = entity('g-lonely', 'kafka_topic', 'lonely,"quoted"@prod', 'lonely,"quoted"');

/** orders → enrich → enriched → a job the caller may not see, laid out left to right; an entity without edges. */
function view() {
  const at = (e, x, y, w = 100, h = 34) => ({ guid: e.guid, entity: e, x, y, w, h, parent: null, distance: null });
  return {
    focus: 'g-orders',
    direction: 'DOWNSTREAM',
    depth: 2,
    nodes: [at(ORDERS, 0, 0), at(ENRICH, 240, 0, 160), at(ENRICHED, 480, 0), at(HIDDEN, 720, 0),
      { ...at(AMOUNT, 0, 40, 70, 22), parent: 'g-orders' }, at(LONELY, 0, 120)],
    edges: [
      { from: 'g-orders', to: 'g-enrich', type: 'process_inputs' },
      { from: 'g-enrich', to: 'g-enriched', type: 'process_outputs' },
      { from: 'g-enriched', to: 'g-hidden', type: 'process_inputs' },
    ],
  };
}

test('every format has a label, a media type and a file extension', () => {
  assert.deepEqual(Object.keys(FORMATS), ['png', 'svg', 'atlas', 'openlineage', 'graphml', 'dot', 'csv']);
  for (const f of Object.values(FORMATS)) {
    assert.ok(f.label && f.mime.includes('/') && f.ext);
  }
});

test('Atlas lineage names every node in guidEntityMap and every edge in relations', () => {
  const atlas = toAtlasLineage(view());
  assert.equal(atlas.baseEntityGuid, 'g-orders');
  assert.equal(atlas.lineageDirection, 'OUTPUT');
  assert.equal(atlas.lineageDepth, 2);
  assert.deepEqual(Object.keys(atlas.guidEntityMap), ['g-orders', 'g-enrich', 'g-enriched', 'g-hidden', 'c-amount', 'g-lonely']);
  assert.deepEqual(atlas.guidEntityMap['g-orders'], {
    guid: 'g-orders', typeName: 'kafka_topic', status: 'ACTIVE', displayText: 'orders',
    attributes: { qualifiedName: 'orders@prod', name: 'orders', owner: 'team-a' },
    classificationNames: ['PII'], labels: [], isIncomplete: false,
  });
  assert.equal(atlas.guidEntityMap['g-hidden'].isIncomplete, true);
  assert.deepEqual(atlas.relations[0], { fromEntityId: 'g-orders', toEntityId: 'g-enrich', relationshipId: 'g-orders:g-enrich:process_inputs' });
  assert.equal(atlas.relations.length, 3);
  assert.equal(toAtlasLineage({ ...view(), direction: 'UPSTREAM' }).lineageDirection, 'INPUT');
  assert.equal(toAtlasLineage({ ...view(), direction: 'BOTH' }).lineageDirection, 'BOTH');
});

test('OpenLineage nodes are named by kind, namespace and qualified name, with edges both ways', () => {
  const ol = toOpenLineageGraph(view());
  assert.equal(ol.focus, 'dataset:prod:orders@prod');
  const byGuid = new Map(ol.graph.map((n) => [n.data.guid, n]));
  assert.equal(byGuid.get('g-enrich').id, 'job:acme:flink/enrich');
  assert.equal(byGuid.get('g-enrich').type, 'JOB');
  assert.equal(byGuid.get('c-amount').type, 'DATASET_FIELD');
  assert.equal(byGuid.get('g-hidden').type, 'REDACTED');
  assert.equal(byGuid.get('g-hidden').id, 'redacted:default:g-hidden');
  assert.deepEqual(byGuid.get('g-enrich').inEdges, [{ origin: 'dataset:prod:orders@prod', destination: 'job:acme:flink/enrich' }]);
  assert.deepEqual(byGuid.get('g-enrich').outEdges, [{ origin: 'job:acme:flink/enrich', destination: 'dataset:kafka://broker-1:9092:enriched@prod' }]);
  assert.deepEqual(byGuid.get('g-orders').data.tags, ['PII']);
});

test('GraphML declares its keys and escapes names', () => {
  const xml = toGraphML(view());
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml'));
  assert.match(xml, /<key id="typeName" for="node" attr.name="typeName" attr.type="string"\/>/);
  assert.ok(xml.includes('<data key="name">enrich &quot;orders&quot;, &lt;fast&gt; &amp; co</data>'));
  assert.ok(xml.includes('<node id="g-enrich"><data key="typeName">flink_application</data>'));
  assert.ok(xml.includes('<data key="x">240</data><data key="y">0</data>'));
  assert.ok(xml.includes('<edge id="e1" source="g-enrich" target="g-enriched"><data key="relationshipType">process_outputs</data></edge>'));
  assert.equal((xml.match(/<node /g) || []).length, 6);
  assert.equal((xml.match(/<edge /g) || []).length, 3);
  assert.ok(!xml.includes('<fast>'), 'no markup from names');
});

test('DOT quotes ids and labels, shapes nodes by kind and draws the focus thicker', () => {
  const dot = toDot(view());
  const lines = dot.split('\n');
  assert.equal(lines[0], 'digraph lineage {');
  assert.ok(lines.includes('  "g-orders" [label="orders\\nkafka_topic", shape=ellipse, penwidth=3];'));
  assert.ok(lines.includes('  "g-enrich" [label="enrich \\"orders\\", <fast> & co\\nflink_application", shape=box];'));
  assert.ok(lines.includes('  "c-amount" [label="amount\\nstream_column", shape=note];'));
  assert.ok(lines.includes('  "g-enriched" -> "g-hidden" [label="process_inputs"];'));
  assert.equal(lines.filter((l) => l.includes('->')).length, 3);
  assert.equal(dot.trimEnd().at(-1), '}');
});

test('CSV has a row per edge, a row for an entity without edges, quoted cells and CRLF lines', () => {
  const csv = toCsv(view());
  assert.ok(csv.endsWith('\r\n'));
  const rows = csv.slice(0, -2).split('\r\n');
  assert.equal(rows[0], 'source_guid,source_type,source_qualified_name,source_name,target_guid,target_type,target_qualified_name,target_name,relationship_type');
  assert.equal(rows[1], 'g-orders,kafka_topic,orders@prod,orders,g-enrich,flink_application,flink/enrich,"enrich ""orders"", <fast> & co",process_inputs');
  assert.equal(rows[3], 'g-enriched,kafka_topic,enriched@prod,enriched,g-hidden,redacted,,hidden,process_inputs');
  // The column and the lonely topic have no edges: a row each, with empty target cells.
  assert.deepEqual(rows.slice(4), [
    'c-amount,stream_column,orders@prod#amount,amount,,,,,',
    'g-lonely,kafka_topic,"lonely,""quoted""@prod","lonely,""quoted""",,,,,',
  ]);
});

test('SVG frames the laid-out nodes, draws a box per node and a clipped line per edge', () => {
  const colors = {
    background: '#fff', text: '#111', edge: '#888', dataset: '#def', datasetBorder: '#00f',
    process: '#fed', processBorder: '#f80', column: '#efe', columnBorder: '#0a0', redacted: '#ccc',
  };
  const svg = toSvg(view(), colors);
  // Leftmost box edge -50 and rightmost 770, less/plus a 20 margin; top -17 and bottom 137.
  assert.ok(svg.includes('viewBox="-70 -37 860 194" width="860" height="194"'));
  assert.ok(svg.includes('<title>Lineage of orders</title>'));
  assert.equal((svg.match(/<g data-guid=/g) || []).length, 6);
  assert.equal((svg.match(/<line /g) || []).length, 3);
  // orders (centre 0, half width 50) → enrich (centre 240, half width 80): from x 50 to x 160.
  assert.ok(svg.includes('<line x1="50.0" y1="0.0" x2="160.0" y2="0.0"'));
  assert.ok(svg.includes('>enrich &quot;orders&quot;, &lt;fast&gt; &amp; co</text>'));
  assert.ok(svg.includes('fill="#fed" stroke="#f80" stroke-width="1.5"'), 'a job in process colours');
  assert.ok(svg.includes('fill="#def" stroke="#00f" stroke-width="3"'), 'the focus drawn thicker');
  assert.equal(toSvg({ ...view(), nodes: [] }, colors), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
});

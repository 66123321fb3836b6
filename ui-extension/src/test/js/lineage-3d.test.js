// The layered layout shared by the 3D view and the dashboard's lineage widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignLayers, namespaceOf } from '../../main/resources/web/js/graph3d/layers.js';
import { sceneLayout, LAYER_GAP } from '../../main/resources/web/js/graph3d/scene-layout.js';

const node = (guid, typeName = 'kafka_topic', attributes = {}) => ({ guid, typeName, name: guid, qualifiedName: `${guid}@prod`, attributes, classifications: [] });

test('layers count signed steps from the focus: upstream negative, downstream positive', () => {
  const nodes = new Map(['src', 'job1', 'focus', 'job2', 'sink', 'side'].map((g) => [g, node(g)]));
  const edges = [
    { from: 'src', to: 'job1' }, { from: 'job1', to: 'focus' }, { from: 'focus', to: 'job2' }, { from: 'job2', to: 'sink' },
    { from: 'side', to: 'job2' },
  ];
  const layers = assignLayers(nodes, edges, 'focus');
  assert.deepEqual(Object.fromEntries(layers), { focus: 0, job2: 1, sink: 2, job1: -1, src: -2, side: 0 });
});

test('a cycle does not loop, and unreachable nodes sit beside the focus', () => {
  const nodes = new Map(['a', 'b', 'lone'].map((g) => [g, node(g)]));
  const layers = assignLayers(nodes, [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }], 'a');
  assert.equal(layers.get('a'), 0);
  assert.equal(layers.get('b'), 1);
  assert.equal(layers.get('lone'), 0);
});

test('namespaces come from the cluster, the namespace, or the qualified name', () => {
  assert.equal(namespaceOf(node('x', 'kafka_topic', { clusterName: 'prod' })), 'prod');
  assert.equal(namespaceOf(node('x', 'openlineage_dataset', { namespace: 'postgres://db' })), 'postgres://db');
  assert.equal(namespaceOf({ guid: 'g', qualifiedName: 'orders@staging', attributes: {} }), 'staging');
});

test('the scene puts layers along x and each namespace in its own band along z, nodes never on top of each other', () => {
  const nodes = new Map();
  const edges = [];
  nodes.set('f', node('f', 'kafka_topic', { clusterName: 'a' }));
  for (let i = 0; i < 30; i++) {
    const g = `d${i}`;
    nodes.set(g, node(g, 'kafka_topic', { clusterName: i % 2 ? 'a' : 'b' }));
    edges.push({ from: 'f', to: g });
  }
  const { points, bands, layers } = sceneLayout(nodes, edges, 'f');
  assert.deepEqual(layers, [0, 1]);
  assert.equal(points.get('f')[0], 0);
  assert.equal(points.get('d0')[0], LAYER_GAP);
  assert.equal(bands.length, 2);
  assert.ok(bands[0].z1 < bands[1].z0, 'bands do not overlap');
  for (const [g, p] of points) {
    const band = bands.find((b) => b.namespace === namespaceOf(nodes.get(g)));
    assert.ok(p[2] >= band.z0 && p[2] <= band.z1, `${g} lies in its band`);
  }
  assert.equal(new Set([...points.values()].map((p) => p.join(','))).size, points.size);
});

test('5,000 nodes are laid out quickly', () => {
  const nodes = new Map();
  const edges = [];
  nodes.set('root', node('root'));
  for (let i = 0; i < 5000; i++) {
    nodes.set(`n${i}`, node(`n${i}`, i % 3 ? 'kafka_topic' : 'flink_application', { clusterName: `c${i % 7}` }));
    edges.push({ from: i < 50 ? 'root' : `n${Math.floor(i / 50) - 1}`, to: `n${i}` });
  }
  const t0 = performance.now();
  const { points } = sceneLayout(nodes, edges, 'root');
  assert.equal(points.size, 5001);
  assert.ok(performance.now() - t0 < 2000);
});

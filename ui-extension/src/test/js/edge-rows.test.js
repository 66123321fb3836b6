import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deviceRow, deviceState, edgeNodeOf, nodeRow, sortDevices } from '../../main/resources/web/js/pages/edge-rows.js';

test('the node of an edge job is the host of its edge:// namespace', () => {
  assert.equal(edgeNodeOf('edge://line-3-gw/device/pump-7'), 'line-3-gw');
  assert.equal(edgeNodeOf('demo/order-service'), '');
  assert.equal(edgeNodeOf(undefined), '');
});

test('a device is online or offline only when its last will or status said so', () => {
  assert.equal(deviceState({ online: true }), 'online');
  assert.equal(deviceState({ online: false }), 'offline');
  assert.equal(deviceState({}), 'unknown');
});

test('a node row carries backlog, oldest unsynced age in ms and last sync', () => {
  const row = nodeRow({
    guid: 'g1', name: 'bridge', qualifiedName: 'edge://gw-1/bridge', tenant: 'acme',
    attributes: { node: 'gw-1', backlog: 12, oldestUnsyncedSeconds: 90, lastSync: 1700000000000, mqttConnected: true, dropped: 0 },
  });
  assert.deepEqual(row, {
    guid: 'g1', node: 'gw-1', tenant: 'acme', backlog: 12, oldestUnsyncedMs: 90000,
    lastSync: 1700000000000, mqttConnected: true, dropped: 0,
  });
});

test('devices sort by node, offline first, then id', () => {
  const d = (id, node, online) => deviceRow({
    guid: id, name: `device/${id}`, qualifiedName: `edge://${node}/device/${id}`, tenant: '', attributes: { online },
  });
  const sorted = sortDevices([d('b', 'gw-1', true), d('a', 'gw-1', true), d('z', 'gw-1', false), d('c', 'gw-0', undefined)]);
  assert.deepEqual(sorted.map((r) => `${r.node}/${r.device}/${r.state}`), ['gw-0/c/unknown', 'gw-1/z/offline', 'gw-1/a/online', 'gw-1/b/online']);
});

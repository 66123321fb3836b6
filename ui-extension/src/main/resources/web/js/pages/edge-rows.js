// Rows of the Edge page from edge_node and edge_device entities: pure, so tests run in Node.

/** The node name of an edge job: `edge://line-3-gw/device/pump-7` is `line-3-gw`. */
export function edgeNodeOf(qualifiedName) {
  const m = /^edge:\/\/([^/]+)\//.exec(qualifiedName || '');
  return m ? m[1] : '';
}

/** online, offline or unknown, from the device's last-will state. */
export function deviceState(attrs) {
  if (attrs?.online === true) return 'online';
  if (attrs?.online === false) return 'offline';
  return 'unknown';
}

export function nodeRow(entity) {
  const a = entity.attributes || {};
  return {
    guid: entity.guid,
    node: a.node || edgeNodeOf(entity.qualifiedName) || entity.name,
    tenant: entity.tenant,
    backlog: a.backlog ?? null,
    oldestUnsyncedMs: a.oldestUnsyncedSeconds == null ? null : Number(a.oldestUnsyncedSeconds) * 1000,
    lastSync: a.lastSync ?? null,
    mqttConnected: a.mqttConnected ?? null,
    dropped: a.dropped ?? null,
  };
}

export function deviceRow(entity) {
  const a = entity.attributes || {};
  return {
    guid: entity.guid,
    device: a.deviceId || entity.name.replace(/^device\//, ''),
    node: edgeNodeOf(entity.qualifiedName),
    tenant: entity.tenant,
    state: deviceState(a),
    model: a.model || '',
    firmware: a.firmware || '',
    location: a.location || '',
    lastSeen: a.lastSeen ?? null,
  };
}

/** Devices by node, then id; offline ones first within a node, as they need a look. */
export function sortDevices(rows) {
  const rank = { offline: 0, unknown: 1, online: 2 };
  return [...rows].sort((x, y) => x.node.localeCompare(y.node) || rank[x.state] - rank[y.state]
    || x.device.localeCompare(y.device));
}

// Lineage laid out in layers along the flow: the focus at layer 0, each step downstream +1, each
// step upstream -1; within a layer, nodes grouped by namespace. Shared by the 3D view and the
// dashboard's small lineage widget. Pure: tested without a browser.

import { pick, typeCategory } from '../format.js';

/** Layer of each node: signed steps from the focus along the edges (breadth first, nearest wins). */
export function assignLayers(nodes, edges, focus) {
  const out = new Map();
  const down = new Map();
  const up = new Map();
  for (const e of edges) {
    if (!down.has(e.from)) down.set(e.from, []);
    if (!up.has(e.to)) up.set(e.to, []);
    down.get(e.from).push(e.to);
    up.get(e.to).push(e.from);
  }
  const walk = (start, next, step) => {
    let frontier = [start];
    let layer = 0;
    while (frontier.length) {
      layer += step;
      const following = [];
      for (const g of frontier) {
        for (const n of next.get(g) || []) {
          if (!out.has(n)) {
            out.set(n, layer);
            following.push(n);
          }
        }
      }
      frontier = following;
    }
  };
  if (focus && nodes.has(focus)) {
    out.set(focus, 0);
    walk(focus, down, 1);
    walk(focus, up, -1);
  }
  // Nodes reached neither way from the focus (lineage through hidden entities): after their
  // neighbours if any, else at the focus's layer.
  let changed = true;
  while (changed) {
    changed = false;
    for (const e of edges) {
      if (out.has(e.from) && !out.has(e.to)) {
        out.set(e.to, out.get(e.from) + 1);
        changed = true;
      } else if (out.has(e.to) && !out.has(e.from)) {
        out.set(e.from, out.get(e.to) - 1);
        changed = true;
      }
    }
  }
  for (const g of nodes.keys()) if (!out.has(g)) out.set(g, 0);
  return out;
}

/** The namespace a node is clustered by: its namespace or cluster attribute, else its tenant. */
export function namespaceOf(node) {
  const a = node.attributes || {};
  const ns = pick(a, 'clusterName', 'namespace');
  if (ns) return String(ns);
  const qn = node.qualifiedName || '';
  const at = qn.lastIndexOf('@');
  if (at > 0) return qn.slice(at + 1);
  return node.tenant || 'default';
}

/**
 * The namespace each node is clustered in: a dataset's own; a job's the one most of its datasets
 * share (a job's OpenLineage namespace, such as "streaming", would put every job on a plane apart
 * from the topics it reads and writes).
 */
export function clusterNamespaces(nodes, edges) {
  const out = new Map();
  for (const n of nodes.values()) if (typeCategory(n) !== 'process') out.set(n.guid, namespaceOf(n));
  const votes = new Map();
  for (const e of edges) {
    for (const [job, data] of [[e.from, e.to], [e.to, e.from]]) {
      const j = nodes.get(job);
      if (!j || typeCategory(j) !== 'process' || !out.has(data)) continue;
      if (!votes.has(job)) votes.set(job, new Map());
      const v = votes.get(job);
      v.set(out.get(data), (v.get(out.get(data)) || 0) + 1);
    }
  }
  for (const n of nodes.values()) {
    if (out.has(n.guid)) continue;
    const v = votes.get(n.guid);
    out.set(n.guid, v ? [...v].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0] : namespaceOf(n));
  }
  return out;
}

/**
 * Positions for a layered layout: x = layer, and within a layer nodes grouped by namespace (each
 * namespace a band along z in 3D, a run of rows in 2D), then by kind and name.
 *
 * @returns {{positions: Map<string, {layer, row, namespace}>, layers: number[], namespaces: string[]}}
 */
export function layeredPositions(nodes, edges, focus) {
  const layer = assignLayers(nodes, edges, focus);
  const nsOf = clusterNamespaces(nodes, edges);
  const namespaceOf = (n) => nsOf.get(n.guid);
  const namespaces = [...new Set(nsOf.values())].sort();
  const byLayer = new Map();
  for (const [g, l] of layer) {
    if (!byLayer.has(l)) byLayer.set(l, []);
    byLayer.get(l).push(nodes.get(g));
  }
  const positions = new Map();
  for (const [l, list] of byLayer) {
    list.sort((a, b) => namespaceOf(a).localeCompare(namespaceOf(b))
      || typeCategory(a).localeCompare(typeCategory(b)) || String(a.name).localeCompare(String(b.name)));
    const rowsByNs = new Map();
    list.forEach((n) => {
      const ns = namespaceOf(n);
      const row = rowsByNs.get(ns) || 0;
      rowsByNs.set(ns, row + 1);
      positions.set(n.guid, { layer: l, row, namespace: ns, rank: positions.size });
    });
  }
  const layers = [...byLayer.keys()].sort((a, b) => a - b);
  return { positions, layers, namespaces };
}

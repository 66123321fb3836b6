// What of a lineage answer the 3D view draws: the 2D explorer's filters and its datasets-only
// projection, read from the same view state (view-state.js) and applied with the same model
// (graph-model.js), so that switching views never shows a different graph.

import { GraphModel } from '../graph/graph-model.js';

const chosen = (state) => Object.values(state.filters || {}).some((s) => s && s.size);

/**
 * @returns {{nodes: Map<string, object>, edges: {from: string, to: string}[], hidden: number}}
 *     the nodes and edges to draw and how many nodes the filters and the projection left out
 */
export function projectLineage(lineage, focus, state) {
  if (!chosen(state) && !state.datasetsOnly) return { nodes: lineage.nodes, edges: lineage.edges, hidden: 0 };
  const model = new GraphModel(focus);
  model.merge({ distances: new Map(), ...lineage }, { walked: state.direction, depth: state.depth });
  const projection = state.datasetsOnly ? model.datasetsOnly() : { hidden: new Set(), edges: [...model.edges.values()] };
  const nodes = new Map();
  for (const [guid, n] of model.nodes) {
    if (n.parent || projection.hidden.has(guid) || !model.passes(guid, state.filters)) continue;
    nodes.set(guid, n.entity);
  }
  const seen = new Set();
  const edges = [];
  for (const e of projection.edges) {
    const key = `${e.from}|${e.to}`;
    if (!nodes.has(e.from) || !nodes.has(e.to) || seen.has(key)) continue;
    seen.add(key);
    edges.push({ from: e.from, to: e.to, type: e.type });
  }
  return { nodes, edges, hidden: lineage.nodes.size - nodes.size };
}

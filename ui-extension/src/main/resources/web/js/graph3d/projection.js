// What of a lineage answer the 3D view draws: the 2D explorer's graph for the same view state
// (view-state.js), built with the same model (graph-model.js): the query's answer, the expansions
// and collapses made by hand replayed in order, then the filters and the datasets-only projection,
// so that switching views never shows a different graph.

import { GraphModel } from '../graph/graph-model.js';

const chosen = (state) => Object.values(state.filters || {}).some((s) => s && s.size);

/** The explorer's graph model of a lineage answer for {@code state}'s query. */
export function modelOf(lineage, focus, state) {
  const model = new GraphModel(focus);
  model.merge({ distances: new Map(), ...lineage }, { walked: state.direction, depth: state.depth });
  return model;
}

/**
 * Replays the hand-made steps ({@code state.ops}) on {@code model} as the explorer does on load:
 * an expansion merges one step of lineage in its direction ({@code fetchStep(guid, dir)}), a
 * collapse removes what lies beyond the node; steps on nodes no longer there are skipped.
 */
export async function replaySteps(model, ops, fetchStep) {
  for (const o of ops || []) {
    if (!model.node(o.guid)) continue;
    if (o.op === 'expand') {
      const step = await fetchStep(o.guid, o.dir);
      model.merge({ distances: new Map(), ...step }, { walked: o.dir, depth: 1 });
      const n = model.node(o.guid);
      if (n) n.expanded[o.dir] = true;
    } else {
      model.collapse(o.guid, o.dir);
    }
  }
  return model;
}

/**
 * @returns {{nodes: Map<string, object>, edges: {from: string, to: string}[], hidden: number}}
 *     the nodes and edges of {@code model} to draw and how many nodes the filters and the
 *     projection left out
 */
export function projectModel(model, state) {
  const projection = state.datasetsOnly ? model.datasetsOnly() : { hidden: new Set(), edges: [...model.edges.values()] };
  const nodes = new Map();
  let total = 0;
  for (const [guid, n] of model.nodes) {
    if (n.parent) continue;
    total++;
    if (projection.hidden.has(guid) || !model.passes(guid, state.filters)) continue;
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
  return { nodes, edges, hidden: total - nodes.size };
}

/** {@link projectModel} of a lineage answer without hand-made steps. */
export function projectLineage(lineage, focus, state) {
  if (!chosen(state) && !state.datasetsOnly) return { nodes: lineage.nodes, edges: lineage.edges, hidden: 0 };
  return projectModel(modelOf(lineage, focus, state), state);
}

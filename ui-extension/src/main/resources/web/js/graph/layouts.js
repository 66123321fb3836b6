// Layouts of the lineage graph. Each takes a plain description of the graph and returns positions
// of node centres: the layered one asks the server (Eclipse ELK), the others run here.

import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import { api } from '../api.js';

export const LAYOUTS = {
  layered: 'Layered',
  force: 'Force-directed',
  radial: 'Radial',
  grid: 'Grid',
};

/**
 * @param graph {nodes: [{id, w, h, parent, compound}], edges: [{id, source, target}], focus}
 * @param options {direction: 'RIGHT'|'DOWN'}
 * @returns Promise<{positions: Map id→{x,y}, engine, millis}>
 */
export async function computeLayout(name, graph, options = {}) {
  const started = performance.now();
  let positions;
  let engine = name;
  switch (name) {
    case 'force':
      positions = forceLayout(graph);
      break;
    case 'radial':
      positions = radialLayout(graph);
      break;
    case 'grid':
      positions = gridLayout(graph);
      break;
    case 'quick':
      // The first picture of a large graph while the server lays it out: layers in a few ms.
      positions = localLayered(graph, options);
      engine = 'quick-layered';
      break;
    default:
      try {
        positions = await layeredLayout(graph, options);
        engine = 'elk-layered';
      } catch (e) {
        console.warn('layered layout on the server failed; using a local one', e);
        positions = localLayered(graph);
        engine = 'local-layered';
      }
  }
  return { positions, engine, millis: Math.round(performance.now() - started) };
}

async function layeredLayout(graph, options) {
  const nodes = graph.nodes.map((n) => ({ id: n.id, width: n.w, height: n.h, parent: n.parent || null }));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
    .map((e) => ({ id: e.id, source: e.source, target: e.target }));
  const result = await api.layout({ nodes, edges, options: { direction: options.direction || 'RIGHT' } });
  const positions = new Map();
  for (const n of graph.nodes) {
    if (n.compound) continue; // Cytoscape sizes compound nodes around their children.
    const p = result.positions[n.id];
    if (p) positions.set(n.id, { x: p.x, y: p.y });
  }
  return positions;
}

/** Longest-path layers: only when the server cannot be asked. */
function localLayered(graph, options = {}) {
  const leaves = graph.nodes.filter((n) => !n.compound);
  const incoming = new Map(leaves.map((n) => [n.id, []]));
  for (const e of graph.edges) if (incoming.has(e.target) && incoming.has(e.source)) incoming.get(e.target).push(e.source);
  const layer = new Map();
  const visiting = new Set();
  const depthOf = (id) => {
    if (layer.has(id)) return layer.get(id);
    if (visiting.has(id)) return 0; // a cycle: break it here
    visiting.add(id);
    const d = Math.max(-1, ...incoming.get(id).map(depthOf)) + 1;
    visiting.delete(id);
    layer.set(id, d);
    return d;
  };
  leaves.forEach((n) => depthOf(n.id));
  const rows = new Map();
  const positions = new Map();
  for (const n of leaves) {
    const l = layer.get(n.id);
    const r = rows.get(l) || 0;
    rows.set(l, r + 1);
    positions.set(n.id, options.direction === 'DOWN' ? { x: r * 200, y: l * 110 } : { x: l * 240, y: r * 60 });
  }
  return positions;
}

function forceLayout(graph) {
  const leaves = graph.nodes.filter((n) => !n.compound);
  const nodes = leaves.map((n, i) => ({ id: n.id, r: Math.max(n.w, n.h) / 2, x: Math.cos(i) * i, y: Math.sin(i) * i }));
  const ids = new Set(nodes.map((n) => n.id));
  const links = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ source: e.source, target: e.target }));
  const sim = forceSimulation(nodes)
    .force('link', forceLink(links).id((d) => d.id).distance(90).strength(0.7))
    .force('charge', forceManyBody().strength(-260).theta(0.9).distanceMax(1500))
    .force('collide', forceCollide((d) => d.r + 8).strength(1).iterations(2))
    .force('x', forceX(0).strength(0.02))
    .force('y', forceY(0).strength(0.02))
    .stop();
  // Fewer iterations on big graphs keep the layout near a second; the result is already readable.
  const ticks = nodes.length > 2000 ? 60 : nodes.length > 500 ? 150 : 300;
  for (let i = 0; i < ticks; i++) sim.tick();
  return new Map(nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
}

/** Rings by distance from the focus; each node near the angle of the node that reached it. */
function radialLayout(graph) {
  const leaves = graph.nodes.filter((n) => !n.compound);
  const adj = new Map(leaves.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    if (adj.has(e.source) && adj.has(e.target)) {
      adj.get(e.source).push(e.target);
      adj.get(e.target).push(e.source);
    }
  }
  const root = adj.has(graph.focus) ? graph.focus : leaves[0]?.id;
  const ring = new Map();
  const parent = new Map();
  const order = [];
  const visit = (start) => {
    ring.set(start, ring.size === 0 ? 0 : 1);
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head];
      order.push(id);
      for (const n of adj.get(id)) if (!ring.has(n)) {
        ring.set(n, ring.get(id) + 1);
        parent.set(n, id);
        queue.push(n);
      }
    }
  };
  if (root) visit(root);
  for (const n of leaves) if (!ring.has(n.id)) visit(n.id); // disconnected pieces go on the rings too
  const byRing = new Map();
  for (const id of order) {
    const r = ring.get(id);
    if (!byRing.has(r)) byRing.set(r, []);
    byRing.get(r).push(id);
  }
  const angle = new Map();
  const positions = new Map();
  const gap = 170;
  const width = new Map(leaves.map((n) => [n.id, n.w || 100]));
  let previous = 0;
  for (const [r, ids] of [...byRing].sort((a, b) => a[0] - b[0])) {
    if (r === 0) {
      ids.forEach((id) => {
        angle.set(id, 0);
        positions.set(id, { x: 0, y: 0 });
      });
      continue;
    }
    ids.sort((a, b) => (angle.get(parent.get(a)) ?? 0) - (angle.get(parent.get(b)) ?? 0));
    // Each ring long enough for its nodes side by side, and clear of the ring inside it.
    const around = ids.reduce((sum, id) => sum + width.get(id) + 24, 0);
    const radius = Math.max(r * gap, previous + gap, around / (2 * Math.PI));
    previous = radius;
    let along = 0;
    ids.forEach((id) => {
      const a = (2 * Math.PI * (along + (width.get(id) + 24) / 2)) / around;
      along += width.get(id) + 24;
      angle.set(id, a);
      positions.set(id, { x: radius * Math.cos(a), y: radius * Math.sin(a) });
    });
  }
  return positions;
}

function gridLayout(graph) {
  const leaves = graph.nodes.filter((n) => !n.compound);
  // Members of one group stay together: sort by group, then by name.
  leaves.sort((a, b) => String(a.parent || '').localeCompare(String(b.parent || '')) || String(a.label).localeCompare(String(b.label)));
  const cols = Math.max(1, Math.ceil(Math.sqrt(leaves.length * 1.6)));
  const w = Math.max(...leaves.map((n) => n.w), 100) + 30;
  const positions = new Map();
  leaves.forEach((n, i) => positions.set(n.id, { x: (i % cols) * w, y: Math.floor(i / cols) * 70 }));
  return positions;
}

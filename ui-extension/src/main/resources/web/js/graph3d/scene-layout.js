// World positions of a lineage in 3D: layers along x (upstream → downstream), each namespace its
// own band along z (a plane), nodes of one layer and namespace in a small grid on y and z inside
// it. Pure: tested without WebGL.

import { layeredPositions } from './layers.js';

export const LAYER_GAP = 60;
export const CELL = 9;
export const BAND_MARGIN = 24;

/**
 * @param {{cell?: number}} options the spacing of nodes within a layer and namespace: wider for
 *     small graphs, whose names are all shown and would otherwise overlap
 * @returns {{points: Map<string, [x, y, z]>, bands: {namespace, z0, z1}[], layers: number[],
 *     extent: {min: number[], max: number[]}}}
 */
export function sceneLayout(nodes, edges, focus, { cell = CELL } = {}) {
  const { positions, layers, namespaces } = layeredPositions(nodes, edges, focus);
  // How many nodes share each (layer, namespace) cell: its grid's side.
  const counts = new Map();
  for (const p of positions.values()) {
    const k = `${p.layer}\u0000${p.namespace}`;
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  const side = new Map();
  for (const ns of namespaces) side.set(ns, 1);
  for (const [k, n] of counts) {
    const ns = k.split('\u0000')[1];
    side.set(ns, Math.max(side.get(ns), Math.ceil(Math.sqrt(n))));
  }
  const bands = [];
  let z = 0;
  for (const ns of namespaces) {
    const width = side.get(ns) * cell;
    bands.push({ namespace: ns, z0: z, z1: z + width });
    z += width + BAND_MARGIN;
  }
  const bandOf = new Map(bands.map((b) => [b.namespace, b]));
  const points = new Map();
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const [guid, p] of positions) {
    const s = side.get(p.namespace);
    const band = bandOf.get(p.namespace);
    const n = counts.get(`${p.layer}\u0000${p.namespace}`);
    const cols = Math.ceil(Math.sqrt(n));
    const rows = Math.ceil(n / cols);
    const col = p.row % cols;
    const row = Math.floor(p.row / cols);
    const pt = [
      p.layer * LAYER_GAP,
      (row - (rows - 1) / 2) * cell,
      band.z0 + (s * cell) / 2 + (col - (cols - 1) / 2) * cell,
    ];
    points.set(guid, pt);
    for (let i = 0; i < 3; i++) {
      min[i] = Math.min(min[i], pt[i]);
      max[i] = Math.max(max[i], pt[i]);
    }
  }
  if (!points.size) {
    min.fill(0);
    max.fill(0);
  }
  return { points, bands, layers, extent: { min, max } };
}

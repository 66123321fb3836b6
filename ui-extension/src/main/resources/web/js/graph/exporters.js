// Exports of the graph on screen. The server's /api/v1/lineage/{guid}/export writes the same
// shapes for a lineage query; these write what the user has expanded, filtered and laid out.
//
// A view is {focus, direction, depth, nodes: [{guid, entity, x, y, w, h, parent, distance}],
// edges: [{from, to, type}]}.

import { namespaceOf } from './graph-model.js';
import { typeCategory } from '../format.js';

export const FORMATS = {
  png: { label: 'PNG image', mime: 'image/png', ext: 'png' },
  svg: { label: 'SVG image', mime: 'image/svg+xml', ext: 'svg' },
  atlas: { label: 'JSON (Atlas lineage)', mime: 'application/json', ext: 'atlas.json' },
  openlineage: { label: 'JSON (OpenLineage graph)', mime: 'application/json', ext: 'openlineage.json' },
  graphml: { label: 'GraphML', mime: 'application/graphml+xml', ext: 'graphml' },
  dot: { label: 'DOT (Graphviz)', mime: 'text/vnd.graphviz', ext: 'dot' },
  csv: { label: 'CSV (edges)', mime: 'text/csv', ext: 'csv' },
};

function xml(s) {
  return String(s ?? '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);
}

/** Atlas's AtlasLineageInfo, as GET /api/atlas/v2/lineage/{guid} answers. */
export function toAtlasLineage(view) {
  const guidEntityMap = {};
  for (const n of view.nodes) {
    const e = n.entity;
    guidEntityMap[n.guid] = {
      guid: n.guid,
      typeName: e.typeName,
      status: 'ACTIVE',
      displayText: e.name,
      attributes: { qualifiedName: e.qualifiedName, name: e.name, ...(e.attributes?.owner ? { owner: e.attributes.owner } : {}) },
      classificationNames: [...(e.classifications || [])],
      labels: [],
      isIncomplete: Boolean(e.redacted),
    };
  }
  return {
    baseEntityGuid: view.focus,
    lineageDirection: { UPSTREAM: 'INPUT', DOWNSTREAM: 'OUTPUT' }[view.direction] || 'BOTH',
    lineageDepth: view.depth,
    guidEntityMap,
    relations: view.edges.map((e) => ({ fromEntityId: e.from, toEntityId: e.to, relationshipId: `${e.from}:${e.to}:${e.type}` })),
  };
}

/** OpenLineage's naming (namespace + name, DATASET / JOB nodes) in Marquez's lineage-graph shape. */
export function toOpenLineageGraph(view) {
  const id = new Map();
  for (const n of view.nodes) {
    const cat = typeCategory(n.entity);
    const kind = cat === 'process' ? 'JOB' : cat === 'column' ? 'DATASET_FIELD' : cat === 'redacted' ? 'REDACTED' : 'DATASET';
    const name = n.entity.attributes?.name || n.entity.name;
    id.set(n.guid, { kind, namespace: namespaceOf(n.entity), name, nodeId: `${kind.toLowerCase()}:${namespaceOf(n.entity)}:${n.entity.qualifiedName || n.guid}` });
  }
  const graph = view.nodes.map((n) => {
    const me = id.get(n.guid);
    return {
      id: me.nodeId,
      type: me.kind,
      data: {
        guid: n.guid, namespace: me.namespace, name: me.name, qualifiedName: n.entity.qualifiedName,
        typeName: n.entity.typeName, tenant: n.entity.tenant, tags: [...(n.entity.classifications || [])],
      },
      inEdges: view.edges.filter((e) => e.to === n.guid).map((e) => ({ origin: id.get(e.from).nodeId, destination: me.nodeId })),
      outEdges: view.edges.filter((e) => e.from === n.guid).map((e) => ({ origin: me.nodeId, destination: id.get(e.to).nodeId })),
    };
  });
  return { schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json', focus: id.get(view.focus)?.nodeId, graph };
}

export function toGraphML(view) {
  const keys = [['typeName', 'string'], ['qualifiedName', 'string'], ['name', 'string'], ['tenant', 'string'],
    ['classifications', 'string'], ['x', 'double'], ['y', 'double']];
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'];
  for (const [k, t] of keys) lines.push(`  <key id="${k}" for="node" attr.name="${k}" attr.type="${t}"/>`);
  lines.push('  <key id="relationshipType" for="edge" attr.name="relationshipType" attr.type="string"/>');
  lines.push(`  <graph id="lineage" edgedefault="directed">`);
  for (const n of view.nodes) {
    const e = n.entity;
    const vals = { typeName: e.typeName, qualifiedName: e.qualifiedName, name: e.name, tenant: e.tenant,
      classifications: (e.classifications || []).join(','), x: n.x ?? 0, y: n.y ?? 0 };
    lines.push(`    <node id="${xml(n.guid)}">${keys.map(([k]) => `<data key="${k}">${xml(vals[k])}</data>`).join('')}</node>`);
  }
  view.edges.forEach((e, i) => lines.push(`    <edge id="e${i}" source="${xml(e.from)}" target="${xml(e.to)}"><data key="relationshipType">${xml(e.type)}</data></edge>`));
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

function dotId(s) {
  return `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function toDot(view) {
  const lines = ['digraph lineage {', '  rankdir=LR;', '  node [fontname="Helvetica", fontsize=10];'];
  for (const n of view.nodes) {
    const cat = typeCategory(n.entity);
    const shape = cat === 'process' ? 'box' : cat === 'column' ? 'note' : 'ellipse';
    const label = `${n.entity.name}\\n${n.entity.typeName}`;
    lines.push(`  ${dotId(n.guid)} [label=${dotId(label).replace(/\\\\n/g, '\\n')}, shape=${shape}${n.guid === view.focus ? ', penwidth=3' : ''}];`);
  }
  for (const e of view.edges) lines.push(`  ${dotId(e.from)} -> ${dotId(e.to)} [label=${dotId(e.type)}];`);
  lines.push('}', '');
  return lines.join('\n');
}

function csvCell(v) {
  const s = String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per edge; an entity with no edge gets a row of its own with empty target columns. */
export function toCsv(view) {
  const byGuid = new Map(view.nodes.map((n) => [n.guid, n.entity]));
  const header = ['source_guid', 'source_type', 'source_qualified_name', 'source_name',
    'target_guid', 'target_type', 'target_qualified_name', 'target_name', 'relationship_type'];
  const rows = [header];
  const side = (g) => {
    const e = byGuid.get(g) || {};
    return [g, e.typeName, e.qualifiedName, e.name];
  };
  const linked = new Set();
  for (const e of view.edges) {
    rows.push([...side(e.from), ...side(e.to), e.type]);
    linked.add(e.from);
    linked.add(e.to);
  }
  for (const n of view.nodes) if (!linked.has(n.guid)) rows.push([...side(n.guid), '', '', '', '', '']);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A standalone SVG of the laid-out view, in the colours of the current theme. */
export function toSvg(view, colors) {
  const leaves = view.nodes.filter((n) => n.x !== undefined);
  if (!leaves.length) return '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
  const minX = Math.min(...leaves.map((n) => n.x - n.w / 2)) - 20;
  const minY = Math.min(...leaves.map((n) => n.y - n.h / 2)) - 20;
  const maxX = Math.max(...leaves.map((n) => n.x + n.w / 2)) + 20;
  const maxY = Math.max(...leaves.map((n) => n.y + n.h / 2)) + 20;
  const at = new Map(leaves.map((n) => [n.guid, n]));
  const fill = (n) => ({ process: colors.process, column: colors.column, redacted: colors.redacted })[typeCategory(n.entity)] || colors.dataset;
  const stroke = (n) => ({ process: colors.processBorder, column: colors.columnBorder })[typeCategory(n.entity)] || colors.datasetBorder;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}" width="${Math.round(maxX - minX)}" height="${Math.round(maxY - minY)}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>Lineage of ${xml(at.get(view.focus)?.entity.name || view.focus)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colors.edge}"/></marker></defs>`,
    `<rect x="${minX}" y="${minY}" width="${maxX - minX}" height="${maxY - minY}" fill="${colors.background}"/>`, '<g class="edges">'];
  for (const e of view.edges) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) continue;
    const [x1, y1, x2, y2] = clip(a, b);
    out.push(`<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${colors.edge}" stroke-width="1.5" marker-end="url(#arrow)" data-from="${xml(e.from)}" data-to="${xml(e.to)}"/>`);
  }
  out.push('</g>', '<g class="nodes">');
  for (const n of leaves) {
    out.push(`<g data-guid="${xml(n.guid)}"><rect x="${(n.x - n.w / 2).toFixed(1)}" y="${(n.y - n.h / 2).toFixed(1)}" width="${n.w}" height="${n.h}" rx="6" fill="${fill(n)}" stroke="${stroke(n)}" stroke-width="${n.guid === view.focus ? 3 : 1.5}"/>`
      + `<text x="${n.x.toFixed(1)}" y="${(n.y + 4).toFixed(1)}" text-anchor="middle" font-size="12" fill="${colors.text}">${xml(n.entity.name)}</text></g>`);
  }
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}

/** The segment between two boxes' borders, so that arrowheads touch the target's edge. */
function clip(a, b) {
  const border = (n, dx, dy) => {
    const sx = dx === 0 ? Infinity : n.w / 2 / Math.abs(dx);
    const sy = dy === 0 ? Infinity : n.h / 2 / Math.abs(dy);
    return Math.min(sx, sy);
  };
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const ta = Math.min(1, border(a, dx, dy));
  const tb = Math.min(1, border(b, dx, dy));
  return [a.x + dx * ta, a.y + dy * ta, b.x - dx * tb, b.y - dy * tb];
}

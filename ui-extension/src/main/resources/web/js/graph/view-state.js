// What the user chose in the lineage explorer, as one value that lives in the URL: the query (focus,
// direction, depth, level), how it is drawn (layout, flow, grouping, aggregated groups and the pages
// shown of opened ones, datasets only, renderer), what is filtered, searched and selected, the path and impact asked for, and the
// expansions and collapses made by hand, replayed in order on load. Pure: any renderer (the 2D
// graph, a later 3D view) reads the same state and writes it back through toParams.

export const DIRECTIONS = ['BOTH', 'UPSTREAM', 'DOWNSTREAM'];
export const GROUPINGS = ['none', 'namespace', 'cluster', 'layer', 'job'];
export const FACETS = ['type', 'classification', 'owner', 'namespace'];
const VIEWS = ['2d', '3d'];
const RENDERERS = ['auto', 'canvas', 'webgl'];
const MAX_DEPTH = 50;

/** The state a graph opens with when the URL says nothing. */
export function defaultState({ narrow = false, layouts = ['layered'] } = {}) {
  return {
    direction: 'BOTH',
    depth: 1,
    level: 'DATASET',
    layout: layouts[0],
    orientation: narrow ? 'DOWN' : 'RIGHT',
    grouping: 'none',
    aggregated: new Set(),
    pages: new Map(), // opened group -> members shown, where more than its first page
    datasetsOnly: false,
    view: '2d',
    renderer: 'auto', // canvas, or WebGL above a few thousand elements
    filters: Object.fromEntries(FACETS.map((f) => [f, new Set()])),
    search: '',
    selected: null,
    path: null, // {from, to}
    impact: null, // guid
    ops: [], // [{op: 'expand'|'collapse', dir: 'UPSTREAM'|'DOWNSTREAM', guid}]
  };
}

const list = (text) => (text ? String(text).split(',').map(decodeURIComponent).filter(Boolean) : []);
const enc = (values) => [...values].map((v) => encodeURIComponent(v)).join(',');

/** The state a route's query parameters describe; anything unknown or out of range is the default. */
export function fromParams(params = {}, options = {}) {
  const s = defaultState(options);
  const p = params || {};
  if (DIRECTIONS.includes(p.direction)) s.direction = p.direction;
  const depth = Number(p.depth);
  if (Number.isInteger(depth)) s.depth = Math.min(MAX_DEPTH, Math.max(1, depth));
  if (p.level === 'COLUMN') s.level = 'COLUMN';
  if (p.layout && (options.layouts || ['layered']).includes(p.layout)) s.layout = p.layout;
  if (p.orientation === 'DOWN' || p.orientation === 'RIGHT') s.orientation = p.orientation;
  if (GROUPINGS.includes(p.group)) s.grouping = p.group;
  s.aggregated = new Set(list(p.agg));
  // "key:count"; a key (a namespace URL) may hold colons of its own.
  for (const entry of list(p.pages)) {
    const at = entry.lastIndexOf(':');
    const count = Number(entry.slice(at + 1));
    if (at > 0 && Number.isInteger(count) && count > 0) s.pages.set(entry.slice(0, at), count);
  }
  s.datasetsOnly = p.datasets === '1';
  if (VIEWS.includes(p.view)) s.view = p.view;
  if (RENDERERS.includes(p.renderer)) s.renderer = p.renderer;
  for (const f of FACETS) s.filters[f] = new Set(list(p[`f.${f}`]));
  s.search = p.q ? String(p.q) : '';
  s.selected = p.sel || null;
  if (p.path) {
    const [from, to] = list(p.path);
    if (from && to) s.path = { from, to };
  }
  s.impact = p.impact || null;
  s.ops = list(p.ops).map((t) => {
    const m = t.match(/^([+-])([UD]):(.+)$/);
    return m ? { op: m[1] === '+' ? 'expand' : 'collapse', dir: m[2] === 'U' ? 'UPSTREAM' : 'DOWNSTREAM', guid: m[3] } : null;
  }).filter(Boolean);
  return s;
}

/** Query parameters for {@code state}: only what differs from the defaults, in a stable order. */
export function toParams(state, options = {}) {
  const d = defaultState(options);
  const p = {};
  if (state.direction !== d.direction) p.direction = state.direction;
  if (state.depth !== d.depth) p.depth = String(state.depth);
  if (state.level !== d.level) p.level = state.level;
  if (state.layout !== d.layout) p.layout = state.layout;
  if (state.orientation !== d.orientation) p.orientation = state.orientation;
  if (state.grouping !== d.grouping) p.group = state.grouping;
  if (state.aggregated.size) p.agg = enc([...state.aggregated].sort());
  if (state.pages?.size) p.pages = enc([...state.pages].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}:${n}`));
  if (state.datasetsOnly) p.datasets = '1';
  if (state.view !== d.view) p.view = state.view;
  if (state.renderer !== d.renderer) p.renderer = state.renderer;
  for (const f of FACETS) if (state.filters[f].size) p[`f.${f}`] = enc([...state.filters[f]].sort());
  if (state.search) p.q = state.search;
  if (state.selected) p.sel = state.selected;
  if (state.path) p.path = enc([state.path.from, state.path.to]);
  if (state.impact) p.impact = state.impact;
  if (state.ops.length) {
    p.ops = enc(state.ops.map((o) => `${o.op === 'expand' ? '+' : '-'}${o.dir === 'UPSTREAM' ? 'U' : 'D'}:${o.guid}`));
  }
  return p;
}

/**
 * Adds an expansion or a collapse to the hand-made steps. The opposite step on the same node and
 * direction cancels the earlier one, so that the URL does not grow with every click back and forth.
 */
export function withOp(state, op) {
  const same = (o) => o.guid === op.guid && o.dir === op.dir;
  const earlier = state.ops.find(same);
  const ops = state.ops.filter((o) => !same(o));
  return { ...state, ops: earlier && earlier.op !== op.op ? ops : [...ops, op] };
}

/**
 * Names matching a search typed into the graph: infix first (case-insensitive), then fuzzy (the
 * letters in order, gaps allowed), each ranked by how early and how tightly they match.
 */
export function matchScore(name, query) {
  if (!query) return null;
  const n = String(name || '').toLowerCase();
  const q = query.toLowerCase().trim();
  if (!q) return null;
  const at = n.indexOf(q);
  if (at >= 0) return at;
  let i = 0;
  let first = -1;
  let last = -1;
  for (let k = 0; k < n.length && i < q.length; k++) {
    if (n[k] === q[i]) {
      if (first < 0) first = k;
      last = k;
      i++;
    }
  }
  if (i < q.length) return null;
  return 1000 + (last - first) - q.length + first;
}

export function searchGraph(entries, query) {
  const hits = [];
  for (const [guid, name] of entries) {
    const score = matchScore(name, query);
    if (score !== null) hits.push({ guid, name, score });
  }
  return hits.sort((a, b) => a.score - b.score || String(a.name).localeCompare(String(b.name)));
}

/**
 * Route parameters for the same lineage in another view: everything the user chose stays (query,
 * filters, selection, expansions), only {@code view} changes; 2D is the default and leaves no trace.
 */
export function withView(params, view) {
  const { view: old, ...rest } = params || {};
  void old;
  return view === '3d' ? { ...rest, view: '3d' } : rest;
}

/** Route parameters with {@code guid} as the selection, or none. */
export function withSelected(params, guid) {
  const { sel, ...rest } = params || {};
  void sel;
  return guid ? { ...rest, sel: guid } : rest;
}

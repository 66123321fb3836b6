import { html, nothing } from 'lit';
import cytoscape from 'cytoscape';
import { LightElement } from '../components/light-element.js';
import { api } from '../api.js';
import { onChange } from '../feed.js';
import { onThemeChange } from '../theme.js';
import { entityHref, navigate } from '../router.js';
import { typeCategory } from '../format.js';
import { DOWN, GraphModel, UP, clusterOf, namespaceOf } from './graph-model.js';
import { LAYOUTS, computeLayout } from './layouts.js';
import { IMPACT_COLORS, graphStyle, themeColors } from './graph-style.js';
import { FORMATS, toAtlasLineage, toCsv, toDot, toGraphML, toOpenLineageGraph, toSvg } from './exporters.js';

const REL_COLUMNS = 'dataset_stream_columns';
const LARGE = 400;
const FACETS = [['type', 'Type'], ['classification', 'Classification'], ['owner', 'Owner'], ['namespace', 'Namespace']];

function nodeSize(entity, cat) {
  const text = entity.name || '';
  const w = Math.round(Math.min(260, Math.max(cat === 'column' ? 70 : 96, 26 + text.length * 6.6)));
  return { w, h: cat === 'column' ? 22 : 34 };
}

/**
 * The interactive lineage graph around one entity: expand and collapse, open datasets to columns,
 * paths, impact, filters, grouping, four layouts, live updates and exports.
 */
export class LineageGraph extends LightElement {
  static properties = {
    focus: { type: String },
    params: { type: Object },
    selected: { state: true },
    busy: { state: true },
    message: { state: true },
    revision: { state: true },
  };

  constructor() {
    super();
    this.params = {};
    this.model = null;
    this.cy = null;
    this.selected = null;
    this.busy = false;
    this.animating = 0;
    this.message = '';
    this.revision = 0;
    this.settings = { direction: 'BOTH', depth: 1, level: 'DATASET', layout: 'layered', grouping: 'none', orientation: 'RIGHT' };
    this.filters = { type: new Set(), classification: new Set(), owner: new Set(), namespace: new Set() };
    this.pathStart = null;
    this.impactFrom = null;
    this.impactList = null;
    this.stats = { loadedAt: null, readyAt: null, layoutMs: null, layoutEngine: null, layouts: 0, marks: {} };
    this.pending = new Set();
  }

  connectedCallback() {
    super.connectedCallback();
    this.stopFeed = onChange((c) => this.onFeed(c));
    this.stopTheme = onThemeChange(() => this.cy && this.cy.style(graphStyle(this.cy.elements().length > LARGE)));
  }

  disconnectedCallback() {
    this.stopFeed?.();
    this.stopTheme?.();
    clearTimeout(this.feedTimer);
    this.cy?.destroy();
    this.cy = null;
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    const key = JSON.stringify([this.focus, this.params || {}]);
    if ((changed.has('focus') || changed.has('params')) && key !== this.loadedKey) {
      this.loadedKey = key;
      const p = this.params || {};
      this.settings = {
        ...this.settings,
        direction: ['UPSTREAM', 'DOWNSTREAM', 'BOTH'].includes(p.direction) ? p.direction : 'BOTH',
        depth: Math.min(50, Math.max(1, Number(p.depth) || 1)),
        level: p.level === 'COLUMN' ? 'COLUMN' : 'DATASET',
        layout: LAYOUTS[p.layout] ? p.layout : this.settings.layout,
        grouping: ['namespace', 'cluster'].includes(p.group) ? p.group : 'none',
        orientation: p.orientation === 'DOWN' || (!p.orientation && window.innerWidth < 600) ? 'DOWN' : 'RIGHT',
      };
      if (this.focus) this.reload();
    }
  }

  // ---- loading -------------------------------------------------------------------------------

  async reload() {
    const { direction, depth, level } = this.settings;
    this.model = new GraphModel(this.focus);
    this.selected = null;
    this.pathStart = null;
    this.impactList = null;
    this.stats.readyAt = null;
    this.stats.loadedAt = null;
    this.stats.drawnAt = null;
    this.stats.marks = {};
    await this.run('Loading lineage…', async () => {
      const lineage = await api.lineage(this.focus, { direction, depth, level });
      this.mark('fetched');
      if (!lineage.nodes.has(this.focus)) lineage.nodes.set(this.focus, await api.entity(this.focus));
      this.model.merge(lineage, { walked: direction, depth });
      this.stats.loadedAt = performance.now();
      if (level === 'COLUMN') await this.openAllDatasets();
      await this.redraw({ relayout: true, fit: true });
    });
  }

  async run(label, fn) {
    this.busy = true;
    this.message = label;
    try {
      await fn();
      this.message = '';
    } catch (e) {
      console.error(e);
      this.message = `Failed: ${e.message}`;
    } finally {
      this.busy = false;
    }
  }

  async expand(guid, dir) {
    await this.run(`Expanding ${dir.toLowerCase()}…`, async () => {
      const lineage = await api.lineage(guid, { direction: dir, depth: 1, level: 'DATASET' });
      const added = this.model.merge(lineage, { walked: dir, depth: 1 });
      this.model.node(guid).expanded[dir] = true;
      this.announce(`${added.nodes.length} node${added.nodes.length === 1 ? '' : 's'} added ${dir.toLowerCase()}`);
      await this.redraw({ relayout: added.nodes.length > 0 });
    });
  }

  async collapse(guid, dir) {
    const removed = this.model.collapse(guid, dir);
    this.announce(`${removed.length} node${removed.length === 1 ? '' : 's'} hidden`);
    if (this.selected && !this.model.node(this.selected)) this.selected = null;
    await this.redraw({ relayout: removed.length > 0 });
  }

  async openColumns(guid) {
    await this.run('Opening columns…', async () => {
      const columns = await api.related(guid, REL_COLUMNS, 'BOTH');
      this.model.openDataset(guid, columns.filter((c) => typeCategory(c) === 'column'));
      this.announce(`${columns.length} columns shown`);
      await this.redraw({ relayout: true });
    });
  }

  async closeColumns(guid) {
    this.model.closeDataset(guid);
    await this.redraw({ relayout: true });
  }

  async openAllDatasets() {
    const datasets = [...this.model.nodes].filter(([, n]) => typeCategory(n.entity) === 'dataset' && !n.parent).map(([g]) => g);
    const lists = await Promise.all(datasets.map((g) => api.related(g, REL_COLUMNS, 'BOTH').catch(() => [])));
    datasets.forEach((g, i) => lists[i].length && this.model.openDataset(g, lists[i]));
  }

  /** Column lineage from one column: the columns it feeds or is fed by, inside their datasets. */
  async followColumn(guid, dir = 'BOTH') {
    await this.run('Following column lineage…', async () => {
      const lineage = await api.lineage(guid, { direction: dir, depth: this.settings.depth, level: 'COLUMN' });
      const added = this.model.merge(lineage, { fresh: false });
      await this.placeColumns(added.nodes);
      const edges = [...this.model.edges.values()].filter((e) => e.column && (e.from === guid || e.to === guid));
      this.announce(`${edges.length} column edge${edges.length === 1 ? '' : 's'} from this column`);
      await this.redraw({ relayout: true });
    });
  }

  /** Puts newly reached columns inside their datasets, adding the datasets when missing. */
  async placeColumns(guids) {
    const columns = guids.filter((g) => typeCategory(this.model.node(g).entity) === 'column' && !this.model.node(g).parent);
    await Promise.all(columns.map(async (g) => {
      const owners = (await api.related(g, REL_COLUMNS, 'BOTH').catch(() => [])).filter((e) => typeCategory(e) !== 'column');
      const dataset = owners[0];
      if (!dataset) return;
      if (!this.model.node(dataset.guid)) {
        this.model.nodes.set(dataset.guid, { entity: dataset, expanded: { [UP]: false, [DOWN]: false }, fresh: false, parent: null });
      }
      this.model.openDatasets.add(dataset.guid);
      this.model.node(g).parent = dataset.guid;
    }));
  }

  async showPath(from, to) {
    await this.run('Finding a path…', async () => {
      const path = await api.path(from, to, 20);
      if (!path.guids.length) {
        this.announce('No path between these two entities');
        this.model.setPath(null);
      } else {
        this.model.setPath(path);
        this.announce(`Path of ${path.guids.length} entities highlighted`);
      }
      await this.redraw({ relayout: true });
    });
  }

  async showImpact(guid) {
    await this.run('Computing impact…', async () => {
      const depth = Math.max(3, this.settings.depth);
      const [entries, lineage] = await Promise.all([
        api.impact(guid, depth),
        api.lineage(guid, { direction: DOWN, depth, level: 'DATASET' }),
      ]);
      this.model.merge(lineage, { walked: DOWN, depth });
      this.model.setImpact(entries);
      this.impactFrom = guid;
      this.impactList = entries;
      this.announce(`${entries.length} entities downstream`);
      await this.redraw({ relayout: true });
    });
  }

  clearImpact() {
    this.model.setImpact(null);
    this.impactList = null;
    this.impactFrom = null;
    this.redraw({});
  }

  // ---- live updates ---------------------------------------------------------------------------

  onFeed(change) {
    if (!this.model) return;
    const inGraph = [change.subject, change.target].filter((r) => r && this.model.node(r.guid));
    if (change.kind === 'ENTITY_DELETED' && change.subject && this.model.node(change.subject.guid) && change.subject.guid !== this.focus) {
      this.model.removeNodes([change.subject.guid]);
      this.redraw({ relayout: true });
      return;
    }
    if (!inGraph.length) return;
    inGraph.forEach((r) => this.pending.add(r.guid));
    clearTimeout(this.feedTimer);
    this.feedTimer = setTimeout(() => this.applyFeed(), 250);
  }

  async applyFeed() {
    const guids = [...this.pending];
    this.pending.clear();
    let added = 0;
    for (const guid of guids) {
      const node = this.model.node(guid);
      if (!node) continue;
      try {
        const lineage = await api.lineage(guid, { direction: 'BOTH', depth: 1, level: 'DATASET' });
        const result = this.model.merge(lineage, { fresh: true });
        added += result.nodes.length + result.edges.length;
        const entity = lineage.nodes.get(guid);
        if (entity && !entity.redacted) node.entity = entity;
      } catch (e) {
        console.warn('live update failed for', guid, e);
      }
    }
    if (added) {
      this.announce(`${added} new element${added === 1 ? '' : 's'} from live updates`);
      await this.redraw({ relayout: true });
    }
  }

  markSeen() {
    this.model.clearFresh();
    this.redraw({});
  }

  // ---- rendering ------------------------------------------------------------------------------

  /** The model as Cytoscape elements: groups, nodes (datasets open to columns are compounds), edges. */
  elements() {
    const m = this.model;
    const els = [];
    const groups = new Map();
    const grouping = this.settings.grouping;
    const hasChildren = new Set([...m.nodes.values()].map((n) => n.parent).filter(Boolean));
    const more = m.moreLineage();
    const passes = new Map([...m.nodes.keys()].map((g) => [g, m.passes(g, this.filters)]));
    for (const [guid, n] of m.nodes) {
      const e = n.entity;
      const cat = typeCategory(e);
      const { w, h } = nodeSize(e, cat);
      let parent = n.parent && m.nodes.has(n.parent) ? n.parent : undefined;
      if (!parent && grouping !== 'none' && !e.redacted) {
        const g = grouping === 'cluster' ? clusterOf(e) : namespaceOf(e);
        parent = `group:${g}`;
        groups.set(parent, g);
      }
      const label = `${more.get(guid)[UP] ? '◂ ' : ''}${e.name}${more.get(guid)[DOWN] ? ' ▸' : ''}`;
      const classes = [cat === 'column-process' ? 'process' : cat];
      if (e.typeName === 'edge_device' || e.typeName === 'edge_node') classes.push('device');
      if (guid === m.focus) classes.push('focus');
      if (n.fresh) classes.push('fresh');
      if (hasChildren.has(guid)) classes.push('open');
      if (m.path?.guids.has(guid)) classes.push('path');
      if (m.impact?.has(guid)) classes.push(`impact-${Math.min(IMPACT_COLORS.length - 1, m.impact.get(guid))}`);
      if (!passes.get(guid)) classes.push('filtered');
      els.push({ group: 'nodes', data: { id: guid, label, w, h, tw: w - 10, parent }, classes: classes.join(' ') });
    }
    for (const [id, label] of groups) {
      els.push({ group: 'nodes', data: { id, label, w: 10, h: 10, tw: 400 }, classes: 'group' });
    }
    for (const e of m.edges.values()) {
      const classes = [];
      if (e.column) classes.push('column');
      if (e.fresh) classes.push('fresh');
      if (m.path?.edges.has(e.id)) classes.push('path');
      if (!passes.get(e.from) || !passes.get(e.to)) classes.push('filtered');
      els.push({ group: 'edges', data: { id: e.id, source: e.from, target: e.to, type: e.type }, classes: classes.join(' ') });
    }
    return els;
  }

  /** Brings Cytoscape in line with the model; lays out again when the structure changed. */
  async redraw({ relayout = false, fit = false } = {}) {
    this.revision++;
    await this.updateComplete;
    const container = this.querySelector('.graph-canvas .cy');
    if (!container) return;
    const els = this.elements();
    this.mark('elements');
    const large = els.length > LARGE;
    let layout = null;
    if (relayout || !this.cy) {
      layout = await this.layout(els);
      this.mark('laidOut');
    }
    if (!this.cy) {
      this.createCy(container, els, layout, large);
      this.stats.drawnAt = performance.now();
      this.mark('created');
    } else {
      this.animating++;
      try {
        await this.sync(els, layout, fit);
      } finally {
        this.animating--;
      }
    }
    this.markReady();
  }

  async layout(els) {
    const nodes = els.filter((e) => e.group === 'nodes' && !e.classes.includes('filtered'));
    const compound = new Set(nodes.map((n) => n.data.parent).filter(Boolean));
    const ids = new Set(nodes.map((n) => n.data.id));
    const graph = {
      focus: this.focus,
      nodes: nodes.map((n) => ({ id: n.data.id, w: n.data.w, h: n.data.h, label: n.data.label,
        parent: n.data.parent && ids.has(n.data.parent) ? n.data.parent : null, compound: compound.has(n.data.id) })),
      edges: els.filter((e) => e.group === 'edges' && ids.has(e.data.source) && ids.has(e.data.target))
        .map((e) => ({ id: e.data.id, source: e.data.source, target: e.data.target })),
    };
    const result = await computeLayout(this.settings.layout, graph, { direction: this.settings.orientation });
    this.stats.layoutMs = result.millis;
    this.stats.layoutEngine = result.engine;
    this.stats.layouts++;
    return result.positions;
  }

  createCy(container, els, positions, large) {
    for (const el of els) {
      const p = positions?.get(el.data.id);
      if (p) el.position = { x: p.x, y: p.y };
    }
    this.cy = cytoscape({
      container,
      elements: els,
      style: graphStyle(large),
      layout: { name: 'preset', fit: true, padding: 30 },
      minZoom: 0.02,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      // What keeps thousands of nodes interactive on a canvas: a cached bitmap while panning and
      // zooming, no edges while the viewport moves, no motion blur, one pixel per CSS pixel.
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      hideLabelsOnViewport: large,
      motionBlur: false,
      pixelRatio: large ? 1 : 'auto',
    });
    this.cy.on('tap', 'node', (evt) => {
      const n = evt.target;
      if (n.hasClass('group')) return;
      this.select(n.id());
    });
    this.cy.on('tap', (evt) => {
      if (evt.target === this.cy) this.select(null);
    });
    this.cy.on('dbltap', 'node', (evt) => {
      const id = evt.target.id();
      if (evt.target.hasClass('group')) return;
      const n = this.model.node(id);
      if (!n) return;
      if (!n.expanded[UP]) this.expand(id, UP);
      else if (!n.expanded[DOWN]) this.expand(id, DOWN);
    });
  }

  sync(els, positions, fit) {
    const cy = this.cy;
    const wanted = new Map(els.map((e) => [e.data.id, e]));
    cy.batch(() => {
      cy.elements().forEach((el) => {
        const w = wanted.get(el.id());
        if (!w || (el.isNode() && (el.data('parent') || undefined) !== (w.data.parent || undefined))) el.remove();
      });
      const addNodes = [];
      const addEdges = [];
      for (const e of els) {
        const el = cy.getElementById(e.data.id);
        if (el.nonempty() && el.inside()) {
          el.data(e.data);
          el.classes(e.classes);
        } else {
          const p = positions?.get(e.data.id);
          const copy = { ...e, position: p ? { ...p } : undefined };
          (e.group === 'nodes' ? addNodes : addEdges).push(copy);
        }
      }
      // Parents before children, then edges.
      addNodes.sort((a, b) => (a.data.parent ? 1 : 0) - (b.data.parent ? 1 : 0));
      cy.add(addNodes);
      cy.add(addEdges);
    });
    cy.style(graphStyle(els.length > LARGE));
    if (positions) {
      const animate = positions.size < 300;
      const layout = cy.layout({
        name: 'preset',
        positions: (n) => positions.get(n.id()) || n.position(),
        fit: true,
        padding: 30,
        animate,
        animationDuration: 300,
      });
      const stopped = layout.promiseOn('layoutstop');
      layout.run();
      return stopped;
    } else if (fit) {
      cy.fit(undefined, 30);
    }
    return Promise.resolve();
  }

  /** Milliseconds since navigation at each step of the first load, for benchmarks. */
  mark(step) {
    if (this.stats.readyAt === null) this.stats.marks[step] = Math.round(performance.now());
  }

  markReady() {
    if (this.stats.readyAt === null && this.cy) {
      // Interactive once the first frame with the laid-out graph has been drawn.
      requestAnimationFrame(() => requestAnimationFrame(() => {
        if (this.stats.readyAt === null) this.stats.readyAt = performance.now();
      }));
    }
    this.requestUpdate();
  }

  select(guid) {
    this.selected = guid;
    if (this.cy) {
      this.cy.$(':selected').unselect();
      if (guid) this.cy.getElementById(guid).select();
    }
    const n = guid && this.model.node(guid);
    if (n && n.fresh) {
      n.fresh = false;
      this.cy?.getElementById(guid).removeClass('fresh');
    }
    if (n) this.announce(`${n.entity.name}, ${n.entity.typeName}`);
  }

  announce(text) {
    this.message = text;
  }

  // ---- keyboard -------------------------------------------------------------------------------

  onKey(e) {
    if (!this.cy || e.target.closest('input,select,button')) return;
    const key = e.key;
    const zoomBy = (f) => this.cy.zoom({ level: this.cy.zoom() * f, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    const handled = {
      '+': () => zoomBy(1.25),
      '=': () => zoomBy(1.25),
      '-': () => zoomBy(0.8),
      0: () => this.cy.fit(undefined, 30),
      Escape: () => this.select(null),
    };
    if (handled[key]) {
      e.preventDefault();
      handled[key]();
      return;
    }
    if (key.startsWith('Arrow')) {
      e.preventDefault();
      if (!this.selected) {
        this.select(this.focus);
        return;
      }
      if (e.shiftKey) {
        const d = 60;
        const by = { ArrowLeft: { x: d, y: 0 }, ArrowRight: { x: -d, y: 0 }, ArrowUp: { x: 0, y: d }, ArrowDown: { x: 0, y: -d } }[key];
        this.cy.panBy(by);
        return;
      }
      const next = this.nearest(this.selected, key);
      if (next) {
        this.select(next);
        this.cy.animate({ center: { eles: this.cy.getElementById(next) } }, { duration: 150 });
      }
      return;
    }
    const g = this.selected;
    if (!g) return;
    const actions = {
      Enter: () => navigate(entityHref(g)),
      '[': () => this.expand(g, UP),
      ']': () => this.expand(g, DOWN),
      '{': () => this.collapse(g, UP),
      '}': () => this.collapse(g, DOWN),
      c: () => (this.model.openDatasets.has(g) ? this.closeColumns(g) : this.openColumns(g)),
      p: () => this.pathAction(g),
      i: () => this.showImpact(g),
    };
    if (actions[key]) {
      e.preventDefault();
      actions[key]();
    }
  }

  /** The visible node closest to {@code guid} in an arrow's direction. */
  nearest(guid, key) {
    const from = this.cy.getElementById(guid).position();
    const [ux, uy] = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[key];
    let best = null;
    let bestScore = Infinity;
    this.cy.nodes(':visible').forEach((n) => {
      if (n.id() === guid || n.hasClass('group') || n.hasClass('filtered')) return;
      const p = n.position();
      const along = (p.x - from.x) * ux + (p.y - from.y) * uy;
      if (along <= 1) return;
      const across = Math.abs((p.x - from.x) * uy - (p.y - from.y) * ux);
      const score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = n.id();
      }
    });
    return best;
  }

  pathAction(guid) {
    if (!this.pathStart || this.pathStart === guid) {
      this.pathStart = guid;
      this.announce('Path start set: choose the end and press Path to here');
      this.requestUpdate();
    } else {
      const from = this.pathStart;
      this.pathStart = null;
      this.showPath(from, guid);
    }
  }

  clearPath() {
    this.model.setPath(null);
    this.pathStart = null;
    this.redraw({});
  }

  // ---- settings -------------------------------------------------------------------------------

  change(key, value) {
    this.settings = { ...this.settings, [key]: value };
    if (['direction', 'depth', 'level'].includes(key)) this.reload();
    else this.redraw({ relayout: true });
  }

  toggleFilter(facet, value, on) {
    if (on) this.filters[facet].add(value);
    else this.filters[facet].delete(value);
    this.redraw({ relayout: true });
  }

  // ---- export ---------------------------------------------------------------------------------

  view() {
    const nodes = [];
    this.cy?.nodes().forEach((n) => {
      if (n.hasClass('group') || n.hasClass('filtered')) return;
      const m = this.model.node(n.id());
      if (!m) return;
      const p = n.position();
      nodes.push({ guid: n.id(), entity: m.entity, x: p.x, y: p.y, w: n.data('w'), h: n.data('h'), parent: m.parent, distance: m.distance });
    });
    const visible = new Set(nodes.map((n) => n.guid));
    const edges = [...this.model.edges.values()].filter((e) => visible.has(e.from) && visible.has(e.to))
      .map((e) => ({ from: e.from, to: e.to, type: e.type }));
    return { focus: this.focus, direction: this.settings.direction, depth: this.settings.depth, nodes, edges };
  }

  async exportAs(format) {
    const spec = FORMATS[format];
    const view = this.view();
    const base = `lineage-${(this.model.node(this.focus)?.entity.name || this.focus).replace(/[^A-Za-z0-9._-]+/g, '_')}`;
    let blob;
    let text = null;
    switch (format) {
      case 'png':
        blob = await this.cy.png({ output: 'blob-promise', full: true, scale: 2, bg: themeColors().background });
        break;
      case 'svg':
        text = toSvg(view, themeColors());
        break;
      case 'atlas':
        text = JSON.stringify(toAtlasLineage(view), null, 2);
        break;
      case 'openlineage':
        text = JSON.stringify(toOpenLineageGraph(view), null, 2);
        break;
      case 'graphml':
        text = toGraphML(view);
        break;
      case 'dot':
        text = toDot(view);
        break;
      default:
        text = toCsv(view);
    }
    if (text !== null) blob = new Blob([text], { type: spec.mime });
    const filename = `${base}.${spec.ext}`;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.announce(`Exported ${filename}`);
  }

  // ---- state for browser tests and benchmarks ---------------------------------------------------
  // Read through the element (document.querySelector('tb-lineage-graph')); nothing in the UI calls these.

  /** A cheap summary, for polling: no per-node data. */
  status() {
    return {
      focus: this.model?.focus ?? null,
      busy: this.busy || this.animating > 0,
      nodes: this.model?.nodes.size ?? 0,
      edges: this.model?.edges.size ?? 0,
      rendered: this.cy ? { nodes: this.cy.nodes().length, edges: this.cy.edges().length } : null,
      layout: { engine: this.stats.layoutEngine, millis: this.stats.layoutMs, count: this.stats.layouts },
      loadedAt: this.stats.loadedAt,
      drawnAt: this.stats.drawnAt ?? null,
      readyAt: this.stats.readyAt,
      marks: { ...this.stats.marks },
    };
  }

  /** The whole graph as drawn: nodes with position, group and classes; edges; path, impact, selection. */
  snapshot() {
    const m = this.model;
    if (!m) return null;
    const cyNode = (g) => this.cy?.getElementById(g);
    return {
      focus: m.focus,
      settings: { ...this.settings },
      // Busy while loading and while nodes glide to a new layout: positions are not final yet.
      busy: this.busy || this.animating > 0,
      message: this.message,
      revision: this.revision,
      nodes: [...m.nodes].map(([guid, n]) => ({
        guid, name: n.entity.name, typeName: n.entity.typeName, qualifiedName: n.entity.qualifiedName,
        parent: n.parent, fresh: n.fresh, distance: n.distance ?? null,
        expandedUp: n.expanded[UP], expandedDown: n.expanded[DOWN],
        visible: Boolean(cyNode(guid)?.nonempty() && !cyNode(guid).hasClass('filtered')),
        position: cyNode(guid)?.nonempty() ? cyNode(guid).position() : null,
        group: cyNode(guid)?.nonempty() ? cyNode(guid).data('parent') || null : null,
        classes: cyNode(guid)?.nonempty() ? cyNode(guid).classes() : [],
      })),
      edges: [...m.edges.values()].map((e) => ({ from: e.from, to: e.to, type: e.type, column: e.column, fresh: e.fresh })),
      openDatasets: [...m.openDatasets],
      path: m.path ? { guids: [...m.path.guids], edges: [...m.path.edges] } : null,
      impact: m.impact ? Object.fromEntries(m.impact) : null,
      selected: this.selected,
      pathStart: this.pathStart,
      rendered: this.cy ? { nodes: this.cy.nodes().length, edges: this.cy.edges().length, zoom: this.cy.zoom() } : null,
      layout: { engine: this.stats.layoutEngine, millis: this.stats.layoutMs, count: this.stats.layouts },
      loadedAt: this.stats.loadedAt,
      readyAt: this.stats.readyAt,
    };
  }

  // ---- template -------------------------------------------------------------------------------

  render() {
    const s = this.settings;
    const m = this.model;
    const sel = this.selected && m?.node(this.selected);
    const facets = m ? m.facets() : {};
    const count = m ? m.nodes.size : 0;
    const edgeCount = m ? m.edges.size : 0;
    const focusName = m?.node(this.focus)?.entity.name || 'entity';
    return html`
      <details class="controls" open>
        <summary>Graph controls</summary>
        <div class="graph-toolbar" role="toolbar" aria-label="Lineage graph controls">
          <span class="group">
            <label for="lg-direction">Direction</label>
            <select id="lg-direction" @change=${(e) => this.change('direction', e.target.value)}>
              ${[['BOTH', 'Both'], ['UPSTREAM', 'Upstream'], ['DOWNSTREAM', 'Downstream']].map(([v, l]) =>
                html`<option value=${v} ?selected=${s.direction === v}>${l}</option>`)}
            </select>
            <label for="lg-depth">Depth</label>
            <input id="lg-depth" type="number" min="1" max="50" .value=${String(s.depth)} style="width:4.5em"
              @change=${(e) => this.change('depth', Math.min(50, Math.max(1, Number(e.target.value) || 1)))}>
            <label for="lg-level">Level</label>
            <select id="lg-level" @change=${(e) => this.change('level', e.target.value)}>
              <option value="DATASET" ?selected=${s.level === 'DATASET'}>Datasets</option>
              <option value="COLUMN" ?selected=${s.level === 'COLUMN'}>Columns</option>
            </select>
          </span>
          <span class="group">
            <label for="lg-layout">Layout</label>
            <select id="lg-layout" @change=${(e) => this.change('layout', e.target.value)}>
              ${Object.entries(LAYOUTS).map(([v, l]) => html`<option value=${v} ?selected=${s.layout === v}>${l}</option>`)}
            </select>
            <label for="lg-orientation" class="visually-hidden">Flow</label>
            <select id="lg-orientation" aria-label="Flow" ?disabled=${s.layout !== 'layered'}
              @change=${(e) => this.change('orientation', e.target.value)}>
              <option value="RIGHT" ?selected=${s.orientation === 'RIGHT'}>Left to right</option>
              <option value="DOWN" ?selected=${s.orientation === 'DOWN'}>Top to bottom</option>
            </select>
            <label for="lg-group">Group</label>
            <select id="lg-group" @change=${(e) => this.change('grouping', e.target.value)}>
              <option value="none" ?selected=${s.grouping === 'none'}>None</option>
              <option value="namespace" ?selected=${s.grouping === 'namespace'}>Namespace</option>
              <option value="cluster" ?selected=${s.grouping === 'cluster'}>Cluster</option>
            </select>
          </span>
          <span class="group">
            <label for="lg-export">Export</label>
            <select id="lg-export" aria-label="Export format">
              ${Object.entries(FORMATS).map(([v, f]) => html`<option value=${v}>${f.label}</option>`)}
            </select>
            <button id="lg-export-button" @click=${() => this.exportAs(this.querySelector('#lg-export').value)}>Download</button>
          </span>
        </div>
      </details>
      <div class="graph-layout">
        <div class="graph-canvas" tabindex="0" role="application" aria-roledescription="lineage graph"
          aria-label="Lineage graph of ${focusName}: ${count} nodes, ${edgeCount} edges. Arrow keys move between nodes, Shift and arrows pan, plus and minus zoom, Enter opens the selected entity, [ and ] expand upstream and downstream, { and } collapse, c opens columns, p marks a path, i shows impact."
          aria-describedby="lg-status" @keydown=${this.onKey}>
          <div class="cy" style="position:absolute;inset:0" data-testid="graph"></div>
          <div class="graph-zoom">
            <button aria-label="Zoom in" @click=${() => this.cy?.zoom({ level: this.cy.zoom() * 1.25, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } })}>+</button>
            <button aria-label="Zoom out" @click=${() => this.cy?.zoom({ level: this.cy.zoom() * 0.8, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } })}>−</button>
            <button aria-label="Fit graph to screen" @click=${() => this.cy?.fit(undefined, 30)}>⤢</button>
          </div>
          <div class="graph-status" id="lg-status" role="status" aria-live="polite">${this.busy ? this.message : `${count} nodes · ${edgeCount} edges${this.message ? ` · ${this.message}` : ''}`}</div>
        </div>
        <aside class="side-panel" aria-label="Graph details">
          ${sel ? this.renderSelection(sel) : html`<section class="card"><p class="empty">Select a node (click, tap, or arrow keys on the graph) to expand it, open its columns, trace a path or see its impact.</p></section>`}
          ${this.renderPathAndImpact()}
          ${this.renderFilters(facets)}
          <section class="card">
            <h2>Legend</h2>
            <div class="legend">
              <span><i style="background:var(--node-dataset);border-color:var(--node-dataset-border)"></i>Dataset</span>
              <span><i style="background:var(--node-process);border-color:var(--node-process-border)"></i>Job</span>
              <span><i style="background:var(--node-column);border-color:var(--node-column-border)"></i>Column</span>
              <span><i style="border-color:var(--new)"></i>New</span>
              <span><i style="border-color:var(--highlight)"></i>Path</span>
              <span>◂ ▸ more upstream / downstream</span>
            </div>
            ${m && [...m.nodes.values()].some((n) => n.fresh) ? html`<p><button @click=${() => this.markSeen()}>Mark new as seen</button></p>` : ''}
          </section>
          <details class="card">
            <summary>Nodes as a list</summary>
            <div class="node-table">
              <table aria-label="Nodes of the graph">
                <thead><tr><th scope="col">Name</th><th scope="col">Type</th></tr></thead>
                <tbody>${m ? [...m.nodes].slice(0, 500).map(([g, n]) => html`<tr>
                  <td><button class="link" @click=${() => this.select(g)}>${n.entity.name}</button></td><td>${n.entity.typeName}</td></tr>`) : ''}</tbody>
              </table>
            </div>
          </details>
        </aside>
      </div>`;
  }

  renderSelection(n) {
    const g = this.selected;
    const e = n.entity;
    const cat = typeCategory(e);
    const open = this.model.openDatasets.has(g);
    return html`
      <section class="card" aria-labelledby="sel-title" data-selected=${g}>
        <h2 id="sel-title">${e.name}</h2>
        <p><span class="type-badge">${e.typeName}</span> ${e.classifications.map((c) => html`<span class="chip classification">${c}</span>`)}</p>
        <p class="qn" style="word-break:break-all">${e.qualifiedName}</p>
        ${e.redacted ? html`<p class="empty">You may not see this entity.</p>` : html`
        <div class="actions">
          <a href=${entityHref(g)}>Open entity page</a>
        </div>
        <div class="actions" role="group" aria-label="Expand and collapse">
          <button id="act-expand-up" @click=${() => this.expand(g, UP)}>Expand upstream</button>
          <button id="act-expand-down" @click=${() => this.expand(g, DOWN)}>Expand downstream</button>
          <button id="act-collapse-up" @click=${() => this.collapse(g, UP)}>Collapse upstream</button>
          <button id="act-collapse-down" @click=${() => this.collapse(g, DOWN)}>Collapse downstream</button>
        </div>
        <div class="actions" role="group" aria-label="Columns, path and impact">
          ${cat === 'dataset' ? html`<button id="act-columns" aria-pressed=${open ? 'true' : 'false'}
            @click=${() => (open ? this.closeColumns(g) : this.openColumns(g))}>${open ? 'Close columns' : 'Open columns'}</button>` : nothing}
          ${cat === 'column' ? html`<button id="act-follow-column" @click=${() => this.followColumn(g)}>Follow column lineage</button>` : nothing}
          <button id="act-path" @click=${() => this.pathAction(g)}>${this.pathStart && this.pathStart !== g ? 'Path to here' : 'Path from here'}</button>
          <button id="act-impact" @click=${() => this.showImpact(g)}>Impact</button>
          ${g !== this.focus ? html`<button id="act-refocus" @click=${() => navigate(entityHref(g, 'lineage'))}>Focus here</button>` : nothing}
        </div>`}
      </section>`;
  }

  renderPathAndImpact() {
    const m = this.model;
    if (!m) return nothing;
    const name = (g) => m.node(g)?.entity.name || g;
    const byDistance = new Map();
    for (const e of this.impactList || []) {
      if (!byDistance.has(e.distance)) byDistance.set(e.distance, []);
      byDistance.get(e.distance).push(e.entity);
    }
    return html`
      ${this.pathStart || m.path ? html`<section class="card" aria-labelledby="path-title">
        <h2 id="path-title">Path</h2>
        ${this.pathStart ? html`<p>From <b>${name(this.pathStart)}</b>: select the end and choose “Path to here”.</p>` : ''}
        ${m.path ? html`<ol data-testid="path">${[...m.path.guids].map((g) => html`<li>${name(g)}</li>`)}</ol>` : ''}
        <button @click=${() => this.clearPath()}>Clear path</button>
      </section>` : nothing}
      ${this.impactList ? html`<section class="card" aria-labelledby="impact-title">
        <h2 id="impact-title">Impact of ${name(this.impactFrom)}</h2>
        <ul class="impact-list" data-testid="impact">
          ${[...byDistance].sort((a, b) => a[0] - b[0]).map(([d, list]) => html`<li>
            <b style="color:${IMPACT_COLORS[Math.min(IMPACT_COLORS.length - 1, d)]}">${d} hop${d === 1 ? '' : 's'}</b>:
            ${list.map((e, i) => html`${i ? ', ' : ''}<a href=${entityHref(e.guid)}>${e.name}</a>`)}</li>`)}
        </ul>
        <button @click=${() => this.clearImpact()}>Clear impact</button>
      </section>` : nothing}`;
  }

  renderFilters(facets) {
    return html`
      <details class="card filters">
        <summary>Filters</summary>
        ${FACETS.map(([facet, label]) => (facets[facet]?.length ? html`
          <fieldset data-facet=${facet}>
            <legend>${label}</legend>
            ${facets[facet].map((v) => html`<label><input type="checkbox" .checked=${this.filters[facet].has(v)}
              @change=${(e) => this.toggleFilter(facet, v, e.target.checked)}> ${v}</label>`)}
          </fieldset>` : nothing))}
      </details>`;
  }
}
customElements.define('tb-lineage-graph', LineageGraph);

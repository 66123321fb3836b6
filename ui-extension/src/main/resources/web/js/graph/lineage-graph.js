import { html, nothing } from 'lit';
import cytoscape from 'cytoscape';
import { LightElement } from '../components/light-element.js';
import { api } from '../api.js';
import { onChange } from '../feed.js';
import { onThemeChange } from '../theme.js';
import { entityHref, navigate } from '../router.js';
import { fromParams, searchGraph, toParams, withOp } from './view-state.js';
import { typeCategory } from '../format.js';
import { DOWN, GraphModel, UP } from './graph-model.js';
import { LAYOUTS, computeLayout } from './layouts.js';
import { IMPACT_COLORS, graphStyle, themeColors } from './graph-style.js';
import { FORMATS, toAtlasLineage, toCsv, toDot, toGraphML, toOpenLineageGraph, toSvg } from './exporters.js';

const REL_COLUMNS = 'dataset_stream_columns';
const LARGE = 400;
// Above this many elements Cytoscape draws with WebGL where the browser has it on a GPU.
const WEBGL = 3000;
// Above this many nodes a graph opens as super-nodes (one per group, with counts and merged edges)
// unless the URL chose a grouping: creating each node's Cytoscape element is what bounds the time
// to an interactive graph, so members are created only when their group is opened.
const OVERVIEW = 1500;
const OVERVIEW_GROUPS = [2, 150];
// Column rows inside an open dataset: row pitch, padding and the room for the dataset's label.
const ROW = 24;
// Entities listed per hop in the impact card; the graph colours all of them.
const IMPACT_LISTED = 40;
const ROW_PAD = 8;
const ROW_HEADER = 4;
// An opened group of more members than this is drawn as a grid, with this room around each cell;
// a group's frame (Cytoscape's padding and its label above) around its members.
const GRID_FROM = 30;
const GRID_GAP = { x: 24, y: 16 };
const GROUP_FRAME = { x: 20, top: 34, bottom: 20 };
// An opened group shows this many members at first (in name order, each followed by what it feeds
// within the group) and one more node for the rest, which shows as many again when clicked: a
// layer of hundreds stays readable, and Find in graph reaches every member. Below this zoom a
// label is not drawn (min-zoomed-font-size 9 of 11 px).
const PAGE = 100;
const READABLE_ZOOM = 0.85;
const FACETS = [['type', 'Type'], ['classification', 'Classification'], ['owner', 'Owner'], ['namespace', 'Namespace']];

function nodeSize(entity, cat) {
  const text = entity.name || '';
  const w = Math.round(Math.min(260, Math.max(cat === 'column' ? 70 : 96, 26 + text.length * 6.6)));
  return { w, h: cat === 'column' ? 22 : 34 };
}

/** A CSS colour as WebGL's background triple. */
/**
 * Whether WebGL runs on a GPU. Software WebGL (SwiftShader, llvmpipe: headless browsers, machines
 * without a GPU) draws a large graph's first frame many times slower than the canvas, so the
 * automatic choice takes WebGL only on hardware.
 */
let hardwareGl = null;
function hasHardwareWebGl() {
  if (hardwareGl === null) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
      hardwareGl = Boolean(gl) && !/swiftshader|llvmpipe|software|softpipe/i.test(renderer);
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      hardwareGl = false;
    }
  }
  return hardwareGl;
}

function isGroupId(id) {
  return String(id).startsWith('group:');
}

function p0(params) {
  return params || {};
}

function rgbOf(color) {
  const hex = String(color).trim().match(/^#([0-9a-f]{6})$/i);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16));
  const rgb = String(color).match(/(\d+)\D+(\d+)\D+(\d+)/);
  return rgb ? rgb.slice(1, 4).map(Number) : [255, 255, 255];
}

/** A group's name as people say it: a broker URL becomes its host and port. */
function groupLabel(key) {
  if (String(key).startsWith('job ')) return `${String(key).slice(4).split('/').pop()} (job)`;
  const url = String(key).match(/^([a-z][a-z0-9+.-]*):\/\/([^/]+)/i);
  return url ? `${url[2]} (${url[1]})` : String(key);
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
    this.offers = new Map(); // guid -> {UPSTREAM: n, DOWNSTREAM: n}: new neighbours not shown
    this.openedAt = Date.now();
    this.aggregated = new Set();
    this.pages = new Map(); // group key -> members shown of an opened group beyond PAGE
    this.paged = new Map(); // guid -> key of the group whose "more" node holds it
    this.datasetsOnly = false;
    this.searchText = '';
    this.hits = [];
    this.viewMode = '2d';
    this.rendererChoice = 'auto';
    this.ops = [];
  }

  connectedCallback() {
    super.connectedCallback();
    this.stopFeed = onChange((c) => this.onFeed(c));
    this.stopTheme = onThemeChange(() => {
      if (!this.cy) return;
      this.cy.style(graphStyle(this.cy.elements().length > LARGE));
      this.drawMinimap();
    });
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
      const state = fromParams(this.params || {}, this.stateOptions());
      this.settings = {
        direction: state.direction, depth: state.depth, level: state.level,
        layout: state.layout, grouping: state.grouping, orientation: state.orientation,
      };
      this.filters = state.filters;
      this.aggregated = state.aggregated;
      this.pages = state.pages;
      this.datasetsOnly = state.datasetsOnly;
      this.searchText = state.search;
      this.viewMode = state.view;
      this.rendererChoice = state.renderer;
      this.ops = state.ops;
      this.restoring = state;
      this.orientationChosen = Boolean(p0(this.params).orientation);
      this.groupingChosen = Boolean(p0(this.params).group || p0(this.params).agg);
      if (this.focus) this.reload();
    }
  }

  /**
   * A layered layout of a large graph turned a quarter when the other flow fills the viewport
   * better: swapping x and y of a left-to-right layering is exactly the top-to-bottom one. Only
   * when the user did not choose the flow; the choice is then the graph's (and the URL's).
   */
  fitFlowToViewport(positions) {
    if (this.orientationChosen || this.settings.layout !== 'layered' || positions.size <= 200) return positions;
    let x1 = Infinity; let y1 = Infinity; let x2 = -Infinity; let y2 = -Infinity;
    for (const p of positions.values()) {
      x1 = Math.min(x1, p.x); x2 = Math.max(x2, p.x); y1 = Math.min(y1, p.y); y2 = Math.max(y2, p.y);
    }
    const canvas = this.querySelector('.graph-canvas');
    const view = Math.log((canvas?.clientWidth || window.innerWidth) / Math.max(1, canvas?.clientHeight || window.innerHeight));
    const shape = Math.log(Math.max(1, x2 - x1) / Math.max(1, y2 - y1));
    if (Math.abs(-shape - view) >= Math.abs(shape - view)) return positions;
    this.settings = { ...this.settings, orientation: this.settings.orientation === 'DOWN' ? 'RIGHT' : 'DOWN' };
    return new Map([...positions].map(([id, p]) => [id, { x: p.y, y: p.x }]));
  }

  stateOptions() {
    return { narrow: window.innerWidth < 600, layouts: Object.keys(LAYOUTS) };
  }

  /** The view state as one value (view-state.js), for the URL and for any other renderer. */
  viewState() {
    return {
      ...this.settings,
      aggregated: this.aggregated,
      pages: this.pages,
      datasetsOnly: this.datasetsOnly,
      view: this.viewMode,
      renderer: this.rendererChoice,
      filters: this.filters,
      search: this.searchText,
      selected: this.selected,
      path: this.model?.path && this.pathEnds ? this.pathEnds : null,
      impact: this.impactFrom,
      ops: this.ops,
    };
  }

  /** Writes the view state into the URL without navigating: reload and shared links restore it. */
  persist() {
    if (!this.focus || this.restoring) return;
    const params = toParams(this.viewState(), this.stateOptions());
    // "None" chosen on a graph that would open as an overview has to be said, or a reload groups it.
    if (this.groupingChosen && this.settings.grouping === 'none' && this.model?.nodes.size > OVERVIEW) params.group = 'none';
    const href = entityHref(this.focus, 'lineage', Object.keys(params).length ? params : undefined);
    this.loadedKey = JSON.stringify([this.focus, params]);
    if (location.hash !== href) history.replaceState(history.state, '', href);
  }

  /** After the first load: the hand-made expansions, then selection, path and impact, from the URL. */
  async restore(state) {
    for (const o of state.ops) {
      if (!this.model.node(o.guid)) continue;
      if (o.op === 'expand') await this.expand(o.guid, o.dir, { record: false });
      else await this.collapse(o.guid, o.dir, { record: false });
    }
    if (state.path && this.model.node(state.path.from)) await this.showPath(state.path.from, state.path.to);
    if (state.impact && this.model.node(state.impact)) await this.showImpact(state.impact);
    if (state.search) this.find(state.search);
    if (state.selected && this.model.node(state.selected)) this.select(state.selected);
  }

  // ---- loading -------------------------------------------------------------------------------

  async reload() {
    const { direction, depth, level } = this.settings;
    this.model = new GraphModel(this.focus);
    this.opened = null;
    this.overview = null;
    this.offers = new Map();
    this.impactFrom = null;
    this.pathEnds = null;
    this.noPath = null;
    this.hits = [];
    this.selected = null;
    this.pathStart = null;
    this.impactList = null;
    this.stats.readyAt = null;
    this.stats.loadedAt = null;
    this.stats.drawnAt = null;
    this.stats.refinedAt = null;
    this.stats.marks = {};
    await this.run('Loading lineage…', async () => {
      const lineage = await api.lineage(this.focus, { direction, depth, level });
      this.mark('fetched');
      if (!lineage.nodes.has(this.focus)) lineage.nodes.set(this.focus, await api.entity(this.focus));
      this.message = `Read ${lineage.nodes.size.toLocaleString('en')} nodes; arranging…`;
      this.model.merge(lineage, { walked: direction, depth, isFresh: (e) => this.isNew(e) });
      this.stats.loadedAt = performance.now();
      this.overview = this.chooseOverview();
      if (this.overview) {
        this.settings = { ...this.settings, grouping: this.overview.grouping };
        this.aggregated = new Set(this.overview.keys);
        this.mark('grouped');
      }
      if (level === 'COLUMN') {
        await this.openAllDatasets();
        // Columns the walk reached in datasets not opened above go inside theirs, never loose.
        await this.placeColumns([...this.model.nodes.keys()]);
      }
      this.message = this.overview
        ? `Laying out ${this.overview.keys.length} groups of ${this.model.nodes.size.toLocaleString('en')} nodes…`
        : `Laying out ${this.model.nodes.size.toLocaleString('en')} nodes…`;
      await this.redraw({ relayout: true, fit: true });
    });
    const state = this.restoring;
    if (state) {
      try {
        await this.restore(state);
      } finally {
        this.restoring = null;
      }
      this.persist();
    }
  }

  /**
   * For a graph too large to create node by node, the grouping to open it with: of namespace,
   * cluster and layer, the one with a readable number of groups whose largest group is smallest
   * (so that opening any one stays quick). Null when the graph is small or the URL chose.
   */
  chooseOverview() {
    if (this.groupingChosen || this.settings.level === 'COLUMN' || this.model.nodes.size <= OVERVIEW) return null;
    let best = null;
    for (const grouping of ['namespace', 'cluster', 'layer']) {
      const sizes = new Map();
      for (const k of this.model.groupKeys(grouping).values()) sizes.set(k, (sizes.get(k) || 0) + 1);
      if (sizes.size < OVERVIEW_GROUPS[0] || sizes.size > OVERVIEW_GROUPS[1]) continue;
      const largest = Math.max(...sizes.values());
      if (!best || largest < best.largest) best = { grouping, keys: [...sizes.keys()].sort(), largest };
    }
    return best;
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

  async expand(guid, dir, { record = true } = {}) {
    if (record) this.ops = withOp({ ops: this.ops }, { op: 'expand', dir, guid }).ops;
    const offer = this.offers.get(guid);
    if (offer) offer[dir] = 0;
    await this.run(`Expanding ${dir.toLowerCase()}…`, async () => {
      const lineage = await api.lineage(guid, { direction: dir, depth: 1, level: 'DATASET' });
      const added = this.model.merge(lineage, { walked: dir, depth: 1, isFresh: (e) => this.isNew(e) });
      this.model.node(guid).expanded[dir] = true;
      this.announce(`${added.nodes.length} node${added.nodes.length === 1 ? '' : 's'} added ${dir.toLowerCase()}`);
      await this.redraw({ relayout: added.nodes.length > 0 });
    });
    // The step is in the URL at once: the 3D view, a reload or a shared link replays it.
    if (record) this.persist();
  }

  async collapse(guid, dir, { record = true } = {}) {
    if (record) this.ops = withOp({ ops: this.ops }, { op: 'collapse', dir, guid }).ops;
    const removed = this.model.collapse(guid, dir);
    this.announce(`${removed.length} node${removed.length === 1 ? '' : 's'} hidden`);
    if (this.selected && !this.model.node(this.selected)) this.selected = null;
    await this.redraw({ relayout: removed.length > 0 });
    if (record) this.persist();
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
      const name = (g) => this.model.node(g)?.entity.name || g;
      if (!path || !path.guids.length) {
        this.pathEnds = null;
        this.model.setPath(null);
        this.noPath = `No path between ${name(from)} and ${name(to)}, in either direction.`;
        this.announce(this.noPath);
      } else {
        this.pathEnds = { from, to };
        this.noPath = null;
        this.model.setPath(path);
        this.announce(`Path of ${path.guids.length} entities highlighted${path.reversed ? ` (from ${name(to)} down to ${name(from)})` : ''}`);
      }
      await this.redraw({ relayout: true });
    });
    // run() clears the message on success: the answer stays on the status line.
    if (this.noPath) this.announce(this.noPath);
    this.persist();
  }

  async showImpact(guid) {
    await this.run('Computing impact…', async () => {
      const depth = Math.max(3, this.settings.depth);
      // Guids and distances only: the graph holds the entities it shows, and 5,000 entity views
      // were most of the answer's bytes and of the time to read it.
      const found = await api.impactGuids(guid, depth);
      // Only what is not drawn yet needs the lineage walk and a new layout; on a graph that
      // already shows the impact (the usual case) colouring it is all there is to do.
      const missing = found.some((e) => !this.model.node(e.guid));
      let added = 0;
      if (missing) {
        const lineage = await api.lineage(guid, { direction: DOWN, depth, level: 'DATASET' });
        added = this.model.merge(lineage, { walked: DOWN, depth, isFresh: (e) => this.isNew(e) }).nodes.length;
      }
      const entries = found.filter((e) => this.model.node(e.guid))
        .map((e) => ({ entity: this.model.node(e.guid).entity, distance: e.distance }));
      this.model.setImpact(entries);
      this.impactFrom = guid;
      this.impactList = entries;
      this.announce(`${entries.length} entities downstream`);
      await this.redraw({ relayout: added > 0 });
    });
    this.persist();
  }

  clearImpact() {
    this.model.setImpact(null);
    this.impactList = null;
    this.impactFrom = null;
    this.redraw({});
    this.persist();
  }

  // ---- live updates ---------------------------------------------------------------------------

  /** Whether an entity was created after this page opened: what "new" means here. */
  isNew(entity) {
    const t = entity?.createTime ? Date.parse(entity.createTime) || Number(entity.createTime) : NaN;
    return Number.isFinite(t) && t > this.openedAt;
  }

  onFeed(change) {
    if (!this.model) return;
    const inGraph = [change.subject, change.target].filter((r) => r && this.model.node(r.guid));
    if (change.kind === 'ENTITY_DELETED' && change.subject && this.model.node(change.subject.guid) && change.subject.guid !== this.focus) {
      // A deleted entity cannot stay drawn; everything else the user chose stays where it is.
      this.model.removeNodes([change.subject.guid]);
      this.redraw({ relayout: false });
      return;
    }
    if (!inGraph.length) return;
    inGraph.forEach((r) => this.pending.add(r.guid));
    clearTimeout(this.feedTimer);
    this.feedTimer = setTimeout(() => this.applyFeed(), 250);
  }

  /**
   * Live updates refresh what is shown (attributes, statistics, state colours) and never change the
   * graph's shape: neighbours that appeared are counted from the server's degrees and offered
   * ("3 new downstream — show"), not inserted.
   */
  async applyFeed() {
    const guids = [...this.pending].slice(0, 50);
    this.pending.clear();
    let offered = 0;
    await Promise.all(guids.map(async (guid) => {
      const node = this.model.node(guid);
      if (!node || node.entity.redacted) return;
      try {
        const lineage = await api.lineage(guid, { direction: 'BOTH', depth: 0, level: 'DATASET' });
        const entity = lineage.nodes.get(guid);
        if (entity && !entity.redacted) node.entity = entity;
        const degree = lineage.degrees.get(guid);
        if (degree && node.degree) {
          const offer = this.offers.get(guid) || { [UP]: 0, [DOWN]: 0 };
          for (const dir of [UP, DOWN]) {
            const grown = degree[dir] - node.degree[dir];
            if (grown > 0) {
              offer[dir] += grown;
              offered += grown;
            }
          }
          if (offer[UP] || offer[DOWN]) this.offers.set(guid, offer);
        }
        if (degree) node.degree = degree;
      } catch (e) {
        console.warn('live update failed for', guid, e);
      }
    }));
    if (offered) this.announce(`${offered} new neighbour${offered === 1 ? '' : 's'}: see “New lineage”`);
    await this.redraw({ relayout: false });
  }

  /** Shows the neighbours a live update offered. */
  async acceptOffer(guid, dir) {
    await this.expand(guid, dir);
  }

  markSeen() {
    this.model.clearFresh();
    this.redraw({});
  }

  // ---- search within the graph ------------------------------------------------------------------

  /** Highlights the nodes whose name matches (infix, then fuzzy) and selects the best match. */
  find(text) {
    this.searchText = text;
    // Only what is drawn: not jobs folded away, filtered nodes or members of a collapsed group.
    // Members of a super-node count: going to one opens its group.
    const keys = this.aggregated.size ? this.model.groupKeys(this.settings.grouping) : new Map();
    const folded = (g) => this.aggregated.has(keys.get(g)) && this.model.passes(g, this.filters);
    const drawn = (g) => !this.cy || folded(g) || this.paged.has(g) || (this.cy.getElementById(g).nonempty() && !this.cy.getElementById(g).hasClass('filtered'));
    const entries = this.model ? [...this.model.nodes].filter(([g, n]) => !n.entity.redacted && drawn(g)).map(([g, n]) => [g, n.entity.name]) : [];
    this.hits = text ? searchGraph(entries, text) : [];
    this.hitIndex = 0;
    if (this.cy) {
      this.cy.batch(() => {
        this.cy.nodes('.match').removeClass('match');
        for (const h of this.hits) this.cy.getElementById(h.guid).addClass('match');
      });
    }
    if (this.hits.length) this.goToHit(0);
    else if (text) this.announce(`No node matches “${text}”`);
    this.persist();
    this.requestUpdate();
  }

  goToHit(i) {
    if (!this.hits.length) return;
    this.hitIndex = (i + this.hits.length) % this.hits.length;
    const g = this.hits[this.hitIndex].guid;
    if (this.cy && this.cy.getElementById(g).empty() && this.model.node(g)) {
      const key = this.model.groupKeys(this.settings.grouping).get(g);
      if (this.aggregated.has(key)) {
        this.toggleAggregate(key).then(() => this.goToHit(this.hitIndex));
        return;
      }
      if (this.paged.has(g)) {
        // The page grows to the one holding the match.
        const at = this.pageOrder.get(key).indexOf(g);
        this.pages.set(key, Math.ceil((at + 1) / PAGE) * PAGE);
        this.persist();
        this.redraw({ relayout: true }).then(() => this.goToHit(this.hitIndex));
        return;
      }
    }
    this.select(g);
    const el = this.cy?.getElementById(g);
    if (el?.nonempty() && el.visible()) this.cy.animate({ center: { eles: el }, zoom: Math.max(this.cy.zoom(), 0.8) }, { duration: 200 });
    this.announce(`${this.hitIndex + 1} of ${this.hits.length} matching “${this.searchText}”: ${this.hits[this.hitIndex].name}`);
  }

  // ---- rendering ------------------------------------------------------------------------------

  /**
   * The members of opened groups beyond what their page shows (guid -> group key): a group of
   * more than PAGE top-level members shows the first ones, the focus always.
   */
  pagedMembers(keys, passes, hidden) {
    const byKey = new Map();
    for (const [guid, n] of this.model.nodes) {
      const key = keys.get(guid);
      if (n.parent || key === undefined || this.aggregated.has(key) || guid === this.model.focus
        || hidden.has(guid) || !passes.get(guid)) continue;
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push(guid);
    }
    const paged = new Map();
    this.pageOrder = new Map();
    const large = [...byKey].filter(([, guids]) => guids.length > PAGE + PAGE / 5);
    if (!large.length) return paged;
    const keyOf = new Map(large.flatMap(([key, guids]) => guids.map((g) => [g, key])));
    const next = new Map(); // guid -> what it feeds in its own group
    for (const e of this.model.edges.values()) {
      if (keyOf.has(e.from) && keyOf.get(e.from) === keyOf.get(e.to)) {
        if (!next.has(e.from)) next.set(e.from, []);
        next.get(e.from).push(e.to);
      }
    }
    const name = (g) => this.model.node(g).entity.name || '';
    const byName = (a, b) => name(a).localeCompare(name(b)) || a.localeCompare(b);
    for (const [key, guids] of large) {
      // By name, each member followed by what it feeds within the group: a job and the topic it
      // writes share a page.
      guids.sort(byName);
      const order = [];
      const placed = new Set();
      const place = (g) => {
        const todo = [g];
        while (todo.length) {
          const at = todo.pop();
          if (placed.has(at)) continue;
          placed.add(at);
          order.push(at);
          todo.push(...(next.get(at) || []).filter((n) => !placed.has(n)).sort(byName).reverse());
        }
      };
      guids.forEach(place);
      this.pageOrder.set(key, order);
      for (const g of order.slice(this.pages.get(key) ?? PAGE)) paged.set(g, key);
    }
    return paged;
  }

  /** Shows the next page of an opened group's members. */
  async showMore(key) {
    this.pages.set(key, (this.pages.get(key) ?? PAGE) + PAGE);
    this.opened = key;
    this.persist();
    await this.redraw({ relayout: true });
    this.showOpened();
  }

  /**
   * The model as Cytoscape elements: groups, nodes (datasets open to columns are compounds), edges.
   * Jobs fold into dataset-to-dataset edges in the datasets-only view; an aggregated group is one
   * super-node with its count, its edges merged.
   */
  elements() {
    const m = this.model;
    const els = [];
    const groups = new Map();
    const grouping = this.settings.grouping;
    const keys = m.groupKeys(grouping);
    const hasChildren = new Set([...m.nodes.values()].map((n) => n.parent).filter(Boolean));
    const more = m.moreLineage();
    const passes = new Map([...m.nodes.keys()].map((g) => [g, m.passes(g, this.filters)]));
    const projection = this.datasetsOnly ? m.datasetsOnly() : { hidden: new Set(), edges: [...m.edges.values()] };
    const superOf = new Map(); // guid -> super-node id, for members of aggregated groups
    const members = new Map(); // super-node id -> count
    const mark = (n) => (n > 0 ? String(n) : n < 0 ? '' : null);
    const hitSet = new Set(this.hits.map((h) => h.guid));
    const nearest = new Map(); // super-node id -> nearest impact distance of its members
    const matched = new Set(); // super-nodes with a search match inside
    this.paged = this.pagedMembers(keys, passes, projection.hidden);
    for (const [guid, n] of m.nodes) {
      if (projection.hidden.has(guid)) continue;
      const e = n.entity;
      const cat = typeCategory(e);
      let parent = n.parent && m.nodes.has(n.parent) ? n.parent : undefined;
      const key = keys.get(n.parent || guid);
      const folded = key !== undefined && this.aggregated.has(key) && guid !== m.focus && passes.get(guid);
      if (folded || this.paged.has(n.parent || guid)) {
        const id = folded ? `agg:${key}` : `more:${key}`;
        superOf.set(guid, id);
        if (!n.parent) members.set(id, (members.get(id) || 0) + 1);
        // A super-node shows the nearest impact and any search match among its members.
        const d = m.impact?.get(guid);
        if (d !== undefined) nearest.set(id, Math.min(nearest.get(id) ?? Infinity, d));
        if (hitSet.has(guid)) matched.add(id);
        continue;
      }
      if (!parent && key !== undefined) {
        parent = `group:${key}`;
        groups.set(parent, key);
      }
      const up = mark(more.get(guid)[UP]);
      const down = mark(more.get(guid)[DOWN]);
      const label = `${up !== null ? `◂${up} ` : ''}${e.name}${down !== null ? ` ${down}▸` : ''}`;
      const { w, h } = nodeSize({ name: label }, cat);
      const classes = [cat === 'column-process' ? 'process' : cat];
      if (e.typeName === 'edge_device' || e.typeName === 'edge_node') classes.push('device');
      if (guid === m.focus) classes.push('focus');
      if (n.fresh) classes.push('fresh');
      if (hasChildren.has(guid)) classes.push('open');
      if (m.path?.guids.has(guid)) classes.push('path');
      if (m.impact?.has(guid)) classes.push(`impact-${Math.min(IMPACT_COLORS.length - 1, m.impact.get(guid))}`);
      if (!passes.get(guid)) classes.push('filtered');
      if (hitSet.has(guid)) classes.push('match');
      els.push({ group: 'nodes', data: { id: guid, label, w, h, tw: w - 10, parent }, classes: classes.join(' ') });
    }
    // A dataset's rows share one width, like a table's.
    const rowWidth = new Map();
    for (const el of els) {
      if (el.data.parent && el.classes.split(' ').includes('column')) rowWidth.set(el.data.parent, Math.max(rowWidth.get(el.data.parent) || 0, el.data.w));
    }
    for (const el of els) {
      if (rowWidth.has(el.data.parent) && el.classes.split(' ').includes('column')) {
        el.data.w = rowWidth.get(el.data.parent);
        el.data.tw = el.data.w - 10;
      }
    }
    for (const [id, count] of members) {
      const more = id.startsWith('more:');
      const key = id.slice(more ? 5 : 4);
      const label = more ? `+${count.toLocaleString('en')} more` : `${groupLabel(key)} · ${count}`;
      const classes = [more ? 'more' : 'aggregate'];
      if (nearest.has(id)) classes.push(`impact-${Math.min(IMPACT_COLORS.length - 1, nearest.get(id))}`);
      if (matched.has(id)) classes.push('match');
      const parent = more ? `group:${key}` : undefined;
      if (more) groups.set(parent, key);
      const size = more ? { w: Math.max(96, 30 + label.length * 7), h: 34 } : { w: Math.min(320, 60 + label.length * 7), h: 48 };
      els.push({ group: 'nodes', data: { id, label, ...size, tw: 300, key, count, parent }, classes: classes.join(' ') });
    }
    for (const [id, key] of groups) {
      els.push({ group: 'nodes', data: { id, label: groupLabel(key), w: 10, h: 10, tw: 400, key }, classes: 'group' });
    }
    const merged = new Map();
    for (const e of projection.edges) {
      // A dataset's link to its own columns is drawn by nesting them, not as an edge.
      if (e.type === REL_COLUMNS || m.node(e.to)?.parent === e.from) continue;
      const from = superOf.get(e.from) || e.from;
      const to = superOf.get(e.to) || e.to;
      if (from === to) continue;
      const aggregate = from !== e.from || to !== e.to;
      const id = aggregate ? `${from}|${to}|agg` : e.id;
      if (merged.has(id)) {
        merged.get(id).data.count++;
        continue;
      }
      const classes = [];
      if (e.column) classes.push('column');
      if (e.fresh) classes.push('fresh');
      if (e.type === 'via_job') classes.push('via');
      if (m.path?.edges.has(e.id)) classes.push('path');
      if ((!aggregate || !superOf.has(e.from)) && !passes.get(e.from)) classes.push('filtered');
      else if ((!aggregate || !superOf.has(e.to)) && !passes.get(e.to)) classes.push('filtered');
      merged.set(id, { group: 'edges', data: { id, source: from, target: to, type: e.type, label: e.label || '', count: 1 }, classes: classes.join(' ') });
    }
    for (const el of merged.values()) els.push(el);
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
    // Progressive: a large graph is drawn at once in quick layers and refined when the server's
    // layout arrives, so it is interactive while ELK works.
    const progressive = relayout && large && this.settings.layout === 'layered';
    if (progressive) {
      layout = await this.layout(els, 'quick');
      this.mark('laidOut');
      this.refine = this.layout(els);
    } else if (relayout || !this.cy) {
      layout = await this.layout(els);
      this.mark('laidOut');
    }
    if (!this.cy) {
      this.createCy(container, els, layout, large);
      this.stats.drawnAt = performance.now();
      this.mark('created');
      if (progressive) this.refineLater();
    } else {
      this.animating++;
      try {
        await this.sync(els, layout, fit, { animate: !progressive });
      } finally {
        this.animating--;
      }
      if (progressive) this.refineLater();
    }
    this.markReady();
  }

  /** Moves the nodes to the server's layout once it arrives, keeping the user's viewport if moved. */
  refineLater() {
    const pending = this.refine;
    const revision = this.revision;
    this.refine = null;
    this.refining = true;
    pending.then(async (positions) => {
      // A newer redraw laid out a different graph: its own refinement will follow.
      if (!this.cy || this.revision !== revision) return;
      const moved = this.viewportMoved;
      this.animating++;
      try {
        await this.sync(this.elements(), positions, !moved && !this.opened, { animate: false });
        this.showOpened();
      } finally {
        this.animating--;
        this.refining = false;
        this.stats.refinedAt = performance.now();
        this.drawMinimap();
        this.requestUpdate();
      }
    }).catch((e) => {
      this.refining = false;
      console.warn('layout refinement failed', e);
    });
  }

  async layout(els, engine = this.settings.layout) {
    const nodes = els.filter((e) => e.group === 'nodes' && !e.classes.includes('filtered'));
    const compound = new Set(nodes.map((n) => n.data.parent).filter(Boolean));
    const ids = new Set(nodes.map((n) => n.data.id));
    // Columns are rows (ports) of their dataset, as in a table: the layout sees an open dataset as
    // one box tall enough for its rows and a column's edges as its dataset's, and the rows are
    // stacked inside the box afterwards, so column edges end at their row.
    const rows = new Map(); // dataset id -> its column elements, in order
    const rowOf = new Map(); // column id -> dataset id
    for (const n of nodes) {
      if (n.data.parent && ids.has(n.data.parent) && n.classes.split(' ').includes('column')) {
        if (!rows.has(n.data.parent)) rows.set(n.data.parent, []);
        rows.get(n.data.parent).push(n);
        rowOf.set(n.data.id, n.data.parent);
      }
    }
    const boxes = new Map([...rows].map(([d, cols]) => [d, {
      w: Math.max(...cols.map((c) => c.data.w)) + 2 * ROW_PAD,
      h: cols.length * ROW + 2 * ROW_PAD + ROW_HEADER,
    }]));
    const end = (id) => rowOf.get(id) || id;
    const graph = {
      focus: this.focus,
      nodes: nodes.filter((n) => !rowOf.has(n.data.id)).map((n) => ({
        id: n.data.id, w: boxes.get(n.data.id)?.w ?? n.data.w, h: boxes.get(n.data.id)?.h ?? n.data.h, label: n.data.label,
        parent: n.data.parent && ids.has(n.data.parent) ? n.data.parent : null,
        compound: compound.has(n.data.id) && !boxes.has(n.data.id),
      })),
      edges: els.filter((e) => e.group === 'edges' && ids.has(e.data.source) && ids.has(e.data.target)
        && end(e.data.source) !== end(e.data.target))
        .map((e) => ({ id: e.data.id, source: end(e.data.source), target: end(e.data.target) })),
    };
    const result = await computeLayout(engine, graph, { direction: this.settings.orientation });
    this.stats.layoutMs = result.millis;
    this.stats.layoutEngine = result.engine;
    this.stats.layouts++;
    const positions = this.compact(nodes, this.fitFlowToViewport(result.positions));
    for (const [d, cols] of rows) {
      const p = positions.get(d);
      if (!p) continue;
      const top = p.y - boxes.get(d).h / 2 + ROW_HEADER + ROW_PAD;
      cols.forEach((c, i) => positions.set(c.data.id, { x: p.x, y: top + i * ROW + ROW / 2 }));
    }
    return positions;
  }

  /**
   * Layered layouts put what has no edges between it in one rank: a chain of layer super-nodes in
   * one line, an opened layer's hundreds of members in one row, each too thin to read at fit. Such
   * runs are folded into reading order. In an overview (super-nodes, and groups opened from it)
   * every super-node and every opened group is one block, a large group's members in a grid, and
   * the blocks are packed in rows of the viewport's shape, back and forth so that neighbours stay
   * side by side. Otherwise a large group's members become a grid where their row was.
   */
  compact(nodes, positions) {
    const byId = new Map(nodes.map((n) => [n.data.id, n]));
    const blocks = new Map(); // outermost node -> the positioned nodes inside it (or itself)
    for (const n of nodes) {
      if (!positions.has(n.data.id)) continue;
      let outer = n;
      while (outer.data.parent && byId.has(outer.data.parent)) outer = byId.get(outer.data.parent);
      if (!blocks.has(outer.data.id)) blocks.set(outer.data.id, []);
      blocks.get(outer.data.id).push(n.data.id);
    }
    const isAggregate = (id) => byId.get(id).classes.split(' ').includes('aggregate');
    const ids = [...blocks.keys()];
    const overview = ids.length > 8 && ids.some(isAggregate) && ids.every((id) => isAggregate(id) || isGroupId(id));
    const gridded = (id) => isGroupId(id) && blocks.get(id).length > GRID_FROM
      && blocks.get(id).every((m) => byId.get(m).data.parent === id);
    if (overview) return this.packBlocks(blocks, byId, positions, gridded);
    const along = this.settings.orientation === 'DOWN' ? 'y' : 'x';
    for (const [id, members] of blocks) {
      if (!gridded(id)) continue;
      const mid = { x: 0, y: 0 };
      for (const m of members) {
        mid.x += positions.get(m).x / members.length;
        mid.y += positions.get(m).y / members.length;
      }
      const grid = this.grid(members, byId, positions);
      // What lies beyond the group moves out along the flow by the room the grid takes.
      const half = (along === 'x' ? grid.w : grid.h) / 2;
      const inGroup = new Set(members);
      for (const [other, p] of positions) {
        if (inGroup.has(other)) continue;
        if (p[along] > mid[along] + 1) p[along] += half;
        else if (p[along] < mid[along] - 1) p[along] -= half;
      }
      for (const [m, p] of grid.at) positions.set(m, { x: mid.x - grid.w / 2 + p.x, y: mid.y - grid.h / 2 + p.y });
    }
    return positions;
  }

  /** The viewport's width over its height. */
  viewAspect() {
    const canvas = this.querySelector('.graph-canvas');
    const w = canvas?.clientWidth || window.innerWidth;
    const h = canvas?.clientHeight || window.innerHeight;
    return Math.min(4, Math.max(0.25, w / Math.max(1, h)));
  }

  /**
   * A group's members in rows and columns of about the viewport's shape, in the order the layout
   * put them across the flow (so a job sits next to the topic it writes); positions from the top
   * left corner of a box {w, h}.
   */
  grid(members, byId, positions) {
    const along = this.settings.orientation === 'DOWN' ? 'y' : 'x';
    const across = along === 'x' ? 'y' : 'x';
    const last = (m) => (m.startsWith('more:') ? 1 : 0);
    const order = [...members].sort((a, b) => last(a) - last(b) || positions.get(a)[across] - positions.get(b)[across]
      || positions.get(a)[along] - positions.get(b)[along]);
    const cellW = Math.max(...members.map((m) => byId.get(m).data.w)) + GRID_GAP.x;
    const cellH = Math.max(...members.map((m) => byId.get(m).data.h)) + GRID_GAP.y;
    const cols = Math.max(1, Math.min(order.length, Math.round(Math.sqrt((order.length * cellH * this.viewAspect()) / cellW))));
    const rows = Math.ceil(order.length / cols);
    const at = new Map(order.map((m, i) => [m, { x: (i % cols) * cellW + cellW / 2, y: Math.floor(i / cols) * cellH + cellH / 2 }]));
    return { at, w: cols * cellW, h: rows * cellH };
  }

  /**
   * Packs the overview's blocks (super-nodes, opened groups) in rows about as wide as the
   * viewport's shape asks, in the layout's order, every other row right to left. Blocks never
   * overlap: each row is as tall as its tallest block and a group keeps room for its frame.
   */
  packBlocks(blocks, byId, positions, gridded) {
    const along = this.settings.orientation === 'DOWN' ? 'y' : 'x';
    const across = along === 'x' ? 'y' : 'x';
    const items = [];
    for (const [id, members] of blocks) {
      let box;
      if (gridded(id)) {
        box = this.grid(members, byId, positions);
      } else {
        // As laid out, moved as one: a small group keeps its own flow.
        let x1 = Infinity; let y1 = Infinity; let x2 = -Infinity; let y2 = -Infinity;
        for (const m of members) {
          const p = positions.get(m);
          const d = byId.get(m).data;
          x1 = Math.min(x1, p.x - d.w / 2); x2 = Math.max(x2, p.x + d.w / 2);
          y1 = Math.min(y1, p.y - d.h / 2); y2 = Math.max(y2, p.y + d.h / 2);
        }
        box = { at: new Map(members.map((m) => [m, { x: positions.get(m).x - x1, y: positions.get(m).y - y1 }])), w: x2 - x1, h: y2 - y1 };
      }
      const frame = isGroupId(id) ? GROUP_FRAME : { x: 0, top: 0, bottom: 0 };
      const c = { x: 0, y: 0 };
      for (const m of members) {
        c.x += positions.get(m).x / members.length;
        c.y += positions.get(m).y / members.length;
      }
      items.push({ ...box, frame, c, w: box.w + 2 * frame.x, h: box.h + frame.top + frame.bottom });
    }
    items.sort((a, b) => a.c[along] - b.c[along] || a.c[across] - b.c[across]);
    const gap = { x: 60, y: 70 };
    const area = items.reduce((sum, it) => sum + (it.w + gap.x) * (it.h + gap.y), 0);
    const width = Math.max(...items.map((it) => it.w), Math.sqrt(area * this.viewAspect()));
    const rows = [];
    let row = [];
    let used = 0;
    for (const it of items) {
      if (row.length && used + it.w > width) {
        rows.push(row);
        row = [];
        used = 0;
      }
      row.push(it);
      used += it.w + gap.x;
    }
    if (row.length) rows.push(row);
    let top = 0;
    rows.forEach((r, i) => {
      const height = Math.max(...r.map((it) => it.h));
      let x = i % 2 === 0 ? 0 : width;
      for (const it of r) {
        const left = i % 2 === 0 ? x : x - it.w;
        const y0 = top + (height - it.h) / 2 + it.frame.top;
        for (const [m, p] of it.at) positions.set(m, { x: left + it.frame.x + p.x, y: y0 + p.y });
        x = i % 2 === 0 ? x + it.w + gap.x : x - it.w - gap.x;
      }
      top += height + gap.y;
    });
    return positions;
  }

  createCy(container, els, positions, large) {
    const webgl = this.rendererChoice === 'webgl'
      || (this.rendererChoice === 'auto' && els.length > WEBGL && hasHardwareWebGl());
    for (const el of els) {
      const p = positions?.get(el.data.id);
      if (p) el.position = { x: p.x, y: p.y };
    }
    this.cy = cytoscape({
      container,
      elements: els,
      style: graphStyle(large),
      layout: { name: 'preset', fit: true, padding: 30 },
      // Low enough that fit never clamps on 20,000 nodes; fit itself uses the viewport's shape.
      minZoom: 0.002,
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
      ...(webgl ? { webgl: true, webglTexSize: 4096, webglTexRows: 36, webglBatchSize: 4096, webglBgColor: rgbOf(themeColors().background) } : {}),
    });
    this.renderer = webgl ? 'webgl' : 'canvas';
    this.capZoom();
    this.styledLarge = large;
    this.viewportMoved = false;
    this.cy.on('viewport', () => {
      if (!this.animating) this.viewportMoved = true;
      this.scheduleMinimap();
    });
    this.zoomSeen = this.cy.zoom();
    this.cy.on('zoom', () => {
      // Only zooming in opens a group: a fit or zooming out never does.
      const zoomedIn = this.cy.zoom() > this.zoomSeen;
      this.zoomSeen = this.cy.zoom();
      if (this.animating || !zoomedIn) return;
      clearTimeout(this.zoomTimer);
      this.zoomTimer = setTimeout(() => this.zoomedInto(), 250);
    });
    this.cy.on('tap', 'node', (evt) => {
      const n = evt.target;
      if (n.hasClass('aggregate')) {
        this.toggleAggregate(n.data('key'));
        return;
      }
      if (n.hasClass('more')) {
        this.showMore(n.data('key'));
        return;
      }
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

  sync(els, positions, fit, { animate: allowAnimation = true } = {}) {
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
          if (el.data('label') !== e.data.label || el.data('count') !== e.data.count) el.data(e.data);
          if (el.classes().join(' ') !== e.classes) el.classes(e.classes);
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
    const large = els.length > LARGE;
    if (large !== this.styledLarge) {
      this.styledLarge = large;
      cy.style(graphStyle(large));
    }
    if (positions) {
      const animate = allowAnimation && positions.size < 300;
      const layout = cy.layout({
        name: 'preset',
        positions: (n) => positions.get(n.id()) || n.position(),
        fit: fit !== false && (fit || !this.viewportMoved),
        padding: 30,
        animate,
        animationDuration: 300,
      });
      // A layout whose nodes a newer redraw removed never reports its end: do not wait forever.
      const stopped = Promise.race([
        layout.promiseOn('layoutstop'),
        new Promise((resolve) => { setTimeout(resolve, animate ? 1500 : 500); }),
      ]).then(() => this.capZoom());
      layout.run();
      return stopped;
    } else if (fit) {
      cy.fit(undefined, 30);
      this.capZoom();
    }
    return Promise.resolve();
  }

  /** A fit never blows a few nodes up beyond a readable size. */
  capZoom() {
    const cy = this.cy;
    if (cy && cy.zoom() > 1.5) {
      this.animating++;
      cy.zoom({ level: 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      cy.center(cy.elements(':visible'));
      this.animating--;
    }
  }

  /** Milliseconds since navigation at each step of the first load, for benchmarks. */
  mark(step) {
    if (this.stats.readyAt === null) this.stats.marks[step] = Math.round(performance.now());
  }

  markReady() {
    this.drawMinimap();
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
    this.persist();
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
      0: () => {
        this.cy.fit(undefined, 30);
        this.capZoom();
      },
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
    this.pathEnds = null;
    this.noPath = null;
    this.redraw({});
    this.persist();
  }

  // ---- settings -------------------------------------------------------------------------------

  change(key, value) {
    this.settings = { ...this.settings, [key]: value };
    if (['direction', 'depth', 'level'].includes(key)) {
      this.ops = [];
      this.reload().then(() => this.persist());
    } else {
      // Job internals are grouped to be folded: each job's tasks open as one node.
      if (key === 'grouping') this.groupingChosen = true;
      if (key === 'grouping') this.aggregated = value === 'job' ? new Set(this.model.groupKeys('job').values()) : new Set();
      this.redraw({ relayout: true, fit: true });
    }
    this.persist();
  }

  toggleFilter(facet, value, on) {
    if (on) this.filters[facet].add(value);
    else this.filters[facet].delete(value);
    this.redraw({ relayout: true });
    this.persist();
  }

  setDatasetsOnly(on) {
    this.datasetsOnly = on;
    this.redraw({ relayout: true, fit: true });
    this.persist();
  }

  /** Collapses a group into one super-node with its count, or expands it again. */
  async toggleAggregate(key) {
    const opening = this.aggregated.has(key);
    if (opening) this.aggregated.delete(key);
    else this.aggregated.add(key);
    this.pages.delete(key);
    this.aggregated = new Set(this.aggregated);
    // An opened group is where the user looks: the view follows it through the new layout.
    this.opened = opening ? key : null;
    this.persist();
    await this.redraw({ relayout: true });
    this.showOpened();
  }

  /** Frames the group opened last, if any, after a layout moved it. */
  showOpened() {
    const box = this.opened !== null && this.opened !== undefined && this.cy?.getElementById(`group:${this.opened}`);
    if (!box || box.empty()) return;
    this.animating++;
    this.cy.fit(box, 30);
    this.capZoom();
    if (this.cy.zoom() < READABLE_ZOOM) {
      // Too many to read at once: the group's first rows at a size whose labels are drawn.
      const b = box.boundingBox();
      this.cy.zoom(READABLE_ZOOM);
      this.cy.pan({ x: 30 - b.x1 * READABLE_ZOOM, y: 30 - b.y1 * READABLE_ZOOM });
    }
    this.animating--;
  }

  /**
   * Semantic zoom: zooming in until one super-node fills most of the view opens it, so members
   * appear as the user goes closer rather than all at once.
   */
  zoomedInto() {
    if (!this.cy || this.animating || this.busy) return;
    const w = this.cy.width();
    const h = this.cy.height();
    const hit = this.cy.nodes('.aggregate').filter((n) => {
      const b = n.renderedBoundingBox();
      return b.x1 < w / 2 && b.x2 > w / 2 && b.y1 < h / 2 && b.y2 > h / 2 && b.w > w * 0.4;
    });
    if (hit.nonempty()) this.toggleAggregate(hit[0].data('key'));
  }

  /** Every group collapsed to its super-node, or every one open. */
  aggregateAll(on) {
    const keys = new Set(this.model.groupKeys(this.settings.grouping).values());
    this.aggregated = on ? keys : new Set();
    this.pages = new Map();
    this.opened = null;
    this.redraw({ relayout: true, fit: true });
    this.persist();
  }

  // ---- minimap --------------------------------------------------------------------------------

  scheduleMinimap() {
    if (this.minimapFrame) return;
    this.minimapFrame = requestAnimationFrame(() => {
      this.minimapFrame = null;
      this.drawMinimap(true);
    });
  }

  /**
   * The whole graph in miniature with the viewport as a frame. Node dots are drawn into a cached
   * bitmap after each layout; moving the viewport only redraws the frame.
   */
  drawMinimap(frameOnly = false) {
    const canvas = this.querySelector('canvas.minimap');
    if (!canvas || !this.cy) return;
    const w = canvas.width;
    const h = canvas.height;
    const ctx = canvas.getContext('2d');
    if (!frameOnly || !this.minimapDots) {
      const nodes = this.cy.nodes().filter((n) => !n.isParent() && n.visible());
      const bb = nodes.length ? nodes.boundingBox() : { x1: 0, y1: 0, w: 1, h: 1 };
      const scale = Math.min(w / Math.max(1, bb.w), h / Math.max(1, bb.h));
      this.minimapBox = { bb, scale, ox: (w - bb.w * scale) / 2, oy: (h - bb.h * scale) / 2 };
      const dots = document.createElement('canvas');
      dots.width = w;
      dots.height = h;
      const d = dots.getContext('2d');
      d.fillStyle = themeColors().muted;
      nodes.forEach((n) => {
        const p = n.position();
        d.fillRect(this.minimapBox.ox + (p.x - bb.x1) * scale - 1, this.minimapBox.oy + (p.y - bb.y1) * scale - 1, 2, 2);
      });
      this.minimapDots = dots;
      // Read once per drawing of the dots: reading the theme's colours forces a style computation,
      // which moving the viewport should not pay on every frame.
      this.minimapAccent = themeColors().accent;
    }
    ctx.clearRect(0, 0, w, h);
    ctx.drawImage(this.minimapDots, 0, 0);
    const { bb, scale, ox, oy } = this.minimapBox;
    const ext = this.cy.extent();
    ctx.strokeStyle = this.minimapAccent;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(ox + (ext.x1 - bb.x1) * scale, oy + (ext.y1 - bb.y1) * scale, ext.w * scale, ext.h * scale);
  }

  /** A click on the minimap centres the view there. */
  onMinimap(e) {
    if (!this.cy || !this.minimapBox) return;
    const r = e.currentTarget.getBoundingClientRect();
    const { bb, scale, ox, oy } = this.minimapBox;
    const x = bb.x1 + (e.clientX - r.left - ox) / scale;
    const y = bb.y1 + (e.clientY - r.top - oy) / scale;
    const z = this.cy.zoom();
    this.cy.pan({ x: this.cy.width() / 2 - x * z, y: this.cy.height() / 2 - y * z });
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
        blob = await this.png();
        if (!blob) {
          // Too large for the browser to draw into one image: the server draws the same graph.
          const url = api.exportUrl(this.focus, 'png', { direction: this.settings.direction, depth: this.settings.depth, level: this.settings.level });
          this.announce('The graph is too large for a PNG drawn in the browser: downloading the server\'s PNG instead');
          const a = document.createElement('a');
          a.href = url;
          a.download = `${base}.png`;
          document.body.appendChild(a);
          a.click();
          a.remove();
          this.exportFallback = url;
          return;
        }
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

  /**
   * The graph as a PNG drawn by the browser, scaled to fit a canvas every browser can allocate
   * (8,192 px a side, 32 megapixels); null when even that fails or would be unreadable.
   */
  async png() {
    const bb = this.cy.elements(':visible').boundingBox();
    const scale = Math.min(2, 8192 / Math.max(1, bb.w), 8192 / Math.max(1, bb.h), Math.sqrt(32e6 / Math.max(1, bb.w * bb.h)));
    if (scale < 0.1) return null;
    try {
      const blob = await this.cy.png({ output: 'blob-promise', full: true, scale, bg: themeColors().background });
      return blob && blob.size > 0 ? blob : null;
    } catch (e) {
      console.warn('PNG in the browser failed', e);
      return null;
    }
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
      renderer: this.renderer ?? null,
      refining: Boolean(this.refining),
      refinedAt: this.stats.refinedAt ?? null,
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
        label: cyNode(guid)?.nonempty() ? cyNode(guid).data('label') : null,
        degree: n.degree ?? null,
      })),
      edges: [...m.edges.values()].map((e) => ({ from: e.from, to: e.to, type: e.type, column: e.column, fresh: e.fresh })),
      openDatasets: [...m.openDatasets],
      path: m.path ? { guids: [...m.path.guids], edges: [...m.path.edges] } : null,
      impact: m.impact ? Object.fromEntries(m.impact) : null,
      selected: this.selected,
      pathStart: this.pathStart,
      offers: Object.fromEntries(this.offers),
      visibleCount: this.visibleCounts(),
      hits: this.hits.map((h) => h.guid),
      aggregated: [...this.aggregated],
      datasetsOnly: this.datasetsOnly,
      renderer: this.renderer ?? null,
      exportFallback: this.exportFallback ?? null,
      rendered: this.cy ? { nodes: this.cy.nodes().length, edges: this.cy.edges().length, zoom: this.cy.zoom() } : null,
      layout: { engine: this.stats.layoutEngine, millis: this.stats.layoutMs, count: this.stats.layouts },
      loadedAt: this.stats.loadedAt,
      readyAt: this.stats.readyAt,
    };
  }

  /** What the status line counts: nodes and edges drawn and not filtered away, super-nodes' members included. */
  visibleCounts() {
    if (!this.cy) return { nodes: 0, edges: 0, hidden: 0 };
    let nodes = 0;
    this.cy.nodes().forEach((n) => {
      if (n.hasClass('group') || n.hasClass('filtered') || n.hasClass('open') || n.hasClass('more')) return;
      nodes += n.hasClass('aggregate') ? 0 : 1;
    });
    const edges = this.cy.edges().filter((e) => !e.hasClass('filtered') && e.source().visible() && e.target().visible()).length;
    const aggregated = this.cy.nodes('.aggregate').length;
    return { nodes, edges, aggregated, total: this.model?.nodes.size ?? 0 };
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
    const shown = this.visibleCounts();
    const narrow = window.innerWidth < 700;
    const groupKeys = m && s.grouping !== 'none' ? [...new Set(m.groupKeys(s.grouping).values())].sort() : [];
    const offers = [...this.offers].filter(([g, o]) => m?.node(g) && (o[UP] || o[DOWN]));
    return html`
      <details class="controls" ?open=${!narrow}>
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
              <option value="layer" ?selected=${s.grouping === 'layer'}>Layer</option>
              <option value="job" ?selected=${s.grouping === 'job'}>Job internals</option>
            </select>
            <label><input id="lg-datasets-only" type="checkbox" .checked=${this.datasetsOnly}
              @change=${(e) => this.setDatasetsOnly(e.target.checked)}> Datasets only</label>
          </span>
          <span class="group" role="search">
            <label for="lg-find">Find in graph</label>
            <input id="lg-find" type="search" placeholder="name, any part" .value=${this.searchText} style="width:10em"
              @input=${(e) => this.find(e.target.value)}
              @keydown=${(e) => { if (e.key === 'Enter') { e.preventDefault(); this.goToHit(this.hitIndex + (e.shiftKey ? -1 : 1)); } }}>
            <span class="hint" aria-live="polite">${this.searchText ? `${this.hits.length} match${this.hits.length === 1 ? '' : 'es'}` : ''}</span>
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
          <canvas class="minimap" width="160" height="100" aria-label="Minimap: click to move the view there"
            @click=${(e) => this.onMinimap(e)}></canvas>
          ${offers.length ? html`<div class="graph-offers" data-testid="offers" role="status">
            ${offers.slice(0, 3).map(([g, o]) => [UP, DOWN].filter((d) => o[d]).map((d) => html`
              <button class="offer" data-guid=${g} data-dir=${d} @click=${() => this.acceptOffer(g, d)}>
                ${o[d]} new ${d === UP ? 'upstream' : 'downstream'} of ${m.node(g).entity.name} — show</button>`))}
          </div>` : nothing}
          <div class="graph-zoom">
            <button aria-label="Zoom in" @click=${() => this.cy?.zoom({ level: this.cy.zoom() * 1.25, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } })}>+</button>
            <button aria-label="Zoom out" @click=${() => this.cy?.zoom({ level: this.cy.zoom() * 0.8, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } })}>−</button>
            <button aria-label="Fit graph to screen" @click=${() => { this.cy?.fit(undefined, 30); this.capZoom(); }}>⤢</button>
          </div>
          <div class="graph-status" id="lg-status" role="status" aria-live="polite">${this.busy ? this.message
            : `${shown.nodes} node${shown.nodes === 1 ? '' : 's'}${shown.aggregated ? ` + ${shown.aggregated} group${shown.aggregated === 1 ? '' : 's'}` : ''} · ${shown.edges} edges shown${shown.nodes < count && !shown.aggregated ? ` of ${count}` : ''}${this.refining ? ' · refining layout…' : ''}${this.message ? ` · ${this.message}` : ''}`}</div>
        </div>
        <aside class="side-panel" aria-label="Graph details">
          ${sel ? this.renderSelection(sel) : html`<section class="card"><p class="empty">Select a node (click, tap, or arrow keys on the graph) to expand it, open its columns, trace a path or see its impact.</p></section>`}
          ${this.renderPathAndImpact()}
          ${groupKeys.length ? html`<section class="card" aria-labelledby="groups-title">
            <h2 id="groups-title">Groups</h2>
            <p><button id="lg-aggregate-all" @click=${() => this.aggregateAll(true)}>Collapse all</button>
              <button @click=${() => this.aggregateAll(false)}>Expand all</button></p>
            <ul class="group-list">${groupKeys.slice(0, 50).map((k) => html`<li>
              <button class="link" data-group=${k} aria-pressed=${this.aggregated.has(k) ? 'true' : 'false'}
                @click=${() => this.toggleAggregate(k)}>${this.aggregated.has(k) ? '▸' : '▾'} ${groupLabel(k)}</button></li>`)}</ul>
          </section>` : nothing}
          ${this.renderFilters(facets)}
          <section class="card">
            <h2>Legend</h2>
            <div class="legend">
              <span><i style="background:var(--node-dataset);border-color:var(--node-dataset-border)"></i>Dataset</span>
              <span><i style="background:var(--node-process);border-color:var(--node-process-border)"></i>Job</span>
              <span><i style="background:var(--node-column);border-color:var(--node-column-border)"></i>Column</span>
              <span><i style="border-color:var(--new)"></i>New</span>
              <span><i style="border-color:var(--highlight)"></i>Path</span>
              <span>◂2 3▸ more upstream / downstream, with counts</span>
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
      ${this.pathStart || m.path || this.noPath ? html`<section class="card" aria-labelledby="path-title">
        <h2 id="path-title">Path</h2>
        ${this.pathStart ? html`<p>From <b>${name(this.pathStart)}</b>: select the end and choose “Path to here”.</p>` : ''}
        ${m.path ? html`<ol data-testid="path">${[...m.path.guids].map((g) => html`<li>${name(g)}</li>`)}</ol>` : ''}
        ${this.noPath ? html`<p class="no-path" data-testid="no-path">${this.noPath}</p>` : ''}
        <button @click=${() => this.clearPath()}>Clear path</button>
      </section>` : nothing}
      ${this.impactList ? html`<section class="card" aria-labelledby="impact-title">
        <h2 id="impact-title">Impact of ${name(this.impactFrom)}</h2>
        <ul class="impact-list" data-testid="impact">
          ${[...byDistance].sort((a, b) => a[0] - b[0]).map(([d, list]) => html`<li>
            <b style="color:${IMPACT_COLORS[Math.min(IMPACT_COLORS.length - 1, d)]}">${d} hop${d === 1 ? '' : 's'}</b>:
            ${list.slice(0, IMPACT_LISTED).map((e, i) => html`${i ? ', ' : ''}<a href=${entityHref(e.guid)}>${e.name}</a>`)}${list.length > IMPACT_LISTED ? html` and ${(list.length - IMPACT_LISTED).toLocaleString('en')} more` : ''}</li>`)}
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

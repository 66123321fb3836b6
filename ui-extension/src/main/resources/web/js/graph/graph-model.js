// The lineage graph the user is exploring: which entities and edges are shown, what is expanded,
// opened to columns, highlighted or new. Pure data: the view renders it, nothing here touches the DOM.

import { typeCategory } from '../format.js';

export const UP = 'UPSTREAM';
export const DOWN = 'DOWNSTREAM';
const COLUMN_PROCESS = 'column-process';

export function namespaceOf(entity) {
  const a = entity.attributes || {};
  if (a.namespace) return String(a.namespace);
  const qn = entity.qualifiedName || '';
  const url = qn.match(/^([a-z][a-z0-9+.-]*:\/\/[^/#]+)/i);
  if (url) return url[1];
  if (qn.includes('@')) return qn.slice(qn.lastIndexOf('@') + 1).split('#')[0];
  return entity.tenant || 'default';
}

export function clusterOf(entity) {
  const a = entity.attributes || {};
  const c = a.cluster || a.clusterName;
  if (c) return String(c);
  const ns = namespaceOf(entity);
  const host = ns.match(/:\/\/([^/:]+)/);
  return host ? host[1] : ns;
}

/**
 * The job a job belongs to, for folding a job's internals (its tasks or sub-jobs) into one node:
 * the parent job the catalog recorded, else OpenLineage's naming of tasks as `parent.task`
 * (Airflow's `dag.task`, Spark's `app.execute_…`, dbt's `project.model`). Null for a job of its own.
 */
export function parentJobOf(entity) {
  const a = entity.attributes || {};
  if (a.parentJob) return String(a.parentJob);
  const name = String(entity.name || '');
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return null;
  return `${a.namespace ? `${a.namespace}/` : ''}${name.slice(0, dot)}`;
}

export function ownersOf(entity) {
  const a = entity.attributes || {};
  return [].concat(a.owners || a.owner || []).map(String).filter(Boolean);
}

export class GraphModel {
  constructor(focus) {
    this.focus = focus;
    this.nodes = new Map(); // guid -> {entity, distance, expanded: {UPSTREAM, DOWNSTREAM}, fresh, parent}
    this.edges = new Map(); // id -> {id, from, to, type, fresh, column}
    this.openDatasets = new Set();
    this.path = null; // {guids: Set, edges: Set}
    this.impact = null; // Map guid -> distance
  }

  static edgeId(from, to, type) {
    return `${from}|${to}|${type}`;
  }

  node(guid) {
    return this.nodes.get(guid);
  }

  /**
   * Adds what a lineage answer holds. Column-lineage processes are folded into direct column to
   * column edges, which is how people read column lineage.
   */
  merge(lineage, { fresh = false, walked = null, depth = 0, isFresh = null } = {}) {
    const added = { nodes: [], edges: [] };
    const folded = new Set();
    for (const [guid, entity] of lineage.nodes) {
      if (typeCategory(entity) === COLUMN_PROCESS) {
        folded.add(guid);
        continue;
      }
      const existing = this.nodes.get(guid);
      const degree = lineage.degrees?.get(guid);
      if (existing) {
        if (!entity.redacted) existing.entity = entity;
        if (degree) existing.degree = degree;
        if (existing.distance === undefined && lineage.distances.has(guid)) existing.distance = lineage.distances.get(guid);
        continue;
      }
      this.nodes.set(guid, {
        entity,
        distance: lineage.distances.get(guid),
        expanded: { [UP]: false, [DOWN]: false },
        fresh: isFresh ? isFresh(entity) : fresh,
        parent: null,
        degree: degree || null,
      });
      added.nodes.push(guid);
    }
    const edges = [];
    for (const e of lineage.edges) {
      if (folded.has(e.from) || folded.has(e.to)) continue;
      edges.push({ ...e, column: false });
    }
    for (const p of folded) {
      const label = lineage.nodes.get(p)?.name;
      const ins = lineage.edges.filter((e) => e.to === p).map((e) => e.from);
      const outs = lineage.edges.filter((e) => e.from === p).map((e) => e.to);
      for (const i of ins) for (const o of outs) edges.push({ from: i, to: o, type: 'column_lineage', label, column: true });
    }
    for (const e of edges) {
      if (!this.nodes.has(e.from) || !this.nodes.has(e.to)) continue;
      const id = GraphModel.edgeId(e.from, e.to, e.type);
      if (this.edges.has(id)) continue;
      this.edges.set(id, { id, from: e.from, to: e.to, type: e.type, label: e.label, column: e.column, fresh });
      added.edges.push(id);
    }
    if (walked) this.markWalked(lineage.start, walked, depth);
    return added;
  }

  /** After a walk of {@code depth} hops from {@code start}, nodes short of the frontier are expanded. */
  markWalked(start, direction, depth) {
    const dirs = direction === 'BOTH' ? [UP, DOWN] : [direction];
    for (const dir of dirs) {
      const hops = this.reach(start, dir);
      for (const [guid, h] of hops) {
        const n = this.nodes.get(guid);
        // The server counts depth in process hops: dataset → process → dataset is one hop, two edges.
        if (n && h < 2 * depth) n.expanded[dir] = true;
        if (n && guid === start && depth > 0) n.expanded[dir] = true;
      }
    }
  }

  /**
   * How much lineage lies beyond the graph, per node and direction: the server's count of visible
   * neighbours that way less those shown. Without counts from the server (the Atlas backend), a
   * node not expanded that way and with no edge shown that way may have more, count unknown (-1).
   * Columns have no marks: their lineage is followed on request. Shown neighbours are counted once
   * for all nodes, as asking per node would cost nodes × edges on every render.
   */
  moreLineage() {
    const shownIn = new Map();
    const shownOut = new Map();
    const add = (m, k, v) => {
      if (!m.has(k)) m.set(k, new Set());
      m.get(k).add(v);
    };
    for (const e of this.edges.values()) {
      if (e.column) continue;
      add(shownOut, e.from, e.to);
      add(shownIn, e.to, e.from);
    }
    const more = new Map();
    for (const [guid, n] of this.nodes) {
      if (typeCategory(n.entity) === 'column' || n.entity.redacted) {
        more.set(guid, { [UP]: 0, [DOWN]: 0 });
        continue;
      }
      const beyond = (dir, shown) => {
        const count = shown.get(guid)?.size || 0;
        if (n.degree) return Math.max(0, n.degree[dir] - count);
        return !n.expanded[dir] && !count ? -1 : 0;
      };
      more.set(guid, { [UP]: beyond(UP, shownIn), [DOWN]: beyond(DOWN, shownOut) });
    }
    return more;
  }

  neighbours(guid, dir) {
    const out = [];
    for (const e of this.edges.values()) {
      if (e.column) continue;
      if (dir === DOWN && e.from === guid) out.push(e.to);
      if (dir === UP && e.to === guid) out.push(e.from);
    }
    return out;
  }

  /** Directed reach from {@code start} with edge counts, {@code start} at 0. */
  reach(start, dir) {
    const hops = new Map([[start, 0]]);
    const queue = [start];
    const adj = this.adjacency(dir);
    for (let head = 0; head < queue.length; head++) {
      const g = queue[head];
      for (const n of adj.get(g) || []) {
        if (!hops.has(n)) {
          hops.set(n, hops.get(g) + 1);
          queue.push(n);
        }
      }
    }
    return hops;
  }

  adjacency(dir) {
    const adj = new Map();
    for (const e of this.edges.values()) {
      const [a, b] = dir === DOWN ? [e.from, e.to] : dir === UP ? [e.to, e.from] : [e.from, e.to];
      if (!adj.has(a)) adj.set(a, []);
      adj.get(a).push(b);
      if (!dir) {
        if (!adj.has(b)) adj.set(b, []);
        adj.get(b).push(a);
      }
    }
    return adj;
  }

  /** Undirected reach from the focus, optionally as if {@code without} were gone. */
  connected(without = null) {
    const seen = new Set();
    if (this.focus === without || !this.nodes.has(this.focus)) return seen;
    const adj = this.adjacency(null);
    for (const [g, n] of this.nodes) if (n.parent && adj.has(n.parent)) {
      // A column belongs with its dataset even without edges of its own.
      adj.get(n.parent).push(g);
      if (!adj.has(g)) adj.set(g, []);
      adj.get(g).push(n.parent);
    }
    const queue = [this.focus];
    seen.add(this.focus);
    for (let head = 0; head < queue.length; head++) {
      const g = queue[head];
      for (const n of adj.get(g) || []) {
        if (n !== without && !seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
    return seen;
  }

  /**
   * Hides what lies beyond {@code guid} in one direction and is not reached from the focus any other
   * way. Returns the guids removed.
   */
  collapse(guid, dir) {
    const beyond = this.reach(guid, dir);
    beyond.delete(guid);
    const stays = this.connected(guid);
    const removed = [];
    for (const g of beyond.keys()) {
      if (g !== this.focus && !stays.has(g)) removed.push(g);
    }
    this.removeNodes(removed);
    const n = this.nodes.get(guid);
    if (n) n.expanded[dir] = false;
    // Whatever the removal cut off from the focus goes too.
    const reachable = this.connected();
    const orphans = [...this.nodes.keys()].filter((g) => !reachable.has(g) && g !== guid);
    this.removeNodes(orphans);
    return [...removed, ...orphans];
  }

  removeNodes(guids) {
    const gone = new Set(guids);
    for (const [g, n] of this.nodes) if (n.parent && gone.has(n.parent)) gone.add(g);
    for (const g of gone) {
      this.nodes.delete(g);
      this.openDatasets.delete(g);
    }
    for (const [id, e] of this.edges) if (gone.has(e.from) || gone.has(e.to)) this.edges.delete(id);
  }

  /** Shows a dataset's columns inside it. */
  openDataset(guid, columns, { fresh = false } = {}) {
    this.openDatasets.add(guid);
    const added = [];
    for (const c of columns) {
      const existing = this.nodes.get(c.guid);
      if (existing) {
        existing.parent = guid;
        continue;
      }
      this.nodes.set(c.guid, { entity: c, expanded: { [UP]: false, [DOWN]: false }, fresh, parent: guid });
      added.push(c.guid);
    }
    return added;
  }

  closeDataset(guid) {
    this.openDatasets.delete(guid);
    const columns = [...this.nodes].filter(([, n]) => n.parent === guid).map(([g]) => g);
    this.removeNodes(columns);
    // Columns of other datasets that only column edges from these held in the graph.
    const orphans = [...this.nodes].filter(([g, n]) => typeCategory(n.entity) === 'column'
      && !n.parent && ![...this.edges.values()].some((e) => e.from === g || e.to === g)).map(([g]) => g);
    this.removeNodes(orphans);
    return columns;
  }

  /** Nodes and edges of a path, added if missing, then highlighted. */
  setPath(path) {
    if (!path) {
      this.path = null;
      return;
    }
    const guids = new Set(path.guids);
    const edges = new Set();
    for (const e of path.edges) {
      for (const g of [e.from, e.to]) {
        if (!this.nodes.has(g)) {
          const entity = path.visible.get(g) || { guid: g, typeName: 'redacted', name: 'hidden', qualifiedName: '', attributes: {}, classifications: [], redacted: true };
          this.nodes.set(g, { entity, expanded: { [UP]: false, [DOWN]: false }, fresh: false, parent: null });
        }
      }
      const id = GraphModel.edgeId(e.from, e.to, e.type);
      const existing = [...this.edges.values()].find((x) => x.from === e.from && x.to === e.to);
      if (existing) edges.add(existing.id);
      else {
        this.edges.set(id, { id, from: e.from, to: e.to, type: e.type, column: false, fresh: false });
        edges.add(id);
      }
    }
    this.path = { guids, edges };
  }

  setImpact(entries) {
    this.impact = entries ? new Map(entries.map((e) => [e.entity.guid, e.distance])) : null;
  }

  clearFresh() {
    for (const n of this.nodes.values()) n.fresh = false;
    for (const e of this.edges.values()) e.fresh = false;
  }

  /**
   * The graph with jobs folded away: an edge from each dataset a job reads to each dataset it
   * writes, named after the job. A job stays when it is the focus or has no dataset on one side.
   */
  datasetsOnly() {
    const hidden = new Set();
    const ins = new Map();
    const outs = new Map();
    for (const [g, n] of this.nodes) {
      if (typeCategory(n.entity) === 'process' && g !== this.focus && !n.parent) hidden.add(g);
    }
    for (const e of this.edges.values()) {
      if (hidden.has(e.to)) (ins.get(e.to) || ins.set(e.to, []).get(e.to)).push(e.from);
      if (hidden.has(e.from)) (outs.get(e.from) || outs.set(e.from, []).get(e.from)).push(e.to);
    }
    const edges = [];
    for (const p of hidden) {
      const from = ins.get(p) || [];
      const to = outs.get(p) || [];
      if (!from.length || !to.length) {
        hidden.delete(p);
        continue;
      }
      const name = this.nodes.get(p).entity.name;
      for (const a of from) for (const b of to) {
        edges.push({ id: GraphModel.edgeId(a, b, `via:${p}`), from: a, to: b, type: 'via_job', label: name, column: false, fresh: false });
      }
    }
    for (const e of this.edges.values()) if (!hidden.has(e.from) && !hidden.has(e.to)) edges.push(e);
    return { hidden, edges };
  }

  /**
   * The group a node belongs to when grouping by namespace, cluster or layer. A job joins the group
   * most of its datasets are in, so that a pipeline's job sits with its topics rather than alone
   * under the job namespace.
   */
  groupKeys(grouping) {
    const keys = new Map();
    if (grouping === 'none') return keys;
    if (grouping === 'job') return this.jobInternals();
    const own = (n) => (grouping === 'cluster' ? clusterOf(n.entity)
      : grouping === 'layer' ? `layer ${n.distance ?? 0}` : namespaceOf(n.entity));
    const jobs = [];
    for (const [g, n] of this.nodes) {
      if (n.parent || n.entity.redacted) continue;
      if (grouping !== 'layer' && typeCategory(n.entity) === 'process') jobs.push(g);
      else keys.set(g, own(n));
    }
    const votes = new Map(jobs.map((j) => [j, new Map()]));
    for (const e of this.edges.values()) {
      for (const [job, other] of [[e.from, e.to], [e.to, e.from]]) {
        const k = votes.has(job) && keys.get(other);
        if (k) votes.get(job).set(k, (votes.get(job).get(k) || 0) + 1);
      }
    }
    for (const j of jobs) {
      const ranked = [...votes.get(j)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      keys.set(j, ranked.length ? ranked[0][0] : own(this.nodes.get(j)));
    }
    return keys;
  }

  /**
   * Jobs that are the internals of another (tasks, sub-jobs), keyed by that parent job; only
   * parents with two or more of them in view, and nothing else grouped.
   */
  jobInternals() {
    const members = new Map();
    for (const [g, n] of this.nodes) {
      if (n.parent || n.entity.redacted || typeCategory(n.entity) !== 'process') continue;
      const parent = parentJobOf(n.entity);
      if (!parent) continue;
      if (!members.has(parent)) members.set(parent, []);
      members.get(parent).push(g);
    }
    const keys = new Map();
    for (const [parent, guids] of members) {
      if (guids.length > 1) guids.forEach((g) => keys.set(g, `job ${parent}`));
    }
    // A dataset only passed between the tasks of one job (written by one, read by another, used by
    // nothing else in view) is part of that job's internals too.
    const touching = new Map();
    for (const e of this.edges.values()) {
      if (e.column) continue;
      for (const [d, other, side] of [[e.from, e.to, 'out'], [e.to, e.from, 'in']]) {
        if (!touching.has(d)) touching.set(d, { in: new Set(), out: new Set() });
        touching.get(d)[side].add(keys.get(other) ?? null);
      }
    }
    for (const [d, t] of touching) {
      const n = this.nodes.get(d);
      if (!n || keys.has(d) || n.parent || d === this.focus || typeCategory(n.entity) !== 'dataset') continue;
      const all = new Set([...t.in, ...t.out]);
      if (t.in.size && t.out.size && all.size === 1 && !all.has(null)) keys.set(d, [...all][0]);
    }
    return keys;
  }

  /** Values present in the graph for each filter facet. */
  facets() {
    const f = { type: new Set(), classification: new Set(), owner: new Set(), namespace: new Set() };
    for (const n of this.nodes.values()) {
      if (n.entity.redacted) continue;
      f.type.add(n.entity.typeName);
      n.entity.classifications.forEach((c) => f.classification.add(c));
      ownersOf(n.entity).forEach((o) => f.owner.add(o));
      f.namespace.add(namespaceOf(n.entity));
    }
    return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [...v].sort()]));
  }

  /** Whether a node passes the filters: every facet with a choice must match. */
  passes(guid, filters) {
    if (guid === this.focus) return true;
    const n = this.nodes.get(guid);
    if (!n) return false;
    if (n.parent) return this.passes(n.parent, filters);
    const e = n.entity;
    const checks = {
      type: [e.typeName],
      classification: e.classifications,
      owner: ownersOf(e),
      namespace: [namespaceOf(e)],
    };
    for (const [facet, chosen] of Object.entries(filters)) {
      if (chosen && chosen.size && !checks[facet].some((v) => chosen.has(v))) return false;
    }
    return true;
  }
}

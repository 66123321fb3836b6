// The catalog data the dashboard's widgets share: runs, datasets, jobs and (when a widget asks) the
// lineage edges around the jobs, fetched once for all widgets and refreshed as the change feed
// reports changes, so that ten widgets cost one set of requests rather than ten.

import { api } from '../api.js';
import { onChange, recentChanges } from '../feed.js';

const LIMIT = 1000;
const REFRESH_AFTER_CHANGE_MS = 1500;
const REFRESH_EVERY_MS = 30_000;
const EDGE_JOBS_MAX = 200;

export class Estate {
  constructor() {
    this.runs = [];
    this.datasets = [];
    this.jobs = [];
    this.devices = [];
    this.nodes = new Map();
    this.edges = [];
    this.changes = recentChanges();
    this.stats = null;
    this.loadedAt = null;
    this.error = null;
    this.wantEdges = false;
    this.listeners = new Set();
  }

  /** Starts loading and following the feed; returns a function that stops it. */
  start() {
    this.load();
    const stopFeed = onChange((c) => {
      this.changes = [c, ...this.changes].slice(0, 500);
      this.emit();
      clearTimeout(this.pending);
      this.pending = setTimeout(() => this.load(), REFRESH_AFTER_CHANGE_MS);
    });
    const timer = setInterval(() => this.load(), REFRESH_EVERY_MS);
    return () => {
      stopFeed();
      clearInterval(timer);
      clearTimeout(this.pending);
    };
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit() {
    this.listeners.forEach((l) => l(this));
  }

  needEdges() {
    if (!this.wantEdges) {
      this.wantEdges = true;
      if (this.loadedAt) this.load();
    }
  }

  async load() {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    try {
      const [runs, datasets, jobs, stats] = await Promise.all([
        api.entities({ type: 'stream_process_run', limit: LIMIT }),
        api.entities({ type: 'DataSet', limit: LIMIT }),
        api.entities({ type: 'Process', limit: LIMIT }),
        api.stats(),
      ]);
      this.runs = runs;
      this.datasets = datasets.filter((d) => d.typeName !== 'stream_column');
      this.jobs = jobs.filter((j) => j.typeName !== 'stream_column_lineage');
      this.devices = [...this.jobs, ...this.datasets].filter((e) => ['edge_node', 'edge_device', 'mqtt_topic'].includes(e.typeName));
      this.stats = stats;
      if (this.wantEdges) await this.loadEdges();
      this.loadedAt = Date.now();
      this.error = null;
    } catch (e) {
      this.error = e.message;
    } finally {
      this.loading = false;
    }
    this.emit();
    if (this.again) {
      this.again = false;
      this.load();
    }
  }

  async loadEdges() {
    const nodes = new Map();
    const edges = new Map();
    const jobs = this.jobs.slice(0, EDGE_JOBS_MAX);
    for (let i = 0; i < jobs.length; i += 6) {
      const graphs = await Promise.all(jobs.slice(i, i + 6).map((j) =>
        api.lineage(j.guid, { direction: 'BOTH', depth: 1, level: 'DATASET' }).catch(() => null)));
      for (const g of graphs.filter(Boolean)) {
        g.nodes.forEach((n, guid) => nodes.set(guid, n));
        g.edges.forEach((e) => edges.set(`${e.from}>${e.to}`, e));
      }
    }
    this.nodes = nodes;
    this.edges = [...edges.values()];
  }
}

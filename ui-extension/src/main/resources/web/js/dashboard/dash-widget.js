import { html, nothing, svg } from 'lit';
import { LightElement } from '../components/light-element.js';
import { api } from '../api.js';
import { onChange } from '../feed.js';
import { entityHref } from '../router.js';
import { formatNumber, formatTime, typeCategory } from '../format.js';
import { ago, classificationCoverage, edgeBacklog, freshness, qualityStatus, ratePerMinute, sortHealth, streamingHealth, topProducersConsumers } from './metrics.js';
import { WIDGET_TYPES, widgetTitle } from './widget-types.js';
import { layeredPositions } from '../graph3d/layers.js';

const STATE_CLASS = { RUNNING: 'ok', START: 'ok', COMPLETE: 'ok', STALE: 'warn', FAIL: 'bad', FAILED: 'bad', ABORT: 'bad' };

/** One widget of a dashboard: its header (title, configure, remove) and what its type shows. */
/** Records behind, with the partitions furthest behind under it (all of them in the tooltip). */
function lagCell(lag, now) {
  if (!lag) return '—';
  const all = lag.byPartition.map(([p, v]) => `${p}: ${formatNumber(v)}`).join('\n');
  const worst = lag.byPartition.filter(([, v]) => v > 0).slice(0, 2);
  const when = lag.at === null ? 'reported at an unknown time' : `reported ${ago(now - lag.at)} ago`;
  const title = [all, lag.stale ? `Stale: ${when}` : when].filter(Boolean).join('\n');
  return html`<span title=${title || nothing}>${formatNumber(lag.total)}</span>${lag.stale ? html` <small class="lag-stale">stale</small>` : ''}${worst.map(([p, v]) => html`<br><small class="muted">${p} ${formatNumber(v)}</small>`)}`;
}

const HEALTH_COLUMNS = [['name', 'Job'], ['state', 'State'], ['age', 'Last report'], ['throughput', 'Records/s'], ['lag', 'Lag']];

export class DashWidget extends LightElement {
  static properties = {
    widget: { attribute: false },
    estate: { attribute: false },
    editing: { type: Boolean },
    tick: { state: true },
    lineage: { state: true },
    sort: { state: true },
  };

  constructor() {
    super();
    this.tick = 0;
    this.lineage = null;
    this.sort = null; // {key, descending}; null: worst state first
  }

  connectedCallback() {
    super.connectedCallback();
    this.stopEstate = this.estate?.subscribe(() => this.tick++);
    if (this.widget?.type === 'top-producers-consumers') this.estate?.needEdges();
    this.clock = setInterval(() => this.tick++, 10_000);
  }

  disconnectedCallback() {
    this.stopEstate?.();
    this.stopLineage?.();
    clearInterval(this.clock);
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if (changed.has('widget') && this.widget?.type === 'lineage') this.loadLineage();
  }

  async loadLineage() {
    const { guid, depth = 2 } = this.widget.config || {};
    this.stopLineage?.();
    if (!guid) {
      this.lineage = { empty: true };
      return;
    }
    const fetchIt = async () => {
      try {
        this.lineage = await api.lineage(guid, { direction: 'BOTH', depth, level: 'DATASET' });
      } catch (e) {
        this.lineage = { error: e.message };
      }
    };
    await fetchIt();
    let timer = null;
    this.stopLineage = onChange((c) => {
      const shown = this.lineage?.nodes;
      const touches = !shown || [c.subject?.guid, c.target?.guid].some((g) => g && shown.has(g));
      if (touches || c.kind === 'RELATIONSHIP_CREATED') {
        clearTimeout(timer);
        timer = setTimeout(fetchIt, 800);
      }
    });
  }

  render() {
    const w = this.widget;
    if (!w) return '';
    const type = WIDGET_TYPES[w.type];
    return html`
      <div class="dash-widget" data-type=${w.type} data-widget=${w.id}>
        <header class="dash-widget-head">
          <h3 title=${type?.help || ''}>${widgetTitle(w)}</h3>
          ${this.editing ? html`
            <button type="button" class="icon-button" data-action="configure" aria-label="Configure ${widgetTitle(w)}"
              @click=${() => this.fire('configure')}>⚙</button>
            <button type="button" class="icon-button" data-action="remove" aria-label="Remove ${widgetTitle(w)}"
              @click=${() => this.fire('remove')}>✕</button>` : ''}
        </header>
        <div class="dash-widget-body">${this.body(w)}</div>
      </div>`;
  }

  fire(name) {
    this.dispatchEvent(new CustomEvent(`widget-${name}`, { bubbles: true, detail: { id: this.widget.id } }));
  }

  body(w) {
    const e = this.estate;
    const c = w.config || {};
    if (w.type === 'lineage') return this.lineageBody(c);
    if (w.type === 'recent-changes') return this.changesBody(c);
    if (!e || !e.loadedAt) return e?.error ? html`<p class="error-banner" role="alert">${e.error}</p>` : html`<p class="empty" aria-live="polite">Loading…</p>`;
    const now = Date.now();
    switch (w.type) {
      case 'streaming-health': return this.healthBody(streamingHealth(e.runs, { now, staleMinutes: c.staleMinutes ?? 5 }));
      case 'ingest-rate': return this.rateBody(ratePerMinute(e.changes, { now, minutes: c.minutes ?? 15 }), e.stats);
      case 'freshness': return this.freshnessBody(freshness(e.datasets, { now, staleMinutes: c.staleMinutes ?? 15, limit: c.limit ?? 12 }));
      case 'quality': return this.qualityBody(qualityStatus(e.datasets));
      case 'classification-coverage': return this.coverageBody(classificationCoverage(e.datasets));
      case 'top-producers-consumers': return this.topBody(topProducersConsumers(e.nodes, e.edges, { limit: c.limit ?? 5 }), e);
      case 'edge-backlog': return this.edgeBody(edgeBacklog(e.devices, { now }));
      default: return html`<p class="empty">Unknown widget type ${w.type}.</p>`;
    }
  }

  /** A click on a column sorts by it; a second click turns the order; numbers start largest first. */
  sortBy(key) {
    const again = this.sort?.key === key;
    const numeric = key === 'throughput' || key === 'lag' || key === 'age';
    this.sort = { key, descending: again ? !this.sort.descending : numeric };
  }

  healthBody(h) {
    if (!h.total) return html`<p class="empty">No job has reported a run yet.</p>`;
    const states = Object.entries(h.byState).sort((a, b) => b[1] - a[1]);
    const now = Date.now();
    const jobs = this.sort ? sortHealth(h.jobs, this.sort.key, this.sort.descending) : h.jobs;
    const ariaSort = (key) => (this.sort?.key === key ? (this.sort.descending ? 'descending' : 'ascending') : nothing);
    return html`
      <div class="kpis" data-testid="health-summary">
        <div class="kpi ${h.healthy === h.total ? 'ok' : 'bad'}"><b>${h.healthy}/${h.total}</b><span>jobs healthy</span></div>
        ${states.map(([s, n]) => html`<div class="kpi ${STATE_CLASS[s] || ''}"><b>${n}</b><span>${s.toLowerCase()}</span></div>`)}
      </div>
      <div class="table-wrap"><table class="dense sortable">
        <thead><tr>${HEALTH_COLUMNS.map(([key, label]) => html`<th scope="col" aria-sort=${ariaSort(key)}>
          <button type="button" class="th-sort" data-sort=${key} @click=${() => this.sortBy(key)}>${label}</button></th>`)}</tr></thead>
        <tbody>${jobs.map((j) => html`<tr data-job=${j.name}>
          <td><a href=${entityHref(j.guid)} title=${j.job}>${j.name}</a></td>
          <td><span class="state ${STATE_CLASS[j.state] || ''}">${j.state.toLowerCase()}</span></td>
          <td>${j.age === null ? '—' : `${ago(j.age)} ago`}</td>
          <td>${j.throughput === null ? '—' : formatNumber(Math.round(j.throughput * 10) / 10)}</td>
          <td data-lag=${j.lag ? j.lag.total : ''} data-lag-stale=${j.lag ? String(j.lag.stale) : nothing} class=${j.lag?.stale ? 'lag stale' : 'lag'}>${lagCell(j.lag, now)}</td></tr>`)}
        </tbody></table></div>`;
  }

  rateBody(buckets, stats) {
    const max = Math.max(1, ...buckets);
    const last = buckets[buckets.length - 1];
    const avg = buckets.reduce((a, b) => a + b, 0) / buckets.length;
    const bw = 100 / buckets.length;
    return html`
      <div class="kpis">
        <div class="kpi"><b>${formatNumber(last)}</b><span>changes this minute</span></div>
        <div class="kpi"><b>${formatNumber(Math.round(avg * 10) / 10)}</b><span>per minute, average</span></div>
        <div class="kpi ${stats?.ingestQueueDepth > 0 ? 'warn' : ''}"><b>${formatNumber(stats?.ingestQueueDepth ?? 0)}</b><span>queued for ingest</span></div>
      </div>
      <svg class="sparkbars" viewBox="0 0 100 40" preserveAspectRatio="none" role="img"
        aria-label="Changes per minute over the last ${buckets.length} minutes: ${buckets.join(', ')}">
        ${buckets.map((b, i) => svg`<rect x=${i * bw + 0.5} width=${bw - 1} y=${40 - (b / max) * 38} height=${(b / max) * 38 || 0.5}></rect>`)}
      </svg>
      <p class="muted small">Last ${buckets.length} minutes, from the change feed since this page opened.</p>`;
  }

  freshnessBody(f) {
    if (!f.total) return html`<p class="empty">No datasets yet.</p>`;
    return html`
      <p class="small"><b class=${f.stale ? 'bad-text' : 'ok-text'}>${f.stale}</b> of ${f.total} datasets stale</p>
      <div class="table-wrap"><table class="dense">
        <thead><tr><th scope="col">Dataset</th><th scope="col">Changed</th></tr></thead>
        <tbody>${f.rows.map((r) => html`<tr class=${r.stale ? 'stale' : ''}>
          <td><a href=${entityHref(r.guid)}>${r.name}</a></td>
          <td>${r.age === null ? 'never' : `${ago(r.age)} ago`}</td></tr>`)}</tbody></table></div>`;
  }

  qualityBody(q) {
    if (!q.checked) return html`<p class="empty">No dataset reports quality assertions.</p>`;
    return html`
      <div class="kpis">
        <div class="kpi ok"><b>${formatNumber(q.passed)}</b><span>passed</span></div>
        <div class="kpi ${q.failed ? 'bad' : ''}"><b>${formatNumber(q.failed)}</b><span>failed</span></div>
      </div>
      ${q.failing.length ? html`<ul class="plain">${q.failing.slice(0, 8).map((d) => html`
        <li><a href=${entityHref(d.guid, 'quality')}>${d.name}</a> <span class="state bad">${d.failed} failing</span></li>`)}</ul>`
        : html`<p class="ok-text small">All ${q.checked} checked datasets pass.</p>`}`;
  }

  coverageBody(c) {
    if (!c.total) return html`<p class="empty">No datasets yet.</p>`;
    const pct = Math.round(c.ratio * 100);
    return html`
      <div class="kpis"><div class="kpi"><b>${pct}%</b><span>${c.classified} of ${c.total} datasets classified</span></div></div>
      <div class="meter" role="meter" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${pct} aria-label="Classified datasets">
        <span style="width:${pct}%"></span></div>
      <ul class="plain">${c.byClassification.slice(0, 8).map(([k, n]) => html`
        <li><a class="chip classification" href="#/search?classification=${encodeURIComponent(k)}">${k}</a> ${n}</li>`)}</ul>`;
  }

  topBody(t, e) {
    if (!e.wantEdges || (!e.edges.length && e.loading)) return html`<p class="empty" aria-live="polite">Loading lineage…</p>`;
    if (!t.producers.length && !t.consumers.length) return html`<p class="empty">No lineage between jobs and datasets yet.</p>`;
    const list = (rows, unit) => html`<ol class="ranked">${rows.map((r) => html`
      <li><a href=${entityHref(r.guid, 'lineage')}>${r.name}</a> <span class="muted">${r.count} ${unit}</span></li>`)}</ol>`;
    return html`<div class="two-col">
      <div><h4>Producers</h4>${list(t.producers, 'outputs')}</div>
      <div><h4>Consumed most</h4>${list(t.consumers, 'readers')}</div></div>`;
  }

  edgeBody(b) {
    if (!b.rows.length || !b.known) {
      return html`<div class="empty-state" data-testid="edge-empty">
        <p><b>No edge data yet.</b></p>
        <p class="muted small">Edge devices report their backlog through the edge bridge; none has reported one.</p></div>`;
    }
    return html`
      <div class="kpis"><div class="kpi ${b.total ? 'warn' : 'ok'}"><b>${formatNumber(b.total)}</b><span>events held back</span></div></div>
      <div class="table-wrap"><table class="dense"><tbody>${b.rows.slice(0, 10).map((r) => html`<tr>
        <td><a href=${entityHref(r.guid)}>${r.name}</a></td><td>${r.backlog === null ? '—' : formatNumber(r.backlog)}</td>
        <td>${r.age === null ? '' : `${ago(r.age)} ago`}</td></tr>`)}</tbody></table></div>`;
  }

  changesBody(c) {
    const changes = (this.estate?.changes || []).slice(0, c.limit ?? 12);
    if (!changes.length) return html`<p class="empty">Waiting for changes…</p>`;
    return html`<ul class="activity compact" aria-live="polite">${changes.map((ch) => html`
      <li data-kind=${ch.kind}><span class="kind ${ch.kind}">${ch.kind.replace('_', ' ').toLowerCase()}</span>
        ${ch.subject ? html`<a href=${entityHref(ch.subject.guid)}>${ch.subject.qualifiedName || ch.subject.guid}</a>` : ''}
        <time datetime=${ch.time}>${formatTime(ch.time)}</time></li>`)}</ul>`;
  }

  lineageBody(c) {
    const l = this.lineage;
    if (!l) return html`<p class="empty" aria-live="polite">Loading…</p>`;
    if (l.empty) return html`<p class="empty">Choose an entity in this widget's settings (⚙ in edit mode).</p>`;
    if (l.error) return html`<p class="error-banner" role="alert">${l.error}</p>`;
    const open = html`<a class="small" href=${entityHref(c.guid, 'lineage', c.view === '3d' ? { view: '3d' } : undefined)}>Open in the explorer</a>`;
    if (c.view === '3d') {
      import('../graph3d/lineage-3d.js');
      return html`<tb-lineage-3d class="fill" .lineage=${l} .focus=${c.guid} compact></tb-lineage-3d>${open}`;
    }
    return html`${miniLineage(l, c.guid)}${open}`;
  }
}
customElements.define('tb-dash-widget', DashWidget);

const MINI_MAX = 80;

/** The lineage as a small layered SVG: layers left to right, upstream to downstream. */
function miniLineage(l, focus) {
  const shown = new Map([...l.nodes].slice(0, MINI_MAX));
  const edges = l.edges.filter((e) => shown.has(e.from) && shown.has(e.to));
  const { positions, layers } = layeredPositions(shown, edges, focus);
  const rows = Math.max(1, ...[...positions.values()].map((p) => p.rank));
  const perLayer = new Map();
  for (const p of positions.values()) perLayer.set(p.layer, (perLayer.get(p.layer) || 0) + 1);
  const index = new Map();
  const at = new Map();
  const W = 100 * Math.max(1, layers.length);
  const H = 28 * Math.max(...perLayer.values(), 1);
  for (const [g, p] of positions) {
    const i = index.get(p.layer) || 0;
    index.set(p.layer, i + 1);
    const n = perLayer.get(p.layer);
    at.set(g, { x: 50 + (layers.indexOf(p.layer)) * 100, y: (H / n) * (i + 0.5) });
  }
  return html`<svg class="mini-lineage" viewBox="0 0 ${W} ${H}" role="img" data-nodes=${shown.size} data-rows=${rows}
    aria-label="Lineage of ${shown.get(focus)?.name || 'the entity'}: ${shown.size} nodes">
    ${edges.map((e) => {
      const a = at.get(e.from);
      const b = at.get(e.to);
      return svg`<path class="edge" d="M${a.x + 30} ${a.y} C${a.x + 60} ${a.y} ${b.x - 60} ${b.y} ${b.x - 30} ${b.y}"></path>`;
    })}
    ${[...shown.values()].map((n) => {
      const p = at.get(n.guid);
      const cat = typeCategory(n);
      return svg`<a href=${entityHref(n.guid, 'lineage')}><g class="node ${cat} ${n.guid === focus ? 'focus' : ''}">
        <rect x=${p.x - 42} y=${p.y - 10} width="84" height="20" rx=${cat === 'process' ? 10 : 3}></rect>
        <text x=${p.x} y=${p.y + 4} text-anchor="middle">${String(n.name).slice(0, 14)}</text>
        <title>${n.qualifiedName || n.name}</title></g></a>`;
    })}
  </svg>`;
}

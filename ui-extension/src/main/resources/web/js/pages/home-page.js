import { html } from 'lit';
import { LightElement } from '../components/light-element.js';
import { api } from '../api.js';
import { onChange, recentChanges } from '../feed.js';
import { entityHref } from '../router.js';
import { foldChanges, formatNumber, formatTime } from '../format.js';

const RUN = 'stream_process_run';
const UPDATED = 'ENTITY_UPDATED';
const KEPT = 100;

/**
 * The pipelines and jobs of the catalog first, then what needs attention (insights), then the
 * changes as they happen beside counts of each type. A streaming estate updates every running job
 * and topic every few seconds: those routine updates are counted in one line and listed only on
 * request, so that a new job, dataset or lineage edge stays on screen rather than scrolling away.
 */
export class HomePage extends LightElement {
  static properties = {
    stats: { state: true }, changes: { state: true }, error: { state: true }, insights: { state: true },
    jobs: { state: true }, runJobs: { state: true }, showUpdates: { state: true },
  };

  constructor() {
    super();
    this.stats = null;
    const recent = recentChanges();
    this.changes = recent.slice(0, KEPT);
    // Kept apart so that a flood of updates never pushes the last creations out of the list.
    this.shapeChanges = recent.filter((c) => c.kind !== UPDATED).slice(0, KEPT);
    this.showUpdates = false;
    // Every update of the last minute (time, entity), beyond the KEPT rows listed.
    this.updateLog = recent.filter((c) => c.kind === UPDATED).map((c) => [c.receivedAt ?? Date.now(), c.subject?.guid]);
    this.error = null;
    this.insights = [];
    this.fresh = new Set();
    this.jobs = null;
    this.runJobs = new Map(); // run guid -> job name, fetched once
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    this.stop = onChange((c) => {
      this.fresh.add(c.id);
      this.changes = [c, ...this.changes].slice(0, KEPT);
      if (c.kind !== UPDATED) this.shapeChanges = [c, ...this.shapeChanges].slice(0, KEPT);
      else this.updateLog.push([c.receivedAt ?? Date.now(), c.subject?.guid]);
      if (c.kind === 'ENTITY_CREATED' || c.kind === 'ENTITY_DELETED') this.scheduleStats();
    });
  }

  disconnectedCallback() {
    this.stop?.();
    clearTimeout(this.statsTimer);
    super.disconnectedCallback();
  }

  scheduleStats() {
    clearTimeout(this.statsTimer);
    this.statsTimer = setTimeout(() => this.load(), 1000);
  }

  async load() {
    try {
      const [stats, jobs] = await Promise.all([
        api.stats(),
        api.entities({ type: 'Process', limit: 24 }).catch(() => []),
      ]);
      this.stats = stats;
      this.jobs = jobs.filter((j) => !/column/i.test(j.typeName));
      this.error = null;
      // Insights are extra: a server without a search index answers 503 and the page stays.
      this.insights = await api.insights().catch(() => []);
    } catch (e) {
      this.error = e.message;
    }
  }

  /** A run is shown by its job's name: fetched once per run. */
  jobOfRun(ref) {
    if (this.runJobs.has(ref.guid)) return this.runJobs.get(ref.guid);
    this.runJobs.set(ref.guid, null);
    api.entity(ref.guid).then((run) => {
      const qn = String(run.attributes?.jobQualifiedName || '');
      const name = qn.includes('/') ? qn.slice(qn.lastIndexOf('/') + 1) : qn;
      this.runJobs = new Map(this.runJobs).set(ref.guid, name ? `${name} run${run.attributes?.state ? ` (${String(run.attributes.state).toLowerCase()})` : ''}` : null);
    }).catch(() => {});
    return null;
  }

  subjectLabel(ref) {
    if (ref.typeName === RUN) return this.jobOfRun(ref) || 'run';
    return ref.qualifiedName || ref.guid;
  }

  counts() {
    const s = this.stats || {};
    const byType = s.countsByType || s.entitiesByType || s.byType || s.types || s.entities || s;
    return Object.entries(byType).filter(([, v]) => typeof v === 'number').sort((a, b) => b[1] - a[1]);
  }

  /** Updates received in the last minute: how many, of how many entities. */
  recentUpdates() {
    const since = Date.now() - 60_000;
    this.updateLog = this.updateLog.filter(([t]) => t >= since);
    return { count: this.updateLog.length, entities: new Set(this.updateLog.map(([, g]) => g)).size };
  }

  render() {
    const counts = this.counts();
    const rows = foldChanges(this.showUpdates ? this.changes : this.shapeChanges);
    const updates = this.recentUpdates();
    return html`
      <h1 class="visually-hidden">Tributary home</h1>
      <section class="card home-jobs" aria-labelledby="jobs-title">
        <h2 id="jobs-title">Pipelines and jobs</h2>
        ${this.jobs === null ? html`<p class="empty">Loading…</p>` : this.jobs.length === 0
          ? html`<p class="empty">No jobs yet: point an OpenLineage emitter at this server.</p>`
          : html`<ul class="job-list" data-testid="jobs">${this.jobs.map((j) => html`<li>
              <a href=${entityHref(j.guid, 'lineage')}>${j.name}</a> <span class="type-badge">${j.typeName}</span></li>`)}</ul>`}
      </section>
      ${this.insights.length ? html`
        <section class="card home-insights" aria-labelledby="insights-title">
          <h2 id="insights-title">Insights</h2>
          <ul class="activity" data-testid="insights">
            ${this.insights.slice(0, 20).map((i) => html`
              <li data-kind=${i.kind}>
                <span class="kind">${i.kind.replace('_', ' ')}</span>
                ${i.links?.[0] ? html`<a href=${entityHref(i.links[0].guid)}>${i.text}</a>` : i.text}
              </li>`)}
          </ul>
        </section>` : ''}
      <div class="grid-2">
        <section class="card" aria-labelledby="activity-title">
          <h2 id="activity-title">Live activity</h2>
          <p class="activity-summary" data-testid="updates-summary">
            <span>${updates.count === 0 ? 'No updates in the last minute.'
              : `${formatNumber(updates.count)} update${updates.count === 1 ? '' : 's'} to ${formatNumber(updates.entities)} entit${updates.entities === 1 ? 'y' : 'ies'} in the last minute.`}</span>
            <label><input type="checkbox" data-testid="show-updates" .checked=${this.showUpdates}
              @change=${(e) => { this.showUpdates = e.target.checked; }}> list updates</label>
          </p>
          <ul class="activity" aria-live="polite" aria-relevant="additions" data-testid="activity">
            ${rows.length === 0 ? html`<li class="empty">${this.showUpdates ? 'Waiting for changes…'
              : 'No entity or lineage edge created or deleted lately.'}</li>` : ''}
            ${rows.slice(0, 40).map((c) => html`
              <li class=${this.fresh.has(c.id) ? 'fresh' : ''} data-kind=${c.kind}>
                <span class="kind ${c.kind}">${c.kind.replace('_', ' ').toLowerCase()}</span>
                ${c.subject ? html`<a href=${entityHref(c.subject.guid)}>${this.subjectLabel(c.subject)}</a>
                  <span class="type-badge">${c.subject.typeName}</span>` : ''}
                ${c.count > 1 ? html`<span class="repeat" title="${c.count} updates in a row">×${c.count}</span>` : ''}
                ${c.target ? html`→ <a href=${entityHref(c.target.guid)}>${c.target.qualifiedName || c.target.guid}</a>` : ''}
                <time datetime=${c.time}>${formatTime(c.time)}</time>
              </li>`)}
          </ul>
        </section>
        <section class="card" aria-labelledby="counts-title">
          <h2 id="counts-title">Catalog</h2>
          ${this.error ? html`<p class="error-banner" role="alert">${this.error}</p>` : ''}
          <div class="counts" data-testid="counts">
            ${counts.map(([type, n]) => html`
              <a class="count" href="#/search?type=${encodeURIComponent(type)}" data-type=${type}>
                <b>${formatNumber(n)}</b><span>${type}</span></a>`)}
          </div>
        </section>
      </div>`;
  }
}
customElements.define('tb-home-page', HomePage);

import { html } from 'lit';
import { LightElement } from '../components/light-element.js';
import { api } from '../api.js';
import { entityHref, governanceHref } from '../router.js';
import { formatTime, pick, typeCategory } from '../format.js';
import { renderProperties, renderQuality, renderRuns, renderSchema } from './entity-tabs.js';
import '../graph/lineage-graph.js';
import { lineageView } from '../graph3d/view-switch.js';
import { qualityBadgeChip, renderQualityTimeline } from './quality-timeline.js';

const TABS = [
  ['lineage', 'Lineage'],
  ['schema', 'Schema'],
  ['runs', 'Runs'],
  ['quality', 'Quality'],
  ['properties', 'Properties'],
];

const REL_COLUMNS = 'dataset_stream_columns';
const REL_RUNS = 'process_stream_runs';

/** One entity: its header, then tabs for lineage, schema, runs, quality and raw properties. */
export class EntityPage extends LightElement {
  static properties = {
    guid: { type: String },
    tab: { type: String },
    params: { type: Object },
    summary: { state: true },
    entity: { state: true },
    columns: { state: true },
    runs: { state: true },
    stewards: { state: true },
    qualityLatest: { state: true },
    qualityHistory: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.entity = null;
    this.columns = null;
    this.runs = null;
    this.error = null;
  }

  willUpdate(changed) {
    if (changed.has('guid')) {
      this.entity = null;
      this.columns = null;
      this.runs = null;
      this.stewards = null;
      this.qualityLatest = null;
      this.qualityHistory = null;
      this.load();
    }
    if (changed.has('tab') || changed.has('guid')) this.loadTab();
  }

  get currentTab() {
    return TABS.some(([id]) => id === this.tab) ? this.tab : 'lineage';
  }

  async load() {
    const guid = this.guid;
    try {
      const entity = await api.entity(guid);
      if (guid !== this.guid) return;
      this.entity = entity;
      this.error = null;
      this.summary = null;
      this.loadTab();
      // The generated summary sits beside a written description, never in its place.
      api.summary(guid).then((s) => { if (guid === this.guid) this.summary = s.summary; }).catch(() => {});
      // Owners set by stewards and the entity's stewards; the facet's owners stand when there are none.
      api.stewardship(guid).then((s) => { if (guid === this.guid) this.stewards = s; }).catch(() => {});
      // The outcome of the tenant's data-quality rules on it: a badge; none when no rule checked it.
      if (entity.tenant) {
        api.qualityResults(entity.tenant, { dataset: guid })
          .then((r) => { if (guid === this.guid) this.qualityLatest = r; }).catch(() => {});
      }
    } catch (e) {
      this.error = e.status === 404 ? `No entity has guid ${guid}` : e.message;
    }
  }

  async loadTab() {
    const tab = this.currentTab;
    const guid = this.guid;
    try {
      if ((tab === 'schema' || tab === 'quality') && this.columns === null) {
        this.columns = await api.related(guid, REL_COLUMNS, 'BOTH').catch(() => []);
      }
      if (tab === 'quality' && this.qualityHistory === null && this.entity?.tenant) {
        this.qualityHistory = await api.qualityResults(this.entity.tenant, { dataset: guid, view: 'history' }).catch(() => []);
      }
      if (tab === 'runs' && this.runs === null && this.entity) {
        this.runs = await this.loadRuns(guid);
      }
    } catch (e) {
      this.error = e.message;
    }
  }

  /**
   * A job's runs and the datasets it reads and writes (their statistics); for a dataset, the runs
   * of the jobs that write it and its own statistics.
   */
  async loadRuns(guid) {
    const around = await api.lineage(guid, { direction: 'BOTH', depth: 1 });
    const neighbours = [...around.nodes.values()].filter((n) => n.guid !== guid);
    const isJob = typeCategory(this.entity) === 'process';
    const jobs = isJob ? [this.entity]
      : neighbours.filter((n) => typeCategory(n) === 'process' && around.edges.some((e) => e.from === n.guid && e.to === guid));
    const lists = await Promise.all(jobs.map((job) =>
      api.related(job.guid, REL_RUNS, 'BOTH').then((runs) => runs.map((run) => ({ run, job }))).catch(() => [])));
    const io = isJob
      ? neighbours.filter((n) => typeCategory(n) === 'dataset').map((d) => ({
        dataset: d, role: around.edges.some((e) => e.from === d.guid && e.to === guid) ? 'input' : 'output' }))
      : [{ dataset: this.entity, role: 'self' }];
    return { runs: lists.flat(), io };
  }

  selectTab(id) {
    location.hash = entityHref(this.guid, id);
  }

  onTabKey(e) {
    const ids = TABS.map(([id]) => id);
    const i = ids.indexOf(this.currentTab);
    let next = null;
    if (e.key === 'ArrowRight') next = ids[(i + 1) % ids.length];
    else if (e.key === 'ArrowLeft') next = ids[(i - 1 + ids.length) % ids.length];
    else if (e.key === 'Home') next = ids[0];
    else if (e.key === 'End') next = ids[ids.length - 1];
    if (next) {
      e.preventDefault();
      this.selectTab(next);
      this.updateComplete.then(() => this.querySelector(`#tab-${next}`)?.focus());
    }
  }

  render() {
    if (this.error && !this.entity) return html`<p class="error-banner" role="alert">${this.error}</p>`;
    const e = this.entity;
    if (!e) return html`<p aria-live="polite">Loading…</p>`;
    const st = this.stewards;
    const owners = st?.owners?.length ? st.owners : [].concat(pick(e.attributes, 'owners', 'owner') || []);
    const from = { api: 'set by a steward', 'ownership-facet': 'from lineage', namespace: 'of the namespace', entity: 'of the entity' };
    const description = pick(e.attributes, 'description', 'userDescription');
    const tab = this.currentTab;
    return html`
      <section class="entity-header card" aria-labelledby="entity-name" data-guid=${e.guid}>
        <h1 id="entity-name">${e.name} <span class="type-badge" data-testid="entity-type">${e.typeName}</span></h1>
        ${description ? html`<p data-testid="description">${description}</p>` : ''}
        ${this.summary ? html`<p class="generated" data-testid="summary"
          title="Generated from lineage, schema, runs, quality and owners"><span class="type-badge">generated</span>
          ${this.summary}</p>` : ''}
        <dl>
          <dt>Qualified name</dt><dd data-testid="qualified-name">${e.qualifiedName}</dd>
          <dt>Tenant</dt><dd data-testid="tenant">${e.tenant || '—'}</dd>
          <dt>Owners</dt><dd data-testid="owners">${owners.length ? owners.join(', ') : '—'}${st?.ownersFrom
            ? html` <span class="muted">(${from[st.ownersFrom] || st.ownersFrom})</span>` : ''}</dd>
          <dt>Stewards</dt><dd data-testid="stewards">${st?.stewards?.length ? st.stewards.join(', ') : '—'}${st?.stewardsFrom
            ? html` <span class="muted">(${from[st.stewardsFrom] || st.stewardsFrom})</span>` : ''}</dd>
          <dt>Classifications</dt>
          <dd data-testid="classifications">${e.classifications.length
            ? e.classifications.map((c) => html`<span class="chip classification">${c}</span>`) : '—'}</dd>
          ${this.qualityLatest?.length ? html`<dt>Quality</dt>
            <dd>${qualityBadgeChip(this.qualityLatest, entityHref(e.guid, 'quality'))}</dd>` : ''}
          <dt>Updated</dt><dd>${formatTime(e.updateTime) || '—'}</dd>
        </dl>
      </section>
      <div role="tablist" aria-label="Entity views" @keydown=${this.onTabKey}>
        ${TABS.map(([id, label]) => html`
          <button role="tab" id="tab-${id}" aria-controls="panel-${id}" aria-selected=${id === tab ? 'true' : 'false'}
            tabindex=${id === tab ? '0' : '-1'} @click=${() => this.selectTab(id)}>${label}</button>`)}
      </div>
      <section role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" tabindex="0">
        ${this.renderTab(tab, e)}
      </section>`;
  }

  renderTab(tab, e) {
    switch (tab) {
      case 'schema':
        return renderSchema(this.columns, e);
      case 'runs':
        return renderRuns(this.runs);
      case 'quality':
        return html`${renderQuality(e, this.columns)}
          ${this.qualityHistory?.length ? html`<h2>Data-quality rules</h2>
            <p class="muted">Each change of outcome of the tenant's rules on this dataset.
              <a href=${governanceHref({ tenant: e.tenant, tab: 'quality', dataset: e.guid })}>All quality results</a></p>
            ${renderQualityTimeline(this.qualityHistory)}` : ''}`;
      case 'properties':
        return renderProperties(e);
      default:
        return lineageView(e.guid, this.params || {});
    }
  }
}
customElements.define('tb-entity-page', EntityPage);

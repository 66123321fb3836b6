// Governance › Quality: the tenant's data-quality rules, every dataset's current outcome (badges),
// and one dataset's timeline of outcomes.

import { html } from 'lit';
import { api } from '../api.js';
import { entityHref, governanceHref } from '../router.js';
import { formatNumber, formatTime } from '../format.js';
import { GovernanceSection, formValues } from './governance-section.js';
import { qualityBounds, qualityScope } from './governance-rows.js';
import { qualityBadgeChip, renderQualityTimeline } from './quality-timeline.js';

const METRICS = [
  ['rowCount', 'row count'],
  ['nullRatio', 'null ratio of a column'],
  ['distinctCount', 'distinct count of a column'],
  ['assertionSuccess', 'share of assertions passed'],
  ['freshness', 'freshness (streams)'],
];

/** The current results grouped by dataset, datasets with a failure first. */
function byDataset(latest) {
  const groups = new Map();
  for (const r of latest) {
    if (!groups.has(r.datasetGuid)) groups.set(r.datasetGuid, { guid: r.datasetGuid, name: r.dataset, results: [] });
    groups.get(r.datasetGuid).results.push(r);
  }
  const failing = (g) => g.results.some((r) => !r.passed);
  return [...groups.values()].sort((a, b) => failing(b) - failing(a) || String(a.name).localeCompare(String(b.name)));
}

export class GovernanceQuality extends GovernanceSection {
  static properties = {
    rules: { state: true },
    latest: { state: true },
    history: { state: true },
    metric: { state: true },
    scope: { state: true },
  };

  constructor() {
    super();
    this.rules = [];
    this.latest = [];
    this.history = null;
    this.metric = 'rowCount';
    this.scope = '';
  }

  get dataset() {
    return this.params?.dataset || null;
  }

  async load() {
    const dataset = this.dataset;
    const [rules, latest, history] = await Promise.all([
      api.qualityRules(this.tenant),
      api.qualityResults(this.tenant, { dataset: dataset || undefined }),
      dataset ? api.qualityResults(this.tenant, { dataset, view: 'history' }) : null,
    ]);
    Object.assign(this, { rules, latest, history });
  }

  href(extra = {}) {
    return governanceHref({ tenant: this.tenant, tab: 'quality', ...extra });
  }

  addRule(e) {
    e.preventDefault();
    const form = e.target;
    const v = formValues(form);
    const rule = { metric: v.metric };
    if (v.scope && v.scopeValue) rule[v.scope] = v.scopeValue;
    for (const k of ['column', 'maxAge']) if (v[k]) rule[k] = v[k];
    for (const k of ['min', 'max']) if (v[k]) rule[k] = Number(v[k]);
    this.run(() => api.putQualityRule(this.tenant, v.id, rule).then((r) => { form.reset(); return r; }),
      `Quality rule ${v.id} saved: it applies as datasets next change (freshness on the next check).`);
  }

  render() {
    return html`
      ${this.messages()}
      ${this.dataset ? this.renderDataset() : this.renderOverview()}`;
  }

  renderDataset() {
    const name = this.latest[0]?.dataset || this.history?.[0]?.dataset || this.dataset;
    return html`
      <p><a href=${this.href()}>← All datasets</a></p>
      <section class="card" data-testid="dataset-quality" aria-labelledby="dq-title">
        <h2 id="dq-title"><a href=${entityHref(this.dataset, 'quality')}>${name}</a> ${qualityBadgeChip(this.latest)}</h2>
        ${renderQualityTimeline(this.history)}
      </section>`;
  }

  renderOverview() {
    const groups = byDataset(this.latest);
    return html`
      <h2>Datasets</h2>
      ${groups.length ? html`<div class="table-wrap"><table class="stack" data-testid="quality-datasets">
        <thead><tr><th>Dataset</th><th>Outcome</th><th>Failing rules</th><th>Last change</th></tr></thead>
        <tbody>${groups.map((g) => {
          const failing = g.results.filter((r) => !r.passed);
          const last = g.results.reduce((a, r) => (r.time > a ? r.time : a), '');
          return html`<tr data-guid=${g.guid}>
            <td><a href=${this.href({ dataset: g.guid })} data-testid="timeline-link">${g.name}</a></td>
            <td data-label="Outcome">${qualityBadgeChip(g.results)}</td>
            <td data-label="Failing">${failing.length ? failing.map((r) => html`<div><strong>${r.rule}</strong>
              <span class="muted">${formatNumber(r.value)} · ${r.detail || ''}</span></div>`) : html`<span class="muted">none</span>`}</td>
            <td data-label="Last change">${formatTime(last)}</td></tr>`;
        })}</tbody></table></div>`
        : html`<p class="empty">No results yet: rules are checked as datasets change, freshness on a timer.</p>`}

      <h2>Rules</h2>
      <p class="actions"><button data-action="freshness" @click=${() => this.run(() => api.checkFreshness(this.tenant),
        (r) => `Freshness checked: ${r.checked} result${r.checked === 1 ? '' : 's'}.`)}>Check freshness now</button></p>
      ${this.rules.length ? html`<div class="table-wrap"><table class="stack" data-testid="quality-rules">
        <thead><tr><th>Rule</th><th>Applies to</th><th>Measures</th><th>Passes when</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${this.rules.map((r) => html`<tr data-rule=${r.id}>
          <td><strong>${r.id}</strong></td>
          <td data-label="Applies to">${qualityScope(r)}</td>
          <td data-label="Measures">${r.metric}${r.column ? html` of <code>${r.column}</code>` : ''}</td>
          <td data-label="Passes when">${qualityBounds(r)}</td>
          <td class="actions">${this.deleteButton(`rule-${r.id}`, 'Delete', `quality rule ${r.id}`,
            () => this.run(() => api.deleteQualityRule(this.tenant, r.id), `Quality rule ${r.id} deleted.`))}</td>
        </tr>`)}</tbody></table></div>` : html`<p class="empty">No data-quality rules.</p>`}
      <form class="card inline-form" data-testid="quality-form" @submit=${this.addRule}>
        <h3>New quality rule</h3>
        <label>Id <input name="id" required placeholder="orders-not-empty"></label>
        <label>Measures <select name="metric" @change=${(e) => { this.metric = e.target.value; }}>
          ${METRICS.map(([v, t]) => html`<option value=${v} ?selected=${this.metric === v}>${t}</option>`)}</select></label>
        <label>Applies to <select name="scope" @change=${(e) => { this.scope = e.target.value; }}>
          <option value="" ?selected=${!this.scope}>every dataset</option>
          <option value="dataset" ?selected=${this.scope === 'dataset'}>a dataset (qualified name)</option>
          <option value="namespace" ?selected=${this.scope === 'namespace'}>a namespace</option>
          <option value="classification" ?selected=${this.scope === 'classification'}>datasets with a classification</option>
        </select></label>
        ${this.scope ? html`<label>${this.scope === 'dataset' ? 'Qualified name' : this.scope === 'namespace' ? 'Namespace' : 'Classification'}
          <input name="scopeValue" required></label>` : ''}
        ${this.metric === 'nullRatio' || this.metric === 'distinctCount' ? html`<label>Column <input name="column" required></label>` : ''}
        ${this.metric === 'freshness'
          ? html`<label>Longest silence (ISO-8601) <input name="maxAge" required placeholder="PT15M"></label>`
          : html`<label>Least value <input name="min" type="number" step="any"></label>
            <label>Largest value <input name="max" type="number" step="any"></label>`}
        <p class="form-actions"><button class="primary" type="submit">Save rule</button></p>
      </form>`;
  }
}
customElements.define('tb-governance-quality', GovernanceQuality);

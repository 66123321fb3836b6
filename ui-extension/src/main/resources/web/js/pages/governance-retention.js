// Governance › Retention: the tenant's retention rules, its legal holds, and the dry run of a purge
// (what the rules would remove now, and what holds keep).

import { html } from 'lit';
import { api } from '../api.js';
import { entityHref, governanceHref, navigate } from '../router.js';
import { formatTime } from '../format.js';
import { GovernanceSection, formValues } from './governance-section.js';
import { count, dryRunRows, durationWords } from './governance-rows.js';

const TENANT_DEFAULT = 'tenant-retention';

export class GovernanceRetention extends GovernanceSection {
  static properties = {
    rules: { state: true },
    holds: { state: true },
    report: { state: true },
    holdKind: { state: true },
    heldEntities: { state: true },
  };

  constructor() {
    super();
    this.rules = [];
    this.holds = [];
    this.report = null;
    this.holdKind = 'guid';
    this.heldEntities = new Map();
  }

  /** The dry run is kept in the URL (it reads only), so that a reload shows it again. */
  get dryRunShown() {
    return this.params?.dryrun === '1';
  }

  async load() {
    const [rules, holds, report] = await Promise.all([
      api.retentionRules(this.tenant),
      api.holds(this.tenant),
      this.dryRunShown ? api.dryRun(this.tenant) : null,
    ]);
    // A hold names its entity by guid: the names are read for the table (one request a held entity).
    const guids = holds.map((h) => h.guid).filter((g) => g && !this.heldEntities.has(g));
    const found = await Promise.all(guids.map((g) => api.entity(g).catch(() => null)));
    const heldEntities = new Map(this.heldEntities);
    guids.forEach((g, i) => heldEntities.set(g, found[i]));
    Object.assign(this, { rules, holds, report, heldEntities });
  }

  updated(changed) {
    // A dry run asked for by its button is shown where the eye is, not below the fold of a phone.
    if (changed.has('report') && this.report && this.scrollToReport) {
      this.scrollToReport = false;
      this.querySelector('[data-testid=dry-run]')?.scrollIntoView({ block: 'start' });
    }
  }

  dryRun() {
    this.scrollToReport = true;
    if (this.dryRunShown) this.reload();
    else navigate(this.href({ dryrun: '1' }));
  }

  href(extra = {}) {
    return governanceHref({ tenant: this.tenant, tab: 'retention', ...extra });
  }

  addRule(e) {
    e.preventDefault();
    const form = e.target;
    const { id, olderThan, typeName, classification } = formValues(form);
    const rule = { olderThan };
    if (typeName) rule.typeName = typeName;
    if (classification) rule.classification = classification;
    this.run(() => api.putRetentionRule(this.tenant, id, rule).then((r) => { form.reset(); return r; }),
      `Retention rule ${id} saved.`);
  }

  placeHold(e) {
    e.preventDefault();
    const form = e.target;
    const { target, reason } = formValues(form);
    const hold = { [this.holdKind]: target };
    if (reason) hold.reason = reason;
    this.run(() => api.placeHold(this.tenant, hold).then((h) => { form.reset(); return h; }),
      (h) => `Legal hold ${h.id} placed on ${h.guid || h.namespace}.`);
  }

  holdEntity(row) {
    this.run(() => api.placeHold(this.tenant, { guid: row.guid, reason: `held from the dry run of rule ${row.rule}` }),
      (h) => `Legal hold ${h.id} placed on ${row.qualifiedName}: a purge keeps it.`);
  }

  render() {
    return html`
      <div class="section-head">
        <p class="muted">Rules purge what has not changed for longer than they allow, on a schedule; a legal hold
          keeps an entity or a namespace through every purge.</p>
        <p class="actions">
          <button class="primary" data-action="dry-run" @click=${() => this.dryRun()}>${this.dryRunShown ? 'Run the dry run again' : 'Dry run'}</button>
          ${this.dryRunShown ? html`<a href=${this.href()}>Hide dry run</a>` : ''}</p>
      </div>
      ${this.messages()}
      ${this.report ? this.renderReport(this.report) : ''}
      <h2>Retention rules</h2>
      ${this.rules.length ? html`<div class="table-wrap"><table class="stack" data-testid="retention-rules">
        <thead><tr><th>Rule</th><th>Type</th><th>Classification</th><th>Removes what is unchanged for</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${this.rules.map((r) => html`<tr data-rule=${r.id}>
          <td><strong>${r.id}</strong>${r.id === TENANT_DEFAULT ? html`<div class="muted">the tenant's own retention</div>` : ''}</td>
          <td data-label="Type">${r.typeName || html`<span class="muted">any type</span>`}</td>
          <td data-label="Classification">${r.classification ? html`<span class="chip classification">${r.classification}</span>` : html`<span class="muted">any</span>`}</td>
          <td data-label="Unchanged for">${durationWords(r.olderThan)} <code class="muted">${r.olderThan}</code></td>
          <td class="actions">${r.id === TENANT_DEFAULT ? ''
            : this.deleteButton(`rule-${r.id}`, 'Delete', `retention rule ${r.id}`,
              () => this.run(() => api.deleteRetentionRule(this.tenant, r.id), `Retention rule ${r.id} deleted.`))}</td>
        </tr>`)}</tbody></table></div>` : html`<p class="empty">No retention rules: nothing is purged.</p>`}
      <form class="card inline-form" data-testid="retention-form" @submit=${this.addRule}>
        <h3>New retention rule</h3>
        <label>Id <input name="id" required placeholder="old-runs"></label>
        <label>Unchanged for (ISO-8601) <input name="olderThan" required placeholder="P30D"></label>
        <label>Type <input name="typeName" placeholder="any, or e.g. openlineage_run"></label>
        <label>Classification <input name="classification" placeholder="any"></label>
        <p class="form-actions"><button class="primary" type="submit">Save rule</button></p>
      </form>

      <h2>Legal holds</h2>
      ${this.holds.length ? html`<div class="table-wrap"><table class="stack" data-testid="holds">
        <thead><tr><th>Hold</th><th>Keeps</th><th>Reason</th><th>Placed</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${this.holds.map((h) => html`<tr data-hold=${h.id}>
          <td><code>${h.id}</code></td>
          <td data-label="Keeps">${h.guid ? html`<a href=${entityHref(h.guid)}>${this.heldEntities.get(h.guid)?.qualifiedName || `entity ${h.guid}`}</a>`
            : html`namespace <strong>${h.namespace}</strong>`}</td>
          <td data-label="Reason">${h.reason || html`<span class="muted">—</span>`}</td>
          <td data-label="Placed">${formatTime(h.created)}<div class="muted">by ${h.createdBy}</div></td>
          <td class="actions">${this.deleteButton(`hold-${h.id}`, 'Release', `legal hold ${h.id}`,
            () => this.run(() => api.releaseHold(this.tenant, h.id), `Legal hold ${h.id} released.`))}</td>
        </tr>`)}</tbody></table></div>` : html`<p class="empty">No legal holds.</p>`}
      <form class="card inline-form" data-testid="hold-form" @submit=${this.placeHold}>
        <h3>Place a legal hold</h3>
        <label>On <select name="kind" @change=${(e) => { this.holdKind = e.target.value; }}>
          <option value="guid" ?selected=${this.holdKind === 'guid'}>an entity (guid)</option>
          <option value="namespace" ?selected=${this.holdKind === 'namespace'}>a namespace</option></select></label>
        <label>${this.holdKind === 'guid' ? 'Entity guid' : 'Namespace'} <input name="target" required></label>
        <label>Reason <input name="reason" placeholder="litigation 2026-17"></label>
        <p class="form-actions"><button class="primary" type="submit">Place hold</button></p>
      </form>

`;
  }

  renderReport(report) {
    const removed = dryRunRows(report.removed);
    const held = dryRunRows(report.held);
    return html`<section class="card" data-testid="dry-run" aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">Dry run: a purge now would remove ${count(removed.rows.length + removed.hidden, 'entity', 'entities')};
        legal holds keep ${held.rows.length + held.hidden}</h2>
      <p class="muted">Nothing is removed by a dry run. Hold what must stay; the scheduled purge removes the rest.</p>
      ${removed.rows.length ? html`<div class="table-wrap"><table class="stack" data-testid="would-remove">
        <thead><tr><th>Would remove</th><th>Type</th><th>By rule</th><th>Last changed</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${removed.rows.map((r) => html`<tr data-guid=${r.guid}>
          <td><a href=${entityHref(r.guid)}>${r.qualifiedName}</a></td>
          <td data-label="Type"><span class="type-badge">${r.typeName}</span></td>
          <td data-label="By rule">${r.rule}</td>
          <td data-label="Last changed">${formatTime(r.updateTime)}</td>
          <td class="actions"><button data-action="hold" @click=${() => this.holdEntity(r)}>Hold</button></td>
        </tr>`)}</tbody></table></div>` : html`<p class="empty">Nothing would be removed.</p>`}
      ${removed.hidden ? html`<p class="muted">${removed.hidden} more you may not read.</p>` : ''}
      ${held.rows.length ? html`<h4>Kept by a legal hold</h4>
        <div class="table-wrap"><table class="stack" data-testid="held">
        <thead><tr><th>Kept</th><th>Type</th><th>Rule it escapes</th><th>Held by</th></tr></thead>
        <tbody>${held.rows.map((r) => html`<tr data-guid=${r.guid}>
          <td><a href=${entityHref(r.guid)}>${r.qualifiedName}</a></td>
          <td data-label="Type"><span class="type-badge">${r.typeName}</span></td>
          <td data-label="Rule it escapes">${r.rule}</td>
          <td data-label="Held by"><code>${r.heldBy}</code> ${this.holds.find((h) => h.id === r.heldBy)?.reason || ''}</td>
        </tr>`)}</tbody></table></div>` : ''}
      ${held.hidden ? html`<p class="muted">${held.hidden} more held that you may not read.</p>` : ''}
    </section>`;
  }
}
customElements.define('tb-governance-retention', GovernanceRetention);

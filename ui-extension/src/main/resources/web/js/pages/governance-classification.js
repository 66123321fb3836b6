// Governance › Classification: the tenant's classification rules (replaced as a whole on the
// server), their re-evaluation, and what each rule classified with source and confidence.

import { html } from 'lit';
import { api } from '../api.js';
import { governanceHref } from '../router.js';
import { GovernanceSection, entityCell, formValues } from './governance-section.js';
import { classifiedBy, count, formToRule, ruleConditions, ruleToForm, rulesForPut } from './governance-rows.js';

function report(r) {
  return r ? `${count(r.examined, 'entity', 'entities')} examined: ${count(r.added, 'classification')} added, ${r.removed} removed` : '';
}

export class GovernanceClassification extends GovernanceSection {
  static properties = {
    rules: { state: true },
    classified: { state: true },
    editing: { state: true },
  };

  constructor() {
    super();
    this.rules = [];
    this.classified = new Map();
    this.editing = null;
  }

  /** The selected rule, kept in the URL as its position. */
  get selected() {
    const i = Number(this.params?.rule);
    return Number.isInteger(i) && i >= 0 && i < this.rules.length ? i : null;
  }

  async load() {
    const { rules } = await api.classificationRules(this.tenant);
    const names = [...new Set(rules.map((r) => r.classification))];
    const lists = await Promise.all(names.map((n) => api.classified(this.tenant, n)));
    this.rules = rules;
    this.classified = new Map(names.map((n, i) => [n, lists[i]]));
  }

  updated(changed) {
    // The entities of a rule chosen from the table open below it: brought into view on a phone.
    if (changed.has('rules') && this.selected !== null && this.scrollToSelected !== this.params?.rule) {
      this.scrollToSelected = this.params?.rule;
      this.querySelector('[data-testid=rule-entities]')?.scrollIntoView({ block: 'nearest' });
    }
  }

  href(extra = {}) {
    return governanceHref({ tenant: this.tenant, tab: 'classification', ...extra });
  }

  save(e) {
    e.preventDefault();
    const rule = formToRule(formValues(e.target));
    const rules = rulesForPut(this.rules);
    const at = this.editing;
    if (at === 'new') rules.push(rule);
    else rules[at] = rule;
    this.run(async () => {
      const answer = await api.putClassificationRules(this.tenant, rules);
      this.editing = null;
      return answer;
    }, (a) => `Rules saved. ${report(a.reevaluation)}.`);
  }

  remove(i) {
    const rules = rulesForPut(this.rules).filter((_, j) => j !== i);
    this.run(() => api.putClassificationRules(this.tenant, rules), (a) => `Rule deleted. ${report(a.reevaluation)}.`);
  }

  render() {
    const sel = this.selected;
    return html`
      <div class="section-head">
        <p class="muted">Rules classify datasets and columns as they arrive; a column's classification flows
          downstream along column lineage until a masking step.</p>
        <p class="actions">
          <button class="primary" data-action="new-rule" @click=${() => { this.editing = 'new'; }}>New rule</button>
          <button data-action="reevaluate" @click=${() => this.run(() => api.reevaluate(this.tenant), (r) => `Re-evaluated: ${report(r)}.`)}>
            Re-evaluate now</button></p>
      </div>
      ${this.messages()}
      ${this.editing !== null ? this.renderForm() : ''}
      ${this.rules.length ? html`<div class="table-wrap"><table class="stack" data-testid="classification-rules">
        <thead><tr><th>Classification</th><th>Conditions</th><th>Confidence</th><th>Classified</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${this.rules.map((r, i) => {
          const done = classifiedBy(r, this.classified.get(r.classification) || []);
          return html`<tr data-rule-index=${i} class=${i === sel ? 'selected' : ''}>
            <td><span class="chip classification">${r.classification}</span></td>
            <td data-label="Conditions">${ruleConditions(r)}</td>
            <td class="num" data-label="Confidence">${r.confidence ?? 1}</td>
            <td class="num" data-label="Classified"><a href=${this.href({ rule: i })} data-testid="classified-count"
              aria-label=${`${done.length} entities classified by this rule: show them`}>${done.length}</a></td>
            <td class="actions">
              <button data-action="edit" @click=${() => { this.editing = i; }}>Edit</button>
              ${this.deleteButton(`rule-${i}`, 'Delete', `rule ${r.rule}`, () => this.remove(i))}</td>
          </tr>`;
        })}</tbody></table></div>`
        : html`<p class="empty">No classification rules yet: classifications come from OpenLineage tags and stewards alone.</p>`}
      ${sel !== null ? this.renderClassified(this.rules[sel]) : ''}`;
  }

  renderClassified(rule) {
    const rows = classifiedBy(rule, this.classified.get(rule.classification) || []);
    return html`<section class="card" data-testid="rule-entities" aria-labelledby="rule-entities-title">
      <h2 id="rule-entities-title">Classified by <span class="chip classification">${rule.classification}</span>
        <span class="muted">${ruleConditions(rule)}</span></h2>
      ${rows.length ? html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>Entity</th><th>Type</th><th>Source</th><th>Confidence</th><th>Came by</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr data-guid=${r.entity.guid}>
          <td>${entityCell(r.entity)}</td>
          <td data-label="Type"><span class="type-badge">${r.entity.typeName}</span></td>
          <td data-label="Source"><span class="chip" data-testid="source">${r.source}</span></td>
          <td class="num" data-label="Confidence">${r.confidence}</td>
          <td data-label="Came by">${r.path.length ? html`<span class="path">${r.path.join(' → ')}</span>` : html`<span class="muted">matched directly</span>`}</td>
        </tr>`)}</tbody></table></div>`
        : html`<p class="empty">This rule has classified nothing you can see. Re-evaluate after changing it.</p>`}
      <p><a href=${this.href()}>Close</a></p>
    </section>`;
  }

  renderForm() {
    const f = ruleToForm(this.editing === 'new' ? {} : this.rules[this.editing]);
    return html`<form class="card rule-form" data-testid="classification-form" @submit=${this.save}>
      <h2>${this.editing === 'new' ? 'New classification rule' : 'Edit classification rule'}</h2>
      <label>Classification <input name="classification" required .value=${f.classification} placeholder="PII"></label>
      <label>Applies to <select name="appliesTo">
        ${[['', 'datasets and columns'], ['dataset', 'datasets'], ['column', 'columns']].map(([v, t]) =>
          html`<option value=${v} ?selected=${f.appliesTo === v}>${t}</option>`)}</select></label>
      <label>Name pattern (regex) <input name="pattern" .value=${f.pattern} placeholder="(?i)email|phone"></label>
      <label>Field type (regex) <input name="fieldType" .value=${f.fieldType} placeholder="string"></label>
      <label>OpenLineage tag <input name="tag" .value=${f.tag} placeholder="pii"></label>
      <label>Least distinct ratio <input name="minDistinctRatio" type="number" min="0" max="1" step="0.01" .value=${f.minDistinctRatio}></label>
      <label>Confidence <input name="confidence" type="number" min="0.01" max="1" step="0.01" .value=${f.confidence} placeholder="1"></label>
      <p class="actions form-actions"><button class="primary" type="submit">Save and re-evaluate</button>
        <button type="button" @click=${() => { this.editing = null; }}>Cancel</button></p>
    </form>`;
  }
}
customElements.define('tb-governance-classification', GovernanceClassification);

import { html } from 'lit';
import { LightElement } from '../components/light-element.js';
import { api } from '../api.js';
import { entityHref } from '../router.js';
import { isQuestion } from '../question.js';

const PAGE = 25;

const GRAPH_DIRECTION = { upstream: 'UPSTREAM', downstream: 'DOWNSTREAM', impact: 'DOWNSTREAM', path: 'BOTH' };

/** Full search results with filters by type, classification and tenant, paged. */
export class SearchPage extends LightElement {
  static properties = {
    params: { type: Object }, result: { state: true }, error: { state: true }, loading: { state: true },
    answer: { state: true },
  };

  constructor() {
    super();
    this.params = {};
    this.result = null;
    this.error = null;
  }

  willUpdate(changed) {
    if (changed.has('params')) this.load();
  }

  async load() {
    const p = this.params || {};
    this.loading = true;
    this.answer = null;
    if (isQuestion(p.q) && !Number(p.offset || 0)) {
      api.ask(p.q).then((a) => { this.answer = a; }).catch(() => { this.answer = null; });
    }
    try {
      this.result = await api.search({
        q: p.q, type: p.type, classification: p.classification, tenant: p.tenant,
        limit: PAGE, offset: Number(p.offset || 0),
      });
      this.error = null;
    } catch (e) {
      this.error = e.message;
      this.result = null;
    } finally {
      this.loading = false;
    }
  }

  go(changes) {
    const next = { ...this.params, ...changes };
    Object.keys(next).forEach((k) => (next[k] === '' || next[k] === undefined) && delete next[k]);
    location.hash = `#/search?${new URLSearchParams(next)}`;
  }

  render() {
    const p = this.params || {};
    const offset = Number(p.offset || 0);
    const r = this.result;
    return html`
      <h1>Search</h1>
      <form class="graph-toolbar" @submit=${(e) => {
        e.preventDefault();
        const f = new FormData(e.target);
        this.go({ q: f.get('q'), type: f.get('type'), classification: f.get('classification'), tenant: f.get('tenant'), offset: '' });
      }}>
        <label>Text <input name="q" .value=${p.q || ''} aria-label="Search text"></label>
        <label>Type <input name="type" .value=${p.type || ''} aria-label="Type" list="known-types"></label>
        <datalist id="known-types">
          ${['DataSet', 'Process', 'kafka_topic', 'pulsar_topic', 'kinesis_stream', 'mqtt_topic', 'flink_application',
            'kafka_streams_application', 'openlineage_job', 'openlineage_dataset', 'stream_column', 'edge_device', 'edge_node']
            .map((t) => html`<option value=${t}></option>`)}
        </datalist>
        <label>Classification <input name="classification" .value=${p.classification || ''} aria-label="Classification"></label>
        <label>Tenant <input name="tenant" .value=${p.tenant || ''} aria-label="Tenant"></label>
        <button class="primary" type="submit">Search</button>
      </form>
      ${this.renderAnswer()}
      ${this.error ? html`<p class="error-banner" role="alert">${this.error}</p>` : ''}
      <p aria-live="polite">${this.loading ? 'Searching…' : r ? `${r.total} result${r.total === 1 ? '' : 's'}` : ''}</p>
      <ul class="results" data-testid="results">
        ${(r?.entities || []).map((e) => html`
          <li>
            <a href=${entityHref(e.guid)}>${e.name}</a> <span class="type-badge">${e.typeName}</span>
            ${e.classifications.map((c) => html`<span class="chip classification">${c}</span>`)}
            <div class="qn">${e.qualifiedName}${e.tenant ? ` · ${e.tenant}` : ''}</div>
          </li>`)}
      </ul>
      ${r && r.total > PAGE ? html`
        <nav class="graph-toolbar" aria-label="Pages">
          <button ?disabled=${offset === 0} @click=${() => this.go({ offset: Math.max(0, offset - PAGE) })}>Previous</button>
          <span>${offset + 1}–${Math.min(offset + PAGE, r.total)} of ${r.total}</span>
          <button ?disabled=${offset + PAGE >= r.total} @click=${() => this.go({ offset: offset + PAGE })}>Next</button>
        </nav>` : ''}`;
  }

  renderAnswer() {
    const a = this.answer;
    if (!a || a.intent === 'search') return '';
    const listed = a.candidates?.length ? a.candidates : a.results || [];
    const focus = a.entities?.[0]?.guid;
    const direction = GRAPH_DIRECTION[a.intent];
    return html`
      <section class="card answer" aria-labelledby="answer-title" data-testid="answer" data-intent=${a.intent}>
        <h2 id="answer-title">Answer <span class="type-badge">${a.intent.replace('_', ' ')}</span></h2>
        <p data-testid="answer-text">${a.answer}</p>
        ${listed.length ? html`<ul class="results">
          ${listed.slice(0, 10).map((e) => html`<li><a href=${entityHref(e.guid)}>${e.name || e.qualifiedName}</a>
            <span class="type-badge">${e.typeName}</span></li>`)}
        </ul>` : ''}
        ${a.graph && focus && direction ? html`
          <tb-lineage-graph .focus=${focus} .params=${{ direction, depth: 3 }}></tb-lineage-graph>` : ''}
        <p class="qn" title="The structured query that was run">${a.query}</p>
      </section>`;
  }
}
customElements.define('tb-search-page', SearchPage);

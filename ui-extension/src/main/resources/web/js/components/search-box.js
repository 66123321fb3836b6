import { html, nothing } from 'lit';
import { LightElement } from './light-element.js';
import { api } from '../api.js';
import { entityHref, navigate, searchHref } from '../router.js';

let nextId = 0;

/** A search field with type-ahead suggestions: the ARIA 1.2 combobox pattern. */
export class SearchBox extends LightElement {
  static properties = {
    value: { type: String },
    suggestions: { state: true },
    active: { state: true },
    open: { state: true },
  };

  constructor() {
    super();
    this.value = '';
    this.suggestions = [];
    this.active = -1;
    this.open = false;
    this.listId = `suggestions-${nextId++}`;
    this.timer = null;
    this.requestSeq = 0;
    this.onHash = () => {
      this.open = false;
      this.suggestions = [];
      this.requestSeq++;
    };
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  render() {
    const expanded = this.open && this.suggestions.length > 0;
    return html`
      <form role="search" @submit=${this.submit}>
        <label class="visually-hidden" for="${this.listId}-input">Search the catalog or ask a question</label>
        <input id="${this.listId}-input" type="search" placeholder="Search or ask: who reads orders?"
          autocomplete="off" role="combobox" aria-autocomplete="list" aria-controls=${this.listId}
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-activedescendant=${this.active >= 0 ? `${this.listId}-${this.active}` : nothing}
          .value=${this.value} @input=${this.onInput} @keydown=${this.onKey}
          @blur=${() => setTimeout(() => (this.open = false), 150)} />
        <ul id=${this.listId} class="suggestions" role="listbox" aria-label="Suggestions" ?hidden=${!expanded}>
          ${this.suggestions.map((e, i) => html`
            <li id="${this.listId}-${i}" role="option" aria-selected=${i === this.active ? 'true' : 'false'}
              data-guid=${e.guid} @mousedown=${(ev) => { ev.preventDefault(); this.choose(e); }}>
              <span class="type-badge">${e.typeName}</span>
              <span>${e.name}</span>
              <span class="qn">${e.qualifiedName}</span>
            </li>`)}
        </ul>
      </form>`;
  }

  onInput(e) {
    this.value = e.target.value;
    clearTimeout(this.timer);
    const q = this.value.trim();
    if (q.length < 1) {
      this.suggestions = [];
      return;
    }
    this.timer = setTimeout(() => this.suggest(q), 150);
  }

  async suggest(q) {
    const seq = ++this.requestSeq;
    try {
      // Type-ahead looks names up as typed; Enter opens the full search, which also ranks by
      // meaning and answers questions.
      const result = await api.search({ q, limit: 8, mode: 'prefix' });
      if (seq !== this.requestSeq) return; // a newer keystroke won
      this.suggestions = result.entities;
      this.active = -1;
      this.open = true;
    } catch {
      // Suggestions are a convenience: when they fail, the search page still answers on Enter.
      this.suggestions = [];
    }
  }

  onKey(e) {
    const n = this.suggestions.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      this.open = true;
      this.active = (this.active + 1) % n;
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      this.active = (this.active - 1 + n) % n;
    } else if (e.key === 'Escape') {
      this.open = false;
      this.active = -1;
    } else if (e.key === 'Enter' && this.open && this.active >= 0) {
      e.preventDefault();
      this.choose(this.suggestions[this.active]);
    }
  }

  choose(entity) {
    this.open = false;
    this.suggestions = [];
    navigate(entityHref(entity.guid));
  }

  submit(e) {
    e.preventDefault();
    this.open = false;
    if (this.value.trim()) navigate(searchHref(this.value.trim()));
  }
}
customElements.define('tb-search-box', SearchBox);

import { html } from 'lit';
import { LightElement } from './light-element.js';
import { parseRoute } from '../router.js';
import { THEMES, setTheme, themeChoice } from '../theme.js';
import './search-box.js';
import '../pages/home-page.js';
import '../pages/search-page.js';
import '../pages/entity-page.js';
import '../pages/dashboard-page.js';
import '../pages/edge-page.js';
import '../pages/governance-page.js';

const THEME_LABELS = { system: 'System', light: 'Light', dark: 'Dark', 'high-contrast': 'High contrast' };

/** The application shell: top bar, theme switch and the page of the current route. */
export class AppShell extends LightElement {
  static properties = { route: { state: true }, theme: { state: true } };

  constructor() {
    super();
    this.route = parseRoute();
    this.theme = themeChoice();
    this.onHash = () => {
      this.route = parseRoute();
      window.scrollTo(0, 0);
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

  updated() {
    document.title = `${{ home: 'Home', search: 'Search', entity: 'Entity', dashboards: 'Dashboards', edge: 'Edge', governance: 'Governance' }[this.route.page]} · Tributary`;
  }

  render() {
    const r = this.route;
    return html`
      <header class="topbar">
        <a class="brand" href="#/" aria-label="Tributary home">Tribu<span>tary</span></a>
        <nav aria-label="Main">
          <a href="#/">Home</a>
          <a href="#/search">Search</a>
          <a href="#/dashboards">Dashboards</a>
          <a href="#/edge">Edge</a>
          <a href="#/governance">Governance</a>
        </nav>
        <tb-search-box></tb-search-box>
        <label class="visually-hidden" for="theme-select">Theme</label>
        <select id="theme-select" aria-label="Theme" @change=${this.changeTheme}>
          ${THEMES.map((t) => html`<option value=${t} ?selected=${t === this.theme}>${THEME_LABELS[t]}</option>`)}
        </select>
      </header>
      <main id="main" tabindex="-1">
        ${r.page === 'dashboards' ? html`<tb-dashboard-page .dashId=${r.id}></tb-dashboard-page>`
          : r.page === 'search' ? html`<tb-search-page .params=${r.params}></tb-search-page>`
          : r.page === 'edge' ? html`<tb-edge-page></tb-edge-page>`
          : r.page === 'governance' ? html`<tb-governance-page .params=${r.params}></tb-governance-page>`
          : r.page === 'entity' ? html`<tb-entity-page .guid=${r.guid} .tab=${r.tab} .params=${r.params}></tb-entity-page>`
          : html`<tb-home-page></tb-home-page>`}
      </main>`;
  }

  changeTheme(e) {
    this.theme = e.target.value;
    setTheme(this.theme);
  }
}
customElements.define('tb-app', AppShell);

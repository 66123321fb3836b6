// window.__tributary: read-only views of the UI's state for browser tests and benchmarks. Pages
// register providers here; nothing in the UI reads it back.

import { effectiveTheme, themeChoice } from './theme.js';
import { feedState } from './feed.js';

const state = { graph: null, page: null, lastExport: null, errors: [] };

export function installTestHook() {
  window.addEventListener('error', (e) => state.errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => state.errors.push(String(e.reason)));
  window.__tributary = {
    get theme() {
      return { choice: themeChoice(), effective: effectiveTheme() };
    },
    get page() {
      return state.page;
    },
    get graph() {
      return state.graph ? state.graph() : null;
    },
    /** A cheap summary of the graph, for polling: no per-node data. */
    get graphStatus() {
      return state.graph && window.__tributary.view ? window.__tributary.view.status() : null;
    },
    get lastExport() {
      return state.lastExport;
    },
    get feed() {
      return feedState();
    },
    get errors() {
      return [...state.errors];
    },
    /** The live graph view, for benchmarks that drive it (pan, zoom). */
    view: null,
  };
}

export function registerGraph(provider, view) {
  state.graph = provider;
  if (window.__tributary) window.__tributary.view = view;
}

export function unregisterGraph(provider) {
  if (state.graph === provider) {
    state.graph = null;
    if (window.__tributary) window.__tributary.view = null;
  }
}

export function setPage(page) {
  state.page = page;
}

export function recordExport(info) {
  state.lastExport = info;
}

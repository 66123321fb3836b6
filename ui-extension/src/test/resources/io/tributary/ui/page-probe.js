// Injected by the browser tests into every page before the page's own scripts run
// (Page.addScriptToEvaluateOnNewDocument): window.__tributary, read-only views of the UI's state.
// The UI ships nothing for tests; this reads what its elements expose and watches from outside.
(() => {
  const errors = [];
  window.addEventListener('error', (e) => errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

  // The change feed's stream, seen by wrapping EventSource before the UI's modules use it.
  const streams = [];
  const NativeEventSource = window.EventSource;
  if (NativeEventSource) {
    window.EventSource = class extends NativeEventSource {
      constructor(url, init) {
        super(url, init);
        streams.push(this);
      }
    };
  }

  const graphElement = () => document.querySelector('tb-lineage-graph');

  window.__tributary = Object.freeze({
    get theme() {
      let choice = 'system';
      try {
        choice = localStorage.getItem('tributary.theme') || 'system';
      } catch {
        // Storage refused (opaque origins): the UI falls back to the system theme too.
      }
      return { choice, effective: document.documentElement.dataset.theme || null };
    },
    get page() {
      const app = document.querySelector('tb-app');
      return app && app.route ? app.route.page : null;
    },
    /** The graph as drawn, or null before the lineage tab has a graph. */
    get graph() {
      const view = graphElement();
      return view ? view.snapshot() : null;
    },
    /** A cheap summary of the graph, for polling. */
    get graphStatus() {
      const view = graphElement();
      return view ? view.status() : null;
    },
    /** The graph element itself, for tests that drive Cytoscape (view.cy). */
    get view() {
      return graphElement();
    },
    get feed() {
      const live = streams.filter((s) => s.readyState !== NativeEventSource.CLOSED);
      return { connected: live.some((s) => s.readyState === NativeEventSource.OPEN), streams: live.length };
    },
    get errors() {
      return [...errors];
    },
  });
})();

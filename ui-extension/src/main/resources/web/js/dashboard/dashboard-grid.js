// The drag-and-resize grid of a dashboard: gridstack (web/vendor/, see its README), loaded once
// and only by the dashboard page.

const GRIDSTACK = 'vendor/gridstack/14.1.0/';
export const COLUMNS = 12;
/** Below this width the grid shows one column, read-only, so that a phone never rewrites a layout. */
export const ONE_COLUMN_BELOW = 700;

let loading = null;

/** The stylesheet of the dashboard and 3D pages, added to the document once. */
export function loadDashboardStyles() {
  if (!document.querySelector('link[data-dashboard-css]')) {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = 'css/dashboard.css';
    css.dataset.dashboardCss = '';
    document.head.append(css);
  }
}

/** window.GridStack, after loading its script and styles once. */
export function loadGridStack() {
  loadDashboardStyles();
  if (window.GridStack) return Promise.resolve(window.GridStack);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = `${GRIDSTACK}gridstack.min.css`;
      document.head.append(css);
      const script = document.createElement('script');
      script.src = `${GRIDSTACK}gridstack-all.js`;
      script.onload = () => resolve(window.GridStack);
      script.onerror = () => {
        loading = null;
        reject(new Error('The dashboard grid could not be loaded'));
      };
      document.head.append(script);
    });
  }
  return loading;
}

/** A grid in {@code el}; {@code onChange(items)} receives [{id, x, y, w, h}] after a user moved or resized. */
export async function createGrid(el, { onChange }) {
  const GridStack = await loadGridStack();
  const grid = GridStack.init({
    column: COLUMNS,
    cellHeight: 64,
    margin: 6,
    float: false,
    staticGrid: true,
    animate: false,
    handle: '.dash-widget-head',
    resizable: { handles: 'se,e,s' },
    alwaysShowResizeHandle: true,
    columnOpts: { breakpointForWindow: false, layout: 'list', breakpoints: [{ w: ONE_COLUMN_BELOW, c: 1 }] },
  }, el);
  grid.on('change', () => {
    if (grid.getColumn() !== COLUMNS) return;
    onChange(grid.save(false).map(({ id, x, y, w, h }) => ({ id, x, y, w, h })));
  });
  return grid;
}

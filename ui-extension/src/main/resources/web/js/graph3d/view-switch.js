// The lineage tab's choice between the 2D explorer and the 3D view, kept in the URL as view=3d so
// that a reload or a shared link opens the same view with the same query parameters.
import { html } from 'lit';
import { entityHref, navigate, parseRoute } from '../router.js';
import { withView } from '../graph/view-state.js';
import { loadDashboardStyles } from '../dashboard/dashboard-grid.js';

const hrefFor = (guid, params, view) => {
  const p = withView(params, view);
  return entityHref(guid, 'lineage', Object.keys(p).length ? p : undefined);
};

/**
 * Both views write what the user changes (filters, selection, expansions…) into the URL without
 * navigating, so the switch reads the URL as it is when clicked, not as it was when drawn.
 */
function switchTo(e, guid, view) {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  const route = parseRoute();
  navigate(hrefFor(guid, route.page === 'entity' && route.guid === guid ? route.params : {}, view));
}

export function lineageView(guid, params) {
  const is3d = params.view === '3d';
  loadDashboardStyles();
  if (is3d) import('./lineage-3d.js');
  return html`
    <nav class="view-switch" aria-label="Lineage view">
      <a href=${hrefFor(guid, params, '2d')} id="view-2d" aria-current=${is3d ? 'false' : 'page'}
        @click=${(e) => switchTo(e, guid, '2d')}>2D</a>
      <a href=${hrefFor(guid, params, '3d')} id="view-3d" aria-current=${is3d ? 'page' : 'false'}
        @click=${(e) => switchTo(e, guid, '3d')}>3D</a>
    </nav>
    ${is3d
      ? html`<tb-lineage-3d .focus=${guid} .params=${params}></tb-lineage-3d>`
      : html`<tb-lineage-graph .focus=${guid} .params=${params}></tb-lineage-graph>`}`;
}

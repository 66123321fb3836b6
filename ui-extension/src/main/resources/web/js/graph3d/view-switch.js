// The lineage tab's choice between the 2D explorer and the 3D view, kept in the URL as view=3d so
// that a reload or a shared link opens the same view with the same query parameters.
import { html } from 'lit';
import { entityHref } from '../router.js';
import { loadDashboardStyles } from '../dashboard/dashboard-grid.js';

export function lineageView(guid, params) {
  const is3d = params.view === '3d';
  const { view, ...rest } = params;
  void view;
  const href = (v) => entityHref(guid, 'lineage', v === '3d' ? { ...rest, view: '3d' } : rest);
  loadDashboardStyles();
  if (is3d) import('./lineage-3d.js');
  return html`
    <nav class="view-switch" aria-label="Lineage view">
      <a href=${href('2d')} id="view-2d" aria-current=${is3d ? 'false' : 'page'}>2D</a>
      <a href=${href('3d')} id="view-3d" aria-current=${is3d ? 'page' : 'false'}>3D</a>
    </nav>
    ${is3d
      ? html`<tb-lineage-3d .focus=${guid} .params=${params}></tb-lineage-3d>`
      : html`<tb-lineage-graph .focus=${guid} .params=${params}></tb-lineage-graph>`}`;
}

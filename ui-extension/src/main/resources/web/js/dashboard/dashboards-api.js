// /api/v1/dashboards (docs/http-api.md#dashboards-apiv1dashboards).
import { request } from '../api.js';

const enc = encodeURIComponent;
const json = (body) => JSON.stringify(body);

export const dashboards = {
  list: () => request('/dashboards'),
  get: (id) => request(`/dashboards/${enc(id)}`),
  create: (body) => request('/dashboards', { method: 'POST', body: json(body) }),
  update: (id, body) => request(`/dashboards/${enc(id)}`, { method: 'PUT', body: json(body) }),
  remove: (id) => request(`/dashboards/${enc(id)}`, { method: 'DELETE' }),
  importText: (text) => request('/dashboards/import', { method: 'POST', body: text }),
  exportUrl: (id) => `/api/v1/dashboards/${enc(id)}/export`,
};

/** The members a dashboard is saved with. */
export function bodyOf(dash) {
  return {
    title: dash.title,
    shared: Boolean(dash.shared),
    widgets: dash.widgets.map(({ id, type, x, y, w, h, config }) => ({ id, type, x, y, w, h, config: config || {} })),
  };
}

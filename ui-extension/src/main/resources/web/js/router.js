// Hash routes: #/ (home), #/search?q=, #/edge, #/governance?tenant=&tab=&task= (tabs: inbox, classification, retention, quality), #/entity/{guid}/{tab}?params. Hash routing needs nothing
// from the server beyond index.html.

export function parseRoute(hash = location.hash) {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, qs = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = Object.fromEntries(new URLSearchParams(qs));
  if (parts[0] === 'search') return { page: 'search', params };
  if (parts[0] === 'dashboards') return { page: 'dashboards', id: parts[1] || null, params };
  if (parts[0] === 'edge') return { page: 'edge', params };
  if (parts[0] === 'governance') return { page: 'governance', params };
  if (parts[0] === 'entity' && parts[1]) return { page: 'entity', guid: parts[1], tab: parts[2] || 'overview', params };
  return { page: 'home', params };
}

export function entityHref(guid, tab, params) {
  const qs = params ? `?${new URLSearchParams(params)}` : '';
  return `#/entity/${encodeURIComponent(guid)}${tab ? `/${tab}` : ''}${qs}`;
}

export function searchHref(q) {
  return `#/search?${new URLSearchParams({ q })}`;
}

export function navigate(href) {
  if (location.hash !== href) location.hash = href;
}

export function governanceHref(params) {
  const qs = params ? `?${new URLSearchParams(params)}` : '';
  return `#/governance${qs}`;
}

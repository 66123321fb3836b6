// The catalog server's REST API, and the normalisation of its answers into the shapes the pages use.

const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(status, detail, url) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.url = url;
  }
}

export async function request(path, options = {}) {
  const response = await fetch(BASE + path, {
    headers: { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
    ...options,
  });
  const text = await response.text();
  let body = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    const detail = body && typeof body === 'object' ? body.detail || body.message || body.title : body;
    throw new ApiError(response.status, detail, path);
  }
  return body;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

/** An entity in one shape whatever the server or Atlas wrote: flat fields, attributes apart. */
export function normalizeEntity(raw) {
  if (!raw || typeof raw !== 'object') return null;
  const attrs = { ...(raw.attributes || {}) };
  const key = raw.key || {};
  const classifications = (raw.classifications || raw.classificationNames || []).map((c) =>
    typeof c === 'string' ? c : c.typeName || c.name,
  );
  const tenant = raw.tenant ?? key.tenant ?? attrs.tenant;
  return {
    guid: raw.guid,
    typeName: raw.typeName || key.typeName || 'unknown',
    qualifiedName: raw.qualifiedName || key.qualifiedName || attrs.qualifiedName || '',
    name: raw.name || attrs.name || raw.displayText || raw.qualifiedName || attrs.qualifiedName || raw.guid,
    tenant: typeof tenant === 'object' && tenant ? tenant.value : tenant || '',
    attributes: attrs,
    classifications: classifications.filter(Boolean),
    createTime: raw.createTime ?? raw.times?.createTime ?? raw.times?.created ?? null,
    updateTime: raw.updateTime ?? raw.times?.updateTime ?? raw.times?.updated ?? null,
    redacted: Boolean(raw.redacted),
  };
}

function entityList(raw) {
  if (!raw) return [];
  if (Array.isArray(raw)) return raw;
  return raw.entities || raw.results || raw.items || [];
}

/**
 * A lineage answer as {start, nodes: Map guid→entity, edges: [{from, to, type}], redacted: Set,
 * distances: Map}. Accepts the server's LineageGraph JSON and Atlas's AtlasLineageInfo.
 */
export function normalizeLineage(raw) {
  const nodes = new Map();
  const addEntity = (e, guidHint) => {
    const n = normalizeEntity(typeof e === 'object' ? { guid: guidHint, ...e } : { guid: guidHint });
    if (n && n.guid) nodes.set(n.guid, n);
  };
  if (Array.isArray(raw.nodes)) raw.nodes.forEach((e) => addEntity(e, e.guid));
  const map = raw.entities || raw.guidEntityMap;
  if (Array.isArray(map)) map.forEach((e) => addEntity(e, e.guid));
  else if (map) Object.entries(map).forEach(([g, e]) => addEntity(e, g));
  const redacted = new Set(raw.redacted || raw.redactedGuids || []);
  for (const g of redacted) {
    if (!nodes.has(g)) nodes.set(g, redactedEntity(g));
  }
  const edges = (raw.edges || raw.relations || []).map((e) => ({
    from: e.from || e.source || e.fromEntityId,
    to: e.to || e.target || e.toEntityId,
    type: e.relationshipType || e.type || e.typeName || 'lineage',
  }));
  for (const e of edges) {
    for (const g of [e.from, e.to]) if (!nodes.has(g)) nodes.set(g, redactedEntity(g));
  }
  const distances = new Map(Object.entries(raw.distances || {}).map(([g, d]) => [g, Number(d)]));
  // Neighbours per direction in the whole catalog (not only this answer): absent from Atlas.
  const degrees = new Map(Object.entries(raw.degrees || {}).map(([g, d]) => [g, {
    UPSTREAM: Number(d.upstream ?? 0), DOWNSTREAM: Number(d.downstream ?? 0),
  }]));
  return { start: raw.start || raw.baseEntityGuid, nodes, edges, redacted, distances, degrees };
}

export function redactedEntity(guid) {
  return {
    guid, typeName: 'redacted', qualifiedName: '', name: 'hidden', tenant: '', attributes: {},
    classifications: [], createTime: null, updateTime: null, redacted: true,
  };
}

export const api = {
  entity: async (guid) => normalizeEntity(await request(`/entities/${enc(guid)}`)),

  entities: async (params) => entityList(await request(`/entities${query(params)}`)).map(normalizeEntity),

  related: async (guid, relationshipType, direction) =>
    entityList(await request(`/entities/${enc(guid)}/related/${enc(relationshipType)}${query({ direction })}`))
      .map(normalizeEntity),

  search: async (params) => {
    const raw = await request(`/search${query(params)}`);
    const entities = entityList(raw).map(normalizeEntity);
    return { entities, total: raw && typeof raw.total === 'number' ? raw.total : entities.length };
  },

  lineage: async (guid, { direction = 'BOTH', depth = 1, level = 'DATASET' } = {}) =>
    normalizeLineage(await request(`/lineage/${enc(guid)}${query({ direction, depth, level })}`)),

  /** A path between two entities in either direction; null when there is none. */
  path: async (from, to, maxDepth = 20) => {
    let raw;
    try {
      raw = await request(`/lineage/path${query({ from, to, maxDepth })}`);
    } catch (e) {
      if (e.status === 404) return null;
      throw e;
    }
    const guids = raw.guids || raw.path || (raw.nodes || []).map((n) => n.guid) || [];
    const visible = new Map((raw.visible || raw.entities || raw.nodes || []).filter(Boolean)
      .map((e) => [e.guid, normalizeEntity(e)]));
    const edges = (raw.edges || []).map((e) => ({
      from: e.from || e.source, to: e.to || e.target, type: e.relationshipType || e.type || 'lineage',
    }));
    if (!edges.length) for (let i = 1; i < guids.length; i++) edges.push({ from: guids[i - 1], to: guids[i], type: 'lineage' });
    return { guids, visible, edges, reversed: Boolean(raw.reversed) };
  },

  impact: async (guid, depth = 10) => {
    const raw = await request(`/impact/${enc(guid)}${query({ depth })}`);
    const list = Array.isArray(raw) ? raw : raw.entries || raw.impact || raw.entities || [];
    return list.map((e) => ({ entity: normalizeEntity(e.entity || e), distance: Number(e.distance ?? 0) }));
  },

  /** Impact as guids and distances only: for a caller that holds the entities already. */
  impactGuids: async (guid, depth = 10) => {
    const raw = await request(`/impact/${enc(guid)}${query({ depth, fields: 'guid' })}`);
    return (raw.entries || []).map((e) => ({ guid: e.guid, distance: Number(e.distance ?? 0) }));
  },

  stats: () => request('/stats'),

  ask: (q) => request(`/ask${query({ q })}`),

  summary: (guid) => request(`/entities/${enc(guid)}/summary`),

  insights: async () => (await request('/insights'))?.insights || [],

  layout: (graph) => request('/layout/layered', { method: 'POST', body: JSON.stringify(graph) }),

  tenants: async () => (await request('/tenants'))?.tenants || [],

  /** Governance: owners and stewards, steward tasks, proposals and a user's inbox. */
  stewardship: (guid) => request(`/governance/entities/${enc(guid)}/stewardship`),

  inbox: (tenant) => request(`/governance/tenants/${enc(tenant)}/inbox`),

  tasks: async (tenant, params = {}) =>
    (await request(`/governance/tenants/${enc(tenant)}/tasks${query(params)}`))?.tasks || [],

  task: (tenant, id) => request(`/governance/tenants/${enc(tenant)}/tasks/${enc(id)}`),

  taskAction: (tenant, id, action, body = {}) =>
    request(`/governance/tenants/${enc(tenant)}/tasks/${enc(id)}/${action}`, { method: 'POST', body: JSON.stringify(body) }),

  proposals: async (tenant, params = {}) =>
    (await request(`/governance/tenants/${enc(tenant)}/proposals${query(params)}`))?.proposals || [],

  decide: (tenant, id, decision, comment) =>
    request(`/governance/tenants/${enc(tenant)}/proposals/${enc(id)}/${decision}`,
      { method: 'POST', body: JSON.stringify(comment ? { comment } : {}) }),

  /** Governance: classification rules (replaced as a whole) and the entities a classification is on. */
  classificationRules: (tenant) => request(`/governance/tenants/${enc(tenant)}/classification-rules`),

  putClassificationRules: (tenant, rules) =>
    request(`/governance/tenants/${enc(tenant)}/classification-rules`, { method: 'PUT', body: JSON.stringify({ rules }) }),

  reevaluate: (tenant) => request(`/governance/tenants/${enc(tenant)}/classifications/reevaluate`, { method: 'POST' }),

  classified: async (tenant, classification, limit = 500) =>
    (await request(`/governance/tenants/${enc(tenant)}/classifications${query({ classification, limit })}`))?.entities || [],

  /** Governance: retention rules, legal holds and the dry run of a purge. */
  retentionRules: async (tenant) => (await request(`/governance/tenants/${enc(tenant)}/retention-rules`))?.rules || [],

  putRetentionRule: (tenant, id, rule) =>
    request(`/governance/tenants/${enc(tenant)}/retention-rules/${enc(id)}`, { method: 'PUT', body: JSON.stringify(rule) }),

  deleteRetentionRule: (tenant, id) =>
    request(`/governance/tenants/${enc(tenant)}/retention-rules/${enc(id)}`, { method: 'DELETE' }),

  holds: async (tenant) => (await request(`/governance/tenants/${enc(tenant)}/legal-holds`))?.holds || [],

  placeHold: (tenant, hold) =>
    request(`/governance/tenants/${enc(tenant)}/legal-holds`, { method: 'POST', body: JSON.stringify(hold) }),

  releaseHold: (tenant, id) => request(`/governance/tenants/${enc(tenant)}/legal-holds/${enc(id)}`, { method: 'DELETE' }),

  dryRun: (tenant) => request(`/governance/tenants/${enc(tenant)}/retention/dry-run`),

  /** Governance: data-quality rules and their results, the current ones or the history. */
  qualityRules: async (tenant) => (await request(`/governance/tenants/${enc(tenant)}/quality-rules`))?.rules || [],

  putQualityRule: (tenant, id, rule) =>
    request(`/governance/tenants/${enc(tenant)}/quality-rules/${enc(id)}`, { method: 'PUT', body: JSON.stringify(rule) }),

  deleteQualityRule: (tenant, id) =>
    request(`/governance/tenants/${enc(tenant)}/quality-rules/${enc(id)}`, { method: 'DELETE' }),

  qualityResults: async (tenant, { dataset, view = 'latest' } = {}) =>
    (await request(`/governance/tenants/${enc(tenant)}/quality-results${query({ dataset, view })}`))?.results || [],

  checkFreshness: (tenant) => request(`/governance/tenants/${enc(tenant)}/quality/freshness-check`, { method: 'POST' }),

  exportUrl: (guid, format, params = {}) => `${BASE}/lineage/${enc(guid)}/export${query({ format, ...params })}`,
};

// The catalog's change feed (Server-Sent Events), shared by every page through one connection.

const listeners = new Set();
let source = null;
let lastId = null;
const recent = [];
const RECENT_MAX = 200;

function parse(event) {
  let data = {};
  try {
    data = JSON.parse(event.data);
  } catch {
    data = { raw: event.data };
  }
  const kind = data.kind || event.type || 'message';
  return {
    id: event.lastEventId || data.sequence,
    kind: kind === 'message' ? data.kind || 'CHANGE' : kind,
    time: data.time || new Date().toISOString(),
    subject: ref(data.subject),
    target: ref(data.target),
    relationshipType: data.relationshipType || null,
  };
}

function ref(r) {
  if (!r) return null;
  const key = r.key || {};
  return {
    guid: r.guid,
    typeName: r.typeName || key.typeName,
    qualifiedName: r.qualifiedName || key.qualifiedName,
    tenant: r.tenant || key.tenant,
  };
}

function deliver(event) {
  const change = parse(event);
  // When it arrived here: a change's own time is its event's time, which a replay or a late
  // producer sets in the past.
  change.receivedAt = Date.now();
  lastId = change.id || lastId;
  recent.unshift(change);
  if (recent.length > RECENT_MAX) recent.pop();
  listeners.forEach((l) => {
    try {
      l(change);
    } catch (e) {
      console.error('feed listener failed', e);
    }
  });
}

function connect() {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/feed');
  for (const kind of ['ENTITY_CREATED', 'ENTITY_UPDATED', 'ENTITY_DELETED', 'RELATIONSHIP_CREATED', 'message']) {
    source.addEventListener(kind, deliver);
  }
  // EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed in the window.
}

// A page kept in the back/forward cache would keep its stream open, and browsers allow only six
// HTTP/1.1 connections per host: close on pagehide, reopen when the page is shown again.
window.addEventListener('pagehide', () => {
  if (source) {
    source.close();
    source = null;
  }
});
window.addEventListener('pageshow', (e) => {
  if (e.persisted && listeners.size) connect();
});

/** Calls {@code listener} with each change; returns a function that stops it. */
export function onChange(listener) {
  connect();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function recentChanges() {
  return [...recent];
}

export function feedState() {
  return { connected: Boolean(source && source.readyState === 1), lastId, received: recent.length };
}

// Small formatting helpers shared by the pages.

export function formatTime(value) {
  if (value === null || value === undefined || value === '') return '';
  const d = typeof value === 'number' ? new Date(value) : new Date(String(value));
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString();
}

export function formatDuration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(Number(ms))) return '';
  const s = Number(ms) / 1000;
  if (s < 1) return `${Math.round(Number(ms))} ms`;
  if (s < 120) return `${s.toFixed(1)} s`;
  const m = s / 60;
  if (m < 120) return `${m.toFixed(1)} min`;
  return `${(m / 60).toFixed(1)} h`;
}

export function formatNumber(n) {
  if (n === null || n === undefined || n === '') return '';
  const v = Number(n);
  return Number.isFinite(v) ? v.toLocaleString() : String(n);
}

/** The first attribute present among several names: the mapping names some facets more than one way. */
export function pick(attrs, ...names) {
  for (const n of names) {
    if (attrs && attrs[n] !== undefined && attrs[n] !== null && attrs[n] !== '') return attrs[n];
  }
  return undefined;
}

/** Parses attribute values that the catalog stored as JSON text. */
export function asObject(value) {
  if (typeof value === 'string' && /^[[{]/.test(value.trim())) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

export function typeCategory(entity) {
  const t = (entity.typeName || '').toLowerCase();
  if (entity.redacted || t === 'redacted') return 'redacted';
  if (t === 'stream_column') return 'column';
  if (t === 'stream_column_lineage') return 'column-process';
  if (t.includes('process') || t.includes('application') || t.includes('job') || t === 'edge_device' || t === 'edge_node') return 'process';
  return 'dataset';
}

/**
 * Changes as people read them: the repeats of one change (same kind, same entity, same target) are
 * folded into its newest row with a count, so jobs reporting statistics every few seconds do not
 * flood the list. {@code changes} is newest first.
 */
export function foldChanges(changes) {
  const rows = [];
  const byKey = new Map();
  for (const c of changes) {
    const key = c.subject?.guid ? `${c.kind}|${c.subject.guid}|${c.target?.guid ?? ''}` : null;
    const row = key && byKey.get(key);
    if (row) {
      row.count++;
      continue;
    }
    const fresh = { ...c, count: 1 };
    if (key) byKey.set(key, fresh);
    rows.push(fresh);
  }
  return rows;
}

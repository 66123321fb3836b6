// What each dashboard widget shows, computed from catalog entities: pure functions of their inputs
// (entities as api.js normalises them, and the time "now"), so that they are tested without a page.

import { asObject, pick, typeCategory } from '../format.js';

const RUN_TYPE = 'stream_process_run';
/** Worst first: what the streaming-health widget lists on top. */
const HEALTH_ORDER = { FAIL: 0, FAILED: 0, ABORT: 1, STALE: 2, RUNNING: 3, START: 3, COMPLETE: 4 };

export function timeOf(value) {
  if (value === undefined || value === null || value === '') return null;
  const t = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(t) ? t : null;
}

export function runState(run) {
  return String(pick(run.attributes, 'state', 'status', 'runState', 'eventType') || 'UNKNOWN').toUpperCase();
}

function rowsOf(stats) {
  const s = asObject(stats);
  if (s === null || s === undefined) return null;
  if (typeof s === 'number') return s;
  if (Array.isArray(s)) return s.reduce((sum, x) => sum + (rowsOf(x) || 0), 0);
  if (typeof s === 'object') {
    const n = Number(s.rowCount ?? s.rows ?? s.records ?? s.recordCount);
    if (Number.isFinite(n)) return n;
    return Object.values(s).reduce((sum, x) => sum + (typeof x === 'object' ? rowsOf(x) || 0 : 0), 0);
  }
  return null;
}

/**
 * A consumer's lag from a run's facets ({@code tributary_streaming_metrics}, reported by the Kafka
 * consumer interceptor and the Kafka Streams emitter): records behind in all, per topic and per
 * partition (largest first), or null when the run reports none.
 */
export function consumerLag(runFacets) {
  const m = asObject(runFacets)?.tributary_streaming_metrics;
  if (!m || typeof m !== 'object') return null;
  const total = Number(m.totalLag);
  const entries = (o) => Object.entries(o && typeof o === 'object' ? o : {})
    .map(([k, v]) => [k, Number(v)]).filter(([, v]) => Number.isFinite(v)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const byPartition = entries(m.lagByPartition);
  const byTopic = entries(m.lagByTopic);
  if (!Number.isFinite(total) && !byTopic.length && !byPartition.length) return null;
  const sum = (list) => list.reduce((a, [, v]) => a + v, 0);
  return { total: Number.isFinite(total) ? total : sum(byPartition.length ? byPartition : byTopic), byTopic, byPartition };
}

/**
 * A job's lag as its newest run holds it: the total the catalog keeps ({@code consumerLag}, with
 * {@code consumerLagTime}, when it was reported), the partitions from the run facet when it tells
 * of the same report; {@code stale} when the report is older than {@code staleMs} (a consumer that
 * stopped reporting is not "0 behind").
 */
export function runLag(attributes, facets, { lastSeen = null, now = Date.now(), staleMs = 5 * 60_000 } = {}) {
  const fromFacet = consumerLag(facets);
  const kept = Number(pick(attributes, 'consumerLag'));
  if (!Number.isFinite(kept) && !fromFacet) return null;
  const total = Number.isFinite(kept) ? kept : fromFacet.total;
  const same = fromFacet && fromFacet.total === total;
  const at = timeOf(pick(attributes, 'consumerLagTime')) ?? (fromFacet ? lastSeen : null);
  return {
    total,
    byTopic: same ? fromFacet.byTopic : [],
    byPartition: same ? fromFacet.byPartition : [],
    at,
    stale: at === null || now - at > staleMs,
  };
}

/** Records per second in the newest reported window: written, or read by a job that only reads. */
function windowRate(a) {
  const seconds = Number(pick(a, 'windowSeconds'));
  const records = Number(pick(a, 'windowOutputRecords') ?? pick(a, 'windowInputRecords'));
  return Number.isFinite(seconds) && seconds > 0 && Number.isFinite(records) ? records / seconds : null;
}

/** Rows over the run's lifetime, for producers that report totals rather than windows. */
function lifetimeRate(a, facets, lastSeen) {
  const out = rowsOf(pick(a, 'outputStatistics', 'outputStats') ?? facets.outputStatistics);
  const start = timeOf(pick(a, 'startTime', 'nominalStartTime'));
  const span = start !== null && lastSeen !== null ? (lastSeen - start) / 1000 : null;
  return out !== null && out > 0 && span > 0 ? out / span : null;
}

/**
 * Streaming health: per job its newest run's state, how long ago it last reported (a RUNNING job
 * silent for more than {@code staleMinutes} counts as STALE), and its throughput in records per
 * second (the newest window's records written, else read; else rows over the run's lifetime).
 */
export function streamingHealth(runs, { now = Date.now(), staleMinutes = 5 } = {}) {
  const newest = new Map();
  for (const run of runs) {
    if (run.typeName !== RUN_TYPE) continue;
    const a = run.attributes;
    const job = String(pick(a, 'jobQualifiedName') || run.qualifiedName.split('#')[0] || run.guid);
    const lastSeen = timeOf(pick(a, 'lastSeen', 'endTime', 'startTime')) ?? timeOf(run.updateTime);
    const prev = newest.get(job);
    if (!prev || (lastSeen ?? 0) > (prev.lastSeen ?? 0)) newest.set(job, { run, lastSeen });
  }
  const jobs = [];
  const byState = {};
  for (const [job, { run, lastSeen }] of newest) {
    const a = run.attributes;
    let state = runState(run);
    const age = lastSeen === null ? null : Math.max(0, now - lastSeen);
    if ((state === 'RUNNING' || state === 'START') && age !== null && age > staleMinutes * 60_000) state = 'STALE';
    const facets = asObject(pick(a, 'runFacets')) || {};
    const throughput = windowRate(a) ?? lifetimeRate(a, facets, lastSeen);
    const lag = runLag(a, facets, { lastSeen, now, staleMs: staleMinutes * 60_000 });
    jobs.push({ job, name: job.split('/').pop(), guid: run.guid, state, lastSeen, age, throughput, lag, error: pick(a, 'errorMessage') || null });
    byState[state] = (byState[state] || 0) + 1;
  }
  jobs.sort((x, y) => (HEALTH_ORDER[x.state] ?? 5) - (HEALTH_ORDER[y.state] ?? 5) || x.name.localeCompare(y.name));
  const healthy = jobs.filter((j) => j.state === 'RUNNING' || j.state === 'START' || j.state === 'COMPLETE').length;
  return { jobs, byState, healthy, total: jobs.length };
}

const HEALTH_KEYS = {
  name: (j) => j.name,
  state: (j) => HEALTH_ORDER[j.state] ?? 5,
  age: (j) => j.age,
  throughput: (j) => j.throughput,
  lag: (j) => j.lag?.total,
};

/**
 * The streaming-health rows sorted by a column ({@code name}, {@code state}, {@code age},
 * {@code throughput} or {@code lag}), ascending or descending; rows without a value last either
 * way, then by name. A stale lag sorts by its value, as it is shown.
 */
export function sortHealth(jobs, key, descending = false) {
  const value = HEALTH_KEYS[key];
  if (!value) return jobs;
  const sign = descending ? -1 : 1;
  return [...jobs].sort((x, y) => {
    const a = value(x);
    const b = value(y);
    const none = (v) => v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v));
    if (none(a) || none(b)) return none(a) - none(b) || x.name.localeCompare(y.name);
    const c = typeof a === 'string' ? a.localeCompare(b) : a - b;
    return sign * c || x.name.localeCompare(y.name);
  });
}

/** Datasets by how long ago they last changed, stalest first; those older than the limit are stale. */
export function freshness(datasets, { now = Date.now(), staleMinutes = 15, limit = 12 } = {}) {
  const rows = datasets
    .filter((d) => typeCategory(d) === 'dataset' && !d.redacted)
    .map((d) => {
      const at = timeOf(pick(d.attributes, 'lastSeen', 'lastUpdated')) ?? timeOf(d.updateTime);
      const age = at === null ? null : Math.max(0, now - at);
      return { guid: d.guid, name: d.name, typeName: d.typeName, at, age, stale: age === null || age > staleMinutes * 60_000 };
    })
    .sort((a, b) => (b.age ?? Infinity) - (a.age ?? Infinity));
  return { rows: rows.slice(0, limit), stale: rows.filter((r) => r.stale).length, total: rows.length };
}

/** Data-quality assertions over the datasets: passed, failed, and the datasets that fail. */
export function qualityStatus(datasets) {
  let passed = 0;
  let failed = 0;
  const failing = [];
  let checked = 0;
  for (const d of datasets) {
    const a = d.attributes || {};
    let p = Number(a.assertionsPassed);
    let f = Number(a.assertionsFailed);
    if (!Number.isFinite(p) && !Number.isFinite(f)) {
      const list = asObject(pick(a, 'dataQualityAssertions'));
      const items = Array.isArray(list) ? list : Array.isArray(list?.assertions) ? list.assertions : null;
      if (!items) continue;
      p = items.filter((x) => x.success === true).length;
      f = items.filter((x) => x.success === false).length;
    }
    p = Number.isFinite(p) ? p : 0;
    f = Number.isFinite(f) ? f : 0;
    if (p + f === 0) continue;
    checked++;
    passed += p;
    failed += f;
    if (f > 0) failing.push({ guid: d.guid, name: d.name, failed: f, passed: p });
  }
  failing.sort((a, b) => b.failed - a.failed || a.name.localeCompare(b.name));
  return { passed, failed, checked, failing };
}

/** How many datasets carry each classification, and how many carry none. */
export function classificationCoverage(datasets) {
  const counts = {};
  let classified = 0;
  let total = 0;
  for (const d of datasets) {
    if (typeCategory(d) !== 'dataset' || d.redacted) continue;
    total++;
    if (d.classifications.length) classified++;
    for (const c of d.classifications) counts[c] = (counts[c] || 0) + 1;
  }
  const byClassification = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { total, classified, ratio: total ? classified / total : 0, byClassification };
}

/**
 * Jobs that write to the most datasets (producers) and datasets read by the most jobs
 * (consumers), from lineage edges {from, to}: dataset → job is an input, job → dataset an output.
 */
export function topProducersConsumers(nodes, edges, { limit = 5 } = {}) {
  const outputs = new Map();
  const readers = new Map();
  for (const e of edges) {
    const from = nodes.get(e.from);
    const to = nodes.get(e.to);
    if (!from || !to) continue;
    if (typeCategory(from) === 'process' && typeCategory(to) === 'dataset') outputs.set(from.guid, (outputs.get(from.guid) || 0) + 1);
    if (typeCategory(from) === 'dataset' && typeCategory(to) === 'process') readers.set(from.guid, (readers.get(from.guid) || 0) + 1);
  }
  const top = (m) => [...m].map(([guid, n]) => ({ guid, name: nodes.get(guid).name, count: n }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, limit);
  return { producers: top(outputs), consumers: top(readers) };
}

/** Edge nodes (and devices) and the events each still holds back (its journal), largest backlog first. */
export function edgeBacklog(devices, { now = Date.now() } = {}) {
  const rows = devices
    .filter((d) => ['edge_node', 'edge_device', 'mqtt_topic'].includes(d.typeName))
    .map((d) => {
      const a = d.attributes || {};
      const backlog = Number(pick(a, 'backlog', 'journalDepth', 'pendingEvents', 'queuedEvents'));
      const at = timeOf(pick(a, 'lastSync', 'lastSeen')) ?? timeOf(d.updateTime);
      return { guid: d.guid, name: d.name, typeName: d.typeName, backlog: Number.isFinite(backlog) ? backlog : null, age: at === null ? null : now - at };
    })
    .sort((a, b) => (b.backlog ?? -1) - (a.backlog ?? -1) || a.name.localeCompare(b.name));
  return { rows, total: rows.reduce((s, r) => s + (r.backlog || 0), 0), known: rows.some((r) => r.backlog !== null) };
}

/**
 * Changes per minute over the last {@code minutes}, from change-feed events {time}: one bucket per
 * minute, oldest first, the current minute last.
 */
export function ratePerMinute(changes, { now = Date.now(), minutes = 15 } = {}) {
  const buckets = new Array(minutes).fill(0);
  const end = Math.floor(now / 60_000);
  for (const c of changes) {
    const t = timeOf(c.time);
    if (t === null) continue;
    const i = minutes - 1 - (end - Math.floor(t / 60_000));
    if (i >= 0 && i < minutes) buckets[i]++;
  }
  return buckets;
}

/** A duration as "42 s", "7 min", "3 h", "2 d" ago. */
export function ago(ms) {
  if (ms === null || ms === undefined) return 'never';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

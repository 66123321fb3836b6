// What the governance page shows of proposals, apart from the page so that it can be tested alone.

/** What a proposal would change, in a line. */
export function describeChange(p) {
  const c = p.change || {};
  switch (p.kind) {
    case 'classification': return c.add ? `add classification ${c.add}` : `remove classification ${c.remove}`;
    case 'owner': return [c.owners ? `owners: ${c.owners.join(', ')}` : '', c.stewards ? `stewards: ${c.stewards.join(', ')}` : '']
      .filter(Boolean).join('; ');
    case 'description': return `description: “${c.description}”`;
    case 'retention': return `retention rule ${c.id}: ${c.typeName || 'any type'} older than ${c.olderThan}`;
    case 'share': return `share with tenant ${c.grantee}`;
    default: return JSON.stringify(c);
  }
}

/** A classification rule's conditions, in a line. */
export function ruleConditions(r) {
  const parts = [];
  if (r.pattern) parts.push(`name matches /${r.pattern}/`);
  if (r.fieldType) parts.push(`field type /${r.fieldType}/`);
  if (r.tag) parts.push(`tag ${r.tag}`);
  if (r.minDistinctRatio !== undefined && r.minDistinctRatio !== null) parts.push(`distinct ratio ≥ ${r.minDistinctRatio}`);
  const on = r.appliesTo === 'dataset' ? 'datasets' : r.appliesTo === 'column' ? 'columns' : 'datasets and columns';
  return `${parts.join(' and ') || 'no condition'} · on ${on}`;
}

/**
 * What one rule classified: the entities whose classification names the rule (directly, or
 * propagated from a column the rule matched), each with its source, confidence and path.
 */
export function classifiedBy(rule, entities) {
  const out = [];
  for (const e of entities) {
    const c = (e.classifications || []).find((k) => k.name === rule.classification && k.rule === rule.rule);
    if (c) out.push({ entity: e, source: c.source, confidence: c.confidence, path: c.path || [] });
  }
  return out.sort((a, b) => (a.source === b.source ? 0 : a.source === 'rule' ? -1 : 1)
    || String(a.entity.qualifiedName).localeCompare(String(b.entity.qualifiedName)));
}

/** A rule as the form edits it: every field a string, empty when unset. */
export function ruleToForm(r = {}) {
  const s = (v) => (v === undefined || v === null ? '' : String(v));
  return {
    classification: s(r.classification), pattern: s(r.pattern), appliesTo: s(r.appliesTo), fieldType: s(r.fieldType),
    tag: s(r.tag), minDistinctRatio: s(r.minDistinctRatio), confidence: s(r.confidence),
  };
}

/** The rule a form describes, as the server reads it: blanks left out, numbers as numbers. */
export function formToRule(f) {
  const out = {};
  for (const k of ['classification', 'pattern', 'appliesTo', 'fieldType', 'tag']) {
    const v = String(f[k] ?? '').trim();
    if (v) out[k] = v;
  }
  for (const k of ['minDistinctRatio', 'confidence']) {
    const v = String(f[k] ?? '').trim();
    if (v) out[k] = Number(v);
  }
  return out;
}

/** The rules as the server takes them back: without what it adds when it answers. */
export function rulesForPut(rules) {
  return rules.map(({ rule, ...r }) => r); // eslint-disable-line no-unused-vars
}

/** Which datasets a quality rule looks at. */
export function qualityScope(r) {
  if (r.dataset) return `dataset ${r.dataset}`;
  if (r.namespace) return `namespace ${r.namespace}`;
  if (r.classification) return `datasets classified ${r.classification}`;
  return 'every dataset';
}

/** When a quality rule passes. */
export function qualityBounds(r) {
  if (r.metric === 'freshness') return r.maxAge ? `output at least every ${r.maxAge}` : 'output seen';
  const has = (v) => v !== undefined && v !== null;
  if (has(r.min) && has(r.max)) return `between ${r.min} and ${r.max}`;
  if (has(r.min)) return `≥ ${r.min}`;
  if (has(r.max)) return `≤ ${r.max}`;
  return 'any value';
}

/** Passing and failing rules among a dataset's current results: what its badge says. */
export function qualityBadge(latest) {
  const failing = latest.filter((r) => !r.passed).length;
  return { passing: latest.length - failing, failing, total: latest.length };
}

/**
 * The history of outcomes as one lane per rule: spans of pass or fail from each change of outcome
 * to the next (the last one up to {@code now}), each with the value that started it.
 */
export function timelineLanes(history, now = Date.now()) {
  const byRule = new Map();
  for (const r of history) {
    const t = Date.parse(r.time);
    if (!Number.isFinite(t)) continue;
    if (!byRule.has(r.rule)) byRule.set(r.rule, []);
    byRule.get(r.rule).push({ ...r, t });
  }
  let start = Infinity;
  for (const list of byRule.values()) {
    list.sort((a, b) => a.t - b.t);
    start = Math.min(start, list[0].t);
  }
  const end = Math.max(now, ...[...byRule.values()].flat().map((r) => r.t));
  const lanes = [...byRule.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rule, list]) => ({
    rule,
    current: list[list.length - 1],
    spans: list.map((r, i) => ({ from: r.t, to: i + 1 < list.length ? list[i + 1].t : end, passed: r.passed, value: r.value, detail: r.detail })),
  }));
  return { start: Number.isFinite(start) ? start : now, end, lanes };
}

/** A dry-run list split into the entities named and the count the caller may not see. */
export function dryRunRows(list = []) {
  const rows = list.filter((r) => r.guid);
  const hidden = list.reduce((n, r) => n + (r.notShown || 0), 0);
  return { rows, hidden };
}

/** An ISO-8601 duration as the server writes it (PT216H) in words (9 days); as given if unknown. */
export function durationWords(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(String(iso ?? ''));
  if (!m || iso === 'P' || iso === 'PT') return String(iso ?? '');
  const seconds = Number(m[1] || 0) * 86400 + Number(m[2] || 0) * 3600 + Number(m[3] || 0) * 60 + Number(m[4] || 0);
  const units = [[86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];
  const [size, name] = units.find(([s]) => seconds >= s && seconds % s === 0) || [1, 'second'];
  const n = seconds / size;
  return `${n} ${name}${n === 1 ? '' : 's'}`;
}

/** "1 entity", "2 entities". */
export function count(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  classifiedBy, count, describeChange, dryRunRows, durationWords, formToRule, qualityBadge, qualityBounds, qualityScope, ruleConditions,
  ruleToForm, rulesForPut, timelineLanes,
} from '../../main/resources/web/js/pages/governance-rows.js';

test('a proposal reads as the change it would make', () => {
  assert.equal(describeChange({ kind: 'classification', change: { add: 'PII' } }), 'add classification PII');
  assert.equal(describeChange({ kind: 'classification', change: { remove: 'PII' } }), 'remove classification PII');
  assert.equal(describeChange({ kind: 'owner', change: { owners: ['a', 'b'], stewards: ['s'] } }), 'owners: a, b; stewards: s');
  assert.equal(describeChange({ kind: 'owner', change: { stewards: ['s'] } }), 'stewards: s');
  assert.equal(describeChange({ kind: 'description', change: { description: 'Orders' } }), 'description: “Orders”');
  assert.equal(describeChange({ kind: 'retention', change: { id: 'old', olderThan: 'P30D' } }), 'retention rule old: any type older than P30D');
  assert.equal(describeChange({ kind: 'share', change: { grantee: 'globex' } }), 'share with tenant globex');
});

test('an unknown kind shows its change as JSON rather than nothing', () => {
  assert.equal(describeChange({ kind: 'future', change: { x: 1 } }), '{"x":1}');
});

test('a classification rule reads as its conditions and what it applies to', () => {
  assert.equal(ruleConditions({ classification: 'PII', pattern: 'email', appliesTo: 'column' }), 'name matches /email/ · on columns');
  assert.equal(ruleConditions({ classification: 'PII', tag: 'pii', minDistinctRatio: 0.9 }),
    'tag pii and distinct ratio ≥ 0.9 · on datasets and columns');
  assert.equal(ruleConditions({ classification: 'X', fieldType: 'string', appliesTo: 'dataset' }), 'field type /string/ · on datasets');
});

test('a rule classified the entities whose classification names it, directly first, then propagated', () => {
  const rule = { classification: 'PII', pattern: 'email', rule: 'PII pattern=email' };
  const entities = [
    { guid: 'b', qualifiedName: 'b', classifications: [{ name: 'PII', source: 'propagated', confidence: 0.9, rule: 'PII pattern=email', path: ['a'] }] },
    { guid: 'a', qualifiedName: 'a', classifications: [{ name: 'PII', source: 'rule', confidence: 0.9, rule: 'PII pattern=email' }] },
    { guid: 'c', qualifiedName: 'c', classifications: [{ name: 'PII', source: 'tag', confidence: 1 }] },
    { guid: 'd', qualifiedName: 'd', classifications: [{ name: 'PII', source: 'rule', confidence: 1, rule: 'PII pattern=phone' }] },
  ];
  const rows = classifiedBy(rule, entities);
  assert.deepEqual(rows.map((r) => [r.entity.guid, r.source, r.path]), [['a', 'rule', []], ['b', 'propagated', ['a']]]);
});

test('a rule goes through the form and back unchanged, blanks left out and numbers as numbers', () => {
  const rule = { classification: 'PII', pattern: '(?i)email', appliesTo: 'column', confidence: 0.8 };
  assert.deepEqual(formToRule(ruleToForm(rule)), rule);
  assert.deepEqual(ruleToForm({}).minDistinctRatio, '');
  assert.deepEqual(formToRule({ classification: ' PII ', tag: '', minDistinctRatio: '0.5' }), { classification: 'PII', minDistinctRatio: 0.5 });
  assert.deepEqual(rulesForPut([{ classification: 'PII', tag: 'pii', rule: 'PII tag=pii' }]), [{ classification: 'PII', tag: 'pii' }]);
});

test('a quality rule reads as its scope and when it passes', () => {
  assert.equal(qualityScope({ dataset: 'kafka://b/orders' }), 'dataset kafka://b/orders');
  assert.equal(qualityScope({ namespace: 'kafka' }), 'namespace kafka');
  assert.equal(qualityScope({ classification: 'PII' }), 'datasets classified PII');
  assert.equal(qualityScope({}), 'every dataset');
  assert.equal(qualityBounds({ metric: 'rowCount', min: 1 }), '≥ 1');
  assert.equal(qualityBounds({ metric: 'nullRatio', max: 0.1 }), '≤ 0.1');
  assert.equal(qualityBounds({ metric: 'rowCount', min: 1, max: 9 }), 'between 1 and 9');
  assert.equal(qualityBounds({ metric: 'freshness', maxAge: 'PT5M' }), 'output at least every PT5M');
});

test('a badge counts the failing and passing rules', () => {
  assert.deepEqual(qualityBadge([{ passed: true }, { passed: false }, { passed: true }]), { passing: 2, failing: 1, total: 3 });
  assert.deepEqual(qualityBadge([]), { passing: 0, failing: 0, total: 0 });
});

test('the timeline has a lane per rule, a span from each change of outcome to the next, the last up to now', () => {
  const t = (m) => `2026-03-01T10:0${m}:00Z`;
  const history = [
    { rule: 'rows', passed: false, value: 0, time: t(2) },
    { rule: 'nulls', passed: true, value: 0.01, time: t(1) },
    { rule: 'rows', passed: true, value: 10, time: t(0) },
    { rule: 'broken', passed: true, time: 'not a time' },
  ];
  const now = Date.parse(t(5));
  const { start, end, lanes } = timelineLanes(history, now);
  assert.equal(start, Date.parse(t(0)));
  assert.equal(end, now);
  assert.deepEqual(lanes.map((l) => l.rule), ['nulls', 'rows']);
  const rows = lanes[1];
  assert.equal(rows.current.passed, false);
  assert.deepEqual(rows.spans.map((s) => [s.passed, s.value, s.from, s.to]),
    [[true, 10, Date.parse(t(0)), Date.parse(t(2))], [false, 0, Date.parse(t(2)), now]]);
  assert.deepEqual(timelineLanes([], now), { start: now, end: now, lanes: [] });
});

test('a dry-run list counts what the caller may not see without naming it', () => {
  const { rows, hidden } = dryRunRows([{ guid: 'a', rule: 'r' }, { notShown: 3 }]);
  assert.deepEqual(rows.map((r) => r.guid), ['a']);
  assert.equal(hidden, 3);
  assert.deepEqual(dryRunRows(undefined), { rows: [], hidden: 0 });
});

test('a duration reads in words in the largest unit that divides it', () => {
  assert.equal(durationWords('PT216H'), '9 days');
  assert.equal(durationWords('P30D'), '30 days');
  assert.equal(durationWords('PT1S'), '1 second');
  assert.equal(durationWords('PT1H30M'), '90 minutes');
  assert.equal(durationWords('PT12H'), '12 hours');
  assert.equal(durationWords('P1Y'), 'P1Y');
  assert.equal(count(1, 'entity', 'entities'), '1 entity');
  assert.equal(count(3, 'classification'), '3 classifications');
});

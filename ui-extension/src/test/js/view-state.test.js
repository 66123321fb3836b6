import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultState, fromParams, matchScore, searchGraph, toParams, withOp,
} from '../../main/resources/web/js/graph/view-state.js';

const OPTIONS = { layouts: ['layered', 'force', 'radial', 'grid'] };

test('the defaults write nothing into the URL', () => {
  assert.deepEqual(toParams(defaultState(OPTIONS), OPTIONS), {});
  assert.deepEqual(toParams(fromParams({}, OPTIONS), OPTIONS), {});
});

test('every choice of the explorer survives the URL exactly', () => {
  const state = {
    ...defaultState(OPTIONS),
    direction: 'DOWNSTREAM', depth: 4, level: 'COLUMN', layout: 'radial', orientation: 'DOWN',
    grouping: 'namespace', aggregated: new Set(['kafka://b:9092', 'prod']),
    pages: new Map([['kafka://c:9092', 200], ['layer 3', 300]]), datasetsOnly: true, view: '3d', renderer: 'webgl',
    filters: { type: new Set(['kafka_topic']), classification: new Set(['PII', 'a,b']), owner: new Set(), namespace: new Set() },
    search: 'enriched', selected: 'g/1', path: { from: 'g-a', to: 'g-b' }, impact: 'g-a',
    ops: [{ op: 'expand', dir: 'UPSTREAM', guid: 'g-x' }, { op: 'collapse', dir: 'DOWNSTREAM', guid: 'g:y' }],
  };
  const params = toParams(state, OPTIONS);
  // Through the query string and back, as a shared link travels.
  const back = fromParams(Object.fromEntries(new URLSearchParams(new URLSearchParams(params).toString())), OPTIONS);
  assert.deepEqual(back, state);
});

test('values out of range or unknown fall back to the defaults', () => {
  const s = fromParams({ direction: 'SIDEWAYS', depth: '999', level: 'x', layout: 'nope', group: 'planet', ops: '*X:g,+D:g-1' }, OPTIONS);
  assert.equal(s.direction, 'BOTH');
  assert.equal(s.depth, 50);
  assert.equal(s.level, 'DATASET');
  assert.equal(s.layout, 'layered');
  assert.equal(s.grouping, 'none');
  assert.deepEqual(s.ops, [{ op: 'expand', dir: 'DOWNSTREAM', guid: 'g-1' }]);
});

test('an opposite step on the same node and direction cancels the earlier one', () => {
  let s = { ops: [] };
  s = withOp(s, { op: 'expand', dir: 'DOWNSTREAM', guid: 'a' });
  s = withOp(s, { op: 'expand', dir: 'UPSTREAM', guid: 'b' });
  s = withOp(s, { op: 'collapse', dir: 'DOWNSTREAM', guid: 'a' });
  assert.deepEqual(s.ops, [{ op: 'expand', dir: 'UPSTREAM', guid: 'b' }]);
  s = withOp(s, { op: 'collapse', dir: 'DOWNSTREAM', guid: 'a' });
  assert.equal(s.ops.length, 2);
});

test('search in the graph matches any part of a name, then letters in order', () => {
  assert.equal(matchScore('orders-enriched', 'enriched'), 7);
  assert.equal(matchScore('Orders', 'ORD'), 0);
  assert.ok(matchScore('orders-enriched', 'oen') >= 1000, 'fuzzy ranks after infix');
  assert.equal(matchScore('orders', 'xyz'), null);
  const hits = searchGraph([['1', 'payments-enriched'], ['2', 'enriched'], ['3', 'ern-ich-ed'], ['4', 'orders']], 'enriched');
  assert.deepEqual(hits.map((h) => h.guid), ['2', '1']);
  assert.deepEqual(searchGraph([['3', 'e-n-r-i-c-h-e-d'], ['4', 'orders']], 'enriched').map((h) => h.guid), ['3']);
});

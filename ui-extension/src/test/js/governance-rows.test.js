import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeChange } from '../../main/resources/web/js/pages/governance-rows.js';

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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  asObject, formatDuration, formatNumber, formatTime, pick, typeCategory,
} from '../../main/resources/web/js/format.js';

test('durations pick the unit a person reads best', () => {
  assert.equal(formatDuration(0), '0 ms');
  assert.equal(formatDuration(999.4), '999 ms');
  assert.equal(formatDuration(1000), '1.0 s');
  assert.equal(formatDuration(119_000), '119.0 s');
  assert.equal(formatDuration(120_000), '2.0 min');
  assert.equal(formatDuration(119 * 60_000), '119.0 min');
  assert.equal(formatDuration(3 * 3_600_000), '3.0 h');
  assert.equal(formatDuration('2500'), '2.5 s');
});

test('durations that are absent or not numbers show nothing', () => {
  assert.equal(formatDuration(null), '');
  assert.equal(formatDuration(undefined), '');
  assert.equal(formatDuration('soon'), '');
});

test('times accept epoch milliseconds and ISO text, and show text they cannot parse as it is', () => {
  const t = Date.UTC(2026, 10, 28, 10, 0, 0);
  assert.equal(formatTime(t), new Date(t).toLocaleString());
  assert.equal(formatTime('2026-11-28T10:00:00Z'), new Date(t).toLocaleString());
  assert.equal(formatTime('yesterday-ish'), 'yesterday-ish');
  assert.equal(formatTime(null), '');
  assert.equal(formatTime(''), '');
});

test('numbers are grouped for the locale; what is not a number is shown as it is', () => {
  assert.equal(formatNumber(1234567), (1234567).toLocaleString());
  assert.equal(formatNumber('42'), (42).toLocaleString());
  assert.equal(formatNumber('n/a'), 'n/a');
  assert.equal(formatNumber(null), '');
});

test('pick returns the first attribute that has a value, skipping empty ones', () => {
  const attrs = { rowCount: '', row_count: 0, rows: 7 };
  assert.equal(pick(attrs, 'rowCount', 'row_count', 'rows'), 0);
  assert.equal(pick(attrs, 'missing', 'rows'), 7);
  assert.equal(pick(attrs, 'missing'), undefined);
  assert.equal(pick(null, 'rows'), undefined);
});

test('attribute values stored as JSON text are parsed; other text stays text', () => {
  assert.deepEqual(asObject(' {"fields": [{"name": "id"}]}'), { fields: [{ name: 'id' }] });
  assert.deepEqual(asObject('[1, 2]'), [1, 2]);
  assert.equal(asObject('{not json'), '{not json');
  assert.equal(asObject('plain'), 'plain');
  assert.deepEqual(asObject({ a: 1 }), { a: 1 });
});

test('entity types fall into datasets, processes, columns, column processes and redacted', () => {
  assert.equal(typeCategory({ typeName: 'kafka_topic' }), 'dataset');
  assert.equal(typeCategory({ typeName: 'openlineage_dataset' }), 'dataset');
  assert.equal(typeCategory({ typeName: 'flink_application' }), 'process');
  assert.equal(typeCategory({ typeName: 'spark_process' }), 'process');
  assert.equal(typeCategory({ typeName: 'openlineage_job' }), 'process');
  assert.equal(typeCategory({ typeName: 'edge_device' }), 'process');
  assert.equal(typeCategory({ typeName: 'stream_column' }), 'column');
  assert.equal(typeCategory({ typeName: 'stream_column_lineage' }), 'column-process');
  assert.equal(typeCategory({ typeName: 'redacted' }), 'redacted');
  assert.equal(typeCategory({ typeName: 'kafka_topic', redacted: true }), 'redacted');
  assert.equal(typeCategory({}), 'dataset');
});

test('repeated changes to one entity fold into its newest row with a count, even interleaved', async () => {
  const { foldChanges } = await import('../../main/resources/web/js/format.js');
  const upd = (guid) => ({ kind: 'ENTITY_UPDATED', subject: { guid } });
  const rows = foldChanges([upd('a'), upd('a'), upd('b'), upd('a'), { kind: 'ENTITY_CREATED', subject: { guid: 'a' } }, { kind: 'X' }]);
  assert.deepEqual(rows.map((r) => [r.subject?.guid, r.kind, r.count]), [
    ['a', 'ENTITY_UPDATED', 3], ['b', 'ENTITY_UPDATED', 1], ['a', 'ENTITY_CREATED', 1], [undefined, 'X', 1],
  ]);
});

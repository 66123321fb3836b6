import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityHref, governanceHref, navigate, parseRoute, searchHref } from '../../main/resources/web/js/router.js';

test('an empty or root hash is the home page', () => {
  assert.deepEqual(parseRoute(''), { page: 'home', params: {} });
  assert.deepEqual(parseRoute('#/'), { page: 'home', params: {} });
  assert.deepEqual(parseRoute('#/no-such-page?x=1'), { page: 'home', params: { x: '1' } });
});

test('the search page carries its query, decoded', () => {
  assert.deepEqual(parseRoute('#/search?q=orders%20%26%20co&type=kafka_topic'), {
    page: 'search', params: { q: 'orders & co', type: 'kafka_topic' },
  });
  assert.deepEqual(parseRoute('#/search?q=a+b'), { page: 'search', params: { q: 'a b' } });
});

test('an entity route has a guid, a tab (overview by default) and the graph state in its query', () => {
  assert.deepEqual(parseRoute('#/entity/g-1'), { page: 'entity', guid: 'g-1', tab: 'overview', params: {} });
  assert.deepEqual(parseRoute('#/entity/g-1/lineage?direction=DOWNSTREAM&depth=3&layout=radial&group=namespace'), {
    page: 'entity',
    guid: 'g-1',
    tab: 'lineage',
    params: { direction: 'DOWNSTREAM', depth: '3', layout: 'radial', group: 'namespace' },
  });
  assert.deepEqual(parseRoute('#/entity'), { page: 'home', params: {} });
});

test('links to entities survive guids and values that need escaping', () => {
  const guid = 'a/b?c#d é';
  const href = entityHref(guid, 'lineage', { depth: 2, level: 'COLUMN', q: 'x&y' });
  assert.equal(href.split('?')[0], `#/entity/${encodeURIComponent(guid)}/lineage`);
  assert.deepEqual(parseRoute(href), {
    page: 'entity', guid, tab: 'lineage', params: { depth: '2', level: 'COLUMN', q: 'x&y' },
  });
  assert.equal(entityHref('g-1'), '#/entity/g-1');
});

test('a search link parses back to the same query', () => {
  const q = 'orders?topic=1&x#y';
  assert.deepEqual(parseRoute(searchHref(q)), { page: 'search', params: { q } });
});

test('navigate changes the hash only when it differs', (t) => {
  const writes = [];
  let hash = '#/search?q=a';
  globalThis.location = {
    get hash() {
      return hash;
    },
    set hash(v) {
      writes.push(v);
      hash = v;
    },
  };
  t.after(() => delete globalThis.location);
  navigate('#/search?q=a');
  navigate('#/entity/g-1');
  assert.deepEqual(writes, ['#/entity/g-1']);
});

test('a dashboards route names the dashboard, or none for the list', () => {
  assert.deepEqual(parseRoute('#/dashboards'), { page: 'dashboards', id: null, params: {} });
  assert.equal(parseRoute('#/dashboards/5d0f-1').id, '5d0f-1');
});

test('the governance page keeps its tab and what the tab shows in the query', () => {
  assert.deepEqual(parseRoute('#/governance?tenant=acme&tab=quality&dataset=g-1'), {
    page: 'governance', params: { tenant: 'acme', tab: 'quality', dataset: 'g-1' },
  });
});

test('a governance link carries the tenant and the tab', () => {
  assert.equal(governanceHref({ tenant: 'acme', tab: 'retention', dryrun: '1' }), '#/governance?tenant=acme&tab=retention&dryrun=1');
  assert.equal(governanceHref(), '#/governance');
});

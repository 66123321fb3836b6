// The libraries under web/vendor/ are unchanged copies of the npm packages package.json pins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VENDORED, locations } from './support/vendored.js';

test('every vendored file equals the file of the pinned npm package (run `npm run vendor` after an upgrade)', () => {
  for (const lib of VENDORED) {
    assert.match(lib.version, /^\d+\.\d+\.\d+$/, `${lib.name} must be pinned to an exact version`);
    const installed = JSON.parse(readFileSync(locations(lib, 'package.json').source, 'utf8')).version;
    assert.equal(installed, lib.version, `${lib.name}: node_modules has ${installed}; run npm ci`);
    for (const file of lib.files) {
      const { source, copy } = locations(lib, file);
      assert.ok(existsSync(copy), `${fileURLToPath(copy)} is missing`);
      assert.ok(readFileSync(copy).equals(readFileSync(source)), `${fileURLToPath(copy)} differs from ${file}`);
    }
  }
});

test('the page loads the vendored version that package.json pins', () => {
  const page = readFileSync(new URL('../../main/resources/web/js/dashboard/dashboard-grid.js', import.meta.url), 'utf8');
  for (const lib of VENDORED) assert.ok(page.includes(`vendor/${lib.name}/${lib.version}/`), lib.name);
});

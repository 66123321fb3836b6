// The page's import map against the WebJars Maven brings, and the page's modules against test code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WEB, mapSpecifier, pageImports, webjarFile } from './support/import-map.js';

test('every import-map entry of the page names a file or folder that the WebJars contain', () => {
  const imports = pageImports();
  assert.ok(Object.keys(imports).length >= 10);
  for (const [specifier, url] of Object.entries(imports)) {
    const file = webjarFile(url);
    assert.ok(existsSync(file), `${specifier} → ${url}: ${fileURLToPath(file)} is missing (a version the POM does not bring?)`);
    assert.equal(statSync(file).isDirectory(), specifier.endsWith('/'), `${specifier} → ${url}`);
  }
});

test('specifiers map as in a browser: exact entries first, else the longest prefix', () => {
  const imports = { lit: '/webjars/lit/3/index.js', 'lit/': '/webjars/lit/3/', 'lit/directives/': '/webjars/lit/3/d/' };
  assert.equal(mapSpecifier(imports, 'lit'), '/webjars/lit/3/index.js');
  assert.equal(mapSpecifier(imports, 'lit/decorators.js'), '/webjars/lit/3/decorators.js');
  assert.equal(mapSpecifier(imports, 'lit/directives/map.js'), '/webjars/lit/3/d/map.js');
  assert.equal(mapSpecifier(imports, './lit.js'), null);
  assert.equal(mapSpecifier(imports, 'toString'), null);
});

function modules(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = new URL(d.name + (d.isDirectory() ? '/' : ''), dir);
    return d.isDirectory() ? modules(path) : d.name.endsWith('.js') ? [path] : [];
  });
}

test('the page ships nothing for tests: no module sets up a test hook', () => {
  const files = modules(new URL('js/', WEB));
  assert.ok(files.length > 10);
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    assert.doesNotMatch(source, /__tributary|test-hook/, fileURLToPath(file));
  }
  assert.doesNotMatch(readFileSync(new URL('index.html', WEB), 'utf8'), /__tributary|test-hook/);
});

// The libraries copied from npm packages into web/vendor/ (see web/vendor/README.md).
import { readFileSync } from 'node:fs';

const moduleRoot = new URL('../../../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', moduleRoot), 'utf8'));

export const VENDORED = [
  {
    name: 'gridstack',
    version: pkg.devDependencies.gridstack,
    files: ['dist/gridstack-all.js', 'dist/gridstack-all.js.LICENSE.txt', 'dist/gridstack.min.css', 'LICENSE'],
  },
];

/** Where the package's file lies in node_modules, and where its copy lies under web/vendor. */
export function locations(lib, file) {
  const base = file.split('/').pop();
  return {
    source: new URL(`node_modules/${lib.name}/${file}`, moduleRoot),
    copy: new URL(`src/main/resources/web/vendor/${lib.name}/${lib.version}/${base}`, moduleRoot),
  };
}

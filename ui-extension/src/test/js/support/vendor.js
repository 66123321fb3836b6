// `npm run vendor`: copies the vendored libraries' files from node_modules into web/vendor/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { VENDORED, locations } from './vendored.js';

for (const lib of VENDORED) {
  for (const file of lib.files) {
    const { source, copy } = locations(lib, file);
    mkdirSync(dirname(fileURLToPath(copy)), { recursive: true });
    copyFileSync(source, copy);
    console.log(`${lib.name}@${lib.version}: ${file}`);
  }
}

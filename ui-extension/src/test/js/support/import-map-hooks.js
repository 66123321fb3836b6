// Module resolution hooks (node:module register): the page's import map, applied in Node.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mapSpecifier, webjarFile } from './import-map.js';

let imports = {};

export function initialize(data) {
  imports = data.imports;
}

export async function resolve(specifier, context, nextResolve) {
  const mapped = specifier.startsWith('/webjars/') ? specifier : mapSpecifier(imports, specifier);
  if (mapped === null) return nextResolve(specifier, context);
  const file = webjarFile(mapped);
  if (!existsSync(file)) {
    throw new Error(`'${specifier}' maps to ${mapped}, but ${fileURLToPath(file)} does not exist: `
      + 'the import map names a version the POM does not bring, or the WebJars are not unpacked yet '
      + '(./mvnw generate-test-resources -pl ui-extension)');
  }
  return nextResolve(file.href, context);
}

// The import map of web/index.html, and where its /webjars/... URLs lie on disk: the WebJars that
// Maven unpacks under target/webjars (maven-dependency-plugin in ui-extension/pom.xml), or where
// the build says in WEBJARS_DIR when its build directory is another.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const moduleRoot = new URL('../../../../', import.meta.url);

export const WEB = new URL('src/main/resources/web/', moduleRoot);
export const WEBJARS = new URL('META-INF/resources/webjars/', process.env.WEBJARS_DIR
  ? pathToFileURL(`${process.env.WEBJARS_DIR}/`)
  : new URL('target/webjars/', moduleRoot));

/** The "imports" of the page's import map, read from the page itself so that tests and browser agree. */
export function pageImports() {
  const html = readFileSync(new URL('index.html', WEB), 'utf8');
  const script = html.match(/<script type="importmap">([\s\S]*?)<\/script>/);
  if (!script) throw new Error('web/index.html has no <script type="importmap">');
  return JSON.parse(script[1]).imports;
}

/**
 * The URL a bare specifier maps to, as a browser resolves it: an exact key first, else the longest
 * key ending in "/" that prefixes it; null when the map does not name it.
 */
export function mapSpecifier(imports, specifier) {
  if (Object.hasOwn(imports, specifier)) return imports[specifier];
  let prefix = null;
  for (const key of Object.keys(imports)) {
    if (key.endsWith('/') && specifier.startsWith(key) && (prefix === null || key.length > prefix.length)) prefix = key;
  }
  return prefix === null ? null : imports[prefix] + specifier.slice(prefix.length);
}

/** The file behind a /webjars/... URL of the page. */
export function webjarFile(path) {
  if (!path.startsWith('/webjars/')) throw new Error(`'${path}' is not a /webjars/ URL`);
  return new URL(path.slice('/webjars/'.length), WEBJARS);
}

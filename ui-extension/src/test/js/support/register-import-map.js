// Loaded with `node --import` before the tests: the UI's modules then import 'lit', 'd3-force' and
// the like through the page's import map, from the same WebJars the server serves.

import { register } from 'node:module';
import { pageImports } from './import-map.js';

register('./import-map-hooks.js', import.meta.url, { data: { imports: pageImports() } });

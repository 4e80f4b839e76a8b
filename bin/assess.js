#!/usr/bin/env node
// The program is bundled into one file (dist/assess.js) so it starts fast; `npm run build` makes it.
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const bundle = new URL('../dist/assess.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
	process.stderr.write('assess: the program is not built yet; run `npm run build` (or `npm start`) first.\n');
	process.exit(1);
}
await import(bundle.href);

// Runs a TypeScript maintenance script (scripts/*.ts) by bundling it first: no extra loader needed.
import {build} from 'esbuild';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

const [entry, ...args] = process.argv.slice(2);
// Inside node_modules, so that the bundle's imports of dependencies resolve.
const cache = resolve('node_modules/.cache');
mkdirSync(cache, {recursive: true});
const dir = mkdtempSync(join(cache, 'assess-script-'));
const out = join(dir, 'script.mjs');
await build({
	entryPoints: [resolve(entry)],
	outfile: out,
	bundle: true,
	platform: 'node',
	format: 'esm',
	packages: 'external',
	logLevel: 'warning',
	alias: {},
});
process.argv = [process.argv[0], resolve(entry), ...args];
try {
	await import(pathToFileURL(out).href);
} finally {
	rmSync(dir, {recursive: true, force: true});
}

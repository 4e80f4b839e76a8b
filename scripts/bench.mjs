// `npm run bench [-- --quick] [-- --write-readme]`: bundles bench/bench.ts and runs it.
import {build} from 'esbuild';
import {mkdirSync} from 'node:fs';
import {spawnSync} from 'node:child_process';

mkdirSync('node_modules/.cache', {recursive: true});
const out = 'node_modules/.cache/assess-bench.mjs';
await build({
	entryPoints: ['bench/bench.ts'],
	outfile: out,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	logLevel: 'warning',
	jsx: 'automatic',
	// Built as the program is (scripts/build.mjs): the same aliases, production React.
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	alias: {'react-devtools-core': './scripts/devtools-stub.mjs', 'string-width': './source/text/fast-string-width.ts'},
});
// As the built program runs: React in production mode, and colour codes in every frame (a
// real terminal gets them; without FORCE_COLOR a piped benchmark would render less).
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], {stdio: 'inherit', env: {...process.env, NODE_ENV: 'production', FORCE_COLOR: '1'}});
process.exit(r.status ?? 1);

// `npm run bench [-- --quick] [-- --write-readme]`: bundles bench/bench.ts and runs it.
import {build} from 'esbuild';
import {mkdirSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {bundleOptions, buildId} from './bundle-options.mjs';

mkdirSync('node_modules/.cache', {recursive: true});
const out = 'node_modules/.cache/assess-bench.mjs';
await build({
	// ESM: the benchmark awaits at its top level.
	...bundleOptions('esm'),
	entryPoints: ['bench/bench.ts'],
	outfile: out,
	// Built as the program is (scripts/build.mjs): the same options, production React.
	define: {'process.env.NODE_ENV': '"production"', __ASSESS_BUILD_ID__: JSON.stringify(buildId())},
});
// As the built program runs: React in production mode, and colour codes in every frame (a
// real terminal gets them; without FORCE_COLOR a piped benchmark would render less).
// And drawn as in a terminal: Ink in CI mode (a CI variable set) draws only its last frame,
// which would leave the keypress figures nothing to time.
const env = {...process.env, NODE_ENV: 'production', FORCE_COLOR: '1', CI: 'false'};
for (const name of Object.keys(env)) if (name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) delete env[name];
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], {stdio: 'inherit', env});
process.exit(r.status ?? 1);

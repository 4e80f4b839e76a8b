// Bundles the program into one CommonJS file, dist/assess.cjs, and the small dist/boot.cjs that
// runs it with V8's code cache (source/boot.ts). Node's loader walking hundreds of small modules
// (ink, react, zod…) costs more start-up time than the whole program needs otherwise.
import {build} from 'esbuild';
import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {bundleOptions, buildId} from './bundle-options.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const id = buildId();

rmSync('dist', {recursive: true, force: true});

const options = bundleOptions('cjs');
await build({
	...options,
	// The worker thread a merge unites the change logs in (source/storage/merged-log.ts).
	entryPoints: {assess: 'source/cli.ts', boot: 'source/runtime/boot.ts', 'merged-log-worker': 'source/storage/merged-log-worker.ts'},
	outdir: 'dist',
	outExtension: {'.js': '.cjs'},
	sourcemap: 'linked',
	legalComments: 'none',
	// React's production build: its development build costs several milliseconds per keypress.
	define: {...options.define, __ASSESS_VERSION__: JSON.stringify(pkg.version), __ASSESS_BUILD_ID__: JSON.stringify(id), 'process.env.NODE_ENV': '"production"'},
});

// The TUI's start-up, run once with no screen: the code V8 compiles for it ships beside the
// bundle, so the first start of this build under this Node finds it compiled (see
// source/runtime/warm-up.tsx). It pays only under the same Node version: README, Performance.
const cache = mkdtempSync(join(tmpdir(), 'assess-build-'));
try {
	// As on a user's machine: Ink draws every frame (in CI mode it would draw only the last).
	const run = spawnSync(process.execPath, ['bin/assess.js', '__warm-up'], {env: {...process.env, CI: 'false', ASSESS_CACHE_DIR: cache}, encoding: 'utf8'});
	if (run.status !== 0) throw new Error(`the warm-up run of the built TUI failed (exit ${run.status ?? run.signal}):\n${run.stderr}`);
	// The file is named by the V8 version and CPU that compiled it (codeKey in source/boot.ts):
	// other Nodes do not read it.
	const made = readdirSync(join(cache, 'code')).filter(name => name.startsWith(`${id}-open-`));
	if (made.length !== 1) throw new Error(`the warm-up run left ${made.length} compiled code files for the TUI, not one`);
	copyFileSync(join(cache, 'code', made[0]), join('dist', made[0].replace(`${id}-`, 'code-')));
} finally {
	rmSync(cache, {recursive: true, force: true});
}

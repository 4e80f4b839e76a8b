// npm's `prepare`: builds dist/ whenever npm installs this folder (`npm install` / `npm ci` in a
// clone), packs it (`npm pack`), or installs the program from git (`npm install -g git+…`): the
// package ships dist/, never the sources.
//
// One npm bug is worked around here. Installing from git *globally* (npm/cli#8440, npm 7 to 11)
// prepares the clone with an `npm install` that inherits npm_config_global=true, so it installs
// nothing into the clone and the build finds no esbuild. The clone's own locked build
// dependencies are then installed here, as a plain local install, before building.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

function canResolve(name) {
	try {
		require.resolve(name);
		return true;
	} catch {
		return false;
	}
}

if (!canResolve('esbuild') && existsSync(new URL('../package-lock.json', import.meta.url))) {
	const npm = process.env.npm_execpath;
	if (!npm) {
		console.error('assess: the build needs its dependencies: run `npm ci` first.');
		process.exit(1);
	}
	console.error('assess: installing the build dependencies into this clone (npm/cli#8440)…');
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(global|prefix|global_prefix|location|local_prefix)$/i.test(key)));
	// --ignore-scripts: this folder's own prepare would run this script again; esbuild's
	// install script only checks its binary, which esbuild finds without it.
	const run = spawnSync(process.execPath, [npm, 'ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {stdio: 'inherit', env});
	if (run.status !== 0) process.exit(run.status ?? 1);
}

await import('./build.mjs');

// npm's `prepare`: builds dist/ whenever npm installs this folder (`npm install` / `npm ci` in a
// clone), packs it (`npm pack`), or installs it from git into a project
// (`npm install git+https://…`): the package ships dist/, never the sources.
//
// A *global* install from git cannot work with any npm up to 11 (npm/cli#8440): npm prepares the
// clone with an `npm install` that inherits npm_config_global=true, which installs nothing into
// the clone (so the build has no esbuild) and links the global package to the temporary clone.
// That case gets a message with the way that works instead of a missing-module trace.
import {createRequire} from 'node:module';

function canResolve(name) {
	try {
		createRequire(import.meta.url).resolve(name);
		return true;
	} catch {
		return false;
	}
}

if (!canResolve('esbuild')) {
	if (process.env.npm_config_global === 'true') {
		console.error(`assess: npm cannot build a program it installs globally from git (npm/cli#8440).
Install it from a packed copy instead:
  git clone <the repository> assess && cd assess
  npm ci && npm pack                                # builds dist/, makes assess-workbench-<version>.tgz
  npm install -g ./assess-workbench-*.tgz`);
	} else {
		console.error('assess: building needs the build tools: run `npm ci` (or `npm install`) in this folder first.');
	}
	process.exit(1);
}

await import('./build.mjs');

import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {repoRoot} from './helpers/run-cli.js';
import cacheDir from './setup/cache-dir.js';

/**
 * CLI, end-to-end and reliability tests run the built program; `npm test` builds it first
 * (the core and UI projects need no build). Caches go to the test run's own folder.
 */
export default function setup(): () => void {
	if (!existsSync(join(repoRoot, 'dist', 'assess.cjs'))) {
		throw new Error('dist/assess.cjs is missing: run the tests with `npm test` (it builds first), or `npm run build`.');
	}
	return cacheDir();
}

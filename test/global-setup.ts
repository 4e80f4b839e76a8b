import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {repoRoot} from './helpers/run-cli.js';

/**
 * CLI and end-to-end tests run the built program; `npm test` builds it first. The program's
 * validation cache goes to a folder of the test run's own (the workers and every program they
 * start inherit it), never to the user's cache folder.
 */
export default function setup(): () => void {
	if (!existsSync(join(repoRoot, 'dist', 'assess.cjs'))) {
		throw new Error('dist/assess.cjs is missing: run the tests with `npm test` (it builds first), or `npm run build`.');
	}
	const cache = mkdtempSync(join(tmpdir(), 'assess-test-cache-'));
	process.env.ASSESS_CACHE_DIR = cache;
	return () => rmSync(cache, {recursive: true, force: true});
}

import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/**
 * The program's caches (validated files, compiled code, last positions) go to a folder of the
 * test run's own: the workers and every program they start inherit it, and the user's cache
 * folder is never touched.
 */
export default function setup(): () => void {
	const cache = mkdtempSync(join(tmpdir(), 'assess-test-cache-'));
	process.env.ASSESS_CACHE_DIR = cache;
	return () => rmSync(cache, {recursive: true, force: true});
}

import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {repoRoot} from './helpers/run-cli.js';

/** CLI and end-to-end tests run the built program; `npm test` builds it first. */
export default function setup(): void {
	if (!existsSync(join(repoRoot, 'dist', 'assess.js'))) {
		throw new Error('dist/assess.js is missing: run the tests with `npm test` (it builds first), or `npm run build`.');
	}
}

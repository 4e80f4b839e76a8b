import {describe, it, expect} from 'vitest';
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';

/**
 * Every test file belongs to one of vitest's projects: a folder of tests the config does not
 * name would silently never run (test/report once did not, after the projects were split).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function testFiles(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap(e => (e.isDirectory() ? testFiles(join(dir, e.name)) : /\.test\.tsx?$/.test(e.name) ? [relative(root, join(dir, e.name))] : []));
}

describe('the test projects', () => {
	it('include every test folder', () => {
		const config = readFileSync(join(root, 'vitest.config.ts'), 'utf8');
		const folders = [...new Set(testFiles(join(root, 'test')).map(f => f.split('/').slice(0, 2).join('/')))];
		for (const folder of folders) expect(config, `${folder} is in no project of vitest.config.ts`).toContain(`'${folder}/**/*.test.ts`);
	});
});

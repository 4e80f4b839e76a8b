import {describe, it, expect} from 'vitest';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {repoRoot} from '../helpers/run-cli.js';
import {keyTableMarkdown, README_MARKS} from '../../source/ui/keymap/key-table-markdown.js';
import {BINDINGS} from '../../source/ui/keymap/bindings.js';

describe("the README's key table", () => {
	it('is the key table of the code (node scripts/run-ts.mjs scripts/write-keys.ts writes it)', () => {
		const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
		const start = readme.indexOf(README_MARKS.start);
		const end = readme.indexOf(README_MARKS.end);
		expect(start, 'the marks around the key table').toBeGreaterThan(-1);
		expect(readme.slice(start + README_MARKS.start.length, end).trim()).toBe(keyTableMarkdown('en'));
	});

	it('has a row for every binding', () => {
		const rows = keyTableMarkdown('en').split('\n').slice(2);
		expect(rows).toHaveLength(BINDINGS.length);
	});
});

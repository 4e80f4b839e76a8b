import {describe, it, expect} from 'vitest';
import {readFileSync, readdirSync, existsSync} from 'node:fs';
import {join, dirname} from 'node:path';
import fc from 'fast-check';
import {SCHEMA_FILES, jsonSchemaText} from '../../source/storage/json-schemas.js';
import {findJsonError} from '../../source/storage/json-syntax.js';
import {repoRoot} from '../helpers/run-cli.js';

describe('JSON Schemas for editors', () => {
	it('are in sync with the zod schemas (run `npm run schemas` after changing a schema)', () => {
		for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
			expect(readFileSync(join(repoRoot, 'indicators', 'schemas', name), 'utf8'), name).toBe(jsonSchemaText(schema));
		}
	});

	it('are referenced by every bundled file, and exist', () => {
		const files = [...readdirSync(join(repoRoot, 'indicators')).filter(f => f.endsWith('.json')).map(f => join(repoRoot, 'indicators', f)), join(repoRoot, 'workspaces', 'demo.json')];
		for (const file of files) {
			const ref = JSON.parse(readFileSync(file, 'utf8')).$schema;
			if (file.endsWith('demo.json')) continue;
			expect(ref, file).toMatch(/^\.\/schemas\/.+\.schema\.json$/);
			expect(existsSync(join(dirname(file), ref)), ref).toBe(true);
		}
	});
});

describe('findJsonError', () => {
	it('agrees with JSON.parse on valid JSON and on random breakage', () => {
		fc.assert(
			fc.property(fc.json(), fc.nat(), fc.constantFrom('', '}', '{', ',', '"', ':', ']', 'x', '\u0001'), (json, at, junk) => {
				expect(findJsonError(json)).toBeUndefined();
				const i = at % (json.length + 1);
				const broken = json.slice(0, i) + junk + json.slice(i);
				let valid = true;
				try {
					JSON.parse(broken);
				} catch {
					valid = false;
				}
				expect(findJsonError(broken) === undefined).toBe(valid);
			}),
			{numRuns: 500},
		);
	});
});

import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {readFileSync, writeFileSync} from 'node:fs';
import {join, dirname} from 'node:path';
import {repoRoot} from '../helpers/run-cli.js';
import {readWorkspace, type FindingCache} from '../../source/storage/workspace-store.js';
import {KnownFindings, reduceFindings} from '../../source/storage/finding-bytes.js';
import {UserError} from '../../source/storage/user-error.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';
import {ValidationCache} from '../../source/storage/validation-cache.js';
import {sha256} from '../../source/domain/canonical-json.js';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';

/** Reads `first` then `second` as a merge does, with or without the findings' bytes: the second's data or its error. */
async function mergeRead(first: string, second: string, bytes: boolean): Promise<{data?: unknown; error?: string}> {
	const findingCache: FindingCache = new Map();
	const findingBytes = bytes ? new KnownFindings() : undefined;
	await readWorkspace(first, {findingCache, ...(findingBytes ? {findingBytes} : {})});
	try {
		return {data: (await readWorkspace(second, {findingCache, ...(findingBytes ? {findingBytes} : {})})).data};
	} catch (error) {
		if (error instanceof UserError) return {error: error.message};
		throw error;
	}
}

const setup = () => {
	const a = completeWorkspace(['110000', '310000']);
	const b = join(a.dir, 'b.json');
	return {first: a.file, second: b, text: readFileSync(a.file, 'utf8')};
};

describe('a merge reads the findings it read before, byte for byte, only once', () => {
	it('a later file made of the same findings is reduced to placeholders, and reads as the same data', async () => {
		const {first, second, text} = setup();
		writeFileSync(second, text.replace('"assessor": "张三"', '"assessor": "李四"'));
		const known = new KnownFindings();
		const findingCache: FindingCache = new Map();
		const one = await readWorkspace(first, {findingCache, findingBytes: known});
		const reduced = reduceFindings(readFileSync(second), known)!;
		expect(reduced.known.size).toBe(Object.keys(one.data.findings).length);
		expect(reduced.bytes.length).toBeLessThan(readFileSync(second).length / 10);
		const two = await readWorkspace(second, {findingCache, findingBytes: known});
		expect(two.data.assessor).toBe('李四');
		// The very objects read before (one per version).
		for (const key of Object.keys(one.data.findings)) expect(two.data.findings[key]).toBe(one.data.findings[key]);
		expect(await mergeRead(first, second, true)).toEqual(await mergeRead(first, second, false));
	});

	it('reduces the members of findings only, past strings with escapes and objects that look alike', async () => {
		const {first, second, text} = setup();
		const known = new KnownFindings();
		const one = await readWorkspace(first, {findingCache: new Map(), findingBytes: known});
		const value = /"110000\/1\.1\.1": (\{[\s\S]*?\n {4}\})/.exec(text)![1]!;
		// A name with escaped quotes and backslashes before the findings; the same text as a finding's under another object's same key.
		const edited = text.replace('"assessor": "张三"', '"assessor": "张\\"三\\\\", "x": {"y": "\\"}"}').replace('"conflicts": {}', `"conflicts": {"110000/1.1.1": ${value}}`);
		expect(edited).not.toBe(text);
		const reduced = reduceFindings(Buffer.from(edited), known)!;
		expect(reduced.known.size).toBe(Object.keys(one.data.findings).length);
		expect(reduced.bytes.toString()).toContain(`"conflicts": {"110000/1.1.1": ${value}}`);
		expect(reduced.bytes.toString()).toContain('"110000/1.1.1": 0,');
		writeFileSync(second, edited);
		expect(await mergeRead(first, second, true)).toEqual(await mergeRead(first, second, false));
	});

	it('a later file remembered as valid (the validation cache) is reduced too, to the same data', async () => {
		const {first, second, text} = setup();
		writeFileSync(second, text.replace('"assessor": "张三"', '"assessor": "李四"'));
		const cache = new ValidationCache(join(mkdtempSync(join(tmpdir(), 'assess-cache-')), 'c'), 'build');
		// Read alone, each file is validated whole and remembered.
		for (const f of [first, second]) await readWorkspace(f, {validationCache: cache, findingCache: new Map()});
		expect(cache.lookup(sha256(readFileSync(second)))).toBeDefined();
		const findingCache: FindingCache = new Map();
		const findingBytes = new KnownFindings();
		const one = await readWorkspace(first, {validationCache: cache, findingCache, findingBytes});
		const two = await readWorkspace(second, {validationCache: cache, findingCache, findingBytes});
		expect(two.data).toEqual(JSON.parse(readFileSync(second, 'utf8')));
		for (const key of Object.keys(one.data.findings)) expect(two.data.findings[key]).toBe(one.data.findings[key]);
	});

	it('remembers a later file as valid when each of its findings was checked, here or byte for byte in an earlier file', async () => {
		const {first, second, text} = setup();
		const cache = new ValidationCache(join(mkdtempSync(join(tmpdir(), 'assess-cache-')), 'c'), 'build');
		const merge = async (files: string[]) => {
			const options = {validationCache: cache, findingCache: new Map() as FindingCache, findingBytes: new KnownFindings()};
			for (const f of files) await readWorkspace(f, options);
		};
		const remembered = (f: string) => cache.lookup(sha256(readFileSync(f))) !== undefined;
		// The same findings, another assessor's name: checked by bytes, so valid as a whole.
		writeFileSync(second, text.replace('"assessor": "张三"', '"assessor": "李四"'));
		await merge([first, second]);
		expect([remembered(first), remembered(second)]).toEqual([true, true]);
		// The same versions written otherwise (compact JSON): met by version, not by bytes, so not checked here.
		writeFileSync(second, JSON.stringify({...JSON.parse(text), assessor: '王五'}));
		await merge([first, second]);
		expect(remembered(second)).toBe(false);
		// The same bytes, but checked against another system file (same id and version, other text): not checked against this one.
		const system = JSON.parse(readFileSync(join(repoRoot, 'indicators', '2020-province.json'), 'utf8'));
		writeFileSync(join(dirname(second), 'own-system.json'), JSON.stringify({...system, note: `${system.note ?? ''} (a copy)`}, null, 2));
		writeFileSync(second, text.replace('"assessor": "张三"', '"assessor": "赵六"').replace(/"system": \{/, '"system": {\n    "file": "own-system.json",'));
		await merge([first, second]);
		expect(remembered(second)).toBe(false);
		await merge([second]);
		expect(remembered(second)).toBe(true);
	});

	it('gives the same data, or the same error at the same place, as reading the whole file, however the later file was edited', async () => {
		const {first, second, text} = setup();
		const edits: ((t: string) => string)[] = [
			t => t,
			// A syntax error after a known finding, and inside one (which then is not known).
			t => t.replace('"110000/1.1.2": {', '"110000/1.1.2": {,'),
			t => t.replace(/("110000\/1\.1\.1": \{[\s\S]*?\n {4}\})/, '$1 x'),
			t => t.replace(/("110000\/1\.1\.1": \{[\s\S]*?\n {4}\}),/, '$1'),
			// A key twice: a known finding and another copy of it.
			t => t.replace(/("110000\/1\.1\.1": \{[\s\S]*?\n {4}\}),/, '$1,\n    $1,'),
			// A known finding in a region the file does not have; at another key.
			t => t.replace(/"regions": \[\s*"110000",/, '"regions": ['),
			t => t.replace('"310000/1.1.1": {', '"310000/1.1.9": {'),
			// An escaped key; "findings" written escaped; findings as an array; text that looks like a key.
			t => t.replace('"110000/1.1.1": {', '"110000\\/1.1.1": {'),
			t => t.replace('"findings": {', '"\\u0066indings": {'),
			t => t.replace(/"findings": \{[\s\S]*?\n {2}\},\n {2}"conflicts"/, '"findings": [],\n  "conflicts"'),
			t => t.replace('"assessor": "张三"', '"assessor": "\\"findings\\": {\\"110000/1.1.1\\": "'),
			// Cut off inside a known finding; a byte-order mark; a NUL.
			t => t.slice(0, t.indexOf('"110000/1.2.1": {') + 40),
			t => '\uFEFF' + t,
			t => t.replace('"assessor"', '"assessor\u0000"'),
		];
		for (const [i, edit] of edits.entries()) {
			writeFileSync(second, edit(text));
			const fast = await mergeRead(first, second, true);
			const whole = await mergeRead(first, second, false);
			expect(fast, `edit ${i}`).toEqual(whole);
		}
	});

	it('matches the whole read on any change of a few bytes of the later file (property)', async () => {
		const {first, second, text} = setup();
		const bytes = Buffer.from(text);
		await fc.assert(
			fc.asyncProperty(fc.array(fc.record({at: fc.nat({max: bytes.length - 1}), byte: fc.constantFrom(0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x20, 0x30, 0x61)}), {minLength: 1, maxLength: 3}), async changes => {
				const changed = Buffer.from(bytes);
				for (const c of changes) changed[c.at] = c.byte;
				writeFileSync(second, changed);
				expect(await mergeRead(first, second, true)).toEqual(await mergeRead(first, second, false));
			}),
			{numRuns: 150},
		);
	});
});

import {describe, it, expect, beforeEach} from 'vitest';
import {mkdtempSync, readFileSync, writeFileSync, readdirSync, utimesSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ValidationCache} from '../../source/storage/validation-cache.js';
import {cacheFolder} from '../../source/storage/cache-folder.js';
import {OpenWorkspace, readWorkspace, type FindingCache} from '../../source/storage/workspace-store.js';
import {sha256} from '../../source/domain/canonical-json.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';
import {UserError} from '../../source/storage/user-error.js';
import {workspace as workspaceSchema} from '../../source/domain/workspace/workspace-schema.js';

let dir: string;
let cache: ValidationCache;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'assess-cache-'));
	cache = new ValidationCache(join(dir, 'cache'), 'build-a');
});
const digestOf = (file: string) => sha256(readFileSync(file));
const CONTEXT = 'c'.repeat(64);

async function problemOpening(file: string, c = cache): Promise<string | undefined> {
	try {
		await (await OpenWorkspace.open(file, {write: false, validationCache: c})).close();
		return undefined;
	} catch (error) {
		if (error instanceof UserError) return error.message;
		throw error;
	}
}

describe('the validation cache', () => {
	it('lives where the platform keeps caches, or where ASSESS_CACHE_DIR says, or nowhere', () => {
		const home = () => '/home/zhang';
		expect(cacheFolder({}, 'linux', home)).toBe('/home/zhang/.cache/assess');
		expect(cacheFolder({XDG_CACHE_HOME: '/var/cache/zhang'}, 'linux', home)).toBe('/var/cache/zhang/assess');
		expect(cacheFolder({}, 'darwin', home)).toBe('/home/zhang/Library/Caches/assess');
		expect(cacheFolder({LOCALAPPDATA: 'C:\\Users\\zhang\\AppData\\Local'}, 'win32', home)).toContain('assess');
		expect(cacheFolder({ASSESS_CACHE_DIR: '/tmp/c'}, 'linux', home)).toBe('/tmp/c');
		expect(cacheFolder({ASSESS_CACHE_DIR: 'off'}, 'linux', home)).toBeUndefined();
		expect(cacheFolder({}, 'linux', () => {
			throw new Error('no home');
		})).toBeUndefined();
		// Run from the sources (no build), there is no cache: a change to a schema is never trusted stale.
		expect(ValidationCache.fromEnvironment({ASSESS_CACHE_DIR: dir}, undefined)).toBeUndefined();
		expect(ValidationCache.fromEnvironment({ASSESS_CACHE_DIR: dir}, 'b')).toBeInstanceOf(ValidationCache);
	});

	it('remembers digests per build, and forgets the least recently used beyond a few hundred', () => {
		cache.remember('a'.repeat(64), CONTEXT);
		expect(cache.lookup('a'.repeat(64))).toBe(CONTEXT);
		expect(cache.lookup('b'.repeat(64))).toBeUndefined();
		expect(new ValidationCache(join(dir, 'cache'), 'build-b').lookup('a'.repeat(64))).toBeUndefined();
		const folder = join(dir, 'cache', 'validated');
		for (let i = 0; i < 300; i++) {
			cache.remember(sha256(String(i)), CONTEXT);
			const when = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
			utimesSync(join(folder, sha256(`build-a\n${sha256(String(i))}`)), when, when);
		}
		expect(readdirSync(folder).length).toBeLessThanOrEqual(256);
		expect(cache.lookup(sha256('299'))).toBe(CONTEXT);
		expect(cache.lookup(sha256('0'))).toBeUndefined();
	});

	it('is no cache, and no error, where it cannot be written or holds garbage', () => {
		writeFileSync(join(dir, 'file-not-folder'), '');
		const broken = new ValidationCache(join(dir, 'file-not-folder'), 'b');
		expect(() => broken.remember('a'.repeat(64), CONTEXT)).not.toThrow();
		expect(broken.lookup('a'.repeat(64))).toBeUndefined();
		const garbage = new ValidationCache(join(dir, 'g'), 'b');
		garbage.remember('d'.repeat(64), CONTEXT);
		writeFileSync(join(dir, 'g', 'validated', sha256(`b\n${'d'.repeat(64)}`)), 'not a digest');
		expect(garbage.lookup('d'.repeat(64))).toBeUndefined();
	});
});

describe('opening a workspace with the validation cache', () => {
	it('remembers a file once it passed every check, and the same bytes open without validating again', async () => {
		const {file} = completeWorkspace(['110000', '310000']);
		expect(await problemOpening(file)).toBeUndefined();
		const context = cache.lookup(digestOf(file));
		expect(context).toMatch(/^[0-9a-f]{64}$/);
		// Remembered bytes are taken as they are: a schema fault slipped into remembered bytes
		// is not looked for (this shows the validation is skipped; real bytes never change so).
		const text = readFileSync(file, 'utf8').replace('"assessor": "张三"', '"assessor": ""');
		writeFileSync(file, text);
		cache.remember(digestOf(file), context!);
		expect(await problemOpening(file)).toBeUndefined();
		// …unless the bytes change at all,
		writeFileSync(file, text + ' ');
		expect(await problemOpening(file)).toMatch(/assessor/);
		// …or validation is asked for (assess validate reads without the cache).
		writeFileSync(file, text);
		await expect(readWorkspace(file)).rejects.toThrow(/assessor/);
		await expect(readWorkspace(file, {validationCache: cache})).resolves.toBeDefined();
	});

	it('checks against the indicator system again when the system or the regions differ from when it was remembered', async () => {
		const {file} = completeWorkspace(['110000']);
		expect(await problemOpening(file)).toBeUndefined();
		const context = cache.lookup(digestOf(file))!;
		// Valid for the schema, not for the system: a finding on an indicator it does not have.
		const text = readFileSync(file, 'utf8').replaceAll('"110000/1.1.1"', '"110000/9.9.9"').replaceAll('"indicator": "1.1.1"', '"indicator": "9.9.9"');
		writeFileSync(file, text);
		cache.remember(digestOf(file), context);
		expect(await problemOpening(file)).toBeUndefined();
		cache.remember(digestOf(file), 'e'.repeat(64));
		expect(await problemOpening(file)).toMatch(/9\.9\.9.*is not an indicator/);
	});

	it('remembers what a session saved, and any valid file, however it is written', async () => {
		const {file, ws} = completeWorkspace(['110000']);
		writeFileSync(file, JSON.stringify(ws));
		expect(await problemOpening(file)).toBeUndefined();
		expect(cache.lookup(digestOf(file))).toMatch(/^[0-9a-f]{64}$/);
		const open = await OpenWorkspace.open(file, {write: true, validationCache: cache});
		await open.save({...open.data, assessor: '李四'});
		await open.close();
		expect(readFileSync(file, 'utf8')).toContain('"assessor": "李四"');
		expect(cache.lookup(digestOf(file))).toMatch(/^[0-9a-f]{64}$/);
	});

	it('remembers a file a merge read only when it validated all of it: not one whose findings it met in an earlier file', async () => {
		const a = completeWorkspace(['110000']);
		const b = completeWorkspace(['110000']);
		const findingCache: FindingCache = new Map();
		await readWorkspace(a.file, {validationCache: cache, findingCache});
		// The first file's findings were all new to the merge, so all validated.
		expect(cache.lookup(digestOf(a.file))).toMatch(/^[0-9a-f]{64}$/);
		writeFileSync(b.file, readFileSync(b.file, 'utf8') + '\n');
		await readWorkspace(b.file, {validationCache: cache, findingCache});
		// Every finding of the second was met in the first: checked there, not here.
		expect(cache.lookup(digestOf(b.file))).toBeUndefined();
	});

	it('a merge keeps one object per finding version, and still checks each file\'s copy of it against that file', async () => {
		const a = completeWorkspace(['110000', '120000']);
		const b = completeWorkspace(['110000', '120000']);
		const findingCache: FindingCache = new Map();
		const first = await readWorkspace(a.file, {validationCache: cache, findingCache});
		const second = await readWorkspace(b.file, {validationCache: cache, findingCache});
		expect(second.data.findings['120000/1.1.1']).toBe(first.data.findings['120000/1.1.1']);
		const original = readFileSync(b.file, 'utf8');
		const problem = async (edit: (ws: any) => void) => {
			const ws = JSON.parse(original);
			edit(ws);
			writeFileSync(b.file, JSON.stringify(ws, null, 2));
			try {
				await readWorkspace(b.file, {validationCache: cache, findingCache});
				return undefined;
			} catch (error) {
				if (error instanceof UserError) return error.message;
				throw error;
			}
		};
		// The same key and rev as a version met in the first file, but not a valid finding of this one.
		expect(await problem(ws => (ws.regions = ['110000']))).toMatch(/\$\.findings\["120000\/1\.1\.1"\]\.region: region "120000" is not in this workspace.s regions/);
		expect(await problem(ws => (ws.findings['120000/1.1.1'].indicator = '1.1.2'))).toMatch(/the key should be "120000\/1\.1\.2"/);
		expect(await problem(ws => (ws.findings['120000/1.1.1'].region = '110000'))).toMatch(/the key should be "110000\/1\.1\.1"/);
	});

	it('remembers nothing when the last save did not reach the disk', async () => {
		const {file} = completeWorkspace(['110000']);
		const open = await OpenWorkspace.open(file, {write: true, validationCache: cache});
		await open.save({...open.data, assessor: '李四'});
		// Someone writes the file behind the program's back (the lock was ignored).
		writeFileSync(file, readFileSync(file, 'utf8').replace('李四', '王五'));
		await open.close();
		expect(cache.lookup(digestOf(file))).toBeUndefined();
	});
});

describe('the workspace schema, as the validation cache needs it', () => {
	// Remembered bytes are taken as they are, so validation must return what it was given:
	// strict objects (unknown keys refused, not dropped), no transforms, no defaults but the one
	// the cache checks itself (conflicts). A schema change that breaks this fails here.
	it('only checks: strict objects everywhere, nothing transformed, conflicts the only default', () => {
		const found: string[] = [];
		const walk = (schema: unknown, path: string, seen: Set<unknown>) => {
			if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
			seen.add(schema);
			const def = (schema as {_zod: {def: Record<string, unknown> & {type: string}}})._zod.def;
			if (['transform', 'pipe', 'prefault', 'catch', 'preprocess'].includes(def.type)) found.push(`${path}: ${def.type}`);
			if (def.type === 'default' && path !== '$.conflicts') found.push(`${path}: default`);
			if (def.type === 'object') {
				const catchall = def.catchall as {_zod: {def: {type: string}}} | undefined;
				if (catchall?._zod.def.type !== 'never') found.push(`${path}: an object that is not strict`);
				for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) walk(child, `${path}.${key}`, seen);
			}
			for (const key of ['innerType', 'element', 'valueType', 'in', 'out']) if (def[key]) walk(def[key], path, seen);
			for (const option of (def.options as unknown[] | undefined) ?? []) walk(option, path, seen);
		};
		walk(workspaceSchema, '$', new Set());
		expect(found).toEqual([]);
	});
});

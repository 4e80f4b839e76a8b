import {describe, it, expect, beforeEach} from 'vitest';
import {mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync, utimesSync, symlinkSync} from 'node:fs';
import {tmpdir, hostname} from 'node:os';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';
import {writeFileDurably, previousVersionFile, DurableJsonFile} from '../../source/storage/durable-json-file.js';
import {readJsonFile} from '../../source/storage/read-json-file.js';
import {acquireLock, lockFileOf, LockedError, readHolder} from '../../source/storage/workspace-lock.js';
import {backupBeforeWriting, listBackups, BACKUPS_KEPT} from '../../source/storage/backups.js';
import {storeEvidenceFile, evidenceFolderOf} from '../../source/storage/evidence-store.js';
import {UserError} from '../../source/storage/user-error.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'assess-storage-'));
});

const problemOf = (fn: () => unknown): string => {
	try {
		fn();
	} catch (error) {
		if (error instanceof UserError) return error.message;
		throw error;
	}
	throw new Error('expected a UserError');
};

describe('readJsonFile', () => {
	it('names the line and column of a syntax error', () => {
		const f = join(dir, 'a.json');
		writeFileSync(f, '{\n  "a": 1,\n  "b": }\n');
		expect(problemOf(() => readJsonFile(f))).toMatch(/a\.json: line 3, column 8: is not valid JSON/);
	});

	it('says a truncated file ends too early', () => {
		const f = join(dir, 'a.json');
		writeFileSync(f, '{"a": [1, 2');
		expect(problemOf(() => readJsonFile(f))).toContain('ends too early');
	});

	it('refuses empty, binary, BOM, non-UTF-8 and missing files with a reason', () => {
		const cases: [string, string | Buffer, string][] = [
			['empty.json', '', 'is empty'],
			['space.json', '  \n', 'only white space'],
			['bin.json', Buffer.from([0x7b, 0x00, 0x01, 0x7d]), 'binary'],
			['bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]), 'byte-order mark'],
			['latin.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]), 'not valid UTF-8'],
		];
		for (const [name, content, problem] of cases) {
			writeFileSync(join(dir, name), content);
			expect(problemOf(() => readJsonFile(join(dir, name)))).toContain(problem);
		}
		expect(problemOf(() => readJsonFile(join(dir, 'missing.json')))).toContain('does not exist');
		expect(problemOf(() => readJsonFile(dir))).toContain('is a folder');
	});
});

describe('writeFileDurably', () => {
	it('replaces the file whole and keeps the previous version beside it', async () => {
		const f = join(dir, 'ws.json');
		await writeFileDurably(f, 'one');
		await writeFileDurably(f, 'two');
		expect(readFileSync(f, 'utf8')).toBe('two');
		expect(readFileSync(previousVersionFile(f), 'utf8')).toBe('one');
		expect(readdirSync(dir).filter(n => n.includes('.tmp-'))).toEqual([]);
	});

	it('leaves the old file as it was when the write fails', async () => {
		const f = join(dir, 'ws.json');
		await writeFileDurably(f, 'safe');
		// A folder where the file should be: never replaced.
		const blocked = join(dir, 'blocked');
		spawnSync('mkdir', ['-p', join(blocked, 'x.json')]);
		await expect(writeFileDurably(join(blocked, 'x.json'), 'new')).rejects.toThrow(/is a folder, not a regular file; nothing was written/);
		expect(readFileSync(f, 'utf8')).toBe('safe');
		expect(readdirSync(blocked)).toEqual(['x.json']);
	});

	it('coalesces queued writes in the lowdb adapter: the newest data wins', async () => {
		const f = join(dir, 'ws.json');
		const adapter = new DurableJsonFile<{n: number}>(f, {serialize: d => JSON.stringify(d), parse: (_f, bytes) => JSON.parse(bytes.toString()) as {n: number}});
		await Promise.all([1, 2, 3, 4, 5].map(n => adapter.write({n})));
		expect(await adapter.read()).toEqual({n: 5});
		expect(await new DurableJsonFile(join(dir, 'none.json'), {serialize: String, parse: (_f, b) => b}).read()).toBeNull();
	});
});

describe('workspace lock', () => {
	it('refuses a second writer, naming the holder', () => {
		const ws = join(dir, 'ws.json');
		const lock = acquireLock(ws, 'test');
		try {
			acquireLock(ws, 'test');
			throw new Error('second lock was granted');
		} catch (error) {
			expect(error).toBeInstanceOf(LockedError);
			expect((error as Error).message).toContain(`on ${hostname()} (process ${process.pid}`);
		}
		lock.release();
		expect(existsSync(lockFileOf(ws))).toBe(false);
		acquireLock(ws, 'test').release();
	});

	it('takes over a stale lock left by a process that is gone', () => {
		const ws = join(dir, 'ws.json');
		const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
		writeFileSync(lockFileOf(ws), JSON.stringify({user: 'x', host: hostname(), pid: Number(dead), since: 'then', program: 'old'}));
		const lock = acquireLock(ws, 'test');
		expect(readHolder(lockFileOf(ws))?.pid).toBe(process.pid);
		lock.release();
	});

	it('takes over an empty lock file once it is old (a writer died before writing it)', () => {
		const ws = join(dir, 'ws.json');
		writeFileSync(lockFileOf(ws), '');
		const old = new Date(Date.now() - 60_000);
		utimesSync(lockFileOf(ws), old, old);
		acquireLock(ws, 'test').release();
	});
});

describe('backups', () => {
	it('keeps a few copies taken before writing sessions', () => {
		const ws = join(dir, 'ws.json');
		writeFileSync(ws, '{}');
		for (let i = 0; i < BACKUPS_KEPT + 3; i++) backupBeforeWriting(ws, new Date(Date.UTC(2026, 0, 1, i)));
		expect(listBackups(ws)).toHaveLength(BACKUPS_KEPT);
	});
});

describe('evidence files', () => {
	it('stores a file under its hash inside the evidence folder, whatever its name', () => {
		const ws = join(dir, 'zhang.json');
		const nasty = join(dir, '..', `${Date.now()}-截图.PNG`);
		writeFileSync(nasty, 'picture');
		const stored = storeEvidenceFile(ws, nasty);
		expect(stored.stored).toBe(`${stored.sha256}.png`);
		expect(readdirSync(evidenceFolderOf(ws))).toEqual([stored.stored]);
		expect(evidenceFolderOf(ws)).toBe(join(dir, 'zhang.evidence'));
	});

	it('drops an extension that could be a path', () => {
		writeFileSync(join(dir, 'y'), 'data');
		symlinkSync(join(dir, 'y'), join(dir, 'link..%2f..%2fetc'));
		const stored = storeEvidenceFile(join(dir, 'ws.json'), join(dir, 'link..%2f..%2fetc'));
		expect(stored.stored).toMatch(/^[0-9a-f]{64}$/);
		expect(readdirSync(evidenceFolderOf(join(dir, 'ws.json')))).toEqual([stored.stored]);
	});
});

import {describe, it, expect} from 'vitest';
import {unlinkSync, mkdtempSync, readFileSync, writeFileSync, symlinkSync, mkdirSync, existsSync, appendFileSync, renameSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {OpenWorkspace, createWorkspaceFile} from '../../source/storage/workspace-store.js';
import {loadSystem} from '../../source/storage/load-files.js';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {changeReviewPolicy} from '../../source/domain/review/review-policy.js';
import {serializeWorkspace} from '../../source/storage/workspace-text.js';
import {changeLogOf, readChangeLog, appendChanges, uniteLogs} from '../../source/storage/change-log.js';
import {ValidationCache} from '../../source/storage/validation-cache.js';
import {workspaceChanges} from '../../source/domain/audit/workspace-changes.js';
import {UserError} from '../../source/storage/user-error.js';
import type {Workspace} from '../../source/domain/workspace/workspace-schema.js';
import {say} from '../../source/domain/words/message.js';

const {index, digest} = loadSystem('2020-province');
const t = (n: number) => new Date(Date.UTC(2026, 10, 2, 0, n)).toISOString();
const yes = {type: 'yesno', met: true} as const;

async function fresh(setup: (ws: Workspace) => Workspace = ws => ws): Promise<{dir: string; file: string; base: Workspace}> {
	const dir = mkdtempSync(join(tmpdir(), 'assess-log-'));
	const file = join(dir, 'ws.json');
	const base = setup(createWorkspace({id: 'w', index, systemDigest: digest, assessor: '张三', createdAt: t(0), regions: ['110000', '310000']}));
	await createWorkspaceFile(file, base);
	return {dir, file, base};
}

describe('the change log beside a workspace', () => {
	it('starts with what a new workspace holds, and grows by what each save changed, after the save is on disk', async () => {
		const {file} = await fresh(ws => changeReviewPolicy(ws, {reviewRequired: true}, '组长', t(0)));
		expect(readChangeLog(changeLogOf(file)).entries.map(e => e.field)).toEqual(['policy']);
		const ws = await OpenWorkspace.open(file, {write: true});
		try {
			await ws.save(applyChange(ws.data, ['110000'], '1.1.1', {value: yes, note: '首页可见'}, '张三', t(1)));
			// Two changes before the next write: both versions are logged, each with its own time.
			const a = applyChange(ws.data, ['110000'], '1.1.1', {status: 'done'}, '张三', t(2));
			const pending = ws.save(a);
			const b = applyChange(a, ['310000'], '1.1.1', {value: yes}, '李四', t(3));
			await Promise.all([pending, ws.save(b)]);
		} finally {
			await ws.close();
		}
		const log = readChangeLog(changeLogOf(file));
		expect(log.problems).toEqual([]);
		expect(log.entries.map(e => `${e.by} ${e.region ?? ''} ${e.field} ${JSON.stringify(e.to)}`)).toEqual([
			'组长  policy {"reviewRequired":true}',
			'张三 110000 value {"type":"yesno","met":true}',
			'张三 110000 note "首页可见"',
			'张三 110000 status "done"',
			'李四 310000 value {"type":"yesno","met":true}',
		]);
		// Every line is whole JSON, and the file ends with a newline.
		const text = readFileSync(changeLogOf(file), 'utf8');
		expect(text.endsWith('\n')).toBe(true);
		for (const line of text.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
	});

	it('logs what a save merged in from another program: the other program\'s own entries stay its own, the conflict is the merge\'s', async () => {
		const {file} = await fresh();
		const ws = await OpenWorkspace.open(file, {write: true, actor: '张三'});
		try {
			// Another assess appends its change to the log, as it does after its save.
			const now = JSON.parse(readFileSync(file, 'utf8')) as Workspace;
			const theirs = applyChange(now, ['110000'], '1.1.1', {value: yes}, '李四', t(1));
			writeFileSync(`${file}.new`, serializeWorkspace(theirs));
			renameSync(`${file}.new`, file);
			await appendChanges(changeLogOf(file), workspaceChanges(now, theirs, '李四', t(1)));
			await ws.save(applyChange(ws.data, ['110000'], '1.1.1', {value: {type: 'yesno', met: false}}, '张三', t(2)));
		} finally {
			await ws.close();
		}
		const fields = readChangeLog(changeLogOf(file)).entries.map(e => `${e.by} ${e.field}${e.via ? ` ${e.via}` : ''}`);
		expect(fields).toEqual(['李四 value', '张三 value', '张三 conflict merge']);
	});

	it('never writes through a symbolic link, nor into what is not a regular file; the save itself still lands and says so', async () => {
		const {dir, file} = await fresh();
		const elsewhere = join(dir, 'elsewhere.txt');
		writeFileSync(elsewhere, 'not yours\n');
		const log = changeLogOf(file);
		// A new workspace's log is there from the start, empty: replaced here by a link elsewhere.
		expect(readFileSync(log, 'utf8')).toBe('');
		unlinkSync(log);
		symlinkSync(elsewhere, log);
		const ws = await OpenWorkspace.open(file, {write: true});
		try {
			await ws.save(applyChange(ws.data, ['110000'], '1.1.1', {value: yes}, '张三', t(1)));
			expect(ws.warnings.map(w => say('en', w)).join('\n')).toContain('is a symbolic link; a change log is never read or written through one; the changes were not logged');
		} finally {
			await ws.close();
		}
		expect(readFileSync(elsewhere, 'utf8')).toBe('not yours\n');
		expect((JSON.parse(readFileSync(file, 'utf8')) as Workspace).findings['110000/1.1.1']?.value).toEqual(yes);
		expect(() => readChangeLog(log)).toThrow(/symbolic link/);
		// A FIFO is not opened at all (it would block), a folder is refused.
		const fifo = join(dir, 'fifo.jsonl');
		execFileSync('mkfifo', [fifo]);
		expect(() => readChangeLog(fifo)).toThrow(/FIFO/);
		await expect(appendChanges(fifo, workspaceChanges(undefined, applyChange(createWorkspace({id: 'w', index, systemDigest: digest, assessor: 'x', createdAt: t(0), regions: ['110000']}), ['110000'], '1.1.1', {value: yes}, 'x', t(1)), 'x', t(1)))).rejects.toThrow(UserError);
		mkdirSync(join(dir, 'folder.jsonl'));
		expect(() => readChangeLog(join(dir, 'folder.jsonl'))).toThrow(/folder/);
	});

	it('a line cut off by a crash is reported and skipped; the next append starts on a line of its own', async () => {
		const {file} = await fresh();
		const log = changeLogOf(file);
		const ws = await OpenWorkspace.open(file, {write: true});
		try {
			await ws.save(applyChange(ws.data, ['110000'], '1.1.1', {value: yes}, '张三', t(1)));
			appendFileSync(log, '{"id":"0123456789abcdef","at":"2026-11-0');
			await ws.save(applyChange(ws.data, ['110000'], '1.1.1', {note: '补充'}, '张三', t(2)));
		} finally {
			await ws.close();
		}
		const read = readChangeLog(log);
		expect(read.entries.map(e => e.field)).toEqual(['value', 'note']);
		expect(read.problems).toEqual([{line: 2, problem: 'not a JSON line'}]);
		// Garbage and hostile lines: reported by line, never taken.
		appendFileSync(log, '[1,2]\n{"id":"0123456789abcdef","at":"2026-11-02T00:00:00Z","by":"x","field":"value","from":null,"to":null,"region":"110000","__proto__":{}}\n');
		expect(readChangeLog(log).problems.map(p => p.line)).toEqual([2, 4, 5]);
		expect(readChangeLog(join(file, '..', 'none.jsonl'))).toMatchObject({entries: [], problems: []});
	});

	it('refuses to start a workspace beside the change log of an earlier file of the same name', async () => {
		const {dir, file} = await fresh();
		const again = join(dir, 'again.json');
		writeFileSync(changeLogOf(again), '');
		expect(file).toBeTruthy();
		await expect(createWorkspaceFile(again, createWorkspace({id: 'w', index, systemDigest: digest, assessor: '张三', createdAt: t(0), regions: ['110000']}))).rejects.toThrow(/already exists, beside no workspace/);
		expect(existsSync(again)).toBe(false);
	});

	it('unites the logs of a merge\'s inputs, each entry once, parsing only what a log does not share with the first', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'assess-log-'));
		const base = applyChange(createWorkspace({id: 'w', index, systemDigest: digest, assessor: '张三', createdAt: t(0), regions: ['110000', '310000']}), ['110000'], '1.1.1', {value: yes}, '张三', t(1));
		const shared = workspaceChanges(undefined, base, '张三', t(1));
		const a = applyChange(base, ['310000'], '1.1.1', {value: yes}, '李四', t(2));
		const b = applyChange(base, ['110000'], '1.1.2', {value: {type: 'levels', level: 'all'}}, '王五', t(3));
		const files = ['a', 'b', 'c'].map(n => join(dir, `${n}.json.changes.jsonl`));
		await appendChanges(files[0]!, [...shared, ...workspaceChanges(base, a, '李四', t(2))]);
		await appendChanges(files[1]!, [...shared, ...workspaceChanges(base, b, '王五', t(3))]);
		appendFileSync(files[1]!, 'broken\n');
		const union = uniteLogs([...files, join(dir, 'missing.jsonl')]);
		const lines = (u: typeof union) => Buffer.concat(u.chunks).toString('utf8').trimEnd().split('\n');
		expect(union.warnings).toEqual([]);
		expect(lines(union).map(l => (JSON.parse(l) as {by: string}).by)).toEqual(['张三', '李四', '王五']);
		expect(union.problems).toEqual([{file: files[1], line: 3, problem: 'not a JSON line'}]);
		// Lines kept as written: the first log whole, then only what the second adds.
		expect(union.chunks[0]!.toString()).toBe(readFileSync(files[0]!, 'utf8'));
		expect(union.first).toBe(1);
		expect(union.chunks.slice(union.first).map(c => c.toString()).join('')).toBe(readFileSync(files[1]!, 'utf8').split('\n').slice(1, 2).join('\n') + '\n');
		// A symbolic link among them is left out, with a warning.
		symlinkSync(files[0]!, join(dir, 'link.jsonl'));
		expect(say('en', uniteLogs([join(dir, 'link.jsonl')]).warnings[0]!)).toContain('is a symbolic link');
		// The first log, once checked, is remembered as valid: the next merge does not check it again.
		const cache = new ValidationCache(join(dir, 'cache'), 'test-build');
		expect(lines(uniteLogs(files, cache))).toEqual(lines(union));
		expect(lines(uniteLogs(files, cache))).toEqual(lines(union));
		// A log edited by hand is other bytes: checked again, its bad line reported.
		appendFileSync(files[0]!, 'broken too\n');
		expect(uniteLogs(files, cache).problems.map(p => p.file)).toEqual([files[0], files[1]]);
	});
});

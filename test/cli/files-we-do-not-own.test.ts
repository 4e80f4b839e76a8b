import {describe, it, expect} from 'vitest';
import {readFileSync, writeFileSync, existsSync, readdirSync, symlinkSync, mkdirSync, chmodSync, lstatSync, statSync, copyFileSync} from 'node:fs';
import {join} from 'node:path';
import {runCli, runCliAsync, tempDir, hasStackTrace} from '../helpers/run-cli.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';

/**
 * Issue 11, "Files the program does not own": every path here overwrote or deleted a file the
 * program does not own (a colleague's workspace, a folder behind a symlink) on the old main.
 */

function init(dir: string, name: string, assessor = '张三', regions = '110000,310000'): string {
	const ws = join(dir, name);
	const r = runCli(['init', ws, '--system', '2020-province', '--assessor', assessor, '--regions', regions]);
	expect(r.code, r.stderr).toBe(0);
	return ws;
}

describe('backups', () => {
	it('never prunes through a symlinked backups folder: colleagues’ workspaces beside it survive', () => {
		const dir = tempDir();
		const ws = init(dir, 'zhang.json');
		// Colleagues' files in the same folder, sorting both before and after "zhang".
		const others = ['a-li.json', 'b-wang.json', 'c-zhao.json', 'd-sun.json', 'e-zhou.json', 'f-wu.json', 'g-zheng.json', 'team.json'];
		for (const name of others) writeFileSync(join(dir, name), `{"owner": "${name}"}\n`);
		// A committed symlink `<ws>.backups -> .`: git stores it, every teammate gets it.
		symlinkSync('.', join(dir, 'zhang.json.backups'));
		const r = runCli(['record', ws, '110000', '1.1.1', 'y']);
		expect(r.code, r.stderr).toBe(0);
		for (const name of others) expect(existsSync(join(dir, name)), name).toBe(true);
		expect(readFileSync(join(dir, 'a-li.json'), 'utf8')).toContain('a-li.json');
		expect(lstatSync(join(dir, 'zhang.json.backups')).isSymbolicLink()).toBe(true);
		expect(r.stderr).toMatch(/backups.*(symlink|symbolic link)/i);
	});

	it('prunes only files named as this workspace’s backups in its own folder', () => {
		const dir = tempDir();
		const ws = init(dir, 'zhang.json');
		const folder = join(dir, 'zhang.json.backups');
		mkdirSync(folder);
		// Old backups (by name), and a file someone put there that is no backup of ours.
		for (let i = 0; i < 7; i++) writeFileSync(join(folder, `2026-01-0${i + 1}T00-00-00-000Z.json`), '{}');
		writeFileSync(join(folder, 'notes.json'), '{"mine": true}');
		writeFileSync(join(folder, 'zzz-keep.json'), '{"mine": true}');
		expect(runCli(['record', ws, '110000', '1.1.1', 'y']).code).toBe(0);
		const left = readdirSync(folder).sort();
		expect(left).toContain('notes.json');
		expect(left).toContain('zzz-keep.json');
		expect(left.filter(n => /^\d{4}-/.test(n))).toHaveLength(5);
	});
});

describe('assess export refuses targets it does not own', () => {
	it('refuses to write over the workspace itself, even with --allow-incomplete', () => {
		const dir = tempDir();
		const ws = init(dir, 'ws.json');
		const before = readFileSync(ws);
		const r = runCli(['export', ws, '-o', ws, '--allow-incomplete'], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('ws.json');
		expect(r.stderr).toMatch(/workspace/);
		expect(readFileSync(ws)).toEqual(before);
	});

	it('refuses a colleague’s workspace, a JSON file of another kind and a file of another format', () => {
		const dir = tempDir();
		const ws = init(dir, 'ws.json');
		const li = init(dir, 'li.json', '李四');
		writeFileSync(join(dir, 'notes.json'), '{"todo": ["call 北京"]}\n');
		writeFileSync(join(dir, 'budget.xlsx'), 'not really a workbook, but not ours either');
		writeFileSync(join(dir, 'list.csv'), 'name,phone\n张三,123\n');
		for (const target of [li, join(dir, 'notes.json'), join(dir, 'budget.xlsx'), join(dir, 'list.csv')]) {
			const before = readFileSync(target);
			const r = runCli(['export', ws, '-o', target, '--allow-incomplete'], {cwd: dir});
			expect(r.code, target).toBe(2);
			expect(hasStackTrace(r.stderr)).toBe(false);
			expect(readFileSync(target), target).toEqual(before);
		}
	});

	it('refuses a locked file and a file that is not a regular file', () => {
		const dir = tempDir();
		const ws = init(dir, 'ws.json');
		writeFileSync(join(dir, 'out.json'), '{}');
		writeFileSync(join(dir, 'out.json.lock'), JSON.stringify({user: 'li', host: 'elsewhere', pid: 1, since: new Date().toISOString(), program: 'assess'}));
		const r = runCli(['export', ws, '-o', join(dir, 'out.json'), '--allow-incomplete'], {cwd: dir});
		expect(r.code).toBe(2);
		expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{}');
		mkdirSync(join(dir, 'folder.xlsx'));
		expect(runCli(['export', ws, '-o', join(dir, 'folder.xlsx'), '--allow-incomplete'], {cwd: dir}).code).toBe(2);
	});

	it('replaces its own earlier export of the same format, and leaves no ~ copy beside it', () => {
		const {file, dir} = completeWorkspace(['110000', '310000']);
		for (const format of ['xlsx', 'csv', 'json']) {
			const out = join(dir, `result.${format}`);
			expect(runCli(['export', file, '-o', out], {cwd: dir}).code, format).toBe(0);
			const again = runCli(['export', file, '-o', out], {cwd: dir});
			expect(again.code, `${format}: ${again.stderr}`).toBe(0);
			expect(existsSync(`${out}~`), format).toBe(false);
		}
		expect(readdirSync(dir).filter(n => n.endsWith('~'))).toEqual([]);
	});

	it('takes the format from -o’s extension and says when the two disagree', () => {
		const {file, dir} = completeWorkspace(['110000']);
		const mismatch = runCli(['export', file, '-o', join(dir, 't.csv'), '--format', 'xlsx'], {cwd: dir});
		expect(mismatch.code).toBe(2);
		expect(mismatch.stderr).toMatch(/t\.csv.*(csv|xlsx)/);
		expect(existsSync(join(dir, 't.csv'))).toBe(false);
		const xls = runCli(['export', file, '-o', join(dir, 't.xls')], {cwd: dir});
		expect(xls.code).toBe(2);
		expect(xls.stderr).toMatch(/\.xls\b/);
		expect(existsSync(join(dir, 't.xls'))).toBe(false);
		expect(runCli(['export', file, '-o', join(dir, 't.csv')], {cwd: dir}).code).toBe(0);
		expect(readFileSync(join(dir, 't.csv'), 'utf8').charCodeAt(0)).toBe(0xfeff);
	});
});

describe('merge into one of its inputs', () => {
	it('never loses a record that was acknowledged while the merge ran', async () => {
		const dir = tempDir();
		const team = init(dir, 'team.json', '组长');
		const li = init(dir, 'li.json', '李四');
		// Enough work in li.json that the merge takes a moment to read and write.
		expect(runCli(['record', li, 'all', '1.1.1', 'y']).code).toBe(0);
		for (let round = 0; round < 6; round++) {
			const note = `ack-${round}`;
			const [merge, record] = await Promise.all([runCliAsync(['merge', team, li, '-o', team]), runCliAsync(['record', team, '110000', '1.1.2', '1', '--note', note])]);
			expect(merge.code, merge.stderr).toBe(0);
			expect(record.code, record.stderr).toBe(0);
			const data = JSON.parse(readFileSync(team, 'utf8'));
			expect(data.findings['110000/1.1.2']?.note, `round ${round}`).toBe(note);
		}
	}, 120_000);
});

describe('a symlinked workspace', () => {
	it('is read, locked and written through its real path: the link stays a link, the target is updated', () => {
		const dir = tempDir();
		const real = init(dir, 'real.json');
		symlinkSync('real.json', join(dir, 'link.json'));
		const r = runCli(['record', join(dir, 'link.json'), '110000', '1.1.1', 'y', '--note', 'through the link'], {cwd: dir});
		expect(r.code, r.stderr).toBe(0);
		expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
		expect(JSON.parse(readFileSync(real, 'utf8')).findings['110000/1.1.1'].note).toBe('through the link');
		// One lock for both names: the lock file is the real file's.
		expect(existsSync(join(dir, 'link.json.lock'))).toBe(false);
	});

	it('takes the same lock by either name', () => {
		const dir = tempDir();
		init(dir, 'real.json');
		symlinkSync('real.json', join(dir, 'link.json'));
		writeFileSync(join(dir, 'real.json.lock'), JSON.stringify({user: 'li', host: 'another-host', pid: 4242, since: new Date().toISOString(), program: 'assess'}));
		const r = runCli(['record', join(dir, 'link.json'), '110000', '1.1.1', 'y'], {cwd: dir, env: {ASSESS_LOCK_WAIT_MS: '0'}});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('another-host');
	});
});

describe('a read-only workspace', () => {
	it('is not rewritten when its folder is writable: exit 2 and the file unchanged', () => {
		const dir = tempDir();
		const ws = init(dir, 'ro.json');
		chmodSync(ws, 0o444);
		const before = readFileSync(ws);
		const r = runCli(['record', ws, '110000', '1.1.1', 'y']);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/read-only/);
		expect(readFileSync(ws)).toEqual(before);
		expect(statSync(ws).mode & 0o777).toBe(0o444);
	});
});

describe('the evidence folder', () => {
	it('refuses an evidence folder that is a symlink out of the workspace’s folder', () => {
		const dir = tempDir();
		const outside = tempDir('assess-outside-');
		const ws = init(dir, 'zhang.json');
		symlinkSync(outside, join(dir, 'zhang.evidence'));
		const shot = join(dir, 'shot.png');
		writeFileSync(shot, 'PNG bytes');
		const r = runCli(['record', ws, '110000', '1.1.1', 'y', '--evidence', shot], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/zhang\.evidence/);
		expect(readdirSync(outside)).toEqual([]);
	});
});

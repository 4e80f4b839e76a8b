import {describe, it, expect} from 'vitest';
import {readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync, unlinkSync} from 'node:fs';
import {join} from 'node:path';
import {spawn, spawnSync} from 'node:child_process';
import {hostname} from 'node:os';
import {runCli, runCliAsync, tempDir, hasStackTrace, bin} from '../helpers/run-cli.js';

/** Issue 11, "Locks" and "The git merge driver": each case failed on the old main. */

function init(dir: string, name: string, assessor = '张三', regions = '110000,310000'): string {
	const ws = join(dir, name);
	const r = runCli(['init', ws, '--system', '2020-province', '--assessor', assessor, '--regions', regions]);
	expect(r.code, r.stderr).toBe(0);
	return ws;
}

const holder = (over: Record<string, unknown>) => JSON.stringify({user: 'li', host: hostname(), pid: process.pid, since: new Date().toISOString(), program: 'assess 0.1.0', ...over});

describe('locks', () => {
	it('waits for a lock that is being created (empty for a moment), as for any held lock', async () => {
		const dir = tempDir();
		const ws = init(dir, 'ws.json');
		writeFileSync(`${ws}.lock`, '');
		setTimeout(() => unlinkSync(`${ws}.lock`), 700);
		const r = await runCliAsync(['record', ws, '110000', '1.1.1', 'y']);
		expect(r.code, r.stderr).toBe(0);
		expect(JSON.parse(readFileSync(ws, 'utf8')).findings['110000/1.1.1']).toBeDefined();
	});

	it('names the holder, host and age of a lock from another host, and says what to do', () => {
		const dir = tempDir();
		const ws = init(dir, 'ws.json');
		writeFileSync(`${ws}.lock`, holder({host: 'li-laptop', pid: 4242, since: new Date(Date.now() - 3 * 3600_000).toISOString()}));
		const r = runCli(['record', ws, '110000', '1.1.1', 'y'], {env: {ASSESS_LOCK_WAIT_MS: '0'}});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('li-laptop');
		expect(r.stderr).toMatch(/3 hours/);
		expect(r.stderr).toContain('assess unlock');
	});

	it('takes over a lock whose process id now belongs to an unrelated process started after it', async () => {
		const dir = tempDir();
		const ws = init(dir, 'ws.json');
		const sleeper = spawn('sleep', ['30']);
		try {
			await new Promise(r => setTimeout(r, 100));
			writeFileSync(`${ws}.lock`, holder({pid: sleeper.pid, since: new Date(Date.now() - 3600_000).toISOString()}));
			const r = runCli(['record', ws, '110000', '1.1.1', 'y'], {env: {ASSESS_LOCK_WAIT_MS: '0'}});
			expect(r.code, r.stderr).toBe(0);
		} finally {
			sleeper.kill();
		}
	});

	it('assess unlock shows the holder, asks, and removes the lock only when told to', () => {
		const dir = tempDir();
		const ws = init(dir, 'ws.json');
		writeFileSync(`${ws}.lock`, holder({host: 'li-laptop', pid: 4242, since: new Date(Date.now() - 26 * 3600_000).toISOString()}));
		const asked = runCli(['unlock', ws]);
		expect(asked.code).toBe(2);
		expect(asked.stderr).toContain('li-laptop');
		expect(asked.stderr).toContain('--yes');
		expect(existsSync(`${ws}.lock`)).toBe(true);
		const answered = spawnSync(process.execPath, [bin, 'unlock', ws], {input: 'y\n', encoding: 'utf8'});
		expect(answered.status, answered.stderr).toBe(0);
		expect(existsSync(`${ws}.lock`)).toBe(false);
		writeFileSync(`${ws}.lock`, holder({host: 'li-laptop', pid: 4242}));
		const yes = runCli(['unlock', ws, '--yes']);
		expect(yes.code).toBe(0);
		expect(existsSync(`${ws}.lock`)).toBe(false);
		const none = runCli(['unlock', ws]);
		expect(none.code).toBe(0);
		expect(none.stderr).toMatch(/not locked/);
	});
});

/** A git repository whose workspace files merge with the driver, as the README sets it up. */
function gitRepo(): {dir: string; git: (...args: string[]) => {status: number | null; stdout: string; stderr: string}} {
	const dir = tempDir('assess-git-');
	const git = (...args: string[]) => spawnSync('git', args, {cwd: dir, encoding: 'utf8', env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x'}});
	git('init', '-q', '-b', 'main');
	// Change logs are append-only: git unites them line by line.
	writeFileSync(join(dir, '.gitattributes'), 'workspaces/*.json merge=assess\n*.changes.jsonl merge=union\n');
	git('config', 'merge.assess.name', 'assess workspace merge');
	git('config', 'merge.assess.driver', `${process.execPath} ${bin} merge-driver %O %A %B %P`);
	mkdirSync(join(dir, 'workspaces'));
	writeFileSync(join(dir, 'README'), 'team\n');
	git('add', '.');
	git('commit', '-q', '-m', 'start');
	return {dir, git};
}

describe('the git merge driver', () => {
	it('merges two-way when both branches added the workspace (no common ancestor)', () => {
		const {dir, git} = gitRepo();
		const ws = join(dir, 'workspaces', 'team.json');
		git('checkout', '-q', '-b', 'li');
		init(dir, 'workspaces/team.json', '组长');
		expect(runCli(['record', ws, '110000', '1.1.1', 'y', '--note', '李四的']).code).toBe(0);
		const created = JSON.parse(readFileSync(ws, 'utf8'));
		git('add', '.');
		git('commit', '-q', '-m', 'li');
		git('checkout', '-q', 'main');
		// The same workspace (same id), added independently on main with other work.
		mkdirSync(join(dir, 'workspaces'), {recursive: true});
		writeFileSync(ws, JSON.stringify({...created, findings: {}}, null, 2) + '\n');
		expect(runCli(['record', ws, '310000', '1.1.1', 'n', '--note', '张三的']).code).toBe(0);
		git('add', '.');
		git('commit', '-q', '-m', 'zhang');
		const merge = git('merge', '-q', '--no-edit', 'li');
		expect(merge.status, merge.stderr + merge.stdout).toBe(0);
		const merged = JSON.parse(readFileSync(ws, 'utf8'));
		expect(Object.keys(merged.findings).sort()).toEqual(['110000/1.1.1', '310000/1.1.1']);
		expect(runCli(['validate', ws]).code).toBe(0);
		// Both branches' change logs, united line by line.
		const log = JSON.parse(runCli(['log', ws, '--json']).stdout) as {entries: {field: string; to: unknown; via?: string}[]};
		expect(log.entries.filter(e => e.field === 'note' && !e.via).map(e => e.to).sort()).toEqual(['张三的', '李四的']);
		// No `~` copy of git's temporary file is left in the repository.
		expect(git('status', '--porcelain', '--untracked-files=all').stdout).toBe('');
		expect(readdirSync(dir).filter(n => n.includes('merge_file'))).toEqual([]);
	});

	it('refuses a result that does not fit the indicator system, leaves ours as it was, and says how to take theirs', () => {
		const {dir, git} = gitRepo();
		const ws = join(dir, 'workspaces', 'team.json');
		init(dir, 'workspaces/team.json', '组长');
		git('add', '.');
		git('commit', '-q', '-m', 'team');
		git('checkout', '-q', '-b', 'li');
		expect(runCli(['record', ws, '110000', '1.1.1', 'y']).code).toBe(0);
		const data = JSON.parse(readFileSync(ws, 'utf8'));
		const good = data.findings['110000/1.1.1'];
		// A finding on the non-leaf "1": valid for the schema, not for the system.
		data.findings['110000/1'] = {...good, indicator: '1'};
		writeFileSync(ws, JSON.stringify(data, null, 2) + '\n');
		git('commit', '-q', '-am', 'li (broken by hand)');
		git('checkout', '-q', 'main');
		expect(runCli(['record', ws, '310000', '1.1.1', 'n']).code).toBe(0);
		git('commit', '-q', '-am', 'zhang');
		const ours = readFileSync(ws, 'utf8');
		const merge = git('merge', '--no-edit', 'li');
		expect(merge.status).not.toBe(0);
		expect(merge.stderr + merge.stdout).toContain('git checkout --theirs');
		expect(readFileSync(ws, 'utf8')).toBe(ours);
		expect(hasStackTrace(merge.stderr)).toBe(false);
	});
});

describe('evidence in merges', () => {
	it('a merged workspace carries the evidence files its findings name, and validate reports missing ones', () => {
		const dir = tempDir();
		const zhang = init(dir, 'zhang.json');
		const li = init(dir, 'li.json', '李四');
		writeFileSync(join(dir, 'shot1.png'), 'screenshot one');
		expect(runCli(['record', zhang, '110000', '1.1.1', 'y', '--evidence', join(dir, 'shot1.png')]).code).toBe(0);
		expect(runCli(['record', li, '310000', '1.1.1', 'y']).code).toBe(0);
		const r = runCli(['merge', zhang, li, '-o', join(dir, 'team.json')]);
		expect(r.code, r.stderr).toBe(0);
		const team = JSON.parse(readFileSync(join(dir, 'team.json'), 'utf8'));
		const [evidence] = team.findings['110000/1.1.1'].evidence;
		expect(readFileSync(join(dir, 'team.evidence', evidence.stored), 'utf8')).toBe('screenshot one');
		expect(runCli(['validate', join(dir, 'team.json')]).code).toBe(0);
		unlinkSync(join(dir, 'team.evidence', evidence.stored));
		const v = runCli(['validate', join(dir, 'team.json')]);
		expect(v.code).toBe(2);
		expect(v.stderr).toContain(evidence.stored);
		expect(v.stderr).toMatch(/missing/);
	});
});


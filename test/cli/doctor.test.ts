import {describe, it, expect} from 'vitest';
import {spawn, spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {bin, hasStackTrace, repoRoot, runCli, tempDir} from '../helpers/run-cli.js';
import {ENGINES_RANGE, isSupported, nodeSupport} from '../../source/cli/node-support.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

/** A folder outside any git repository (the temporary folder might be inside one). */
function here() {
	const dir = tempDir('assess-doctor-');
	return {dir, env: {GIT_CEILING_DIRECTORIES: join(dir, '..'), ASSESS_DATA_DIR: join(dir, '.data'), LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: ''}};
}

const doctor = (cwd: string, env: Record<string, string>, ...args: string[]) => runCli(['doctor', ...args], {cwd, env});
const checksOf = (cwd: string, env: Record<string, string>) => JSON.parse(doctor(cwd, env, '--json').stdout).checks as Array<{topic: string; state: string; text: string; fix?: string}>;
const check = (checks: ReturnType<typeof checksOf>, topic: string) => checks.filter(c => c.topic === topic);

describe('Node support', () => {
	it('is what package.json promises: 20.19+, 22.12+, 24 and later', () => {
		expect(pkg.engines.node).toBe(ENGINES_RANGE);
		const yes = ['v20.19.0', 'v20.20.2', 'v22.12.0', 'v22.23.5', 'v24.0.0', 'v24.22.3', 'v25.1.0', 'v26.12.1', 'v30.0.0'];
		const no = ['v18.20.0', 'v20.18.3', 'v21.7.3', 'v22.11.0', 'v23.11.0'];
		for (const v of yes) expect(isSupported(v), v).toBe(true);
		for (const v of no) expect(isSupported(v), v).toBe(false);
	});

	it('says when Node itself stopped maintaining a version, and which versions are untested', () => {
		expect(nodeSupport('v20.20.2', '2026-01-10')).toEqual({state: 'ok', line: 20, endOfLife: '2026-04-30'});
		expect(nodeSupport('v20.20.2', '2026-11-29')).toEqual({state: 'old', line: 20, endOfLife: '2026-04-30'});
		expect(nodeSupport('v22.23.5', '2026-11-29').state).toBe('ok');
		expect(nodeSupport('v24.22.3', '2026-11-29').state).toBe('ok');
		expect(nodeSupport('v26.12.1', '2026-11-29').state).toBe('untested');
		expect(nodeSupport('v22.11.0', '2026-11-29').state).toBe('unsupported');
	});
});

describe('assess doctor', () => {
	it('reports each thing it looks at, with what to do, and exits 0 when nothing is broken', () => {
		const {dir, env} = here();
		const r = doctor(dir, env);
		expect(r.code).toBe(0);
		expect(hasStackTrace(r.stderr)).toBe(false);
		expect(r.stdout).toMatch(new RegExp(`^assess ${pkg.version.replace(/\./g, '\\.')} \\(build [0-9a-f]{32}\\) in `));
		for (const topic of ['Node', 'terminal', 'colour', 'language', 'cache', 'your files', 'lock', 'git', 'evidence']) expect(r.stdout).toMatch(new RegExp(`^  (ok|note|PROBLEM) +${topic} `, 'm'));
		expect(r.stdout).toContain(`${process.version}:`);
		expect(r.stdout).toMatch(/stdin and stdout are not connected to a terminal.*\n +→ run assess from a terminal window/);
		expect(r.stdout).toContain('English (en), from LANG=C.UTF-8');
		expect(r.stdout).toContain('not in a git repository');
		expect(r.stdout).toContain('no workspace files here (nor in workspaces/)');
		expect(r.stdout).toMatch(/Nothing needs doing\.\n$/);
	});

	it('names the language and warns of a locale that is not UTF-8', () => {
		const {dir, env} = here();
		const zh = check(checksOf(dir, {...env, LANG: 'zh_CN.UTF-8'}), 'language')[0]!;
		expect(zh).toMatchObject({state: 'ok', text: expect.stringContaining('Chinese (zh), from LANG=zh_CN.UTF-8')});
		const c = check(checksOf(dir, {...env, LANG: 'C'}), 'language')[0]!;
		expect(c).toMatchObject({state: 'note', text: expect.stringContaining('is not UTF-8'), fix: expect.stringContaining('LANG=zh_CN.UTF-8')});
	});

	it('sees the terminal: its size and colours, and a window too small for the TUI', () => {
		const {dir} = here();
		const inTerminal = (cols: number, rows: number) =>
			spawnSync('script', ['-qfec', `stty cols ${cols} rows ${rows}; env -u NO_COLOR -u CI TERM=xterm-256color GIT_CEILING_DIRECTORIES=${join(dir, '..')} ${process.execPath} ${bin} doctor`, '/dev/null'], {cwd: dir, encoding: 'utf8', env: {...process.env, NO_COLOR: ''}}).stdout;
		const big = inTerminal(120, 40);
		expect(big).toMatch(/ok +terminal +an interactive terminal, 120×40/);
		expect(big).toMatch(/ok +colour +256 colours \(TERM=xterm-256color\)/);
		// A CI variable makes Node (and the colour libraries) assume a CI log: doctor says so.
		expect(spawnSync('script', ['-qfec', `env -u NO_COLOR CI=true TERM=xterm-256color ${process.execPath} ${bin} doctor`, '/dev/null'], {cwd: dir, encoding: 'utf8'}).stdout).toMatch(/colour +none \(TERM=xterm-256color, CI=\w+\)/);
		expect(inTerminal(60, 20)).toMatch(/note +terminal +an interactive terminal, 60×20: the terminal UI needs at least 80×24[^\n]*\n +→ make the window larger/);
	});

	it('says who holds the locks of workspaces here, and what to do about each', async () => {
		const {dir, env} = here();
		mkdirSync(join(dir, 'workspaces'));
		const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
		try {
			const lock = (name: string, holder: object | string) => writeFileSync(join(dir, name), typeof holder === 'string' ? holder : JSON.stringify(holder));
			// Taken by the live process just now (a lock older than its process would be a reused process id).
			const since = new Date().toISOString();
			lock('workspaces/zhang.json.lock', {user: 'zhang', host: hostname(), pid: live.pid, since, program: 'assess'});
			const dead = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {encoding: 'utf8'}).stdout.trim());
			lock('li.json.lock', {user: 'li', host: hostname(), pid: dead, since, program: 'assess'});
			lock('wang.json.lock', {user: 'wang\u001b]52;c;cm0gLXJmIH4=\u0007', host: 'laptop-7', pid: 42, since, program: 'assess'});
			lock('zhao.json.lock', 'half-writ');
			const r = doctor(dir, env);
			expect(r.code).toBe(0);
			expect(r.stdout).toMatch(new RegExp(`note +lock +workspaces/zhang\\.json is being edited by zhang on ${hostname()} \\(process ${live.pid}, for a moment, since ${since}\\)\\n +→ wait until they quit`));
			expect(r.stdout).toMatch(/note +lock +li\.json: its lock was left by a process that ended \(li on .*\)\n +→ nothing: the next assess to open it takes the lock over/);
			expect(r.stdout).toMatch(/note +lock +wang\.json is locked by wang\\u001b\]52;c;cm0gLXJmIH4=\\u0007 on laptop-7 .*on another computer\n +→ if no one is editing it there \(a shared folder, a lock copied or committed by mistake\): assess unlock wang\.json/);
			expect(r.stdout).toMatch(/note +lock +zhao\.json: its lock file cannot be read\n +→ if no assess has it open: assess unlock zhao\.json/);
			// Nothing from a file reaches the terminal as a control code.
			expect(r.stdout).not.toMatch(/[\u001b\u0007]/);
		} finally {
			live.kill();
		}
	});

	it('finds evidence files missing from or damaged in a workspace\'s evidence folder', () => {
		const {dir, env} = here();
		writeFileSync(join(dir, 'shot.png'), 'a screenshot');
		writeFileSync(join(dir, 'page.html'), '<p>办事指南</p>');
		expect(runCli(['init', 'zhang.json', '--system', '2020-province', '--assessor', '张三', '--regions', '110000'], {cwd: dir}).code).toBe(0);
		expect(runCli(['record', 'zhang.json', '110000', '1.1.1', 'y', '--evidence', 'shot.png', '--evidence', 'page.html'], {cwd: dir}).code).toBe(0);
		const ok = doctor(dir, env);
		expect(ok.code).toBe(0);
		expect(ok.stdout).toMatch(/ok +evidence +zhang\.json: all 2 evidence files are in zhang\.evidence\//);

		const [first, second] = readdirSync(join(dir, 'zhang.evidence')).sort();
		rmSync(join(dir, 'zhang.evidence', first!));
		// A line-ending conversion (git's autocrlf) changes a file's size: damaged.
		writeFileSync(join(dir, 'zhang.evidence', second!), readFileSync(join(dir, 'zhang.evidence', second!), 'utf8') + '\r\n');
		const bad = doctor(dir, env);
		expect(bad.code).toBe(1);
		expect(bad.stdout).toMatch(/PROBLEM +evidence +zhang\.json: 2 of 2 evidence files are missing or damaged in zhang\.evidence\/ \(e\.g\. 110000\/1\.1\.1: \S+ → [0-9a-f]{64}\.\w+\)\n +→ copy zhang\.evidence\/ along with the workspace file \(with git: git add zhang\.evidence\/\)/);
		expect(bad.stdout).toMatch(/1 thing does not work/);

		writeFileSync(join(dir, 'broken.json'), '{"kind": "assess/workspace", "findings": {');
		expect(doctor(dir, env).stdout).toMatch(/PROBLEM +evidence +broken\.json cannot be read as JSON\n +→ run: assess validate broken\.json/);
	});

	it('checks the merge set-up of the repository it runs in, as setup-git --check does', () => {
		const dir = tempDir('assess-doctor-git-');
		const env = {ASSESS_DATA_DIR: join(dir, '.data'), HOME: dir};
		spawnSync('git', ['init', '-q'], {cwd: dir});
		expect(runCli(['init', 'workspaces/team.json', '--system', '2020-province', '--assessor', 'team', '--regions', '110000'], {cwd: dir}).code).toBe(0);
		const before = doctor(dir, env);
		expect(before.code).toBe(1);
		expect(before.stdout).toMatch(/PROBLEM +git +\. is not set up for workspace merges: merge\.assess\.driver is not set[^\n]*; \.gitattributes lacks 3 lines; \.gitignore lacks 5 lines; 1 workspace file would be merged by git as text\n +→ run: assess setup-git/);
		expect(runCli(['setup-git'], {cwd: dir, env}).code).toBe(0);
		const after = doctor(join(dir, 'workspaces'), env);
		expect(after.stdout).toMatch(/ok +git +\.\.: the merge driver and \.gitattributes\/\.gitignore are set up/);
		expect(after.code).toBe(0);
	});

	it('--json gives every check with its state and what to do', () => {
		const {dir, env} = here();
		const r = doctor(dir, env, '--json');
		const data = JSON.parse(r.stdout);
		expect(data.version).toBe(pkg.version);
		expect(data.checks.length).toBeGreaterThanOrEqual(9);
		for (const c of data.checks) {
			expect(['ok', 'note', 'problem']).toContain(c.state);
			expect(typeof c.text).toBe('string');
		}
	});
});

import {describe, it, expect, beforeAll, afterAll} from 'vitest';
import {spawn, spawnSync, type SpawnSyncOptions} from 'node:child_process';
import {chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {repoRoot, tempDir as newTempDir} from '../helpers/run-cli.js';

/**
 * The program as a team installs it: packed by `npm pack` from a clean copy of this repository
 * (its prepare script builds dist/), installed globally into a temporary prefix, and run from
 * there: no sources, no devDependencies, nothing of the clone.
 */

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
// npm sets its own npm_* variables for `npm test`; the npm commands here start from a clean slate.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
// The Node running the tests runs the installed program too (and npm's scripts).
const nodeDir = dirname(process.execPath);
const env = {...cleanEnv, PATH: `${nodeDir}:${process.env.PATH}`, NO_COLOR: '1'};

// A clone with its build tools is some 150 MB: everything made here is removed afterwards.
const made: string[] = [];
const tempDir = (prefix?: string) => {
	const dir = newTempDir(prefix);
	made.push(dir);
	return dir;
};
afterAll(() => {
	for (const dir of made) rmSync(dir, {recursive: true, force: true});
});

function sh(command: string, args: readonly string[], options: SpawnSyncOptions = {}) {
	const r = spawnSync(command, args, {encoding: 'utf8', env, timeout: 240_000, ...options});
	return {code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr)};
}
const npm = (cwd: string, ...args: string[]) => sh('npm', [...args, '--no-audit', '--no-fund'], {cwd});

/** The working tree as a fresh clone of it would be (tracked and new files, nothing ignored), committed. */
function cleanCopy(): string {
	const copy = join(tempDir('assess-clone-'), 'assess');
	const files = sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {cwd: repoRoot}).stdout.split('\0').filter(Boolean);
	for (const file of files) {
		if (!existsSync(join(repoRoot, file))) continue;
		mkdirSync(dirname(join(copy, file)), {recursive: true});
		copyFileSync(join(repoRoot, file), join(copy, file));
	}
	const gitEnv = {...env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x'};
	for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-qm', 'snapshot']]) sh('git', args, {cwd: copy, env: gitEnv});
	return copy;
}

let clone: string;
let ci: ReturnType<typeof sh>;
let packed: {filename: string; files: Array<{path: string}>};
let prefix: string;
let installed: string;
let assess: (cwd: string, ...args: string[]) => ReturnType<typeof sh>;

beforeAll(() => {
	clone = cleanCopy();
	ci = npm(clone, 'ci', '--strict-allow-scripts');
	expect(ci.code, ci.stderr).toBe(0);
	const pack = npm(clone, 'pack', '--json');
	expect(pack.code, pack.stderr).toBe(0);
	packed = JSON.parse(pack.stdout)[0];
	// A folder anyone may read: the unprivileged user below runs the program from it.
	const base = tempDir('assess-prefix-');
	chmodSync(base, 0o755);
	prefix = join(base, 'global');
	const install = npm(base, 'install', '-g', '--prefix', prefix, join(clone, packed.filename));
	expect(install.code, install.stderr).toBe(0);
	installed = join(prefix, 'lib', 'node_modules', pkg.name);
	assess = (cwd, ...args) => sh(join(prefix, 'bin', 'assess'), args, {cwd});
}, 300_000);

describe('npm install and npm pack', () => {
	it('install with no warning about install scripts, also with --strict-allow-scripts', () => {
		expect(ci.stderr).not.toMatch(/install-scripts|not yet covered by allowScripts/);
		expect(pkg.allowScripts).toEqual({esbuild: true});
	});

	it('build dist/ before packing, and pack only what runs (no sources, no source maps)', () => {
		const files = packed.files.map(f => f.path).sort();
		expect(files).toEqual(expect.arrayContaining(['bin/assess.js', 'dist/assess.cjs', 'dist/boot.cjs', 'package.json', 'README.md', 'workspaces/demo.json', 'indicators/2020-province.json', 'indicators/regions.json']));
		expect(files.filter(f => /^dist\/code-open-.+\.bin$/.test(f))).toHaveLength(1);
		for (const f of files) expect(f, f).toMatch(/^(bin\/|dist\/|indicators\/|workspaces\/demo\.json$|package\.json$|README\.md$)/);
		expect(files.some(f => f.endsWith('.map'))).toBe(false);
	});

	it('install only the three run-time dependencies (the rest is in the bundle)', () => {
		expect(Object.keys(pkg.dependencies).sort()).toEqual(['pinyin-pro', 'string-width', 'xlsx']);
		const modules = readdirSync(join(installed, 'node_modules'));
		for (const dev of ['ink', 'react', 'zod', 'lowdb', 'fuse.js', 'yoga-layout', 'esbuild', 'vitest', 'typescript']) expect(modules).not.toContain(dev);
		const size = Number(sh('du', ['-sk', prefix]).stdout.split('\t')[0]) / 1024;
		expect(size).toBeLessThan(25);
	});
});

describe('the installed program', () => {
	it('runs --version, init, record, score and export from its install folder', () => {
		const work = tempDir('assess-installed-');
		expect(assess(work, '--version')).toMatchObject({code: 0, stdout: `${pkg.version}\n`});
		expect(assess(work, '-V').stdout).toBe(`${pkg.version}\n`);
		expect(assess(work, 'init', 'zhang.json', '--system', '2020-province', '--assessor', '张三', '--regions', '110000,310000').code).toBe(0);
		const record = assess(work, 'record', 'zhang.json', '110000', '1.1.1', 'y', '--note', '统一身份认证可用', '--evidence', 'https://banshi.beijing.gov.cn', '--status', 'done');
		expect(record.code, record.stderr).toBe(0);
		const score = assess(work, 'score', 'zhang.json', '--json');
		expect(score.code, score.stderr).toBe(0);
		const data = JSON.parse(score.stdout);
		expect(data.system).toBe('2020-province');
		expect(data.regions.map((r: {code: string}) => r.code).sort()).toEqual(['110000', '310000']);
		// SheetJS and pinyin come from the install's own node_modules.
		const exported = assess(work, 'export', 'zhang.json', '--allow-incomplete', '-o', 'zhang.xlsx');
		expect(exported.code, exported.stderr).toBe(0);
		expect(readFileSync(join(work, 'zhang.xlsx')).subarray(0, 2).toString()).toBe('PK');
		expect(assess(work, 'search', 'bszn', '--json').code).toBe(0);
		// Nothing was written into the installed package.
		expect(readdirSync(join(installed, 'workspaces'))).toEqual(['demo.json']);
	}, 120_000);

	const nobody = process.getuid?.() === 0 && spawnSync('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', process.execPath, '-e', '0']).status === 0;
	if (!nobody) console.warn('SKIPPED the unprivileged-user test: it needs root, setpriv, and a Node the user nobody may run.');

	it.skipIf(!nobody)('opens, for a normal user, their own copy of the demo of a global install by root', async () => {
		const home = tempDir('assess-home-');
		chownSync(home, 65534, 65534);
		chmodSync(home, 0o755);
		const program = join(prefix, 'bin', 'assess');
		const command = `setpriv --reuid 65534 --regid 65534 --clear-groups env -i HOME=${home} PATH=${nodeDir}:/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 ${program}`;
		const run = await new Promise<{code: number | null; out: string; framed: boolean}>(resolve => {
			const child = spawn('script', ['-qfec', command, '/dev/null'], {stdio: ['pipe', 'pipe', 'ignore']});
			let out = '';
			let framed = false;
			const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
			child.stdout.on('data', d => {
				out += d;
				if (!framed && /assess\s+2020-province/.test(out)) {
					framed = true;
					child.stdin.write('q');
				}
			});
			child.on('exit', code => {
				clearTimeout(timer);
				resolve({code, out, framed});
			});
		});
		expect(run.framed, run.out.slice(-500)).toBe(true);
		expect(run.code).toBe(0);
		const copy = join(home, '.local', 'share', 'assess', 'demo.json');
		expect(run.out).toContain(`your own copy of the demo is ${copy}`);
		expect(statSync(copy).uid).toBe(65534);
		expect(readFileSync(copy)).toEqual(readFileSync(join(installed, 'workspaces', 'demo.json')));
		expect(readdirSync(join(installed, 'workspaces'))).toEqual(['demo.json']);
	}, 120_000);
});

describe('npm install git+file://… (how a team installs from its own repository)', () => {
	it('builds the program in the clone and installs it into a project', () => {
		const project = tempDir('assess-project-');
		expect(npm(project, 'init', '-y').code).toBe(0);
		const install = npm(project, 'install', `git+file://${clone}`);
		expect(install.code, install.stderr).toBe(0);
		const local = join(project, 'node_modules', pkg.name);
		expect(existsSync(join(local, 'dist', 'assess.cjs'))).toBe(true);
		expect(existsSync(join(local, 'source'))).toBe(false);
		expect(sh(join(project, 'node_modules', '.bin', 'assess'), ['--version'], {cwd: project}).stdout).toBe(`${pkg.version}\n`);
	}, 240_000);

	it('globally: npm cannot build it (npm/cli#8440), and says how to install instead', () => {
		const install = npm(tempDir(), 'install', '-g', '--prefix', join(tempDir('assess-prefix-'), 'g'), `git+file://${clone}`);
		expect(install.code).not.toBe(0);
		expect(install.stderr).toContain('npm cannot build a program it installs globally from git (npm/cli#8440)');
		expect(install.stderr).toContain('npm install -g ./assess-workbench-*.tgz');
	}, 240_000);
});

import {describe, it, expect} from 'vitest';
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, statSync, writeFileSync, copyFileSync} from 'node:fs';
import {join} from 'node:path';
import {bin, hasStackTrace, repoRoot, runCli, tempDir} from '../helpers/run-cli.js';
import {driverCommand, shellQuote, shellWords} from '../../source/cli/git-setup.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
if (!hasGit) console.warn('SKIPPED the setup-git tests: git is not installed.');

function repo() {
	const dir = tempDir('assess-setup-git-');
	const env = {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x', GIT_CONFIG_NOSYSTEM: '1', HOME: dir};
	const git = (...args: string[]) => spawnSync('git', args, {cwd: dir, encoding: 'utf8', env});
	git('init', '-q', '-b', 'main');
	const assess = (...args: string[]) => runCli(args, {cwd: dir, env: {HOME: dir}});
	return {dir, git, assess};
}

describe('shell quoting of the driver command', () => {
	it('survives git\'s shell for any path: spaces, quotes, dollars', () => {
		for (const path of ['/usr/bin/node', "/opt/it's here/bin/assess.js", '/a b/$HOME/`x`/"q"', 'C:\\Program Files\\nodejs\\node.exe']) {
			const quoted = shellQuote(path);
			const echoed = spawnSync('sh', ['-c', `printf '%s' ${quoted}`], {encoding: 'utf8'}).stdout;
			expect(echoed).toBe(path);
			expect(shellWords(`${quoted} next`)).toEqual([path, 'next']);
		}
		expect(driverCommand('/usr/bin/node', '/x y/bin/assess.js')).toBe("/usr/bin/node '/x y/bin/assess.js' merge-driver %O %A %B %P");
	});
});

describe.skipIf(!hasGit)('assess setup-git', () => {
	it('refuses a folder that is not in a repository, saying what to do', () => {
		const dir = tempDir('assess-no-repo-');
		const r = runCli(['setup-git'], {cwd: dir, env: {GIT_CEILING_DIRECTORIES: join(dir, '..')}});
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/is not inside a git repository: run `git init`/);
		expect(hasStackTrace(r.stderr)).toBe(false);
	});

	it('--check lists what is missing (exit 1); setup-git puts it in place; a second run changes nothing', () => {
		const {dir, git, assess} = repo();
		// What the team had before: their own lines, CRLF endings, no final newline, a mode.
		writeFileSync(join(dir, '.gitattributes'), '*.png binary\r\n*.md text');
		writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
		chmodSync(join(dir, '.gitignore'), 0o664);
		git('config', 'merge.assess.driver', 'npx assess merge-driver %O %A %B %P');

		const before = assess('setup-git', '--check');
		expect(before.code).toBe(1);
		expect(before.stdout).toMatch(/MISSING {2}\.gitattributes lacks: workspaces\/\*\.json merge=assess/);
		expect(before.stdout).toMatch(/MISSING {2}\.gitignore lacks: \*\.json\.lock$/m);
		expect(before.stdout).toMatch(/MISSING {2}merge\.assess\.driver runs `npx assess .*`: npx would fetch the npm package named assess, which is someone else's program/);
		expect(before.stderr).toMatch(/not fully set up \(\d+ missing\); run: assess setup-git/);

		const set = assess('setup-git');
		expect(set.code).toBe(0);
		expect(set.stderr).toContain('(was: npx assess merge-driver %O %A %B %P)');
		expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toBe(
			'*.png binary\r\n*.md text\r\n\r\n# assess: workspace files are merged by assess (assess setup-git)\r\nworkspaces/*.json merge=assess\r\n*.changes.jsonl merge=union\r\n**/*.evidence/** binary\r\n',
		);
		expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe(
			'node_modules/\n\n# assess: what a workspace leaves beside it, never shared (assess setup-git)\n*.json.lock\n*.json.lock.break\n*.json~\n*.json.backups/\n*.tmp-*\n',
		);
		expect(statSync(join(dir, '.gitignore')).mode & 0o777).toBe(0o664);
		const driver = git('config', '--get', 'merge.assess.driver').stdout.trim();
		expect(driver).toBe(`${process.execPath} ${bin} merge-driver %O %A %B %P`);
		expect(driver).not.toMatch(/npx/);
		expect(git('config', '--get', 'merge.assess.name').stdout.trim()).toBe('assess workspace merge');

		const files = () => [readFileSync(join(dir, '.gitattributes')), readFileSync(join(dir, '.gitignore')), readFileSync(join(dir, '.git', 'config'))];
		const once = files();
		const again = assess('setup-git');
		expect(again.code).toBe(0);
		expect(again.stderr).toMatch(/already set up; nothing changed/);
		expect(files()).toEqual(once);
		const check = assess('setup-git', '--check');
		expect(check.code).toBe(0);
		expect(check.stdout).not.toMatch(/MISSING/);
		// From a sub-folder, or naming the repository from elsewhere: the same repository.
		mkdirSync(join(dir, 'sub'));
		expect(runCli(['setup-git', '--check'], {cwd: join(dir, 'sub')}).code).toBe(0);
		expect(runCli(['setup-git', '--check', dir], {cwd: tempDir()}).code).toBe(0);
	});

	it('covers workspace files wherever they are, and notices when another attribute wins', () => {
		const {dir, git, assess} = repo();
		mkdirSync(join(dir, 'teams', 'north'), {recursive: true});
		mkdirSync(join(dir, 'mixed'));
		expect(assess('init', 'teams/north/zhang.json', '--system', '2020-province', '--assessor', '张三', '--regions', '110000').code).toBe(0);
		expect(assess('init', 'mixed/li.json', '--system', '2020-province', '--assessor', '李四', '--regions', '110000').code).toBe(0);
		expect(assess('init', 'root.json', '--system', '2020-province', '--assessor', '王五', '--regions', '110000').code).toBe(0);
		copyFileSync(join(repoRoot, 'indicators', '2020-province.weights.json'), join(dir, 'mixed', 'team.weights.json'));
		writeFileSync(join(dir, 'package.json'), '{}');
		expect(assess('setup-git').code).toBe(0);
		const attributes = readFileSync(join(dir, '.gitattributes'), 'utf8');
		expect(attributes).toContain('teams/north/*.json merge=assess\n');
		expect(attributes).toContain('/mixed/li.json merge=assess\n');
		expect(attributes).toContain('/root.json merge=assess\n');
		expect(attributes).not.toMatch(/^mixed\/\*\.json/m);
		const merge = (file: string) => git('check-attr', 'merge', '--', file).stdout.trim().split(': ').pop();
		expect(merge('teams/north/zhang.json')).toBe('assess');
		expect(merge('teams/north/new-assessor.json')).toBe('assess');
		expect(merge('mixed/team.weights.json')).toBe('unspecified');
		expect(merge('package.json')).toBe('unspecified');
		// A team's later line wins over ours: the check says which file git would merge as what.
		writeFileSync(join(dir, '.gitattributes'), `${attributes}teams/**/*.json merge=union\n`);
		const check = assess('setup-git', '--check');
		expect(check.code).toBe(1);
		expect(check.stdout).toContain('teams/north/zhang.json is a workspace file that git merges with "union", not with assess');
	});

	it('sets up a repository in which git merges workspaces through assess, and keeps what must not be shared out of it', () => {
		const {dir, git, assess} = repo();
		expect(assess('init', 'workspaces/team.json', '--system', '2020-province', '--assessor', 'team', '--regions', '110000,310000').code).toBe(0);
		expect(assess('setup-git').code).toBe(0);
		git('add', '.');
		git('commit', '-qm', 'team workspace, set up for assess');

		git('checkout', '-qb', 'zhang');
		expect(assess('record', 'workspaces/team.json', '110000', '1.1.1', 'y', '--by', '张三', '--evidence', 'quote:统一身份认证可用').code).toBe(0);
		git('commit', '-qam', 'zhang scores 1.1.1');
		git('checkout', '-q', 'main');
		expect(assess('record', 'workspaces/team.json', '110000', '1.1.2', '1', '--by', '李四').code).toBe(0);
		// Saving left its companions beside the workspace (previous save, backups…): none shows but
		// the change log, which the team commits with the workspace (init made it, empty).
		expect(git('status', '--porcelain', '--untracked-files=all').stdout).toBe(' M workspaces/team.json\n M workspaces/team.json.changes.jsonl\n');
		git('commit', '-qam', 'li scores 1.1.2');

		const clean = git('merge', '--no-edit', 'zhang');
		expect(clean.status).toBe(0);
		expect(clean.stdout + clean.stderr).not.toMatch(/CONFLICT/);
		const merged = JSON.parse(readFileSync(join(dir, 'workspaces/team.json'), 'utf8'));
		expect(Object.keys(merged.findings).sort()).toEqual(['110000/1.1.1', '110000/1.1.2']);
		expect(assess('validate', 'workspaces/team.json').code).toBe(0);
		// (The driver leaving a `~` copy of git's temporary file is the driver's to fix, not .gitignore's.)
		// Nothing left behind: not even the `~` copy of git's temporary file.
		expect(git('status', '--porcelain', '--untracked-files=all').stdout).toBe('');

		// A disagreement: git reports the conflict, the file stays JSON with both candidates in it.
		git('checkout', '-qb', 'wang');
		assess('record', 'workspaces/team.json', '310000', '1.1.1', 'y', '--by', '王五');
		git('commit', '-qam', 'wang says yes');
		git('checkout', '-q', 'main');
		assess('record', 'workspaces/team.json', '310000', '1.1.1', 'n', '--by', '赵六');
		git('commit', '-qam', 'zhao says no');
		const conflicted = git('merge', '--no-edit', 'wang');
		expect(conflicted.status).not.toBe(0);
		const text = readFileSync(join(dir, 'workspaces/team.json'), 'utf8');
		expect(text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
		expect(JSON.parse(text).conflicts['310000/1.1.1'].candidates.map((c: {by: string}) => c.by).sort()).toEqual(['王五', '赵六']);
	});
});

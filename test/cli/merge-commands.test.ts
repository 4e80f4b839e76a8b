import {describe, it, expect} from 'vitest';
import {readFileSync, readdirSync, writeFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';
import {runCli, CHINESE, tempDir, bin, hasStackTrace} from '../helpers/run-cli.js';

const readWs = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).filter(n => statSync(join(dir, n)).isFile()).map(n => [n, readFileSync(join(dir, n), 'utf8')]));

/** Five assessors' files: each scored a few leaves; two disagree on one. */
function fiveAssessors(): {dir: string; files: string[]} {
	const dir = tempDir('assess-merge-');
	const names = ['zhang', 'li', 'wang', 'zhao', 'sun'];
	const files = names.map(n => join(dir, `${n}.json`));
	names.forEach((n, i) => expect(runCli(['init', files[i]!, '--system', '2020-province', '--assessor', n, '--regions', i < 3 ? '110000,310000' : '320000,330000']).code).toBe(0));
	runCli(['record', files[0]!, '110000', '1.1.1', 'y', '--note', '张：首页可见', '--evidence', 'https://a.gov.cn']);
	runCli(['record', files[1]!, '110000', '1.1.1', 'y', '--note', '李：已核实', '--evidence', 'https://b.gov.cn']);
	runCli(['record', files[2]!, '110000', '1.1.1', 'n', '--note', '王：找不到入口']);
	runCli(['record', files[3]!, '320000', '1.1.1', 'y']);
	runCli(['record', files[4]!, '330000', '1.1.1', 'y']);
	return {dir, files};
}

describe('assess merge', () => {
	it('merges five assessors, keeps the disagreement as a conflict, exits 3, and never touches the inputs', () => {
		const {dir, files} = fiveAssessors();
		const before = snapshot(dir);
		const r = runCli(['merge', ...files, '-o', join(dir, 'team.json')]);
		expect(r.code).toBe(3);
		// One conflict: it said "1 conflicts".
		expect(r.stderr).toContain(': 2 findings, 1 conflict (kept in the file; settle them in the TUI with c).');
		const team = readWs(join(dir, 'team.json'));
		expect(team.regions).toEqual(['110000', '310000', '320000', '330000']);
		expect(Object.keys(team.findings).sort()).toEqual(['320000/1.1.1', '330000/1.1.1']);
		const conflict = team.conflicts['110000/1.1.1'];
		expect(conflict.candidates).toHaveLength(2);
		const agreed = conflict.candidates.find((c: {value: {met: boolean}}) => c.value.met);
		expect(agreed.note.split('\n').sort()).toEqual(['张：首页可见', '李：已核实']);
		expect(agreed.evidence).toHaveLength(2);
		for (const [name, content] of Object.entries(before)) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(content);
		// Scores count the conflict as unscored and say how many remain.
		const score = runCli(['score', join(dir, 'team.json'), '--summary']);
		// One conflict, one: it said "1 unsettled conflicts remain".
		expect(score.stdout).toContain('1 unsettled conflict remains; settle it in the TUI (c)');
		expect(JSON.parse(runCli(['score', join(dir, 'team.json'), '--json']).stdout).conflicts).toBe(1);
	});

	it('exits 0 when the merge is clean', () => {
		const {dir, files} = fiveAssessors();
		const r = runCli(['merge', files[0]!, files[3]!, files[4]!, '-o', join(dir, 'clean.json')]);
		expect(r.code).toBe(0);
		expect(readWs(join(dir, 'clean.json')).conflicts).toEqual({});
	});

	it('--dry-run prints per region what would happen and writes nothing', () => {
		const {dir, files} = fiveAssessors();
		const before = snapshot(dir);
		const r = runCli(['merge', ...files, '-o', join(dir, 'team.json'), '--dry-run']);
		expect(r.code).toBe(3);
		expect(r.stdout).toMatch(/^region\s+added\s+updated\s+unchanged\s+conflicts$/m);
		expect(r.stdout).toMatch(/^110000\s+0\s+0\s+0\s+1$/m);
		expect(r.stdout).toMatch(/^320000\s+1\s+0\s+0\s+0$/m);
		expect(r.stderr).toContain('nothing was written');
		expect(snapshot(dir)).toEqual(before);
		// Every leaf that would conflict, with each candidate's value and assessor (issue 15).
		const row = r.stdout.split('\n').find(l => l.startsWith('110000 北京市'))!;
		expect(row).toMatch(/1\.1\.1 \S+/);
		expect(row).toMatch(/yes · draft · (zhang, li|li, zhang)/);
		expect(row).toContain('no · draft · wang');
		const zh = runCli(['merge', ...files, '--dry-run'], {env: CHINESE}).stdout.split('\n').find(l => l.startsWith('110000 北京市'))!;
		expect(zh).toMatch(/是 · 草稿 · (zhang, li|li, zhang)/);
		const json = runCli(['merge', ...files, '--dry-run', '--json']);
		expect(json.code).toBe(3);
		const listed = JSON.parse(json.stdout);
		expect(listed.conflicts).toHaveLength(1);
		expect(listed.conflicts[0]).toMatchObject({region: '110000', regionName: '北京市', indicator: '1.1.1'});
		expect(listed.conflicts[0].candidates.map((c: {by: string; value: string}) => `${c.value} ${c.by}`).sort()).toEqual(['否 wang', expect.stringMatching(/^是 (zhang, li|li, zhang)$/)]);
		expect(snapshot(dir)).toEqual(before);
	});

	it('merges into a team file named as an input, but never replaces another existing file', () => {
		const {dir, files} = fiveAssessors();
		writeFileSync(join(dir, 'notes.json'), '{"mine": true}');
		const r = runCli(['merge', files[0]!, files[3]!, '-o', join(dir, 'notes.json')]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('already exists and is not one of the inputs');
		expect(readFileSync(join(dir, 'notes.json'), 'utf8')).toBe('{"mine": true}');
		expect(runCli(['merge', files[0]!, files[3]!, '-o', files[0]!]).code).toBe(0);
		expect(readWs(files[0]!).regions).toEqual(['110000', '310000', '320000', '330000']);
	});

	it('refuses workspaces of different indicator systems, naming the file', () => {
		const dir = tempDir('assess-merge-');
		runCli(['init', join(dir, 'p.json'), '--system', '2020-province', '--assessor', 'a', '--regions', '110000']);
		runCli(['init', join(dir, 'c.json'), '--system', '2020-city', '--assessor', 'b', '--regions', '440300']);
		const r = runCli(['merge', join(dir, 'p.json'), join(dir, 'c.json'), '-o', join(dir, 'x.json')]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('c.json: $.system.id: is for indicator system "2020-city", but the first is for "2020-province"');
		expect(hasStackTrace(r.stderr)).toBe(false);
	});
});

const hasGit = spawnSync('git', ['--version']).status === 0;

describe.skipIf(!hasGit)('git merge driver', () => {
	it('merges different leaves cleanly and records a same-leaf disagreement as data', () => {
		const dir = tempDir('assess-git-');
		const git = (...args: string[]) => spawnSync('git', args, {cwd: dir, encoding: 'utf8', env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x'}});
		const assess = (...args: string[]) => runCli(args, {cwd: dir});
		git('init', '-q', '-b', 'main');
		writeFileSync(join(dir, '.gitattributes'), 'workspaces/*.json merge=assess\n*.changes.jsonl merge=union\n');
		git('config', 'merge.assess.name', 'assess workspace merge');
		git('config', 'merge.assess.driver', `${process.execPath} ${bin} merge-driver %O %A %B %P`);
		expect(assess('init', 'workspaces/team.json', '--system', '2020-province', '--assessor', 'team', '--regions', '110000,310000').code).toBe(0);
		git('add', '.');
		git('commit', '-qm', 'team workspace');

		git('checkout', '-qb', 'zhang');
		assess('record', 'workspaces/team.json', '110000', '1.1.1', 'y', '--by', '张三');
		git('commit', '-qam', 'zhang scores 1.1.1');
		git('checkout', '-q', 'main');
		git('checkout', '-qb', 'li');
		assess('record', 'workspaces/team.json', '110000', '1.1.2', '1', '--by', '李四');
		git('commit', '-qam', 'li scores 1.1.2');
		git('checkout', '-q', 'main');
		expect(git('merge', '-q', 'zhang').status).toBe(0);
		const clean = git('merge', '-q', '--no-edit', 'li');
		expect(clean.status).toBe(0);
		const merged = readWs(join(dir, 'workspaces/team.json'));
		expect(Object.keys(merged.findings).sort()).toEqual(['110000/1.1.1', '110000/1.1.2']);

		git('checkout', '-qb', 'wang');
		assess('record', 'workspaces/team.json', '310000', '1.1.1', 'y', '--by', '王五');
		git('commit', '-qam', 'wang says yes');
		git('checkout', '-q', 'main');
		assess('record', 'workspaces/team.json', '310000', '1.1.1', 'n', '--by', '赵六');
		git('commit', '-qam', 'zhao says no');
		const conflicted = git('merge', '--no-edit', 'wang');
		expect(conflicted.status).not.toBe(0);
		expect(conflicted.stdout + conflicted.stderr).toMatch(/CONFLICT|Automatic merge failed/);
		const text = readFileSync(join(dir, 'workspaces/team.json'), 'utf8');
		expect(text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
		const data = JSON.parse(text);
		expect(data.conflicts['310000/1.1.1'].candidates.map((c: {by: string}) => c.by).sort()).toEqual(['王五', '赵六']);
		expect(Object.keys(data.findings).sort()).toEqual(['110000/1.1.1', '110000/1.1.2']);
		expect(assess('validate', 'workspaces/team.json').code).toBe(0);
	});
});

describe('assess agreement', () => {
	it('reports agreement, kappa and the disagreements of two assessors', () => {
		const {files} = fiveAssessors();
		const r = runCli(['agreement', files[0]!, files[2]!, '--json']);
		expect(r.code).toBe(0);
		const report = JSON.parse(r.stdout);
		// Since agreement takes any number of files: the assessors in a list, each pair in pairs,
		// each disagreement with one verdict per assessor.
		expect(report.assessors).toMatchObject([{assessor: 'zhang'}, {assessor: 'wang'}]);
		expect(report.pairs).toMatchObject([{a: 0, b: 1, items: 1, agreed: 0, percent: 0}]);
		expect(report.overall).toMatchObject({units: 1, agreed: 0, percent: 0});
		expect(report.disagreements).toEqual([{region: '110000', indicator: '1.1.1', verdicts: ['是', '否']}]);
		const text = runCli(['agreement', files[0]!, files[1]!]);
		// One leaf: it said "1 leaves".
		expect(text.stdout).toContain('zhang vs li: 1 leaf scored by both, 1 agree (100.0%)');
		expect(text.stdout).toContain('No disagreements.');
	});
});

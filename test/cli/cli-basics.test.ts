import {describe, it, expect} from 'vitest';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {runCli, CHINESE, repoRoot, hasStackTrace} from '../helpers/run-cli.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('assess --help, --version, usage errors', () => {
	it('prints the version of package.json, for --version, -V and -v alike', () => {
		for (const flag of ['--version', '-V', '-v']) expect(runCli([flag])).toMatchObject({code: 0, stdout: `${pkg.version}\n`, stderr: ''});
	});

	it('lists every command in --help', () => {
		const r = runCli(['--help']);
		expect(r.code).toBe(0);
		for (const c of ['open', 'init', 'record', 'validate', 'score', 'search']) expect(r.stdout).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
	});

	it('gives each command its own help with examples', () => {
		for (const c of ['init', 'record', 'validate', 'score', 'search', 'open']) {
			const r = runCli([c, '--help']);
			expect(r.code).toBe(0);
			expect(r.stdout).toContain(`usage: assess ${c}`);
		}
		expect(runCli(['record', '--help']).stdout).toContain('SI-0001:pass');
	});

	it('refuses an unknown command or flag with exit 2 and the usage', () => {
		const unknown = runCli(['frobnicate']);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('unknown command "frobnicate"');
		const flag = runCli(['score', 'x.json', '--bogus']);
		expect(flag.code).toBe(2);
		expect(flag.stderr).toContain('unknown option --bogus');
		expect(flag.stderr).toContain('usage: assess score');
		const missing = runCli(['record', 'x.json']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('missing arguments');
		for (const r of [unknown, flag, missing]) expect(hasStackTrace(r.stderr)).toBe(false);
	});
});

describe('assess search', () => {
	it('finds 办事指南 by its initials and 营业执照 by yyzz', () => {
		const guide = runCli(['search', 'bszn', '--json']);
		expect(guide.code).toBe(0);
		const titles = JSON.parse(guide.stdout).results.map((r: {title: string}) => r.title);
		expect(titles.slice(0, 3).some((t: string) => t.includes('办事指南'))).toBe(true);
		const licence = JSON.parse(runCli(['search', 'yyzz', '--json']).stdout).results;
		expect(licence[0].title + (licence[0].aliases ?? []).join()).toContain('营业执照');
	});

	it('finds by Chinese text and by full pinyin', () => {
		const zh = JSON.parse(runCli(['search', '公积金提取', '--json']).stdout).results;
		expect(zh[0].title).toContain('公积金');
		expect(zh[0].title).toContain('提取');
		const py = JSON.parse(runCli(['search', 'banshizhinan', '--json']).stdout).results;
		expect(py[0].title).toContain('办事指南');
	});

	it('reads region names right (长沙 is chang sha, not zhang sha)', () => {
		const r = JSON.parse(runCli(['search', 'changsha', '--json']).stdout).results;
		expect(r[0]).toMatchObject({kind: 'region', title: '长沙市'});
	});

	it('prints an aligned table for people', () => {
		const r = runCli(['search', 'bszn', '--limit', '3'], {env: CHINESE});
		const lines = r.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^类别\s+编码\s+名称\s+说明$/);
		expect(lines).toHaveLength(5);
		expect(runCli(['search', 'bszn', '--limit', '3']).stdout).toMatch(/^Kind\s+Code\s+Name\s+Detail\n/);
	});
});

describe('assess open without a terminal', () => {
	it('says it needs one and names the commands that work without it', () => {
		const r = runCli(['open', 'workspaces/demo.json']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('needs an interactive terminal');
		expect(r.stderr).toContain('assess score <ws>');
		expect(hasStackTrace(r.stderr)).toBe(false);
		expect(runCli([]).stderr).toContain('needs an interactive terminal');
	});

	it('refuses an unknown --lang', () => {
		expect(runCli(['open', '--lang', 'fr']).stderr).toContain('--lang: must be zh or en');
	});
});

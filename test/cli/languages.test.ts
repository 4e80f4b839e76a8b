import {describe, it, expect, beforeAll} from 'vitest';
import {writeFileSync, copyFileSync, readFileSync, mkdirSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {runCli, tempDir, repoRoot, CHINESE, ENGLISH, type CliResult} from '../helpers/run-cli.js';
import {HAN, hanIn, englishIn, bundledStrings, stringsOf} from '../helpers/language.js';

/**
 * Issue 13, "The user's language": every command's help, messages, tables, warnings and errors
 * in the language the user chose (--lang, else the locale), and neither language leaking into
 * the other, in the real output of the built program: its success paths and its error paths (a
 * missing file, a broken JSON file, a locked workspace, a bad value). Each case runs four ways:
 * LANG=zh_CN.UTF-8, LANG=zh_CN.UTF-8 with --lang en, LANG=en_US.UTF-8, and that with --lang zh.
 */

type Way = {name: string; env: Record<string, string>; flag: string[]; lang: 'zh' | 'en'};
const WAYS: Way[] = [
	{name: 'LANG=zh_CN', env: CHINESE, flag: [], lang: 'zh'},
	{name: 'LANG=zh_CN --lang en', env: CHINESE, flag: ['--lang', 'en'], lang: 'en'},
	{name: 'LANG=en_US', env: ENGLISH, flag: [], lang: 'en'},
	{name: 'LANG=en_US --lang zh', env: ENGLISH, flag: ['--lang', 'zh'], lang: 'zh'},
];

let dir: string;
const at = (name: string) => join(dir, name);
/** Text from files in the folder (workspaces, notes, assessors), which stays as it is. */
const data = (lang: 'zh' | 'en') => [...bundledStrings(lang === 'zh'), ...['ws.json', 'demo.json', 'broken.json', 'locked.json'].flatMap(f => stringsOf(at(f), lang === 'zh')), dir];

/** The output is in `lang` only: no Han in English, no English words in Chinese (values from files and what the user typed aside), no object leaked as text. */
function expectOneLanguage(r: CliResult, lang: 'zh' | 'en', what: string, typed: readonly string[] = []): void {
	// What the user typed comes back as they typed it (a file name, a value refused).
	let text = `${r.stdout}\n${r.stderr}`;
	const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	for (const arg of typed.slice(1).sort((a, b) => b.length - a.length)) if (arg.length > 1 && !arg.startsWith('-')) text = text.replace(new RegExp(`(?<![\\w.\\p{Script=Han}-])${escape(arg)}(?![\\w\\p{Script=Han}-])`, 'gu'), ' ');
	expect(text, what).not.toContain('[object Object]');
	// A value left out of a message (`${x}` of nothing); the word itself may be in English text.
	expect(text, what).not.toMatch(/[:：(（"]\s?undefined\b|\bundefined[)）"]| undefined$/m);
	if (lang === 'en') expect(hanIn(text, data('en')), `${what}: Chinese in English`).toEqual([]);
	else {
		expect(englishIn(text, data('zh')), `${what}: English in Chinese`).toEqual([]);
		if (text.trim()) expect(text, `${what}: says something in Chinese`).toMatch(HAN);
	}
}

/** Runs a command the four ways, checks each is in its language, and returns the results by way. */
function fourWays(args: string[], what: string, check?: (r: CliResult, way: Way) => void): CliResult[] {
	return WAYS.map(way => {
		const r = runCli([...args, ...way.flag], {cwd: dir, env: {...way.env, ASSESS_LOCK_WAIT_MS: '0'}});
		expectOneLanguage(r, way.lang, `${what} (${way.name})`, args);
		check?.(r, way);
		return r;
	});
}

beforeAll(() => {
	dir = tempDir('assess-lang-');
	copyFileSync(join(repoRoot, 'workspaces', 'demo.json'), at('demo.json'));
	writeFileSync(at('broken.json'), '{"kind": "assess/workspace",\n  "formatVersion": 1,\n  "regions": [}\n');
	const made = runCli(['init', 'ws.json', '--system', '2020-province', '--assessor', '张三', '--regions', '110000,310000'], {cwd: dir});
	expect(made.code, made.stderr).toBe(0);
	copyFileSync(at('ws.json'), at('locked.json'));
	// Held by someone on another machine: never taken over.
	writeFileSync(at('locked.json.lock'), JSON.stringify({user: '李四', host: 'li-laptop', pid: 4242, since: '2026-11-29T09:30:00.000Z', program: 'assess'}));
});

describe('the language: --lang, else the locale (issue 13)', () => {
	it('assess --help and assess <command> --help follow it', () => {
		fourWays(['--help'], 'assess --help', (r, way) => expect(r.stdout).toContain(way.lang === 'zh' ? '用法：assess [<命令>]' : 'usage: assess [<command>]'));
		for (const name of ['open', 'init', 'record', 'review', 'review-policy', 'validate', 'search', 'merge', 'merge-driver', 'agreement', 'spot-check', 'status', 'log', 'export', 'report', 'compare', 'unlock', 'schemas', 'setup-git', 'doctor', 'completion']) {
			fourWays([name, '--help'], `assess ${name} --help`, (r, way) => {
				expect(r.code).toBe(0);
				expect(r.stdout).toContain(way.lang === 'zh' ? `用法：assess ${name}` : `usage: assess ${name}`);
				expect(r.stdout).toContain('--lang zh|en');
			});
		}
		fourWays(['score', '--help'], 'assess score --help', (r, way) => expect(r.stdout).toContain(way.lang === 'zh' ? '用法：assess score <工作区>' : 'usage: assess score <workspace>'));
	});

	it('LC_ALL over LC_MESSAGES over LANG; --lang over all; a bad --lang is refused in the locale’s language', () => {
		expect(runCli(['--help'], {env: {LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8'}}).stdout).toContain('用法');
		expect(runCli(['--help'], {env: {LANG: 'zh_CN.UTF-8', LC_ALL: 'C'}}).stdout).toContain('usage');
		const bad = runCli(['score', 'ws.json', '--lang', 'fr'], {cwd: dir, env: CHINESE});
		expect(bad.code).toBe(2);
		expect(bad.stderr).toBe('--lang: 应为 zh 或 en（而不是 "fr"）\n');
		expect(runCli(['--lang=en', '--help'], {env: CHINESE}).stdout).toContain('usage');
	});

	it('an unknown command, an unknown option, a missing argument', () => {
		fourWays(['frobnicate'], 'unknown command', r => expect(r.code).toBe(2));
		fourWays(['score', 'ws.json', '--bogus'], 'unknown option', r => expect(r.code).toBe(2));
		fourWays(['score'], 'missing argument', (r, way) => {
			expect(r.code).toBe(2);
			expect(r.stderr).toContain(way.lang === 'zh' ? 'assess score: 缺少参数\n用法：assess score <工作区>' : 'assess score: missing arguments\nusage: assess score <workspace>');
		});
	});
});

describe('assess score (it printed Chinese headers always and refused --lang)', () => {
	it('the table, the notes and the indicator tables in one language', () => {
		fourWays(['score', 'demo.json'], 'score', (r, way) => {
			expect(r.code).toBe(0);
			expect(r.stdout).toContain(way.lang === 'zh' ? '排名  地区' : 'Rank  Region');
			expect(r.stdout).toContain(way.lang === 'zh' ? '权重：内置的 2020-province 权重' : 'weights: the bundled 2020-province weights');
		});
	});

	it('--json is the same data in both languages', () => {
		const [zh, en] = [runCli(['score', 'demo.json', '--json'], {cwd: dir, env: CHINESE}), runCli(['score', 'demo.json', '--json', '--lang', 'en'], {cwd: dir, env: CHINESE})];
		expect(JSON.parse(zh.stdout)).toEqual(JSON.parse(en.stdout));
	});

	it('a missing file, a broken file, a bad option value: named as typed', () => {
		fourWays(['score', 'missing.json'], 'missing file', (r, way) => {
			expect(r.code).toBe(2);
			expect(r.stderr).toBe(way.lang === 'zh' ? 'missing.json: 不存在；请用 `assess init` 新建\n' : 'missing.json: does not exist; create it with `assess init`\n');
		});
		fourWays(['score', 'broken.json'], 'broken file', (r, way) => {
			expect(r.code).toBe(2);
			expect(r.stderr).toBe(way.lang === 'zh' ? 'broken.json: 第 3 行第 15 列: 不是有效的 JSON：此处有意外的字符 }\n' : 'broken.json: line 3, column 15: is not valid JSON: unexpected character }\n');
		});
		fourWays(['score', 'ws.json', '--regions', 'Atlantis'], 'bad region', r => expect(r.code).toBe(2));
		fourWays(['score', 'ws.json/x.json'], 'a file under a file (ENOTDIR)', (r, way) => {
			expect(r.code).toBe(2);
			expect(r.stderr).toContain(way.lang === 'zh' ? 'ws.json/x.json: 路径中有一部分不是文件夹' : 'ws.json/x.json: a part of its path is not a folder');
		});
	});
});

describe('assess init, record, search, review-policy', () => {
	it('init: made, refused over an existing file, a missing option', () => {
		fourWays(['init', 'new.json', '--system', '2020-province', '--assessor', '张三', '--regions', '北京', '--review', 'required', '--reviewer', '王五=北京'], 'init', (r, way) => {
			if (way.name === WAYS[0]!.name) expect(r.code, r.stderr).toBe(0);
			else expect(r.stderr).toContain(way.lang === 'zh' ? 'new.json: 已存在；请换一个名称（未作任何改动）' : 'new.json: already exists; choose another name (nothing was changed)');
		});
		expect(runCli(['init', 'one.json', '--system', '2020-province', '--assessor', '张三', '--regions', '北京'], {cwd: dir}).stderr).toContain('1 region × 64 leaves');
		fourWays(['init', 'x.json', '--assessor', '张三'], 'init without --system', r => expect(r.code).toBe(2));
		fourWays(['init', 'x.json', '--system', 'nowhere', '--assessor', '张三'], 'init with an unknown system', r => expect(r.code).toBe(2));
	});

	it('record: recorded, a value the rule refuses, a branch, a recording rule, a locked and a missing workspace', () => {
		fourWays(['record', 'ws.json', 'all', '1.1.1', 'y', '--note', '统一身份认证可用'], 'record', (r, way) => {
			expect(r.code, r.stderr).toBe(0);
			expect(r.stderr).toBe(way.lang === 'zh' ? '已记录 1.1.1 国家平台互联互通（2 个地区）。\n' : 'Recorded 1.1.1 Linked to the national platform for 2 regions.\n');
		});
		fourWays(['record', 'ws.json', '110000', '1.1.1', 'perhaps'], 'a value the rule refuses', r => expect(r.code).toBe(2));
		fourWays(['record', 'ws.json', '110000', '1.1.2', '9'], 'a level that is not one', r => expect(r.code).toBe(2));
		fourWays(['record', 'ws.json', '110000', '1', 'y'], 'a branch', r => expect(r.code).toBe(2));
		fourWays(['record', 'ws.json', 'all', '1.1.1', '-', '--status', 'na'], 'na without a reason', r => expect(r.code).toBe(2));
		fourWays(['record', 'ws.json', '110000', '3.1.1', 'SI-9999:pass'], 'an item not in the catalog', r => expect(r.code).toBe(2));
		fourWays(['record', 'ws.json', '110000', '3.1.1', 'SI-0001:maybe'], 'a verdict that is not one', r => expect(r.code).toBe(2));
		fourWays(['record', 'ws.json', '110000', '1.1.1', 'y', '--status', 'finished'], 'a bad --status', r => expect(r.code).toBe(2));
		fourWays(['record', 'ws.json', '110000', '1.1.1', 'y', '--evidence', 'no-such-file.png'], 'evidence that is not there', r => expect(r.code).toBe(2));
		fourWays(['record', 'locked.json', '110000', '1.1.1', 'y'], 'a locked workspace', (r, way) => {
			expect(r.code).toBe(2);
			expect(r.stderr).toContain(way.lang === 'zh' ? 'locked.json: 正由 li-laptop 上的 李四（进程 4242，已持续' : 'locked.json: is being edited by 李四 on li-laptop (process 4242, for');
			expect(r.stderr).toContain('`assess unlock locked.json`');
		});
		fourWays(['record', 'missing.json', '110000', '1.1.1', 'y'], 'a missing workspace', r => expect(r.code).toBe(2));
		fourWays(['record', 'broken.json', '110000', '1.1.1', 'y'], 'a broken workspace', r => expect(r.code).toBe(2));
	});

	it('search: found, and nothing found', () => {
		fourWays(['search', 'bszn', '--limit', '5'], 'search', r => expect(r.code).toBe(0));
		fourWays(['search', 'qqqqqqqq'], 'nothing found', r => expect(r.code).toBe(0));
	});

	it('review-policy: shown, changed, refused', () => {
		fourWays(['review-policy', 'ws.json'], 'review-policy', r => expect(r.code).toBe(0));
		fourWays(['review-policy', 'ws.json', '--review', 'required', '--reviewer', '王五=北京', '--by', '组长'], 'review-policy change', r => expect(r.code).toBe(0));
		fourWays(['review-policy', 'ws.json', '--review', 'maybe', '--by', '组长'], 'a bad --review', r => expect(r.code).toBe(2));
		fourWays(['review-policy', 'ws.json', '--review', 'optional'], 'no --by', r => expect(r.code).toBe(2));
		fourWays(['review-policy', 'ws.json', '--review', 'optional', '--by', '组长'], 'review optional again', r => expect(r.code).toBe(0));
	});
});

describe('assess validate, open, review', () => {
	it('validate: valid files, warnings, a broken file, an unknown kind, bad input of every kind', () => {
		writeFileSync(at('plain.json'), '{"kind": "something"}');
		fourWays(['validate', 'ws.json', 'demo.json', join(repoRoot, 'indicators', '2020-city.json'), join(repoRoot, 'indicators', 'regions.json')], 'validate', r => expect(r.code, r.stderr).toBe(0));
		fourWays(['validate', 'ws.json', 'broken.json', 'plain.json', 'missing.json'], 'validate broken', (r, way) => {
			expect(r.code).toBe(2);
			expect(r.stderr).toContain(way.lang === 'zh' ? '4 个文件中有 3 个有问题。' : '3 of 4 files have problems.');
		});
		for (const name of ['system-duplicate-code.json', 'weights-not-summing-to-1.json', 'workspace-bad-review.json', 'workspace-unknown-region.json', 'workspace-newer-format.json', 'sample-plan-not-sampled.json', 'regions-bad-code.json', 'catalog-bad-id.json', 'system-wrong-type.json', 'system-unknown-field.json', 'workspace-bad-time.json', 'trailing-comma.json']) {
			fourWays(['validate', join(repoRoot, 'test', 'fixtures', 'bad', name)], `validate ${name}`, r => expect(r.code).toBe(2));
		}
	});

	it('open without a terminal', () => {
		fourWays(['open', 'ws.json'], 'open', r => expect(r.code).toBe(2));
	});

	it('review: accepted, refused, skipped in bulk', () => {
		runCli(['record', 'ws.json', '110000', '1.1.2', '1', '--status', 'done'], {cwd: dir});
		fourWays(['review', 'ws.json', '110000', '1.1.2', 'accept', '--by', '王五'], 'review', r => expect(r.code, r.stderr).toBe(0));
		fourWays(['review', 'ws.json', '110000', '1.1.1', 'accept', '--by', '王五'], 'review of a draft', r => expect(r.code).toBe(2));
		fourWays(['review', 'ws.json', 'all', '1', 'accept', '--by', '王五'], 'review in bulk', r => expect([0, 2]).toContain(r.code));
		fourWays(['review', 'ws.json', '110000', '1.1.2', 'maybe', '--by', '王五'], 'a bad decision', r => expect(r.code).toBe(2));
		fourWays(['review', 'ws.json', '110000', '1.1.2', 'return', '--by', '王五'], 'return without a note', r => expect(r.code).toBe(2));
	});
});

describe('assess merge, merge-driver, agreement, spot-check, status, log', () => {
	const team = () => {
		// Two assessors who disagree on 1.1.1 in 北京 and agree on 1.1.3.
		for (const [file, who, value] of [['zhang.json', '张三', 'y'], ['li.json', '李四', 'n']] as const) {
			runCli(['init', file, '--system', '2020-province', '--assessor', who, '--regions', '110000,310000'], {cwd: dir});
			runCli(['record', file, '110000', '1.1.1', value, '--status', 'done'], {cwd: dir});
			runCli(['record', file, 'all', '1.1.2', '1', '--status', 'done'], {cwd: dir});
		}
	};

	it('merge: a dry run, a merge with a conflict, refusals', () => {
		team();
		fourWays(['merge', 'zhang.json', 'li.json', '--dry-run'], 'merge --dry-run', (r, way) => {
			expect(r.code).toBe(3);
			expect(r.stderr).toContain(way.lang === 'zh' ? '试运行：2 个工作区将合并为' : 'Dry run: 2 workspaces would merge into');
		});
		fourWays(['merge', 'zhang.json', 'li.json', '-o', 'team.json'], 'merge', (r, way) => {
			if (way.name === WAYS[0]!.name) {
				expect(r.code, r.stderr).toBe(3);
				expect(r.stderr).toContain('已将 2 个工作区合并到 team.json：');
			} else expect(r.code).toBe(2);
		});
		expect(runCli(['score', 'team.json'], {cwd: dir}).stdout).toContain('1 unsettled conflict remains');
		fourWays(['merge', 'zhang.json'], 'merge without -o', r => expect(r.code).toBe(2));
		runCli(['init', 'city.json', '--system', '2020-city', '--assessor', '王五', '--regions', '330100'], {cwd: dir});
		fourWays(['merge', 'zhang.json', 'city.json', '--dry-run'], 'merge of another system', r => expect(r.code).toBe(2));
	});

	it('merge-driver: a conflict, in one file (it said "1 findings disagree")', () => {
		copyFileSync(at('zhang.json'), at('ours.json'));
		copyFileSync(at('li.json'), at('theirs.json'));
		writeFileSync(at('base.json'), '');
		const r = fourWays(['merge-driver', 'base.json', 'ours.json', 'theirs.json', 'team.json'], 'merge-driver', r => expect(r.code).toBe(3));
		expect(r[2]!.stderr).toContain('assess: team.json: 1 finding disagrees; it is recorded in the file as a conflict.');
		expect(r[0]!.stderr).toContain('assess：team.json：1 条评估结论意见不一，已作为冲突记录在文件中。');
		fourWays(['merge-driver', 'base.json', 'broken.json', 'theirs.json', 'x.json'], 'merge-driver refused', r => expect(r.code).toBe(2));
	});

	it('agreement: two assessors, their disagreement in the reader’s words (English showed 是)', () => {
		const r = fourWays(['agreement', 'zhang.json', 'li.json'], 'agreement', r => expect(r.code).toBe(0));
		expect(r[2]!.stdout).toMatch(/110000\s+1\.1\.1\s+yes\s+no/);
		expect(r[0]!.stdout).toMatch(/110000\s+1\.1\.1\s+是\s+否/);
		fourWays(['agreement', 'zhang.json', 'zhang.json'], 'agreement with itself', r => expect(r.code).toBe(2));
	});

	it('spot-check: drawn, refused', () => {
		fourWays(['spot-check', 'zhang.json', '--share', '50%', '--assessor', '王五', '--seed', '7', '-o', 'recheck.json'], 'spot-check', (r, way) => {
			if (way.name === WAYS[0]!.name) expect(r.code, r.stderr).toBe(0);
			else expect(r.code).toBe(2);
		});
		fourWays(['spot-check', 'zhang.json', '--share', '150%', '--assessor', '王五', '-o', 'x.json'], 'a bad share', r => expect(r.code).toBe(2));
		fourWays(['spot-check', 'zhang.json', '--share', '10%', '--assessor', '张三', '-o', 'x.json'], 'the same assessor', r => expect(r.code).toBe(2));
	});

	it('status: one workspace, several, a folder with other files', () => {
		fourWays(['status', 'team.json'], 'status', r => expect(r.code).toBe(0));
		fourWays(['status', 'zhang.json', 'li.json', 'recheck.json'], 'status of several', r => expect(r.code).toBe(0));
		fourWays(['status', 'nowhere/'], 'status of nothing', r => expect(r.code).toBe(2));
	});

	it('log: the trail, a bad --limit', () => {
		fourWays(['log', 'team.json'], 'log', r => expect(r.code).toBe(0));
		fourWays(['log', 'zhang.json', '北京', '1.1.1'], 'log of a leaf', r => expect(r.code).toBe(0));
		fourWays(['log', 'zhang.json', '--limit', 'x'], 'a bad --limit', r => expect(r.code).toBe(2));
	});
});

describe('assess export, report, compare, unlock, schemas, setup-git, doctor, completion', () => {
	it('export: a draft, refusals, a bad format, a file that is not ours', () => {
		fourWays(['export', 'ws.json', '-o', 'out.xlsx', '--allow-incomplete'], 'export a draft', r => expect(r.code, r.stderr).toBe(0));
		fourWays(['export', 'ws.json', '-o', 'out.xlsx'], 'export refused', r => expect(r.code).toBe(2));
		fourWays(['export', 'team.json', '-o', 'team.csv', '--allow-incomplete'], 'export with conflicts refused', r => expect(r.code).toBe(2));
		fourWays(['export', 'ws.json', '-o', 'out.txt'], 'a bad extension', r => expect(r.code).toBe(2));
		fourWays(['export', 'ws.json', '--format', 'pdf'], 'a bad format', r => expect(r.code).toBe(2));
		fourWays(['export', 'ws.json', '-o', 'demo.json', '--allow-incomplete'], 'over a workspace', r => expect(r.code).toBe(2));
		fourWays(['export', 'ws.json', '--order', 'alphabet'], 'a bad order', r => expect(r.code).toBe(2));
	});

	it('report: written, refused', () => {
		fourWays(['report', 'ws.json', '-o', 'report.html'], 'report', r => expect(r.code, r.stderr).toBe(0));
		fourWays(['report', 'ws.json', '-o', 'report.txt'], 'a bad output', r => expect(r.code).toBe(2));
		fourWays(['report', 'ws.json', '--map', 'x.json'], '--map without --compare', r => expect(r.code).toBe(2));
	});

	it('compare: two editions of one system', () => {
		fourWays(['compare', 'zhang.json', 'li.json'], 'compare', r => expect(r.code, r.stderr).toBe(0));
		fourWays(['compare', 'zhang.json', 'li.json', '--map', 'broken.json'], 'a broken mapping', r => expect(r.code).toBe(2));
	});

	it('unlock: a lock shown and kept (no answer), a workspace that is not locked', () => {
		fourWays(['unlock', 'locked.json'], 'unlock', r => expect(r.code).toBe(2));
		fourWays(['unlock', 'ws.json'], 'not locked', r => expect(r.code).toBe(0));
	});

	it('schemas: checked, a folder that is not one', () => {
		fourWays(['schemas', '--check', join(repoRoot, 'indicators', 'schemas')], 'schemas --check', r => expect(r.code).toBe(0));
		fourWays(['schemas', '--check', dir], 'schemas out of date', r => expect(r.code).toBe(2));
		fourWays(['schemas', '--write', 'ws.json'], 'schemas --write to a file', r => expect(r.code).toBe(2));
	});

	it('setup-git: outside a repository, checked, set up', () => {
		fourWays(['setup-git', '--check'], 'setup-git outside a repository', r => expect(r.code).toBe(2));
		const repo = join(dir, 'repo');
		mkdirSync(repo);
		expect(spawnSync('git', ['init', '-q', repo]).status).toBe(0);
		fourWays(['setup-git', 'repo', '--check'], 'setup-git --check', r => expect(r.code).toBe(1));
		fourWays(['setup-git', 'repo'], 'setup-git', r => expect(r.code).toBe(0));
	});

	it('doctor: every check in the language (its --json in English, for scripts)', () => {
		fourWays(['doctor'], 'doctor', (r, way) => {
			expect([0, 1]).toContain(r.code);
			expect(r.stdout).toContain(way.lang === 'zh' ? '锁' : 'lock');
		});
		const json = JSON.parse(runCli(['doctor', '--json'], {cwd: dir, env: CHINESE}).stdout);
		expect(json.checks.find((c: {topic: string}) => c.topic === 'language').text).toContain('Chinese (zh), from LANG=zh_CN.UTF-8');
	});

	it('completion: the commands described in the language', () => {
		const zh = runCli(['completion', 'fish'], {cwd: dir, env: CHINESE});
		expect(zh.stdout).toContain('按官方版式导出 Excel 结果表');
		expect(runCli(['completion', 'fish'], {cwd: dir}).stdout).toContain('Excel result sheets in the official layout');
		fourWays(['completion', 'tcsh'], 'an unknown shell', r => expect(r.code).toBe(2));
	});
});

describe('the data stays as it is', () => {
	it('the workspace holds its Chinese names and notes whatever the language', () => {
		expect(readFileSync(at('ws.json'), 'utf8')).toContain('张三');
	});
});

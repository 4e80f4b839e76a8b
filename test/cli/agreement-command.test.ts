import {describe, it, expect} from 'vitest';
import {writeFileSync, readFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {runCli, CHINESE, tempDir, hasStackTrace} from '../helpers/run-cli.js';
import {loadSystem} from '../../source/storage/load-files.js';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {serializeWorkspace} from '../../source/storage/workspace-text.js';
import type {FindingValue, Workspace} from '../../source/domain/workspace/workspace-schema.js';

const regions = ['110000', '120000', '130000', '140000', '150000', '210000', '220000', '230000', '310000', '320000', '330000', '340000'];
const at = '2026-11-02T00:00:00.000Z';

let written = 0;

/** Writes one assessor's workspace of the 2020 province system, with verdicts per leaf, region by region. */
function assessorFile(dir: string, name: string, verdicts: Record<string, readonly (FindingValue | 'na' | undefined)[]>, own = regions, system = '2020-province'): string {
	const {index, digest} = loadSystem(system);
	let ws: Workspace = createWorkspace({id: name, index, systemDigest: digest, assessor: name, createdAt: '2026-11-01T00:00:00.000Z', regions: own});
	for (const [code, vs] of Object.entries(verdicts)) {
		vs.forEach((v, i) => {
			if (v !== undefined) ws = applyChange(ws, [own[i]!], code, v === 'na' ? {status: 'na', reason: '不适用'} : {value: v}, name, at);
		});
	}
	const file = join(dir, `${++written}-${name.replace(/[^\w]/g, '_')}.json`);
	writeFileSync(file, serializeWorkspace(ws));
	return file;
}

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers × 12 units with missing values. */
const _ = undefined;
const krippendorff2011 = [
	[1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
	[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
	[_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
	[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const levelOf = [undefined, 'all', 'most', 'few', 'none'] as const;

/** Four assessors whose 1.2.3 (direct score) and 1.4.2 (four levels; 5 = not applicable) are the published matrix. */
function fourAssessors(): {dir: string; files: string[]} {
	const dir = tempDir('assess-agreement-');
	const files = krippendorff2011.map((row, r) =>
		assessorFile(dir, ['zhang', 'li', 'wang', 'zhao'][r]!, {
			'1.2.3': row.map(v => (v === undefined ? v : {type: 'direct', score: v})),
			'1.4.2': row.map(v => (v === undefined ? v : v === 5 ? 'na' : {type: 'levels', level: levelOf[v]!})),
		}),
	);
	return {dir, files};
}

describe('assess agreement with a team', () => {
	it('gives the published values for Krippendorff\'s data as four assessors\' files: interval α 0.849, ordinal α 0.815, Fleiss\' κ 0.761', () => {
		const {files} = fourAssessors();
		const r = runCli(['agreement', ...files, '--json']);
		expect(r.code).toBe(0);
		const report = JSON.parse(r.stdout);
		expect(report.assessors.map((a: {assessor: string}) => a.assessor)).toEqual(['zhang', 'li', 'wang', 'zhao']);
		const direct = report.indicators.find((i: {indicator: string}) => i.indicator === '1.2.3');
		const levels = report.indicators.find((i: {indicator: string}) => i.indicator === '1.4.2');
		expect(direct).toMatchObject({rule: 'direct', level: 'interval', units: 11, pairable: 40, fleissKappa: null});
		expect(direct.alpha.toFixed(3)).toBe('0.849');
		expect(levels).toMatchObject({rule: 'levels', level: 'ordinal', units: 11, pairable: 40});
		expect(levels.alpha.toFixed(3)).toBe('0.815');
		expect(levels.fleissKappa.toFixed(3)).toBe('0.761');
		expect(report.pairs.map((p: {a: number; b: number}) => [p.a, p.b])).toEqual([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
		// zhang and li: both scored units 1–9 on both leaves, and differ on unit 6 only.
		expect(report.pairs[0]).toMatchObject({items: 18, agreed: 16});
		// Units 2, 6 and 8 of each leaf: every assessor's verdict, null where one scored nothing.
		expect(report.disagreements).toHaveLength(6);
		expect(report.disagreements[0]).toEqual({region: '120000', indicator: '1.2.3', verdicts: ['2', '2', '3', '2']});
		expect(report.disagreements[4]).toEqual({region: '210000', indicator: '1.4.2', verdicts: ['全部归集', '三分之二及以上归集', '不足三分之二', '未归集']});
		expect(report.overall.lowestAlpha).toEqual({indicator: '1.4.2', alpha: levels.alpha});

		const text = runCli(['agreement', ...files]);
		expect(text.code).toBe(0);
		expect(text.stdout).toContain('4 assessors (zhang, li, wang, zhao): 22 leaves scored by two or more, 16 where all agree (72.7%)');
		// The indicators by their names in the reader's language (the system gives both).
		expect(text.stdout).toMatch(/^1\.2\.3 Mobile usability\s+11\s+72\.7%\s+—\s+0\.849\s+interval\s+0\.\d\d$/m);
		expect(text.stdout).toMatch(/^1\.4\.2 Department websites route to the portal\s+11\s+72\.7%\s+0\.761\s+0\.815\s+ordinal\s+—$/m);
		expect(text.stdout).toMatch(/lowest 0\.815 at 1\.4\.2 Department websites route to the portal/);
		const zh = runCli(['agreement', ...files], {env: CHINESE}).stdout;
		expect(zh).toMatch(/^1\.2\.3 移动端使用体验\s+11\s+72\.7%\s+—\s+0\.849\s+定距\s+0\.\d\d$/m);
		expect(zh).toMatch(/^1\.4\.2 部门网站入口归集\s+11\s+72\.7%\s+0\.761\s+0\.815\s+定序\s+—$/m);
		expect(text.stdout).toMatch(/^zhang – li\s+18\s+88\.9%/m);
		expect(text.stdout).toContain('Disagreements (6):');
		expect(text.stdout).toMatch(/^region\s+indicator\s+zhang\s+li\s+wang\s+zhao$/m);
		expect(text.stdout).toMatch(/^210000\s+1\.2\.3\s+1\s+2\s+3\s+4$/m);
		expect(text.stdout).toMatch(/^230000\s+1\.4\.2\s+All routed\s+All routed\s+Two-thirds or more\s+All routed$/m);
		expect(zh).toMatch(/^230000\s+1\.4\.2\s+全部归集\s+全部归集\s+三分之二及以上归集\s+全部归集$/m);
	});

	it('keeps the two-file report: the pair\'s headline with Cohen\'s kappa, no pairs table, the disagreements side by side', () => {
		const dir = tempDir('assess-agreement-');
		const y = {type: 'yesno', met: true} as const;
		const n = {type: 'yesno', met: false} as const;
		const a = assessorFile(dir, '张三', {'1.1.1': [y, y, n, n], '1.2.3': [80, 60, 70].map(score => ({type: 'direct', score}) as const)});
		const b = assessorFile(dir, '李四', {'1.1.1': [y, n, n, 'na'], '1.2.3': [{type: 'direct', score: 70}, {type: 'direct', score: 60}, 'na']});
		const r = runCli(['agreement', a, b]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("张三 vs 李四: 7 leaves scored by both, 3 agree (42.9%); Cohen's kappa ");
		expect(r.stdout).toContain('mean absolute difference 5.00 points');
		expect(r.stdout).toMatch(/^Fleiss' kappa -?\d\.\d{3} \(yes\/no and levels, pooled over indicators\); Krippendorff's alpha -?\d\.\d{3}/m);
		expect(r.stdout).not.toContain('Pairs:');
		expect(r.stdout).toContain('Disagreements (4):');
		expect(r.stdout).toMatch(/^130000\s+1\.2\.3\s+70\s+n\/a$/m);
		const json = JSON.parse(runCli(['agreement', a, b, '--json']).stdout);
		expect(json.pairs).toHaveLength(1);
		expect(json.pairs[0]).toMatchObject({a: 0, b: 1, items: 7, agreed: 3});
		expect(json.disagreements[0]).toEqual({region: '120000', indicator: '1.1.1', verdicts: ['是', '否']});
	});

	it('lists the first 20 disagreements in text and every one with --json', () => {
		const dir = tempDir('assess-agreement-');
		const all = ['110000', '120000', '130000', '140000', '150000', '210000', '220000', '230000', '310000', '320000', '330000', '340000', '350000', '360000', '370000', '410000', '420000', '430000', '440000', '450000', '460000', '500000', '510000', '520000', '530000'];
		const yes = all.map(() => ({type: 'yesno', met: true}) as const);
		const no = all.map((__, i) => ({type: 'yesno', met: i % 5 === 0}) as const);
		const a = assessorFile(dir, 'a', {'1.1.1': yes}, all);
		const b = assessorFile(dir, 'b', {'1.1.1': no}, all);
		const text = runCli(['agreement', a, b]);
		expect(text.stdout).toContain('Disagreements (20):');
		const json = JSON.parse(runCli(['agreement', a, b, '--json']).stdout);
		expect(json.disagreements).toHaveLength(20);
		const c = assessorFile(dir, 'c', {'1.1.1': all.map(() => ({type: 'yesno', met: false}) as const)}, all);
		const three = runCli(['agreement', a, b, c]);
		expect(three.stdout).toContain('Disagreements (25; the first 20 below, all with --json):');
		expect(three.stdout.split('\n').filter(l => /^\d{6}\s+1\.1\.1\s/.test(l))).toHaveLength(20);
		expect(JSON.parse(runCli(['agreement', a, b, c, '--json']).stdout).disagreements).toHaveLength(25);
	});

	it('refuses a file named twice, a second system, and fewer than two files, saying which and why', () => {
		const dir = tempDir('assess-agreement-');
		const a = assessorFile(dir, 'a', {});
		const city = assessorFile(dir, 'city', {}, ['110000'], '2020-city');
		const twice = runCli(['agreement', basename(a), a], {cwd: dir});
		expect(twice.code).toBe(2);
		expect(twice.stderr).toContain('is named twice');
		const other = runCli(['agreement', a, city]);
		expect(other.code).toBe(2);
		expect(other.stderr).toMatch(/city\.json.*system.*agreement needs one system/s);
		const one = runCli(['agreement', a]);
		expect(one.code).toBe(2);
		expect(one.stderr).toContain('usage: assess agreement <ws> <ws>...');
		for (const r of [twice, other, one]) expect(hasStackTrace(r.stderr)).toBe(false);
	});

	it('prints names from the files inert, and tells same-named assessors apart by file', () => {
		const dir = tempDir('assess-agreement-');
		const y = [{type: 'yesno', met: true} as const, {type: 'yesno', met: false} as const];
		const a = assessorFile(dir, 'evil\u001b[2J', {'1.1.1': [y[1], y[1]]});
		const b = assessorFile(dir, '李四', {'1.1.1': [y[0], y[0]]});
		const c = assessorFile(dir, '李四 ', {'1.1.1': [undefined, y[1]]});
		const copy = join(dir, 'li-again.json');
		writeFileSync(copy, readFileSync(b, 'utf8'));
		const r = runCli(['agreement', a, b, copy, c]);
		expect(r.code).toBe(0);
		expect(r.stdout).not.toContain('\u001b');
		expect(r.stdout).toContain('evil\\u001b[2J');
		expect(r.stdout).toContain(`李四 (${basename(b)})`);
		expect(r.stdout).toContain('李四 (li-again.json)');
		// One row per disagreement, — where an assessor did not score the leaf.
		expect(r.stdout).toMatch(/^110000\s+1\.1\.1\s+no\s+yes\s+yes\s+—$/m);
		expect(runCli(['agreement', a, b, copy, c], {env: CHINESE}).stdout).toMatch(/^110000\s+1\.1\.1\s+否\s+是\s+是\s+—$/m);
	});
});

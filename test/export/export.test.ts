import {describe, it, expect} from 'vitest';
import {readFileSync, existsSync, readdirSync, writeFileSync, cpSync} from 'node:fs';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';
import XLSX from 'xlsx';
import {runCli, tempDir, repoRoot} from '../helpers/run-cli.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';
import {openpyxl, readWithOpenpyxl, sheetOf} from '../helpers/read-xlsx.js';
import {safeSheetName, guardFormula} from '../../source/domain/export/workbook-model.js';

const HOSTILE = '=HYPERLINK("http://evil.example","点我")';
const regions = ['110000', '310000', '320000', '330000', '440000'];

/** Reads back a workbook this program wrote (SheetJS's read path is used on our own files only). */
const readBook = (file: string) => XLSX.read(readFileSync(file), {cellFormula: true, cellNF: true});
const rowsOf = (sheet: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<unknown[]>(sheet, {header: 1, raw: true, defval: null});

describe('xlsx export', () => {
	it('matches assess score --json cell by cell, in the official per-region layout', () => {
		const {file, dir} = completeWorkspace(regions);
		const out = join(dir, 'result.xlsx');
		const r = runCli(['export', file, '-o', out, '--detail']);
		expect(r.stderr).toContain('Exported');
		expect(r.stderr).toContain('final');
		expect(r.code).toBe(0);
		const score = JSON.parse(runCli(['score', file, '--json']).stdout);
		expect(score.final).toBe(true);
		const book = readBook(out);
		expect(book.SheetNames).toEqual(['北京市', '上海市', '江苏省', '浙江省', '广东省', '排名', '抽查事项', '评估记录', '变更记录', '说明']);
		for (const region of score.regions) {
			const sheet = book.Sheets[region.name]!;
			const rows = rowsOf(sheet);
			// The title as published: the region's name; the system and edition on the second line, no internal id.
			expect(rows[0]).toEqual([`[${region.name}]`, null, null]);
			expect(String(rows[1]![0])).toBe('省级政府网上政务服务能力调查评估指标体系（2020年报告） · 2020年报告（2019年数据）');
			expect(String(rows[1]![0])).not.toContain('2020-province');
			expect(rows[2]).toEqual(['评估指标', '得分', '排名']);
			expect(rows[3]).toEqual(['总得分', region.total, region.rank]);
			const body = rows.slice(4);
			expect(body).toHaveLength(region.indicators.length);
			region.indicators.forEach((ind: {name: string; level: number; score: number; rank: number}, i: number) => {
				expect(body[i]).toEqual([`${'　'.repeat(ind.level - 1)}${ind.name}`, ind.score, ind.rank]);
			});
			// Scores are numbers with a two-decimal format, not text.
			expect(sheet['B4']).toMatchObject({t: 'n', z: '0.00'});
			expect(sheet['C4']).toMatchObject({t: 'n'});
		}
		const ranking = rowsOf(book.Sheets['排名']!);
		// The region column says what the regions are: 省级政府 for the provincial system.
		expect(ranking[1]!.slice(0, 4)).toEqual(['排名', '省级政府', '总体指数', '等级']);
		const sorted = [...score.regions].sort((a: {rank: number}, b: {rank: number}) => a.rank - b.rank);
		sorted.forEach((region: {rank: number; name: string; total: number; tier: string}, i: number) => expect(ranking[2 + i]!.slice(0, 4)).toEqual([region.rank, region.name, region.total, region.tier]));
		const summaryAt = ranking.findIndex(row => row[0] === '等级');
		const tierRows = ranking.slice(summaryAt + 1, summaryAt + 4);
		// Tier labels as published, from the tier definitions.
		expect(tierRows.map(row => row[0])).toEqual(['非常高（90分以上）', '高（80–90分）', '中（80分以下）']);
		expect(tierRows.reduce((s, row) => s + Number(row[1]), 0)).toBe(regions.length);
		expect(book.Sheets['排名']!['C' + (summaryAt + 2)]).toMatchObject({z: '0.00%'});
	});

	it('leaves out tertiaries without --detail', () => {
		const {file, dir} = completeWorkspace(['110000', '310000']);
		runCli(['export', file, '-o', join(dir, 'r.xlsx')]);
		const rows = rowsOf(readBook(join(dir, 'r.xlsx')).Sheets['北京市']!);
		expect(rows).toHaveLength(4 + 5 + 21);
	});

	it('writes formula-like text as text, never as a formula', () => {
		const {file, dir} = completeWorkspace(['110000', '310000'], {note: HOSTILE});
		runCli(['export', file, '-o', join(dir, 'r.xlsx')]);
		const sheet = readBook(join(dir, 'r.xlsx')).Sheets['评估记录']!;
		const cells = Object.entries(sheet).filter(([k]) => !k.startsWith('!')).map(([, c]) => c as XLSX.CellObject);
		expect(cells.some(c => c.v === HOSTILE && c.t === 's')).toBe(true);
		expect(cells.every(c => c.f === undefined)).toBe(true);
	});

	it('gives the same cells in the same order every time; only the metadata carries the time', () => {
		const {file, dir} = completeWorkspace(['110000', '310000', '320000']);
		runCli(['export', file, '-o', join(dir, 'a.xlsx')]);
		runCli(['export', file, '-o', join(dir, 'b.xlsx')]);
		const [a, b] = [readBook(join(dir, 'a.xlsx')), readBook(join(dir, 'b.xlsx'))];
		expect(a.SheetNames).toEqual(b.SheetNames);
		for (const name of a.SheetNames) {
			if (name === '说明') continue;
			expect(rowsOf(a.Sheets[name]!), name).toEqual(rowsOf(b.Sheets[name]!));
		}
		const meta = rowsOf(a.Sheets['说明']!);
		expect(meta.find(r => r[0] === '状态')![1]).toBe('正式结果');
		expect(meta.find(r => r[0] === '权重文件摘要（SHA-256）')![1]).toMatch(/^[0-9a-f]{64}$/);
		expect(meta.find(r => r[0] === '指标体系文件摘要（SHA-256）')![1]).toMatch(/^[0-9a-f]{64}$/);
		expect(meta.find(r => r[0] === '未裁定冲突')![1]).toBe(0);
	});

	it('names no absolute local path in 说明: files relative to the workspace, with their digests', () => {
		const {file, dir} = completeWorkspace(['110000']);
		const weights = join(dir, 'team.weights.json');
		cpSync(join(repoRoot, 'indicators', '2020-province.weights.json'), weights);
		const ws = JSON.parse(readFileSync(file, 'utf8'));
		writeFileSync(file, JSON.stringify({...ws, weights: 'team.weights.json'}, null, 2));
		expect(runCli(['export', file, '-o', join(dir, 'out', 'r.xlsx')]).code).toBe(0);
		const meta = rowsOf(readBook(join(dir, 'out', 'r.xlsx')).Sheets['说明']!);
		const text = JSON.stringify(meta);
		expect(text).not.toContain(dir);
		expect(text).not.toContain(repoRoot);
		expect(meta.find(r => r[0] === '权重文件')![1]).toBe('team.weights.json');
		expect(meta.find(r => r[0] === '工作区')![1]).toBe('complete.json');
		expect(meta.find(r => r[0] === '指标体系文件')![1]).toBe('内置：2020-province（indicators/2020-province.json）');
	});
});

describe('where it goes', () => {
	it('goes to exports/<name>.xlsx by default', () => {
		const {file, dir} = completeWorkspace(['110000']);
		expect(runCli(['export', file], {cwd: dir}).code).toBe(0);
		expect(readdirSync(join(dir, 'exports'))).toEqual(['complete.xlsx']);
	});
});

describe('final means final', () => {
	/** A complete workspace in which one finding is flagged 待复核 and one is still a draft. */
	const flaggedAndDraft = () => {
		const {file, dir} = completeWorkspace(['110000', '310000']);
		expect(runCli(['record', file, '110000', '1.4.3', '-', '--status', 'flagged', '--reason', '页面无法访问']).code).toBe(0);
		expect(runCli(['record', file, '310000', '2.1.1', '-', '--status', 'draft']).code).toBe(0);
		return {file, dir};
	};

	it('refuses a workspace with a flagged finding and a draft, listing region, code, name and why', () => {
		// The reproduction: this exported with exit 0 and 说明 said 正式结果.
		const {file, dir} = flaggedAndDraft();
		const r = runCli(['export', file, '-o', join(dir, 'x.xlsx')]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('is not final (1 flagged for review, 1 draft)');
		expect(r.stderr).toContain('北京市 1.4.3 统一身份认证: flagged for review: 页面无法访问');
		expect(r.stderr).toContain('上海市 2.1.1 省级事项清单公开: draft');
		expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
		const score = JSON.parse(runCli(['score', file, '--json']).stdout);
		expect(score.final).toBe(false);
		expect(score.regions.map((x: {final: boolean}) => x.final)).toEqual([false, false]);
	});

	it('lists the first 20 blockers in the message and every one with --json', () => {
		const dir = tempDir();
		const ws = join(dir, 'ws.json');
		runCli(['init', ws, '--system', '2020-province', '--assessor', 'a', '--regions', '110000,310000']);
		runCli(['record', ws, '110000', '1.1.1', 'y']);
		const refused = runCli(['export', ws, '-o', join(dir, 'x.xlsx')]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('is not final (127 unscored, 1 draft); --allow-incomplete exports a draft. The first 20 of 128:');
		expect(refused.stderr).toContain('北京市 1.1.1 国家平台互联互通: draft');
		expect(refused.stderr).toContain('北京市 1.1.2 市县服务一网汇聚: unscored');
		expect(refused.stderr).toContain('… and 108 more (assess export --json lists them all)');
		const listed = refused.stderr.split('\n').filter(l => /^\S+:   [^…\s]/.test(l));
		expect(listed).toHaveLength(20);
		const json = runCli(['export', ws, '-o', join(dir, 'x.xlsx'), '--json']);
		expect(json.code).toBe(2);
		const data = JSON.parse(json.stdout);
		expect(data).toMatchObject({exported: false, final: false});
		expect(data.blockers).toHaveLength(128);
		expect(data.blockers[0]).toEqual({region: '110000', regionName: '北京市', indicator: '1.1.1', indicatorName: '国家平台互联互通', kind: 'draft', why: 'draft'});
		expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
	});

	it('exports a draft on request, marked as a draft in the xlsx, the CSV and the JSON', () => {
		const {file, dir} = flaggedAndDraft();
		const r = runCli(['export', file, '-o', join(dir, 'd.xlsx'), '--allow-incomplete']);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain('a DRAFT, not a final result: 1 flagged for review, 1 draft');
		const book = readBook(join(dir, 'd.xlsx'));
		const bj = rowsOf(book.Sheets['北京市']!);
		expect(bj[0]![0]).toBe('[北京市]（草稿）');
		expect(String(bj[1]![0])).toContain('草稿：本地区尚有 1 项未完成');
		expect(rowsOf(book.Sheets['说明']!).find(r => r[0] === '状态')![1]).toBe('草稿：待复核 1 项，草稿 1 项');
		const open = rowsOf(book.Sheets['未完成项']!);
		expect(open.slice(1)).toEqual([
			['110000', '北京市', '1.4.3', '统一身份认证', '待复核：页面无法访问', ''],
			['310000', '上海市', '2.1.1', '省级事项清单公开', '草稿', ''],
		]);
		expect(runCli(['export', file, '-o', join(dir, 'd.csv'), '--allow-incomplete']).code).toBe(0);
		const lines = readFileSync(join(dir, 'd.csv'), 'utf8').slice(1).trimEnd().split('\r\n');
		expect(lines[0]!.startsWith('result,')).toBe(true);
		expect(lines.slice(1).every(l => l.startsWith('draft,'))).toBe(true);
		expect(runCli(['export', file, '-o', join(dir, 'd.json'), '--allow-incomplete']).code).toBe(0);
		const json = JSON.parse(readFileSync(join(dir, 'd.json'), 'utf8'));
		expect(json).toMatchObject({result: 'draft', final: false, draft: '待复核 1 项，草稿 1 项'});
		expect(json.blockerList.map((b: {indicator: string; kind: string}) => `${b.indicator} ${b.kind}`)).toEqual(['1.4.3 flagged', '2.1.1 draft']);
		const said = runCli(['export', file, '-o', join(dir, 'e.xlsx'), '--allow-incomplete', '--json']);
		expect(JSON.parse(said.stdout)).toMatchObject({exported: true, format: 'xlsx', final: false, draft: '待复核 1 项，草稿 1 项', blockers: [{indicator: '1.4.3', kind: 'flagged', reason: '页面无法访问'}, {indicator: '2.1.1', kind: 'draft'}]});
	});

	it('gives the ranking of a draft a coverage column and marks its ranks and tiers as provisional', () => {
		// The reproduction: a draft with one leaf scored per city exported every city at 100, "非常高 32个 100.00%".
		const dir = tempDir();
		const ws = join(dir, 'city.json');
		runCli(['init', ws, '--system', '2020-city', '--assessor', '李四']);
		expect(runCli(['record', ws, 'all', '1.1.1', '1']).code).toBe(0);
		expect(runCli(['export', ws, '-o', join(dir, 'c.xlsx'), '--allow-incomplete']).code).toBe(0);
		const ranking = rowsOf(readBook(join(dir, 'c.xlsx')).Sheets['排名']!);
		expect(String(ranking[0]![0])).toContain('草稿：排名与等级为暂定');
		expect(ranking[1]).toEqual(['排名', '重点城市', '总体指数', '等级', '服务方式完备度', '服务事项覆盖度', '办事指南准确度', '在线办理成熟度', '在线服务成效度', '已评覆盖率', '状态']);
		const first = ranking[2]!;
		expect(first[2]).toBe(100);
		expect(first[9]).toBeLessThan(0.05);
		expect(first[10]).toBe('暂定');
		expect(ranking.find(r => String(r[0]).startsWith('等级'))![0]).toBe('等级（暂定）');
		const score = runCli(['score', ws, '--summary']);
		expect(score.stdout).toContain('PROVISIONAL — not final');
		expect(score.stdout).toMatch(/ 1\*\s+\S+\s+100\.00\s+Very high\*/);
	});

	it('refuses open conflicts unless --allow-conflicts, and lists the candidates', () => {
		const dir = tempDir();
		const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
		for (const f of [a, b]) runCli(['init', f, '--system', '2020-province', '--assessor', f.endsWith('a.json') ? '张三' : '李四', '--regions', '110000']);
		runCli(['record', a, '110000', '1.1.1', 'y']);
		runCli(['record', b, '110000', '1.1.1', 'n']);
		runCli(['merge', a, b, '-o', join(dir, 'team.json')]);
		const refused = runCli(['export', join(dir, 'team.json'), '--allow-incomplete', '-o', join(dir, 't.xlsx')]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('北京市 1.1.1 国家平台互联互通: conflict not settled (2 candidates)');
		expect(refused.stderr).toContain('or --allow-conflicts');
		expect(runCli(['export', join(dir, 'team.json'), '--allow-incomplete', '--allow-conflicts', '-o', join(dir, 't.xlsx')]).code).toBe(0);
		const findings = rowsOf(readBook(join(dir, 't.xlsx')).Sheets['评估记录']!);
		expect(findings.filter(r => String(r[7]).startsWith('冲突·候选'))).toHaveLength(2);
	});

	it('keeps every candidate of a settled conflict in 评估记录, with who settled it, when and why', () => {
		const dir = tempDir();
		const [a, b, team] = [join(dir, 'a.json'), join(dir, 'b.json'), join(dir, 'team.json')];
		runCli(['init', a, '--system', '2020-province', '--assessor', '张三', '--regions', '110000']);
		runCli(['init', b, '--system', '2020-province', '--assessor', '李四', '--regions', '110000']);
		runCli(['record', a, '110000', '1.1.1', 'y', '--note', '首页有入口', '--evidence', 'https://a.gov.cn/entry']);
		runCli(['record', b, '110000', '1.1.1', 'n', '--note', '入口失效', '--evidence', 'quote:404 页面不存在']);
		expect(runCli(['merge', a, b, '-o', team]).code).toBe(3);
		// Recording beside an open conflict is refused; --settle settles it.
		const beside = runCli(['record', team, '110000', '1.1.1', 'y']);
		expect(beside.code).toBe(2);
		expect(beside.stderr).toContain('is in conflict for 北京市 110000');
		const settled = runCli(['record', team, '110000', '1.1.1', 'y', '--status', 'done', '--note', '复核后有入口', '--settle', '--settle-reason', '李四访问时网站维护', '--by', '组长']);
		expect(settled.stderr).toContain('Settled 1 conflict');
		expect(settled.code).toBe(0);
		expect(JSON.parse(readFileSync(team, 'utf8')).conflicts).toEqual({});
		expect(runCli(['export', team, '--allow-incomplete', '-o', join(dir, 's.xlsx')], {env: {TZ: 'Asia/Shanghai'}}).code).toBe(0);
		const rows = rowsOf(readBook(join(dir, 's.xlsx')).Sheets['评估记录']!);
		expect(rows[0]).toEqual(['地区代码', '地区', '指标代码', '指标', '分值', '单位', '得分', '状态', '原因', '备注', '证据', '评估人', '时间', '裁定', '审核']);
		const ofLeaf = rows.filter(r => r[2] === '1.1.1');
		expect(ofLeaf.map(r => [r[4], r[7], r[9], r[11]])).toEqual([
			['是', '完成', '复核后有入口', '组长'],
			['否', '已裁定·候选1', '入口失效', '李四'],
			['是', '已裁定·候选2', '首页有入口', '张三'],
		]);
		expect(String(ofLeaf[0]![13])).toMatch(/^由 组长 于 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+08:00 裁定：李四访问时网站维护$/);
		expect(String(ofLeaf[1]![10])).toContain('“404 页面不存在”');
		expect(String(ofLeaf[2]![10])).toContain('https://a.gov.cn/entry');
	});
});

describe('what the assessors found reaches the exports', () => {
	it('a 抽查事项 sheet lists every sampled item with its result, note and evidence; CSV and JSON the same rows', () => {
		// The reproduction: a sampled finding exported only as "9/10"; the failing item was in no export.
		const {file, dir} = completeWorkspace(['110000']);
		const items = Array.from({length: 9}, (_, i) => `SI-${String(i + 1).padStart(4, '0')}:pass`).join(',');
		expect(runCli(['record', file, '110000', '3.5.1', `${items},SI-0356:fail`, '--item-note', 'SI-0356=办事指南缺少收费依据', '--item-evidence', 'SI-0356=https://zwfw.beijing.gov.cn/guide/356']).code).toBe(0);
		expect(runCli(['export', file, '-o', join(dir, 'r.xlsx')]).code).toBe(0);
		const rows = rowsOf(readBook(join(dir, 'r.xlsx')).Sheets['抽查事项']!);
		expect(rows[0]).toEqual(['地区代码', '地区', '指标代码', '指标', '事项编码', '事项名称', '结果', '备注', '证据', '评估人', '时间']);
		const failing = rows.filter(r => r[6] === '不通过' && r[2] === '3.5.1');
		expect(failing).toHaveLength(1);
		expect(failing[0]!.slice(0, 8)).toEqual(['110000', '北京市', '3.5.1', '收费标准与依据', 'SI-0356', '开具个人所得税纳税记录', '不通过', '办事指南缺少收费依据']);
		expect(String(failing[0]![8])).toContain('https://zwfw.beijing.gov.cn/guide/356');
		expect(rows.filter(r => r[2] === '3.5.1')).toHaveLength(10);

		expect(runCli(['export', file, '-o', join(dir, 's.csv'), '--table', 'samples']).code).toBe(0);
		const csv = readFileSync(join(dir, 's.csv'), 'utf8').slice(1).trimEnd().split('\r\n');
		expect(csv[0]).toBe('result,region_code,region,indicator_code,indicator,item_code,item_name,verdict,note,evidence,by,at');
		expect(csv.find(l => l.includes('SI-0356'))).toMatch(/^final,110000,北京市,3\.5\.1,收费标准与依据,SI-0356,开具个人所得税纳税记录,fail,办事指南缺少收费依据,/);
		expect(runCli(['export', file, '-o', join(dir, 'r.json')]).code).toBe(0);
		const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
		expect(json.samples.find((s: {itemCode: string; indicator: string}) => s.itemCode === 'SI-0356' && s.indicator === '3.5.1')).toMatchObject({result: 'fail', note: '办事指南缺少收费依据', itemName: '开具个人所得税纳税记录'});
	});

	it('measure values are numbers with the unit in its own column', () => {
		// The reproduction: "72.3 实名用户占常住人口比例（%）" as text.
		const {file, dir} = completeWorkspace(['110000']);
		expect(runCli(['record', file, '110000', '5.2.1', '72.3']).code).toBe(0);
		expect(runCli(['export', file, '-o', join(dir, 'r.xlsx'), '--allow-incomplete']).code).toBe(0);
		const sheet = readBook(join(dir, 'r.xlsx')).Sheets['评估记录']!;
		const rows = rowsOf(sheet);
		const at = rows.findIndex(r => r[2] === '5.2.1');
		expect(rows[at]!.slice(4, 6)).toEqual([72.3, '实名用户占常住人口比例（%）']);
		expect(sheet[`E${at + 1}`]).toMatchObject({t: 'n', v: 72.3});
		expect(runCli(['export', file, '-o', join(dir, 'f.csv'), '--table', 'findings', '--allow-incomplete']).code).toBe(0);
		const line = readFileSync(join(dir, 'f.csv'), 'utf8').split('\r\n').find(l => l.includes(',5.2.1,'))!;
		expect(line).toContain(',72.3 实名用户占常住人口比例（%）,72.3,实名用户占常住人口比例（%）,');
	});

	it('--order tier: grouped by tier, within a tier by administrative code, no ranks', () => {
		const {file, dir} = completeWorkspace(['440000', '110000', '320000', '310000', 'XJBT00']);
		expect(runCli(['export', file, '-o', join(dir, 't.xlsx'), '--order', 'tier']).code).toBe(0);
		const book = readBook(join(dir, 't.xlsx'));
		const ranking = rowsOf(book.Sheets['排名']!);
		expect(ranking[1]!.slice(0, 3)).toEqual(['等级', '省级政府', '总体指数']);
		expect(ranking[1]).not.toContain('排名');
		const score = JSON.parse(runCli(['score', file, '--json']).stdout);
		const tierOrder = ['非常高', '高', '中'];
		const expected = [...score.regions].sort((a: {tier: string; code: string}, b: {tier: string; code: string}) => tierOrder.indexOf(a.tier) - tierOrder.indexOf(b.tier) || (a.code < b.code ? -1 : 1));
		expect(ranking.slice(2, 7).map(r => r[1])).toEqual(expected.map((r: {name: string}) => r.name));
		expect(rowsOf(book.Sheets[expected[0].name]!)[2]).toEqual(['评估指标', '得分']);
	});
});

describe('read back by an independent reader (openpyxl)', () => {
	it.skipIf(!openpyxl)('times are Excel dates in the user\'s time zone; 评估记录 and 抽查事项 have a frozen header and a filter', () => {
		const {file, dir} = completeWorkspace(['110000']);
		const out = join(dir, 'r.xlsx');
		expect(runCli(['export', file, '-o', out], {env: {TZ: 'Asia/Shanghai'}}).code).toBe(0);
		const sheets = readWithOpenpyxl(out);
		const findings = sheetOf(sheets, '评估记录');
		expect(findings.freeze).toBe('A2');
		expect(findings.filter).toBe(`A1:O${findings.rows.length}`);
		// Recorded at 2026-11-02T00:00:00Z: 08:00 in Beijing, a date cell, not a UTC string.
		expect(findings.rows[1]![12]).toEqual({date: '2026-11-02T08:00:00'});
		expect(findings.formats[1]![12]).toBe('yyyy-mm-dd hh:mm:ss');
		expect(sheetOf(sheets, '抽查事项').freeze).toBe('A2');
		expect(sheetOf(sheets, '北京市').merges).toEqual(['A1:C1', 'A2:C2']);
		expect(sheetOf(sheets, '说明').rows.find(r => r[0] === '生成时间')![1]).toMatchObject({date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)});
		expect(runCli(['export', file, '-o', join(dir, 'f.csv'), '--table', 'findings'], {env: {TZ: 'Asia/Shanghai'}}).code).toBe(0);
		expect(readFileSync(join(dir, 'f.csv'), 'utf8')).toContain(',2026-11-02T08:00:00+08:00,');
	});
	if (!openpyxl) console.warn('SKIPPED the openpyxl checks: /usr/bin/python3 with openpyxl is not installed (apt-get install python3-openpyxl).');
});

describe('the weights and system files the workspace was made with', () => {
	it('score and export say when the weights file changed since the workspace was made', () => {
		const dir = tempDir();
		const weights = join(dir, 'team.weights.json');
		cpSync(join(repoRoot, 'indicators', '2020-province.weights.json'), weights);
		const ws = join(dir, 'ws.json');
		expect(runCli(['init', ws, '--system', '2020-province', '--assessor', 'a', '--regions', '110000', '--weights', weights]).code).toBe(0);
		expect(runCli(['score', ws, '--summary']).stderr).not.toContain('changed');
		const w = JSON.parse(readFileSync(weights, 'utf8'));
		w.weights['1'] = 0.3;
		w.weights['2'] = 0.1;
		writeFileSync(weights, JSON.stringify(w, null, 2));
		const score = runCli(['score', ws, '--json']);
		expect(score.stderr).toContain('note: the weights file changed since the workspace was made');
		expect(JSON.parse(score.stdout).changes).toHaveLength(1);
		const exported = runCli(['export', ws, '--allow-incomplete', '-o', join(dir, 'r.xlsx')]);
		expect(exported.stderr).toContain('note: the weights file changed since the workspace was made');
		const meta = rowsOf(readBook(join(dir, 'r.xlsx')).Sheets['说明']!);
		expect(String(meta.find(r => r[0] === '文件变更')![1])).toContain('权重文件自工作区创建以来已改变');
	});
});

describe('csv and json export', () => {
	it('writes UTF-8 CSV with a BOM, one row per region × indicator, formula text guarded', () => {
		const {file, dir} = completeWorkspace(['110000', '310000']);
		const out = join(dir, 'r.csv');
		expect(runCli(['export', file, '-o', out]).code).toBe(0);
		const bytes = readFileSync(out);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe('result,region_code,region,indicator_code,indicator,level,score,rank,total,region_rank,tier,coverage,region_final');
		expect(lines).toHaveLength(1 + 2 * 91);
		const score = JSON.parse(runCli(['score', file, '--json']).stdout);
		expect(lines[1]).toBe(`final,110000,北京市,,总得分,0,${score.regions[0].total},${score.regions[0].rank},${score.regions[0].total},${score.regions[0].rank},${score.regions[0].tier},1,true`);
		expect(guardFormula('=1+1')).toBe("'=1+1");
		expect(guardFormula('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(guardFormula('-2+3')).toBe("'-2+3");
		expect(guardFormula('北京')).toBe('北京');
	});

	it('writes JSON in the shape of assess score --json, with the facts of the export', () => {
		const {file, dir} = completeWorkspace(['110000']);
		runCli(['export', file, '-o', join(dir, 'r.json')]);
		const data = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
		const score = JSON.parse(runCli(['score', file, '--json']).stdout);
		expect(data.regions).toEqual(score.regions);
		expect(data).toMatchObject({system: '2020-province', result: 'final', final: true, draft: null, weights: {sha256: expect.stringMatching(/^[0-9a-f]{64}$/)}, systemFile: {sha256: expect.stringMatching(/^[0-9a-f]{64}$/)}});
		expect(data.generatedAt).toMatch(/[+-]\d\d:\d\d$/);
		expect(data.findings).toHaveLength(64);
	});
});

describe('sheet names', () => {
	it('are at most 31 characters, without : \\ / ? * [ ], and unique', () => {
		const taken = new Set<string>();
		const names = ['北京市', '北京市', 'a:b/c?d*e[f]g\\h', 'x'.repeat(40), 'x'.repeat(40), '排名'];
		const safe = names.map(n => safeSheetName(n, taken));
		expect(safe[1]).toBe('北京市 (2)');
		for (const n of safe) {
			expect([...n].length).toBeLessThanOrEqual(31);
			expect(n).not.toMatch(/[:\\/?*[\]]/);
		}
		expect(new Set(safe.map(s => s.toLowerCase())).size).toBe(safe.length);
	});
});

const soffice = ['soffice', 'libreoffice'].find(cmd => spawnSync(cmd, ['--version']).status === 0);

describe('in a real spreadsheet program', () => {
	it.skipIf(!soffice)('LibreOffice opens the workbook and shows the numbers and the Chinese names', () => {
		const {file, dir} = completeWorkspace(['110000', '310000']);
		const out = join(dir, 'r.xlsx');
		runCli(['export', file, '-o', out]);
		const profile = tempDir('lo-profile-');
		const convert = spawnSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, out], {encoding: 'utf8', timeout: 120_000});
		expect(convert.status, convert.stderr).toBe(0);
		const csvs = readdirSync(dir).filter(n => n.endsWith('.csv'));
		const beijing = csvs.find(n => n.includes('北京市'));
		expect(beijing, csvs.join(', ')).toBeDefined();
		const lines = readFileSync(join(dir, beijing!), 'utf8').split(/\r?\n/);
		const score = JSON.parse(runCli(['score', file, '--json']).stdout);
		expect(lines[0]).toBe('[北京市],,');
		expect(lines).toContain('评估指标,得分,排名');
		const cells = (label: string) => lines.find(l => l.startsWith(`${label},`))!.split(',');
		// Numbers, not text: LibreOffice reads them back as the same values.
		expect(Number(cells('总得分')[1])).toBe(score.regions[0].total);
		expect(Number(cells('总得分')[2])).toBe(score.regions[0].rank);
		expect(Number(cells('服务方式完备度')[1])).toBe(score.regions[0].indicators[0].score);
	});
	if (!soffice) console.warn('SKIPPED the LibreOffice check: LibreOffice is not installed (.ci/run installs libreoffice-calc).');
});

describe('demo export', () => {
	it('exports the bundled demo as a draft an analyst can open', () => {
		const dir = tempDir();
		const r = runCli(['export', join(repoRoot, 'workspaces', 'demo.json'), '--allow-incomplete', '-o', join(dir, 'demo.xlsx')]);
		expect(r.code).toBe(0);
		expect(readBook(join(dir, 'demo.xlsx')).SheetNames).toContain('新疆生产建设兵团');
	});
});

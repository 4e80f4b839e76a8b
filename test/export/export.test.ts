import {describe, it, expect} from 'vitest';
import {readFileSync, existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';
import XLSX from 'xlsx';
import {runCli, tempDir, repoRoot} from '../helpers/run-cli.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';
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
		expect(r.code).toBe(0);
		const score = JSON.parse(runCli(['score', file, '--json']).stdout);
		const book = readBook(out);
		expect(book.SheetNames).toEqual(['北京市', '上海市', '江苏省', '浙江省', '广东省', '排名', '评估记录', '说明']);
		for (const region of score.regions) {
			const sheet = book.Sheets[region.name]!;
			const rows = rowsOf(sheet);
			expect(String(rows[0]![0])).toContain(`${region.name} — 省级政府网上政务服务能力调查评估指标体系`);
			expect(rows[1]).toEqual(['评估指标', '得分', '排名']);
			expect(rows[2]).toEqual(['总得分', region.total, region.rank]);
			const body = rows.slice(3);
			expect(body).toHaveLength(region.indicators.length);
			region.indicators.forEach((ind: {name: string; level: number; score: number; rank: number}, i: number) => {
				expect(body[i]).toEqual([`${'　'.repeat(ind.level - 1)}${ind.name}`, ind.score, ind.rank]);
			});
			// Scores are numbers with a two-decimal format, not text.
			expect(sheet['B3']).toMatchObject({t: 'n', z: '0.00'});
			expect(sheet['C3']).toMatchObject({t: 'n'});
		}
		const ranking = rowsOf(book.Sheets['排名']!);
		expect(ranking[1]!.slice(0, 4)).toEqual(['排名', '地区', '总体指数', '等级']);
		const sorted = [...score.regions].sort((a: {rank: number}, b: {rank: number}) => a.rank - b.rank);
		sorted.forEach((region: {rank: number; name: string; total: number; tier: string}, i: number) => expect(ranking[2 + i]!.slice(0, 4)).toEqual([region.rank, region.name, region.total, region.tier]));
		const tierRows = ranking.slice(ranking.findIndex(row => row[0] === '等级') + 1);
		const counted = tierRows.reduce((s, row) => s + Number(row[1]), 0);
		expect(counted).toBe(regions.length);
		expect(book.Sheets['排名']!['C' + (ranking.findIndex(row => row[0] === '等级') + 2)]).toMatchObject({z: '0.00%'});
	});

	it('leaves out tertiaries without --detail', () => {
		const {file, dir} = completeWorkspace(['110000', '310000']);
		runCli(['export', file, '-o', join(dir, 'r.xlsx')]);
		const rows = rowsOf(readBook(join(dir, 'r.xlsx')).Sheets['北京市']!);
		expect(rows).toHaveLength(3 + 5 + 21);
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
		expect(meta.find(r => r[0] === '未裁定冲突')![1]).toBe(0);
	});

	it('refuses an incomplete workspace saying how many and where, and exports a marked draft on request', () => {
		const dir = tempDir();
		const ws = join(dir, 'ws.json');
		runCli(['init', ws, '--system', '2020-province', '--assessor', 'a', '--regions', '110000,310000']);
		runCli(['record', ws, '110000', '1.1.1', 'y']);
		const refused = runCli(['export', ws, '-o', join(dir, 'x.xlsx')]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('127 leaves are not scored yet (--allow-incomplete exports a draft)');
		expect(refused.stderr).toContain('北京市 63 unscored');
		expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
		const draft = runCli(['export', ws, '-o', join(dir, 'x.xlsx'), '--allow-incomplete']);
		expect(draft.code).toBe(0);
		expect(draft.stderr).toContain('a draft: 127 项未评');
		const book = readBook(join(dir, 'x.xlsx'));
		expect(String(rowsOf(book.Sheets['北京市']!)[0]![0])).toContain('草稿：127 项未评');
		expect(rowsOf(book.Sheets['说明']!).find(r => r[0] === '状态')![1]).toBe('草稿：127 项未评');
		expect(rowsOf(book.Sheets['北京市']!)[2]).toEqual(['总得分', 100, 1]);
		expect(rowsOf(book.Sheets['上海市']!)[2]).toEqual(['总得分', '—', '—']);
	});

	it('refuses unsettled conflicts unless --allow-conflicts, and lists the candidates', () => {
		const dir = tempDir();
		const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
		for (const f of [a, b]) runCli(['init', f, '--system', '2020-province', '--assessor', f.endsWith('a.json') ? '张三' : '李四', '--regions', '110000']);
		runCli(['record', a, '110000', '1.1.1', 'y']);
		runCli(['record', b, '110000', '1.1.1', 'n']);
		runCli(['merge', a, b, '-o', join(dir, 'team.json')]);
		const refused = runCli(['export', join(dir, 'team.json'), '--allow-incomplete', '-o', join(dir, 't.xlsx')]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('1 conflicts are not settled');
		expect(runCli(['export', join(dir, 'team.json'), '--allow-incomplete', '--allow-conflicts', '-o', join(dir, 't.xlsx')]).code).toBe(0);
		const findings = rowsOf(readBook(join(dir, 't.xlsx')).Sheets['评估记录']!);
		expect(findings.filter(r => String(r[6]).startsWith('冲突·候选'))).toHaveLength(2);
	});

	it('goes to exports/<name>.xlsx by default', () => {
		const {file, dir} = completeWorkspace(['110000']);
		expect(runCli(['export', file], {cwd: dir}).code).toBe(0);
		expect(readdirSync(join(dir, 'exports'))).toEqual(['complete.xlsx']);
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
		expect(lines[0]).toBe('region_code,region,indicator_code,indicator,level,score,rank,total,region_rank,tier,coverage');
		expect(lines).toHaveLength(1 + 2 * 91);
		const score = JSON.parse(runCli(['score', file, '--json']).stdout);
		expect(lines[1]).toBe(`110000,北京市,,总得分,0,${score.regions[0].total},${score.regions[0].rank},${score.regions[0].total},${score.regions[0].rank},${score.regions[0].tier},1`);
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
		expect(data).toMatchObject({system: '2020-province', draft: null, weights: {sha256: expect.stringMatching(/^[0-9a-f]{64}$/)}});
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
		const text = readFileSync(join(dir, beijing!), 'utf8');
		const score = JSON.parse(runCli(['score', file, '--json']).stdout);
		expect(text).toContain('评估指标,得分,排名');
		expect(text).toContain(`总得分,${score.regions[0].total.toFixed(2)},${score.regions[0].rank}`);
		expect(text).toContain(`服务方式完备度,${score.regions[0].indicators[0].score.toFixed(2)}`);
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

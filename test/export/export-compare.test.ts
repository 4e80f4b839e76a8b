import {describe, it, expect} from 'vitest';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {compareFolder} from '../helpers/compare-fixtures.js';
import {runCli, hasStackTrace} from '../helpers/run-cli.js';
import {openpyxl, readWithOpenpyxl, sheetOf} from '../helpers/read-xlsx.js';

/** `assess export <new> --compare <old>` on the compare fixtures: renamed, merged, split, dropped and added codes. */
function exported(args: string[] = [], options: {map?: boolean; edit?: (f: ReturnType<typeof compareFolder>) => void} = {}) {
	const f = compareFolder();
	options.edit?.(f);
	const map = options.map === false ? [] : ['--map', 'mapping.json'];
	const out = join(f.dir, 'x.xlsx');
	const r = runCli(['export', 'new.json', '-o', 'x.xlsx', '--compare', 'old.json', ...map, ...args], {cwd: f.dir});
	expect(r.code, r.stderr).toBe(0);
	const json = JSON.parse(runCli(['compare', 'old.json', 'new.json', ...map, '--json'], {cwd: f.dir}).stdout);
	return {f, out, json};
}

const rowsFrom = (rows: unknown[][], header: string) => {
	const at = rows.findIndex(r => r[0] === header);
	const end = rows.findIndex((r, i) => i > at && r.every(v => v === null));
	return rows.slice(at + 1, end < 0 ? undefined : end);
};

describe('assess export --compare <old-ws> (year on year in the workbook)', () => {
	it.skipIf(!openpyxl)('adds 对比 after 排名: per region the total, rank and tier then and now and the change, as assess compare gives them', () => {
		const {out, json} = exported();
		const sheets = readWithOpenpyxl(out);
		const names = sheets.map(s => s.name);
		expect(names.slice(names.indexOf('排名'), names.indexOf('排名') + 3)).toEqual(['排名', '对比', '指标对比']);
		const sheet = sheetOf(sheets, '对比');
		expect(sheet.rows[0]![0]).toBe('年度对比：测试指标体系（2019年）（mini-2019 2019.1，2019年报告、2018年数据） → 测试指标体系（2020年）（mini-2020 2020.1，2020年报告、2019年数据）');
		expect(sheet.rows[1]![0]).toBe('上期工作区：old.json；指标映射：mapping.json');
		expect(sheet.rows.some(r => r[0] === '两期评估的地区不完全相同：排名各按本期地区计算。')).toBe(true);
		const regions = rowsFrom(sheet.rows, '地区代码');
		const header = sheet.rows.findIndex(r => r[0] === '地区代码');
		expect(sheet.rows[header]).toEqual(['地区代码', '地区', '上期总分', '本期总分', '变化', '上期排名', '本期排名', '名次变化', '上期等级', '本期等级', '上期状态', '本期状态']);
		expect(sheet.freeze).toBe(`A${header + 2}`);
		expect(sheet.filter).toBe(`A${header + 1}:L${header + 1 + regions.length}`);
		const dash = (x: unknown) => (x === null || x === undefined ? '—' : x);
		expect(regions.map(r => r.slice(0, 10))).toEqual(
			json.regions.map((r: any) => [r.code, r.name, dash(r.old?.total), dash(r.new?.total), dash(r.totalChange), dash(r.old?.rank), dash(r.new?.rank), dash(r.rankChange), dash(r.old?.tier), dash(r.new?.tier)]),
		);
		// 江苏 climbs from last to first; 广东 is new, 浙江 was not assessed again.
		expect(regions.find(r => r[0] === '320000')).toEqual(['320000', '江苏省', 32.5, 99.33, 66.83, 4, 1, 3, '中', '非常高', '正式', '正式']);
		expect(regions.find(r => r[0] === '440000')!.slice(10)).toEqual(['未评估', '正式']);
		expect(regions.find(r => r[0] === '330000')!.slice(10)).toEqual(['正式', '未评估']);
		// Numbers, shown with two decimals, signed changes, and places moved as arrows.
		const jiangsu = header + 1 + regions.findIndex(r => r[0] === '320000');
		expect(sheet.formats[jiangsu]!.slice(2, 8)).toEqual(['0.00', '0.00', '+0.00;-0.00;0.00', 'General', 'General', '"↑"0;"↓"0;"–"']);
	});

	it.skipIf(!openpyxl)('lists which indicators correspond (renamed, merged, split, dropped, added), and per region every corresponding indicator then and now', () => {
		const {out, json} = exported();
		const sheets = readWithOpenpyxl(out);
		const sheet = sheetOf(sheets, '对比');
		expect(sheet.rows.some(r => r[0] === '指标对应：相同 12，改名 2，合并 1，拆分 1，撤销 1，新增 1；未匹配：上期 0 项，本期 0 项')).toBe(true);
		expect(rowsFrom(sheet.rows, '变化').map(r => r.slice(0, 6))).toEqual([
			['改名', '1.1.2', '办事指南完整', '1.1.2', '办事指南要素完整', '名称调整'],
			['合并', '2.1.1+2.1.2', '网上支付、物流送达', '2.1.1', '网上支付与物流', '合并'],
			['改名', '2.1.3', '网办占比', '2.1.2', '全程网办占比', null],
			['拆分', '2.2.1', '电子证照', '2.2.1+2.2.2', '电子证照免提交、电子证照出证', '拆分'],
			['新增', '—', '—', '3.1.2', '一事一评', '新增'],
			['撤销', '3.1.2', '旧版满意度调查', '—', '—', '撤销'],
		]);
		const table = sheetOf(sheets, '指标对比');
		expect(table.rows[0]).toEqual(['地区代码', '地区', '本期指标代码', '本期指标', '级别', '对应', '上期指标代码', '上期指标', '上期得分', '本期得分', '变化', '上期状态', '本期状态']);
		expect(table.freeze).toBe('A2');
		expect(table.filter).toBe(`A1:M${table.rows.length}`);
		// Regions in both editions only; every pair with both sides (not the added or dropped one).
		const both = json.regions.filter((r: any) => r.old && r.new);
		const compared = json.pairs.map((p: any, i: number) => ({p, i})).filter(({p}: any) => p.from.length && p.to.length);
		expect(table.rows.length - 1).toBe(both.length * compared.length);
		for (const region of both) {
			for (const {p, i} of compared) {
				const row = table.rows.find(r => r[0] === region.code && r[2] === p.to.join('+'))!;
				const ch = region.indicators[i];
				expect([row[6], row[8], row[9], row[10]]).toEqual([p.from.join('+'), ch.old ?? '—', ch.new ?? '—', ch.change ?? '—']);
			}
		}
		expect(table.rows.find(r => r[0] === '320000' && r[2] === '2.2.1+2.2.2')).toEqual(['320000', '江苏省', '2.2.1+2.2.2', '电子证照免提交、电子证照出证', 3, '拆分', '2.2.1', '电子证照', 0, 100, 100, '正式', '正式']);
		expect(table.rows.find(r => r[0] === '110000' && r[2] === '2.1.1')!.slice(5, 11)).toEqual(['合并', '2.1.1+2.1.2', '网上支付、物流送达', 50, 100, 50]);
		expect(table.rows.some(r => r[2] === '3.1.2' || r[6] === '3.1.2')).toBe(false);
	});

	it.skipIf(!openpyxl)('without a mapping, compares what matches by code and name and lists the unmatched codes', () => {
		const {out} = exported([], {map: false});
		const sheets = readWithOpenpyxl(out);
		const sheet = sheetOf(sheets, '对比');
		expect(sheet.rows[1]![0]).toBe('上期工作区：old.json；未给映射文件：代码与名称相同的指标相互对应');
		expect(sheet.rows.some(r => r[0] === '指标对应：相同 12；未匹配：上期 6 项，本期 6 项')).toBe(true);
		expect(rowsFrom(sheet.rows, '上期未匹配（本期无对应指标）：6 项').slice(1).map(r => r.slice(0, 3))).toEqual([
			['1.1.2', '办事指南完整', 3],
			['2.1.1', '网上支付', 3],
			['2.1.2', '物流送达', 3],
			['2.1.3', '网办占比', 3],
			['2.2.1', '电子证照', 3],
			['3.1.2', '旧版满意度调查', 3],
		]);
		expect(rowsFrom(sheet.rows, '本期未匹配（上期无对应指标）：6 项').slice(1).map(r => r[0])).toEqual(['1.1.2', '2.1.1', '2.1.2', '2.2.1', '2.2.2', '3.1.2']);
		expect(sheetOf(sheets, '指标对比').rows.some(r => r[2] === '1.1.2')).toBe(false);
	});

	it.skipIf(!openpyxl)('marks results that are not final on either side as 暂定, and says so', () => {
		// The older edition is only compared: not being final does not stop the export, it is marked.
		const {out} = exported([], {
			edit: f => {
				// 北京's 1.1.1 never recorded in the old edition: its total then is provisional.
				const old = JSON.parse(readFileSync(f.old, 'utf8'));
				delete old.findings['110000/1.1.1'];
				writeFileSync(f.old, JSON.stringify(old, null, 2));
			},
		});
		const sheets = readWithOpenpyxl(out);
		const sheet = sheetOf(sheets, '对比');
		expect(sheet.rows.some(r => r[0] === '暂定：上期有 1 个地区结果未定；标“暂定”的得分与等级为暂定，未定一期的排名均为暂定。')).toBe(true);
		const regions = rowsFrom(sheet.rows, '地区代码');
		expect(regions.find(r => r[0] === '110000')!.slice(10)).toEqual(['暂定', '正式']);
		expect(regions.find(r => r[0] === '310000')!.slice(10)).toEqual(['正式', '正式']);
		expect(sheetOf(sheets, '指标对比').rows.filter(r => r[0] === '110000').every(r => r[11] === '暂定')).toBe(true);
	});

	it.skipIf(!openpyxl)('--regions: only those regions, ranks still among each edition\'s regions', () => {
		const {out} = exported(['--regions', '320000']);
		const sheets = readWithOpenpyxl(out);
		expect(rowsFrom(sheetOf(sheets, '对比').rows, '地区代码').map(r => [r[0], r[5], r[6], r[7]])).toEqual([['320000', 4, 1, 3]]);
		expect(new Set(sheetOf(sheets, '指标对比').rows.slice(1).map(r => r[0]))).toEqual(new Set(['320000']));
	});

	it('JSON gets the same comparison; CSV the compare table (--table compare)', () => {
		const {f, json} = exported();
		expect(runCli(['export', 'new.json', '-o', 'x.json', '--compare', 'old.json', '--map', 'mapping.json', '--regions', '110000,320000'], {cwd: f.dir}).code).toBe(0);
		const exportedJson = JSON.parse(readFileSync(join(f.dir, 'x.json'), 'utf8'));
		const {kind, newWorkspace, ...comparison} = json;
		expect([kind, newWorkspace, comparison.oldWorkspace, comparison.mapping]).toEqual(['assess/comparison', 'new.json', 'old.json', 'mapping.json']);
		expect(exportedJson.comparison).toEqual({...comparison, regions: json.regions.filter((r: any) => ['110000', '320000'].includes(r.code))});
		const csv = runCli(['export', 'new.json', '-o', 'x.csv', '--compare', 'old.json', '--map', 'mapping.json'], {cwd: f.dir});
		expect(csv.code, csv.stderr).toBe(0);
		const lines = readFileSync(join(f.dir, 'x.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
		expect(lines[0]).toBe('result,region_code,region,indicator_code,indicator,level,match,old_indicator_code,old_indicator,old_score,new_score,change,old_total,new_total,total_change,old_rank,new_rank,rank_change,old_tier,new_tier,old_status,new_status');
		expect(lines).toContain('final,320000,江苏省,,总得分,0,,,总得分,32.5,99.33,66.83,32.5,99.33,66.83,4,1,3,中,非常高,final,final');
		expect(lines).toContain('final,320000,江苏省,2.2.1+2.2.2,电子证照免提交、电子证照出证,3,split,2.2.1,电子证照,0,100,100,32.5,99.33,66.83,4,1,3,中,非常高,final,final');
		expect(lines).toContain('final,440000,广东省,,总得分,0,,,总得分,,26.25,,,26.25,,,4,,,中,absent,final');
		// The same with --table compare said; the other tables and a table without --compare are refused.
		expect(runCli(['export', 'new.json', '-o', 'y.csv', '--table', 'compare', '--compare', 'old.json', '--map', 'mapping.json'], {cwd: f.dir}).code).toBe(0);
		expect(readFileSync(join(f.dir, 'y.csv'), 'utf8')).toBe(readFileSync(join(f.dir, 'x.csv'), 'utf8'));
		const refused = [
			[['--table', 'compare'], '--table compare needs --compare <old-ws>'],
			[['--table', 'scores', '--compare', 'old.json'], "--compare goes into the csv's compare table, not --table scores"],
			[['--map', 'mapping.json'], '--map goes with --compare <old-ws>'],
		] as const;
		for (const [args, message] of refused) {
			const r = runCli(['export', 'new.json', '-o', 'z.csv', ...args], {cwd: f.dir});
			expect(r.code).toBe(2);
			expect(r.stderr).toContain(message);
			expect(hasStackTrace(r.stderr)).toBe(false);
		}
		// A mapping for other systems is refused as assess compare refuses it, and nothing is written.
		const r = runCli(['export', 'old.json', '-o', 'w.xlsx', '--compare', 'new.json', '--map', 'mapping.json'], {cwd: f.dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('are the two workspaces the wrong way round?');
	});
	if (!openpyxl) console.warn('SKIPPED the openpyxl checks: /usr/bin/python3 with openpyxl is not installed (apt-get install python3-openpyxl).');
});

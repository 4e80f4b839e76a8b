import {describe, it, expect} from 'vitest';
import {readFileSync, writeFileSync, cpSync} from 'node:fs';
import {join} from 'node:path';
import XLSX from 'xlsx';
import {runCli, CHINESE, tempDir, repoRoot} from '../helpers/run-cli.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';
import {readWorkspace} from '../../source/storage/workspace-store.js';
import {loadWeights} from '../../source/storage/load-files.js';
import {runExport} from '../../source/export/run-export.js';

const readWs = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const ids = (from: number, n: number) => Array.from({length: n}, (_, i) => `SI-${String(from + i).padStart(4, '0')}`);

/** 1.5.1's ten search keywords (outside the catalog, by name) and one ten-item sample shared by primary 3's sampled leaves. */
const plan = {
	$schema: '../indicators/schemas/sample-plan.schema.json',
	kind: 'assess/sample-plan',
	formatVersion: 1,
	system: '2020-province',
	note: '2025 年度统一抽查计划',
	groups: [
		{indicators: ['1.5.1'], items: ['社保卡', '公积金提取', '营业执照', '出生证明', '护照', '驾驶证', '居住证', '医保报销', '不动产登记', '个税'].map(name => ({name}))},
		{indicators: ['3.1.1', '3.1.2', '3.1.3'], items: ids(1, 10)},
	],
};

function withPlan(): {dir: string; planFile: string} {
	const dir = tempDir();
	const planFile = join(dir, 'plan.json');
	writeFileSync(planFile, JSON.stringify(plan, null, 2));
	return {dir, planFile};
}

describe('a shared sample plan', () => {
	it('validates, with its JSON Schema generated like the others', () => {
		const {planFile} = withPlan();
		const r = runCli(['validate', planFile]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('sample plan for 2020-province: 2 groups, 4 sampled leaves');
		expect(readFileSync(join(repoRoot, 'indicators', 'schemas', 'sample-plan.schema.json'), 'utf8')).toContain('"assess/sample-plan"');
	});

	it('refuses a plan for a leaf that is not sampled, an unknown item, or a leaf planned twice', () => {
		const dir = tempDir();
		const bad = {...plan, groups: [{indicators: ['1.1.1'], items: ['SI-9999']}, {indicators: ['3.1.1', '3.1.1'], items: ['SI-0001']}]};
		writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
		const r = runCli(['validate', join(dir, 'bad.json')]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('$.groups[1].indicators[1]: indicator "3.1.1" is already planned in group 1');
		writeFileSync(join(dir, 'bad2.json'), JSON.stringify({...plan, groups: [{indicators: ['1.1.1'], items: ['SI-9999']}]}));
		const r2 = runCli(['validate', join(dir, 'bad2.json')]);
		// The indicator's name as the system file gives it in the language asked for.
		expect(r2.stderr).toContain('$.groups[0].indicators[0]: "1.1.1" (Linked to the national platform) is not a sampled leaf');
		expect(runCli(['validate', join(dir, 'bad2.json')], {env: CHINESE}).stderr).toContain('$.groups[0].indicators[0]: "1.1.1"（国家平台互联互通）不是抽查类末级指标');
		expect(r2.stderr).toContain('$.groups[0].items[0]: "SI-9999" is not in the service-item catalog');
		writeFileSync(join(dir, 'short.json'), JSON.stringify({...plan, groups: [{indicators: ['3.1.1'], items: ids(1, 3)}]}));
		const short = runCli(['validate', join(dir, 'short.json')]);
		expect(short.code).toBe(0);
		expect(short.stderr).toContain('warn');
		expect(short.stderr).toContain('3 items for "3.1.1" (Legal basis), whose rule asks for 10');
	});

	it('init pre-fills every region from the plan, in the plan\'s order, not yet judged, and the workspace refers to it', () => {
		const {dir, planFile} = withPlan();
		const ws = join(dir, 'ws.json');
		const r = runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', '110000,310000', '--sample-plan', planFile]);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain('4 sampled leaves pre-filled from the sample plan');
		const data = readWs(ws);
		expect(data.samplePlan).toBe('plan.json');
		for (const region of ['110000', '310000']) {
			expect(data.findings[`${region}/1.5.1`].value.samples.map((s: {item: string; pass: null}) => [s.item, s.pass])).toEqual(plan.groups[0]!.items.map(i => [(i as {name: string}).name, null]));
			for (const leaf of ['3.1.1', '3.1.2', '3.1.3']) expect(data.findings[`${region}/${leaf}`].value.samples.map((s: {item: string}) => s.item)).toEqual(ids(1, 10));
		}
		// Pre-filled items are not judged: nothing is scored, and export lists them as blockers.
		const score = JSON.parse(runCli(['score', ws, '--json']).stdout);
		expect(score.regions[0].total).toBeNull();
		expect(runCli(['validate', ws]).stderr).not.toContain('differs');
	});

	it('validate reports regions whose samples differ from the plan', () => {
		const {dir, planFile} = withPlan();
		const ws = join(dir, 'ws.json');
		runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', '110000,310000', '--sample-plan', planFile]);
		const items = ids(1, 10).map(id => `${id}:pass`);
		expect(runCli(['record', ws, '110000', '3.1.1', items.join(',')]).code).toBe(0);
		expect(runCli(['record', ws, '310000', '3.1.1', [...items.slice(0, 9), 'SI-0100:pass'].join(',')]).code).toBe(0);
		expect(runCli(['record', ws, '310000', '3.1.2', [...items].reverse().join(',')]).code).toBe(0);
		const r = runCli(['validate', ws]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('sample plan plan.json (2 leaves differ)');
		expect(r.stderr).toContain('warn');
		expect(r.stderr).toContain('上海市 3.1.1: missing SI-0010; not in the plan: SI-0100');
		expect(r.stderr).toContain('上海市 3.1.2: in another order than the plan');
		expect(r.stderr).not.toContain('北京市 3.1.1');
		// The export names the plan and its digest.
		expect(runCli(['export', ws, '--allow-incomplete', '-o', join(dir, 'r.xlsx')]).code).toBe(0);
		const meta = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(join(dir, 'r.xlsx'))).Sheets['说明']!, {header: 1});
		expect(meta.find(row => row[0] === '抽查计划')![1]).toBe('plan.json');
		expect(meta.find(row => row[0] === '抽查计划摘要（SHA-256）')![1]).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('validate warns where a measure method can degenerate', () => {
	it('in a system file (ratio with lower-is-better) and in a workspace\'s values', () => {
		const dir = tempDir();
		const system = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'team-system.json'), 'utf8'));
		const leaf = {code: '1.1.9', name: {zh: '平均跑动次数'}, provenance: {kind: 'derived', basis: 'test'}, guide: {check: '跑动', where: '窗口', met: '0次为最优'}, rule: {type: 'measure', unit: {zh: '次'}, better: 'lower', min: 0, method: 'ratio'}};
		system.indicators[0].children[0].children.push(leaf);
		writeFileSync(join(dir, 'sys.json'), JSON.stringify(system));
		const r = runCli(['validate', join(dir, 'sys.json')]);
		expect(r.code).toBe(0);
		expect(r.stderr).toContain('1.1.9 平均跑动次数: "ratio" with lower-is-better scores best / value: one region at 0 gives every other region 0 points');

		const ws = join(dir, 'ws.json');
		runCli(['init', ws, '--system', '2020-province', '--assessor', 'a', '--regions', '110000,310000,320000']);
		runCli(['record', ws, 'all', '5.4.2', '2']);
		runCli(['record', ws, '110000', '5.2.1', '40']);
		const w = runCli(['validate', ws]);
		expect(w.code).toBe(0);
		expect(w.stderr).toContain('5.4.2 Average in-person visits: all 3 regions have the same value (2): all score 100');
		expect(w.stderr).toContain('5.2.1 Real-name users per resident: only one of the 3 regions has a value');
	});
});

describe('files from before', () => {
	it('a workspace with samples recorded as pass true/false still loads, scores and exports', () => {
		const {file, dir} = completeWorkspace(['110000']);
		const data = readWs(file);
		expect(data.findings['110000/1.1.3'].value.samples[0]).toEqual({item: 'SI-0001', pass: expect.any(Boolean)});
		expect(runCli(['validate', file]).code).toBe(0);
		expect(JSON.parse(runCli(['score', file, '--json']).stdout).final).toBe(true);
		expect(runCli(['export', file, '-o', join(dir, 'r.xlsx')]).code).toBe(0);
	});
});

describe('runExport takes the weights to use', () => {
	it('scores and names the weights it is given (the TUI passes its live ones), not the ones read with the workspace', async () => {
		const {file, dir} = completeWorkspace(['110000', '310000']);
		const edited = join(dir, 'live.weights.json');
		cpSync(join(repoRoot, 'indicators', '2020-province.weights.json'), edited);
		const w = JSON.parse(readFileSync(edited, 'utf8'));
		Object.assign(w.weights, {'1': 0.6, '2': 0.1, '3': 0.1, '4': 0.1, '5': 0.1});
		writeFileSync(edited, JSON.stringify(w));
		const {data, context} = await readWorkspace(file);
		const live = loadWeights(edited, context.system.index);
		const out = join(dir, 'live.json');
		await runExport({ws: data, context, workspaceFile: file, inputs: [file], output: out, format: 'json', detail: false, allowIncomplete: false, allowConflicts: false, now: new Date(), weights: live});
		const json = JSON.parse(readFileSync(out, 'utf8'));
		expect(json.weights).toEqual({file: 'live.weights.json', sha256: live.digest});
		const withLive = JSON.parse(runCli(['score', file, '--json', '--weights', edited]).stdout);
		const withOld = JSON.parse(runCli(['score', file, '--json']).stdout);
		expect(json.regions.map((r: {total: number}) => r.total)).toEqual(withLive.regions.map((r: {total: number}) => r.total));
		expect(json.regions.map((r: {total: number}) => r.total)).not.toEqual(withOld.regions.map((r: {total: number}) => r.total));
	});
});

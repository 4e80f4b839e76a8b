import {describe, it, expect} from 'vitest';
import {readFileSync, writeFileSync, existsSync, readdirSync, cpSync} from 'node:fs';
import {join} from 'node:path';
import {hostname} from 'node:os';
import stringWidth from 'string-width';
import {runCli, CHINESE, runCliAsync, repoRoot, tempDir, hasStackTrace} from '../helpers/run-cli.js';

const readWs = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** The leaves of the bundled provincial system, to pick one of each rule kind. */
const provinceLeaves = (() => {
	const system = JSON.parse(readFileSync(join(repoRoot, 'indicators', '2020-province.json'), 'utf8'));
	const leaves: {code: string; rule: {type: string}}[] = [];
	const walk = (nodes: any[]) => nodes.forEach(n => (n.children ? walk(n.children) : leaves.push(n)));
	walk(system.indicators);
	return leaves;
})();
const leafOf = (type: string) => provinceLeaves.find(l => l.rule.type === type)!.code;

function freshWorkspace(args: string[] = []): {dir: string; ws: string} {
	const dir = tempDir();
	const ws = join(dir, 'zhang.json');
	const r = runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', ...args]);
	expect(r.stderr).toContain('Created');
	expect(r.code).toBe(0);
	return {dir, ws};
}

describe('assess init', () => {
	it('creates a workspace for all 32 provincial-level units', () => {
		const {ws} = freshWorkspace();
		const data = readWs(ws);
		expect(data.regions).toHaveLength(32);
		expect(data.regions).toContain('XJBT00');
		expect(data).toMatchObject({kind: 'assess/workspace', formatVersion: 1, assessor: '张三', system: {id: '2020-province'}, findings: {}});
		expect(data.system.digest).toMatch(/^[0-9a-f]{64}$/);
	});

	it('takes a subset of regions by code or name, and the 32 key cities for 2020-city', () => {
		expect(readWs(freshWorkspace(['--regions', '110000,上海']).ws).regions).toEqual(['110000', '310000']);
		const dir = tempDir();
		runCli(['init', join(dir, 'c.json'), '--system', '2020-city', '--assessor', '李四']);
		const city = readWs(join(dir, 'c.json'));
		expect(city.regions).toHaveLength(32);
		expect(city.regions).toContain('440300');
	});

	it('refuses a region the system does not assess, and never overwrites', () => {
		const dir = tempDir();
		const r = runCli(['init', join(dir, 'x.json'), '--system', '2020-province', '--assessor', 'a', '--regions', '440300']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('深圳市 (440300) is not one of the regions here');
		expect(existsSync(join(dir, 'x.json'))).toBe(false);
		const {ws} = freshWorkspace();
		const before = readFileSync(ws);
		const again = runCli(['init', ws, '--system', '2020-province', '--assessor', '李四']);
		expect(again.code).toBe(2);
		expect(again.stderr).toContain('already exists');
		expect(readFileSync(ws)).toEqual(before);
	});

	it('works with a team\'s own indicator system and its weights beside it', () => {
		const dir = tempDir();
		cpSync(join(repoRoot, 'test', 'fixtures', 'team-system.json'), join(dir, 'team-system.json'));
		cpSync(join(repoRoot, 'test', 'fixtures', 'team-system.weights.json'), join(dir, 'team-system.weights.json'));
		const r = runCli(['init', 'own.json', '--system', './team-system.json', '--assessor', '王五', '--regions', '110000,310000'], {cwd: dir});
		expect(r.code).toBe(0);
		expect(readWs(join(dir, 'own.json')).system).toMatchObject({id: 'team-2025', file: 'team-system.json'});
		runCli(['record', 'own.json', '110000', '1.1.1', 'y'], {cwd: dir});
		runCli(['record', 'own.json', '310000', '1.1.1', 'n'], {cwd: dir});
		const score = JSON.parse(runCli(['score', 'own.json', '--json'], {cwd: dir}).stdout);
		expect(score.system).toBe('team-2025');
		expect(score.regions.map((r: {total: number}) => r.total)).toEqual([100, 0]);
	});
});

describe('assess record', () => {
	it('records a value with a note, evidence of every kind and a status', () => {
		const {dir, ws} = freshWorkspace(['--regions', '110000,310000']);
		writeFileSync(join(dir, '截图 1.png'), 'fake png bytes');
		const leaf = leafOf('yesno');
		const r = runCli(['record', ws, '110000', leaf, 'y', '--note', '指南要素齐全', '--evidence', 'https://zwfw.beijing.gov.cn/guide/1', '--evidence', 'quote:办理时限：5个工作日', '--evidence', '截图 1.png', '--status', 'done'], {cwd: dir});
		expect(r.stderr).toMatch(/^Recorded /);
		expect(r.code).toBe(0);
		const f = readWs(ws).findings[`110000/${leaf}`];
		expect(f).toMatchObject({value: {type: 'yesno', met: true}, status: 'done', note: '指南要素齐全', by: '张三', history: []});
		expect(f.evidence.map((e: {kind: string}) => e.kind)).toEqual(['url', 'quote', 'file']);
		const file = f.evidence[2];
		expect(file.name).toBe('截图 1.png');
		expect(readdirSync(join(dir, 'zhang.evidence'))).toEqual([file.stored]);
	});

	it('refuses a value the rule does not accept, saying what it accepts, and changes nothing', () => {
		const {ws} = freshWorkspace(['--regions', '110000']);
		const before = readFileSync(ws);
		const r = runCli(['record', ws, '110000', leafOf('yesno'), 'perhaps']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('"perhaps" is not yes or no; this rule accepts yes or no (y/n)');
		expect(runCli(['record', ws, '110000', leafOf('levels'), '9']).stderr).toContain('this rule accepts one level: 1=');
		expect(readFileSync(ws)).toEqual(before);
		expect(hasStackTrace(r.stderr)).toBe(false);
	});

	it('applies one finding to every region at once (bulk edit) and keeps history on change', () => {
		const {ws} = freshWorkspace();
		expect(runCli(['record', ws, 'all', '1.1.1', '-', '--note', '统一核查', '--status', 'flagged', '--reason', '待复核']).code).toBe(0);
		const data = readWs(ws);
		expect(Object.keys(data.findings)).toHaveLength(32);
		expect(data.findings['XJBT00/1.1.1']).toMatchObject({status: 'flagged', reason: '待复核', note: '统一核查', value: null});
		expect(runCli(['record', ws, '110000', '1.1.1', 'y', '--note', '已复核', '--status', 'done']).code).toBe(0);
		const f = readWs(ws).findings['110000/1.1.1'];
		expect(f.history).toHaveLength(1);
		expect(f.history[0]).toMatchObject({note: '统一核查', status: 'flagged'});
	});

	it('refuses not applicable or flagged without a reason, and done on an unscored leaf; nothing is changed', () => {
		const {ws} = freshWorkspace(['--regions', '110000,310000']);
		const before = readFileSync(ws);
		const na = runCli(['record', ws, '110000', '1.1.1', '-', '--status', 'na']);
		expect(na.code).toBe(2);
		expect(na.stderr).toContain('not applicable needs a reason (--reason "…")');
		expect(runCli(['record', ws, 'all', '1.1.1', '-', '--status', 'flagged', '--reason', '  ']).stderr).toContain('flagging for review needs a reason');
		const done = runCli(['record', ws, '110000', '1.1.1', '-', '--status', 'done']);
		expect(done.code).toBe(2);
		expect(done.stderr).toContain('a leaf with no value cannot be marked done');
		expect(readFileSync(ws)).toEqual(before);
		expect(runCli(['record', ws, '110000', '1.1.1', '-', '--status', 'na', '--reason', '本地区无此事项']).code).toBe(0);
	});

	it('sampled items: unknown codes refused, replacing said, + adds, new items unjudged, short samples done only with a reason', () => {
		const {ws} = freshWorkspace(['--regions', '110000']);
		const leaf = leafOf('sampled');
		expect(runCli(['record', ws, '110000', leaf, 'SI-0001:pass,SI-0002:pass,SI-0003:fail']).code).toBe(0);
		const before = readFileSync(ws);
		// The reproduction: SI-9999 was accepted and silently replaced the three samples already there.
		const unknown = runCli(['record', ws, '110000', leaf, 'SI-9999:pass']);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('"SI-9999" is not in the service-item catalog');
		expect(readFileSync(ws)).toEqual(before);
		const added = runCli(['record', ws, '110000', leaf, '+SI-0004:?,name:城市体检报告查询:fail']);
		expect(added.code).toBe(0);
		expect(added.stderr).not.toContain('replaced');
		expect(readWs(ws).findings[`110000/${leaf}`].value.samples).toEqual([
			{item: 'SI-0001', pass: true},
			{item: 'SI-0002', pass: true},
			{item: 'SI-0003', pass: false},
			{item: 'SI-0004', pass: null},
			{item: '城市体检报告查询', pass: false},
		]);
		expect(runCli(['record', ws, '110000', leaf, '-', '--status', 'done']).stderr).toContain('1 sampled item is not judged yet (SI-0004)');
		const replaced = runCli(['record', ws, '110000', leaf, 'SI-0001:pass,SI-0004:pass']);
		expect(replaced.stderr).toContain('replaced the 3 sampled items already there and not named (SI-0002 企业名称自主申报, SI-0003 企业设立登记, 城市体检报告查询 城市体检报告查询); a leading + adds instead');
		const short = runCli(['record', ws, '110000', leaf, '-', '--status', 'done']);
		expect(short.code).toBe(2);
		expect(short.stderr).toContain('the guide asks for 10 sampled items and 2 are recorded; marking it done with fewer needs a reason');
		expect(runCli(['record', ws, '110000', leaf, '-', '--status', 'done', '--reason', '该省仅提供2项']).code).toBe(0);
		expect(readWs(ws).findings[`110000/${leaf}`]).toMatchObject({status: 'done', reason: '该省仅提供2项'});
	});

	it('refuses unknown indicators, inner indicators and unknown regions', () => {
		const {ws} = freshWorkspace(['--regions', '110000']);
		expect(runCli(['record', ws, '110000', '9.9.9', 'y']).stderr).toContain('"9.9.9" is not an indicator of 2020-province');
		expect(runCli(['record', ws, '110000', '1.1', 'y']).stderr).toContain('is not a leaf; findings are recorded on leaves: 1.1.1');
		expect(runCli(['record', ws, '310000', '1.1.1', 'y']).stderr).toContain('上海市 (310000) is not one of the regions here');
		expect(runCli(['record', ws, '110000', '1.1.1', 'y', '--status', 'finished']).stderr).toContain('--status must be one of draft, done, flagged, na');
	});

	it('waits for another writer, and refuses when the lock stays, naming its holder', () => {
		const {ws} = freshWorkspace(['--regions', '110000']);
		// A live process on this host that took the lock just now (a lock older than its process would be a reused process id).
		writeFileSync(`${ws}.lock`, JSON.stringify({user: '李四', host: hostname(), pid: process.pid, since: new Date().toISOString(), program: 'assess'}));
		const r = runCli(['record', ws, '110000', '1.1.1', '-', '--note', 'x'], {env: {ASSESS_LOCK_WAIT_MS: '300'}});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(`is being edited by 李四 on ${hostname()} (process ${process.pid}`);
		expect(readWs(ws).findings).toEqual({});
	});

	it('loses neither change when two record runs race on one file', async () => {
		const {ws} = freshWorkspace(['--regions', '110000,310000']);
		const runs = await Promise.all(
			['110000', '310000', '110000', '310000'].map((region, i) => runCliAsync(['record', ws, region, `1.1.${i < 2 ? 1 : 2}`, '-', '--note', `race ${i}`])),
		);
		for (const r of runs) expect(r).toMatchObject({code: 0, stderr: expect.stringMatching(/^Recorded /)});
		const data = readWs(ws);
		expect(Object.keys(data.findings).sort()).toEqual(['110000/1.1.1', '110000/1.1.2', '310000/1.1.1', '310000/1.1.2']);
		expect(existsSync(`${ws}.lock`)).toBe(false);
	});
});

describe('assess score', () => {
	it('prints the JSON shape DESIGN.md fixes, with nulls for what is not computable', () => {
		const {ws} = freshWorkspace(['--regions', '110000,310000']);
		expect(runCli(['record', ws, '110000', '1.1.1', '-', '--status', 'na', '--reason', '本地区无此事项']).code).toBe(0);
		const r = runCli(['score', ws, '--json']);
		expect(r.code).toBe(0);
		const report = JSON.parse(r.stdout);
		expect(report.system).toBe('2020-province');
		expect(report.regions).toHaveLength(2);
		const bj = report.regions[0];
		expect(bj).toMatchObject({code: '110000', name: '北京市', total: null, tier: null, rank: null, coverage: 0, final: false});
		expect(report.final).toBe(false);
		expect(report.relative).toMatchObject({regions: 2});
		expect(bj.indicators).toHaveLength(90);
		expect(bj.indicators[0]).toMatchObject({code: '1', name: '服务方式完备度', level: 1, score: null, rank: null});
		expect(bj.indicators.filter((i: {level: number}) => i.level === 3)).toHaveLength(64);
	});

	it('prints tables whose columns line up with Chinese text', () => {
		const {ws} = freshWorkspace(['--regions', '110000,150000,XJBT00']);
		runCli(['record', ws, '150000', '1.1.1', '-', '--status', 'na', '--reason', '无']);
		const r = runCli(['score', ws], {env: CHINESE});
		expect(r.code).toBe(0);
		const tables = r.stdout.split('\n\n').filter(block => /^-+(  -+)+$/m.test(block));
		expect(tables.length).toBe(4); // the ranking and one per region
		for (const table of tables) expect(misaligned(table.split('\n'))).toEqual([]);
		expect(tables[0]!.split('\n')[0]).toMatch(/^排名\s+地区\s+总得分/);
		expect(r.stdout).toContain('新疆生产建设兵团');
	});
});

/** Lines of a table whose characters cross the gaps between columns (measured in display cells). */
function misaligned(lines: string[]): string[] {
	const dashes = lines[1]!;
	const gaps: number[] = [];
	for (let i = 0; i < dashes.length; i++) if (dashes[i] === ' ') gaps.push(i);
	return lines.filter(line => {
		const cells: string[] = [];
		for (const ch of line) {
			const w = stringWidth(ch);
			cells.push(ch);
			for (let k = 1; k < w; k++) cells.push('');
		}
		return gaps.some(g => cells[g] !== undefined && cells[g] !== ' ');
	});
}

import {describe, it, expect} from 'vitest';
import {readFileSync, writeFileSync, existsSync, copyFileSync, mkdirSync, symlinkSync, renameSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {runCli, CHINESE, tempDir, hasStackTrace} from '../helpers/run-cli.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';
import XLSX from 'xlsx';

const readBook = (file: string) => XLSX.read(readFileSync(file), {cellFormula: true, cellNF: true});
const rowsOf = (sheet: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<unknown[]>(sheet, {header: 1, raw: true, defval: ''});

const readWs = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const logOf = (ws: string) => readFileSync(`${ws}.changes.jsonl`, 'utf8').trim().split('\n').map(l => JSON.parse(l));
const ok = (args: string[], cwd?: string) => {
	const r = runCli(args, cwd ? {cwd} : {});
	expect(r.stderr + r.stdout, args.join(' ')).not.toMatch(/internal error/);
	expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
	return r;
};

function team(): {dir: string; ws: string} {
	const dir = tempDir();
	const ws = join(dir, 'zhang.json');
	ok(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', '110000,310000', '--review', 'required', '--reviewer', '王五=北京', '--reviewer', '赵六=310000']);
	ok(['record', ws, 'all', '1.1.1', 'y', '--status', 'done', '--note', '首页可见']);
	ok(['record', ws, '110000', '1.1.2', '1', '--status', 'done']);
	return {dir, ws};
}

describe('assess review', () => {
	it('accepts and returns findings, refuses the recorder and a return without a note, and records who and when', () => {
		const {ws} = team();
		const before = readFileSync(ws, 'utf8');
		const own = runCli(['review', ws, '110000', '1.1.1', 'accept', '--by', '张三']);
		expect(own.code).toBe(2);
		expect(own.stderr).toContain('was recorded by 张三; a finding is reviewed by someone else');
		expect(runCli(['review', ws, '310000', '1.1.1', 'return', '--by', '赵六']).stderr).toContain('returning needs --note');
		expect(runCli(['review', ws, '110000', '1.1.1', 'accept']).stderr).toContain('--by <name> is required');
		expect(runCli(['review', ws, '110000', '1.1.1', 'approve', '--by', '王五']).code).toBe(2);
		expect(readFileSync(ws, 'utf8')).toBe(before);

		expect(ok(['review', ws, '110000', '1.1.1', 'accept', '--by', '王五']).stderr).toContain('Accepted 1 finding: 北京市 1.1.1');
		const returned = ok(['review', ws, '310000', '1.1.1', 'return', '--note', '截图过期，请重新截取', '--by', '赵六']);
		expect(returned.stderr).toContain('The assessor sees the note: 截图过期，请重新截取');
		const data = readWs(ws);
		expect(data.findings['110000/1.1.1']).toMatchObject({by: '张三', status: 'done', review: {state: 'accepted', by: '王五'}});
		expect(data.findings['310000/1.1.1'].review).toMatchObject({state: 'returned', by: '赵六', note: '截图过期，请重新截取'});
		expect(data.findings['310000/1.1.1'].history[0].review).toBeUndefined();
		// Drafts and nothing recorded: nothing to review.
		expect(runCli(['review', ws, '110000', '1.1.3', 'accept', '--by', '王五']).stderr).toContain('nothing is recorded here yet');
	});

	it('reviews in bulk what waits, and lists what it skipped by reason', () => {
		const {ws} = team();
		ok(['record', ws, '310000', '1.1.2', '1']);
		ok(['review', ws, '110000', '1.1.1', 'accept', '--by', '王五']);
		const r = ok(['review', ws, 'all', '1.1', 'accept', '--by', '赵六']);
		expect(r.stderr).toContain('Accepted 2 findings (北京市 1, 上海市 1)');
		expect(r.stderr).toContain('already accepted (by 王五)');
		expect(r.stderr).toContain('is still a draft');
		expect(r.stderr).toMatch(/leaves with nothing recorded passed over/);
		const nothing = runCli(['review', ws, 'all', 'all', 'accept', '--by', '张三']);
		expect(nothing.code).toBe(2);
		expect(nothing.stderr).toContain('nothing was reviewed; nothing was changed');
	});

	it('final needs every finding accepted: score says so, export refuses and lists what waits by reviewer; a later edit makes it wait again', () => {
		const {file, dir} = completeWorkspace(['110000', '310000']);
		ok(['review-policy', file, '--review', 'required', '--reviewer', '王五=110000', '--by', '组长']);
		let score = JSON.parse(ok(['score', file, '--json']).stdout);
		expect(score.final).toBe(false);
		const refused = runCli(['export', file, '-o', join(dir, 'r.xlsx')]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('awaiting review (reviewer 王五)');
		expect(refused.stderr).toContain('Findings waiting for review (or returned to the assessor), by reviewer:');
		expect(refused.stderr).toMatch(/王五: 64 — 北京市 64/);
		expect(refused.stderr).toMatch(/\(no reviewer assigned\): 64 — 上海市 64/);
		ok(['review', file, 'all', 'all', 'accept', '--by', '王五']);
		score = JSON.parse(ok(['score', file, '--json']).stdout);
		expect(score.final).toBe(true);
		ok(['export', file, '-o', join(dir, 'final.xlsx')]);
		const book = readBook(join(dir, 'final.xlsx'));
		const findings = rowsOf(book.Sheets['评估记录']!);
		expect(findings[0]!.at(-1)).toBe('审核');
		expect(String(findings[1]!.at(-1))).toMatch(/^已通过：王五 于 /);
		// An edit after acceptance: waiting again, and record says so.
		expect(ok(['record', file, '110000', '1.1.1', '-', '--note', '补充说明']).stderr).toContain('had been reviewed for 北京市 110000 (accepted by 王五); the change makes it wait for review again');
		expect(JSON.parse(ok(['score', file, '--json']).stdout).final).toBe(false);
	});

	it('two reviewers who disagree in two files make a conflict on merge; a review settles it', () => {
		const {dir, ws} = team();
		const copy = join(dir, 'copy.json');
		copyFileSync(ws, copy);
		ok(['review', ws, '110000', '1.1.2', 'accept', '--by', '王五']);
		ok(['review', copy, '110000', '1.1.2', 'return', '--note', '证据不足', '--by', '赵六']);
		const out = join(dir, 'team.json');
		const merged = runCli(['merge', ws, copy, '-o', out]);
		expect(merged.code).toBe(3);
		expect(Object.keys(readWs(out).conflicts)).toEqual(['110000/1.1.2']);
		const settled = ok(['review', out, '110000', '1.1.2', 'accept', '--by', '组长']);
		expect(settled.stderr).toContain('Accepted 1 finding');
		const data = readWs(out);
		expect(data.conflicts).toEqual({});
		expect(data.findings['110000/1.1.2'].review).toMatchObject({state: 'accepted', by: '组长'});
		expect(runCli(['merge', out, ws, copy, '-o', out]).code).toBe(0);
	});
});

describe('assess review-policy', () => {
	it('shows the policy and every recorded change; a change needs --by and is logged', () => {
		const {ws} = team();
		const shown = ok(['review-policy', ws]);
		expect(shown.stdout).toContain('Review required: final needs every finding accepted; self-review refused.');
		expect(shown.stdout).toMatch(/110000 北京市\s+王五/);
		expect(runCli(['review-policy', ws, '--self-review', 'allowed']).code).toBe(2);
		expect(ok(['review-policy', ws, '--self-review', 'allowed', '--note', '人手不足', '--by', '组长']).stderr).toContain('Review policy changed: self-review allowed; (人手不足).');
		expect(ok(['review-policy', ws, '--self-review', 'allowed', '--by', '组长']).stderr).toContain('nothing was changed');
		expect(readWs(ws).reviewPolicy.changes.map((c: {by: string}) => c.by)).toEqual(['张三', '组长']);
		expect(logOf(ws).filter(e => e.field === 'policy').map(e => e.by)).toEqual(['张三', '组长']);
		// Now the recorder may accept their own finding.
		ok(['review', ws, '110000', '1.1.1', 'accept', '--by', '张三']);
	});
});

describe('assess log', () => {
	it('prints every change with who, when, from and to, filtered by region and indicator; --json gives all', () => {
		const {ws} = team();
		ok(['record', ws, '110000', '1.1.1', 'n', '--note', '入口失效']);
		ok(['review', ws, '310000', '1.1.1', 'return', '--note', '截图过期', '--by', '赵六']);
		const all = ok(['log', ws]).stdout;
		expect(all).toMatch(/张三\s+review policy\s+—\s+review required; reviewer 王五 for 110000; reviewer 赵六 for 310000/);
		const bj = ok(['log', ws, '北京', '1.1.1']).stdout.trimEnd().split('\n').slice(2);
		expect(bj.map(l => l.replace(/^\S+\s+/, '').replace(/\s+/g, ' ').trim())).toEqual([
			'张三 110000 北京市 1.1.1 Linked to the national platform value — yes',
			'张三 110000 北京市 1.1.1 Linked to the national platform status — submitted',
			'张三 110000 北京市 1.1.1 Linked to the national platform note — 首页可见',
			'张三 110000 北京市 1.1.1 Linked to the national platform value yes no',
			'张三 110000 北京市 1.1.1 Linked to the national platform note 首页可见 入口失效',
		]);
		const zh = runCli(['log', ws, '北京', '1.1.1'], {env: CHINESE}).stdout.trimEnd().split('\n').slice(2);
		expect(zh.map(l => l.replace(/^\S+\s+/, '').replace(/\s+/g, ' ').trim())[3]).toBe('张三 110000 北京市 1.1.1 国家平台互联互通 分值 是 否');
		const json = JSON.parse(ok(['log', ws, '310000', '--json']).stdout);
		expect(json.entries.at(-1)).toMatchObject({by: '赵六', field: 'review', to: {state: 'returned', by: '赵六', note: '截图过期'}});
		expect(ok(['log', ws, '--limit', '2']).stderr).toContain('(the last 2 of');
	});

	it('recovers what the log lacks from the findings\' histories, and says so', () => {
		const {ws} = team();
		// As if the program stopped between a save and its log entry: the last lines are gone.
		const lines = readFileSync(`${ws}.changes.jsonl`, 'utf8').trim().split('\n');
		writeFileSync(`${ws}.changes.jsonl`, lines.slice(0, -2).join('\n') + '\n');
		const r = ok(['log', ws, '110000', '1.1.2']);
		expect(r.stdout).toMatch(/value\s+—\s+All cities and counties\s+recovered/);
		expect(r.stderr).toMatch(/2 changes are not in .*zhang\.json\.changes\.jsonl .*recovered from the findings' histories/);
	});

	it('refuses a log that is a symbolic link, and reports broken lines by number', () => {
		const {dir, ws} = team();
		const log = `${ws}.changes.jsonl`;
		writeFileSync(log, readFileSync(log, 'utf8') + 'garbage\n');
		expect(ok(['log', ws]).stderr).toMatch(/warning: .*zhang\.json\.changes\.jsonl: line \d+: not a JSON line; skipped/);
		// assess validate says so too (a warning: the workspace itself is fine).
		const validated = ok(['validate', ws]);
		expect(validated.stdout + validated.stderr).toMatch(/change log line \d+: not a JSON line/);
		expect(validated.stdout + validated.stderr).toMatch(/\d+ changes logged/);
		renameSync(log, join(dir, 'real.jsonl'));
		symlinkSync(join(dir, 'real.jsonl'), log);
		const r = runCli(['log', ws]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('is a symbolic link; a change log is never read or written through one');
		expect(hasStackTrace(r.stderr)).toBe(false);
	});
});

describe('spot checks, merged back', () => {
	it('draws the same leaves for the same seed, writes them blank for the second assessor, and merged back reports agreement and keeps disagreements as conflicts', () => {
		const {file, dir} = completeWorkspace(['110000', '310000']);
		const a = join(dir, 'li-a.json');
		const b = join(dir, 'li-b.json');
		const drawn = ok(['spot-check', file, '--share', '10%', '--assessor', '李四', '--seed', '20261124', '-o', a, '--by', '组长']);
		expect(drawn.stderr).toContain('Drew 13 of 128 submitted findings (10%, seed 20261124) for 李四');
		ok(['spot-check', file, '--share', '10', '--assessor', '李四', '--seed', '20261124', '-o', b, '--json']);
		const recheck = readWs(a);
		expect(recheck.spotChecks[0].leaves).toEqual(readWs(b).spotChecks[0].leaves);
		expect(recheck.spotChecks[0]).toMatchObject({assessor: '李四', by: '组长', seed: 20261124, share: 0.1});
		const leaves: {region: string; indicator: string}[] = recheck.spotChecks[0].leaves;
		for (const f of Object.values(recheck.findings) as {note: string; evidence: unknown[]; status: string}[]) expect(f).toMatchObject({note: '', evidence: [], status: 'draft'});
		expect(runCli(['spot-check', file, '--share', '0%', '--assessor', '李四', '-o', join(dir, 'x.json')]).code).toBe(2);
		expect(runCli(['spot-check', file, '--share', '10%', '--assessor', '张三', '-o', join(dir, 'x.json')]).stderr).toContain('re-checked by someone else');
		expect(runCli(['spot-check', file, '--share', '10%', '--assessor', '李四', '-o', a]).stderr).toContain('already exists');

		// 李四 re-checks the first two yes/no or levels leaves drawn: one the same, one differently.
		const source = readWs(file);
		const simple = leaves.filter(l => ['yesno', 'levels'].includes(source.findings[`${l.region}/${l.indicator}`].value.type)).slice(0, 2);
		expect(simple).toHaveLength(2);
		const [same, other] = simple as [{region: string; indicator: string}, {region: string; indicator: string}];
		const verdict = (l: {region: string; indicator: string}) => source.findings[`${l.region}/${l.indicator}`].value;
		const asText = (v: {type: string; met?: boolean; level?: string}) => (v.type === 'yesno' ? (v.met ? 'y' : 'n') : v.level!);
		const flip = (v: {type: string; met?: boolean; level?: string}) => (v.type === 'yesno' ? (v.met ? 'n' : 'y') : v.level === 'all' || v.level === 'full' ? '2' : '1');
		ok(['record', a, same.region, same.indicator, asText(verdict(same)), '--status', 'done']);
		ok(['record', a, other.region, other.indicator, flip(verdict(other)), '--status', 'done']);
		const out = join(dir, 'team.json');
		const merged = runCli(['merge', file, a, '-o', out]);
		expect(merged.code).toBe(3);
		expect(merged.stderr).toMatch(/Spot check by 李四 \(13 leaves drawn from complete\.json, seed 20261124; [^)]*li-a\.json\): 2 re-checked, 1 agree \(50\.0%\).*1 disagree \(conflicts to settle\)/);
		expect(Object.keys(readWs(out).conflicts)).toEqual([`${other.region}/${other.indicator}`]);
		const status = ok(['status', out]).stdout;
		expect(status).toMatch(/Spot checks:/);
		expect(status).toMatch(/complete\.json\s+李四\s+10% · 20261124\s+13\s+2\s+1\s+1\s+0/);
		// The draw is in the team file's log.
		expect(logOf(out).some(e => e.field === 'spot-check' && e.by === '组长')).toBe(true);
	});
});

describe('assess status', () => {
	it('per assessor and per region over a folder of assessors\' files (merged in memory), passing over other JSON files', () => {
		const dir = tempDir();
		const folder = join(dir, 'team');
		mkdirSync(folder);
		const zhang = join(folder, 'zhang.json');
		const li = join(folder, 'li.json');
		ok(['init', zhang, '--system', '2020-province', '--assessor', '张三', '--regions', '110000,310000', '--review', 'required', '--reviewer', '王五=all']);
		ok(['init', li, '--system', '2020-province', '--assessor', '李四', '--regions', '110000,310000']);
		ok(['record', zhang, '110000', '1.1.1', 'y', '--status', 'done']);
		ok(['record', zhang, '110000', '1.1.2', '1', '--status', 'done']);
		ok(['review', zhang, '110000', '1.1.1', 'accept', '--by', '王五']);
		ok(['record', li, '110000', '1.1.2', '2', '--status', 'done', '--by', '李四']);
		ok(['record', li, '310000', '1.1.1', 'y', '--by', '李四']);
		writeFileSync(join(folder, 'notes.json'), '{"kind": "something else"}');
		const r = ok(['status', folder]);
		expect(r.stderr).toContain('notes.json is not a workspace; skipped');
		expect(r.stdout).toContain('2 workspaces, merged here (nothing written): 2020-province, 2 regions; review required');
		const row = (name: string) => r.stdout.split('\n').find(l => l.startsWith(name))!.split(/\s{2,}/).slice(0, 7);
		expect(row('张三')).toEqual(['张三', '1', '1', '0', '1', '0', '1']);
		expect(row('李四')).toEqual(['李四', '1', '0', '0', '0', '0', '1']);
		expect(r.stdout).toMatch(/110000 北京市\s+64\s+1\s+1\s+0\s+1\s+0\s+1\s+王五\s+no/);
		const json = JSON.parse(ok(['status', zhang, li, '--json']).stdout);
		expect(json.files.map((f: {assessor: string}) => f.assessor)).toEqual(['张三', '李四']);
		expect(json.reviewers).toEqual([expect.objectContaining({reviewer: '王五', accepted: 1, waiting: 0})]);
		expect(runCli(['status', join(dir, 'nowhere')]).stderr).toContain('does not exist');
	});
});

describe('the merged change log', () => {
	it('holds the union of the inputs\' logs, each change once, and grows by what is merged into an input', () => {
		const {dir, ws} = team();
		const li = join(dir, 'li.json');
		copyFileSync(ws, li);
		copyFileSync(`${ws}.changes.jsonl`, `${li}.changes.jsonl`);
		ok(['record', li, '310000', '1.1.2', '2', '--by', '李四']);
		ok(['record', ws, '110000', '1.1.2', '2']);
		const out = join(dir, 'team.json');
		ok(['merge', ws, li, '-o', out]);
		const ids = logOf(out).map(e => e.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(ids)).toEqual(new Set([...logOf(ws), ...logOf(li)].map(e => e.id)));
		// Merging into an input appends what its log lacked.
		ok(['merge', ws, li, '-o', ws]);
		expect(logOf(ws).some(e => e.by === '李四' && e.region === '310000')).toBe(true);
		expect(existsSync(`${out}~`)).toBe(false);
	});

	it('leaves out the lines and logs it cannot take, says which, and still merges', () => {
		const {dir, ws} = team();
		const li = join(dir, 'li.json');
		const wang = join(dir, 'wang.json');
		for (const f of [li, wang]) copyFileSync(ws, f);
		copyFileSync(`${ws}.changes.jsonl`, `${li}.changes.jsonl`);
		ok(['record', li, '310000', '1.1.2', '2', '--by', '李四']);
		// A line a crash cut off, and one that is not a change, after what li shares with zhang.
		writeFileSync(`${li}.changes.jsonl`, readFileSync(`${li}.changes.jsonl`, 'utf8') + '{"id":"0123456789abcdef","at":"2026-11-02T00:00:00Z","by":"x","field":"value","from":null,"to":null,"region":"110000","unknown":1}\n{"id":"fedc');
		// wang's log is a link to zhang's: never read through one.
		symlinkSync(`${ws}.changes.jsonl`, `${wang}.changes.jsonl`);
		const out = join(dir, 'team.json');
		const r = runCli(['merge', ws, li, wang, '-o', out]);
		expect(r.code, r.stderr).toBe(0);
		const lines = readFileSync(`${li}.changes.jsonl`, 'utf8').split('\n');
		expect(r.stderr).toContain(`warning: ${li}.changes.jsonl: line ${lines.length - 1}: not a change: unknown field "unknown"; not taken into the merged log`);
		expect(r.stderr).toMatch(new RegExp(`warning: ${li}\\.changes\\.jsonl: line ${lines.length}: not a JSON line \\(cut off: a save that was interrupted\\?\\); not taken`));
		expect(r.stderr).toContain(`warning: ${wang}.changes.jsonl is a symbolic link`);
		const ids = new Set(logOf(out).map(e => e.id));
		for (const e of [...logOf(ws), ...lines.slice(0, -2).filter(Boolean).map(l => JSON.parse(l))]) expect(ids.has(e.id)).toBe(true);
		expect(ids.has('0123456789abcdef')).toBe(false);
		// The scratch file the union was written to became the log.
		expect(readdirSync(dir).filter(n => n.includes('-union-'))).toEqual([]);
	});

	it('says so when the merged log cannot be written, and the merge stands (assess log recovers it)', () => {
		const {dir, ws} = team();
		const li = join(dir, 'li.json');
		copyFileSync(ws, li);
		ok(['record', li, '310000', '1.1.2', '2', '--by', '李四']);
		// Merging into zhang's file, whose log is now a folder.
		renameSync(`${ws}.changes.jsonl`, join(dir, 'old-log'));
		mkdirSync(`${ws}.changes.jsonl`);
		const r = runCli(['merge', ws, li, '-o', ws]);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toContain(`warning: ${ws}.changes.jsonl is a folder, not a regular file; its changes were not taken into the merged log`);
		expect(r.stderr).toMatch(/warning: .*zhang\.json\.changes\.jsonl: is a folder, not a regular file; the changes were not logged \(assess log recovers them from the workspace\)/);
		expect(readWs(ws).findings['310000/1.1.2'].by).toBe('李四');
		expect(readdirSync(dir).filter(n => n.includes('-union-'))).toEqual([]);
	});

	it('a merge refused after it began writes no log, and ends', () => {
		const {dir, ws} = team();
		const other = join(dir, 'other.json');
		ok(['init', other, '--system', '2020-city', '--assessor', '李四', '--regions', '440300']);
		const out = join(dir, 'team.json');
		const r = runCli(['merge', ws, other, '-o', out]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/only workspaces of one system can be merged/);
		expect(existsSync(out)).toBe(false);
		expect(existsSync(`${out}.changes.jsonl`)).toBe(false);
		expect(readdirSync(dir).filter(n => n.includes('-union-'))).toEqual([]);
	});

	it('is refused for a new output beside an earlier file\'s log', () => {
		const {dir, ws} = team();
		const out = join(dir, 'team.json');
		writeFileSync(`${out}.changes.jsonl`, '');
		const r = runCli(['merge', ws, ws.replace('zhang', 'zhang'), '-o', out]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('already exists, beside no workspace');
		expect(existsSync(out)).toBe(false);
	});
});

describe('the workbook\'s 变更记录', () => {
	it('lists every change with time, who, region, indicator, what, from and to', () => {
		const {dir, ws} = team();
		ok(['review', ws, '310000', '1.1.1', 'return', '--note', '截图过期', '--by', '赵六']);
		ok(['export', ws, '-o', join(dir, 'x.xlsx'), '--allow-incomplete']);
		const rows = rowsOf(readBook(join(dir, 'x.xlsx')).Sheets['变更记录']!);
		expect(rows[0]).toEqual(['时间', '人员', '地区代码', '地区', '指标代码', '指标', '变更项', '原值', '新值', '说明', '版本']);
		const text = rows.slice(1).map(r => r.slice(1, 9).join('|'));
		// The workbook is in Chinese: the policy change too (it was in English).
		expect(text).toContain('张三|||||审核规则|—|须经审核；110000 的审核人为 王五；310000 的审核人为 赵六');
		// One row per version: its fields one a line.
		expect(text).toContain('张三|110000|北京市|1.1.1|国家平台互联互通|分值\n状态\n备注|—\n—\n—|是\n已提交\n首页可见');
		expect(text).toContain('赵六|310000|上海市|1.1.1|国家平台互联互通|审核|—|退回 (赵六)：截图过期');
		const unfinished = rowsOf(readBook(join(dir, 'x.xlsx')).Sheets['未完成项']!);
		expect(unfinished.find(r => r[2] === '1.1.1' && r[0] === '310000')).toEqual(['310000', '上海市', '1.1.1', '国家平台互联互通', '审核退回（赵六：截图过期）', '赵六']);
	});
});

import {describe, it, expect} from 'vitest';
import {createWorkspace, applyChange, scoreOf} from '../../source/domain/workspace/workspace-ops.js';
import {scoreReport} from '../../source/domain/scoring/score-report.js';
import type {FindingValue, Workspace} from '../../source/domain/workspace/workspace-schema.js';
import type {FindingChange} from '../../source/domain/workspace/record-finding.js';
import {reportModel} from '../../source/report/report-model.js';
import {reportDocument, reportFiles} from '../../source/report/render-report.js';
import {esc, safeHref} from '../../source/report/html/escape.js';
import {miniIndex, miniWeights} from '../helpers/mini-system.js';

const at = '2026-11-02T00:00:00.000Z';
function workspace(changes: Record<string, Record<string, FindingChange>>): Workspace {
	let ws = createWorkspace({id: 't', index: miniIndex, systemDigest: '0'.repeat(64), assessor: '张三', createdAt: at, regions: Object.keys(changes)});
	for (const [region, byLeaf] of Object.entries(changes)) for (const [leaf, change] of Object.entries(byLeaf)) ws = applyChange(ws, [region], leaf, change, '张三', at);
	return ws;
}
const done = (value: FindingValue, extra: Partial<FindingChange> = {}): FindingChange => ({value, status: 'done', ...extra});
const all = (n: number, extra: Record<string, FindingChange> = {}): Record<string, FindingChange> => ({
	'1.1.1': done({type: 'yesno', met: n % 2 === 0}),
	'1.1.2': done({type: 'levels', level: n % 2 ? 'partial' : 'full'}),
	// Two of the four items the rule asks for: done, with the reason a short sample needs.
	'1.2.1': done({type: 'sampled', samples: [{item: 'SI-0001', pass: true}, {item: 'SI-0002', pass: n % 2 === 0, note: '页面打不开'}]}, {reason: '本地区只有两项可抽查'}),
	'2.1.1': done({type: 'measure', amount: 40 + n * 10}),
	'2.1.2': done({type: 'measure', amount: 1 + n}),
	'2.1.3': done({type: 'direct', score: 70 + n}),
	...extra,
});
function model(ws: Workspace, weights = miniWeights, lang: 'zh' | 'en' = 'zh') {
	const scores = scoreOf(miniIndex, weights, ws);
	const names: Record<string, string> = {'110000': '北京市', '310000': '上海市', '320000': '江苏省'};
	const report = scoreReport(miniIndex, ws, scores, c => names[c] ?? c);
	return {report, model: reportModel({index: miniIndex, ws, weights, scores, report, itemNames: new Map([['SI-0002', '个人所得税纳税记录']]), lang, facts: {workspaceFile: 'ws.json', weightsFile: 'w.json', weightsDigest: 'ab'.repeat(32), generatedAt: at, program: 'assess test'}, detail: false})};
}

describe('the report model', () => {
	it('takes every figure from the score report: totals, ranks, tiers, and each row’s score and rank', () => {
		const {report, model: m} = model(workspace({'110000': all(0), '310000': all(1), '320000': all(2)}));
		for (const page of m.pages) {
			const row = report.regions.find(r => r.code === page.code)!;
			expect([page.total, page.rank, page.tier]).toEqual([row.total, row.rank, row.tier]);
			for (const r of page.rows) {
				const i = row.indicators.find(x => x.code === r.code)!;
				expect([r.score, r.rank]).toEqual([i.score, i.rank]);
			}
		}
	});

	it('gives each row the average of all regions, the best score and the gap to it', () => {
		const {report, model: m} = model(workspace({'110000': all(0), '310000': all(1), '320000': all(2)}));
		const scores = report.regions.map(r => r.indicators.find(i => i.code === '1')!.score!);
		const row = m.pages[1]!.rows.find(r => r.code === '1')!;
		expect(row.average).toBe(Math.round((scores.reduce((a, b) => a + b) / 3) * 100) / 100);
		expect(row.best).toBe(Math.max(...scores));
		expect(row.gap).toBe(Math.round((Math.max(...scores) - scores[1]!) * 100) / 100);
	});

	it('ranks the issues by the points they cost, which add up to 100 − total, with the failed sampled items by name', () => {
		const {model: m} = model(workspace({'110000': all(1)}));
		const page = m.pages[0]!;
		const lost = page.issues.reduce((a, i) => a + i.cost, 0);
		expect(lost).toBeCloseTo(100 - page.total!, 1);
		for (let i = 1; i < page.issues.length; i++) expect(page.issues[i - 1]!.cost).toBeGreaterThanOrEqual(page.issues[i]!.cost);
		const sampled = page.issues.find(i => i.code === '1.2.1')!;
		expect(sampled.failed).toEqual([{item: 'SI-0002', name: '个人所得税纳税记录', note: '页面打不开'}]);
	});

	it('says each finding in the report’s language', () => {
		const ws = workspace({'110000': all(1)});
		const value = (lang: 'zh' | 'en', code: string) => model(ws, miniWeights, lang).model.pages[0]!.issues.find(i => i.code === code)?.value;
		expect([value('zh', '1.1.1'), value('en', '1.1.1')]).toEqual(['否', 'no']);
		expect([value('zh', '1.1.2'), value('en', '1.1.2')]).toEqual(['部分满足', '部分满足']);
	});

	it('shows a weightless node as no score with the reason, never as 0', () => {
		const weights = {...miniWeights, '1.2.1': 0};
		const {report, model: m} = model(workspace({'110000': all(0), '310000': all(1)}), weights);
		expect(report.regions[0]!.indicators.find(i => i.code === '1.2')).toMatchObject({score: null, weightless: true});
		const row = m.pages[0]!.rows.find(r => r.code === '1.2')!;
		expect(row).toMatchObject({score: null, weightless: true});
		const html = reportFiles(m).find(f => f.name === '110000.html')!.html;
		const cells = html.match(/<tr class="level-2" data-code="1\.2">(.*?)<\/tr>/)![1]!;
		expect(cells).toContain('不计分（权重为 0）');
		expect(cells).not.toMatch(/>0\.00</);
		// The bar chart says it in words too, and draws no bar.
		const bar = html.match(/<g class="bar-row" data-code="1\.2">(.*?)<\/g>/)![1]!;
		expect(bar).toContain('不计分（权重为 0）');
		expect(bar).not.toContain('class="bar"');
	});

	it('marks provisional regions, saying why, and no others', () => {
		const {model: m} = model(workspace({'110000': all(0), '310000': {'1.1.1': done({type: 'yesno', met: true}), '1.1.2': {value: {type: 'levels', level: 'full'}, status: 'draft'}}}));
		// 110000 is complete, but its measure scores are relative to 310000's, which are not in yet.
		expect(m.pages[0]!.blockers).toEqual([{kind: 'relative', count: 0}]);
		expect(m.pages[1]!.blockers).toEqual([{kind: 'unscored', count: 4}, {kind: 'draft', count: 1}]);
		const files = reportFiles(m);
		expect(files.find(f => f.name === '110000.html')!.html).toContain('相对得分仍可能随其他地区变化');
		expect(files.find(f => f.name === '310000.html')!.html).toContain('本页结果为暂定结果，评估尚未完成：4 项未评，1 项为草稿');
		expect(m.provisional).toBe(2);
		// Once 310000 is complete too, nothing is provisional.
		const complete = model(workspace({'110000': all(0), '310000': all(1)})).model;
		expect(complete.pages.map(p => p.blockers)).toEqual([[], []]);
		expect(reportFiles(complete).find(f => f.name === '110000.html')!.html).not.toContain('class="badge"');
		expect(complete.provisional).toBe(0);
	});

	it('escapes every string from a file, and links only http(s) evidence', () => {
		const hostile = '<script>alert(1)</script>\u0007"\'&';
		const ws = workspace({
			'110000': all(1, {
				'1.1.1': done({type: 'yesno', met: false}, {note: hostile, addEvidence: [
					{kind: 'url', url: 'javascript:alert(1)', seenAt: at, by: '<b>张三</b>'},
					{kind: 'url', url: 'https://zwfw.example.gov.cn/a?x=<i>&y="1"', seenAt: at, by: '张三'},
					{kind: 'quote', text: '</dd><img src=x onerror=alert(1)>', seenAt: at, by: '张三'},
					{kind: 'file', name: '<svg onload=alert(1)>.png', sha256: 'ab'.repeat(32), size: 2048, stored: `${'ab'.repeat(32)}.png`, seenAt: at, by: '张三'},
				]}),
			}),
		});
		const html = reportDocument(model(ws).model);
		expect(html).not.toMatch(/<script|<img|<svg onload|<b>张三|\u0007/);
		expect(html).not.toContain('href="javascript:');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;\uFFFD&quot;&#39;&amp;');
		expect(html).toContain('<a href="https://zwfw.example.gov.cn/a?x=%3Ci%3E&amp;y=%221%22">');
		expect(html).toContain(`SHA-256 ${'ab'.repeat(32)}`);
		// The page cannot load anything: a content security policy forbids all but inline styles.
		expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
	});

	it('escape and safeHref', () => {
		expect(esc('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&#39;');
		expect(esc('\uD800x\u0000')).toBe('\uFFFDx\uFFFD');
		expect(esc('😀 北京')).toBe('😀 北京');
		expect(safeHref('JavaScript:alert(1)')).toBeUndefined();
		expect(safeHref('data:text/html,<b>')).toBeUndefined();
		expect(safeHref('file:///etc/passwd')).toBeUndefined();
		expect(safeHref(' https://a.gov.cn/x ')).toBe('https://a.gov.cn/x');
	});
});

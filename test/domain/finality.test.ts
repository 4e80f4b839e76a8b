import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {finalityOf, leafBlockers, blockerSummary, describeBlocker, type BlockerKind} from '../../source/domain/workspace/finality.js';
import {checkRecording} from '../../source/domain/workspace/recording-rules.js';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {recordFinding} from '../../source/domain/workspace/record-finding.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';
import {scoreOf} from '../../source/domain/workspace/workspace-ops.js';
import {scoreReport} from '../../source/domain/scoring/score-report.js';
import {totalText, rankText, tierText, relativeText, relativeLeafText} from '../../source/domain/scoring/provisional.js';
import type {FindingValue, Workspace, Sample} from '../../source/domain/workspace/workspace-schema.js';
import {miniIndex, miniWeights} from '../helpers/mini-system.js';

const at = '2026-11-02T00:00:00.000Z';
const blank = (regions = ['110000']) => createWorkspace({id: 'w', index: miniIndex, systemDigest: '0'.repeat(64), assessor: '张三', createdAt: at, regions});
const samples = (n: number, pass: boolean | null = true): Sample[] => Array.from({length: n}, (_, i) => ({item: `SI-000${i + 1}`, pass}));
const values: Record<string, FindingValue> = {
	'1.1.1': {type: 'yesno', met: true},
	'1.1.2': {type: 'levels', level: 'full'},
	'1.2.1': {type: 'sampled', samples: samples(4)},
	'2.1.1': {type: 'measure', amount: 50},
	'2.1.2': {type: 'measure', amount: 1},
	'2.1.3': {type: 'direct', score: 80},
};
/** Every leaf of every region done: a final workspace. */
const complete = (regions = ['110000']) => {
	let ws = blank(regions);
	for (const region of regions) for (const [leaf, value] of Object.entries(values)) ws = applyChange(ws, [region], leaf, {value, status: 'done'}, '张三', at);
	return ws;
};
const rule = (code: string) => miniIndex.nodes.get(code)!.rule!;
const kinds = (ws: Workspace) => finalityOf(miniIndex, ws).blockers.map(b => `${b.region} ${b.indicator} ${b.kind}${b.reason ? `: ${b.reason}` : ''}`);

describe('final means final', () => {
	it('a complete workspace is final, and so is each region', () => {
		const f = finalityOf(miniIndex, complete(['110000', '310000']));
		expect(f.final).toBe(true);
		expect(f.blockers).toEqual([]);
		expect(f.regions.every(r => r.final)).toBe(true);
	});

	it('a flagged finding and draft findings keep it from being final, listed with region, code, name and why', () => {
		// The reproduction: 待复核 and drafts exported with exit 0 and 说明 said 正式结果.
		let ws = complete();
		ws = applyChange(ws, ['110000'], '1.1.1', {status: 'flagged', reason: '页面无法访问'}, '张三', at);
		ws = applyChange(ws, ['110000'], '2.1.3', {status: 'draft'}, '张三', at);
		const f = finalityOf(miniIndex, ws, c => (c === '110000' ? '北京市' : c));
		expect(f.final).toBe(false);
		expect(f.blockers.map(b => [b.regionName, b.indicator, b.indicatorName, b.kind, b.reason])).toEqual([
			['北京市', '1.1.1', '统一身份认证', 'flagged', '页面无法访问'],
			['北京市', '2.1.3', '综合评分', 'draft', undefined],
		]);
		expect(describeBlocker(f.blockers[0]!)).toBe('flagged for review: 页面无法访问');
		expect(f.regions[0]).toMatchObject({final: false, blockers: 2});
	});

	it('not applicable needs a reason to count as final', () => {
		const withReason = applyChange(complete(), ['110000'], '1.1.2', {value: null, status: 'na', reason: '本地区无此事项'}, '张三', at);
		expect(finalityOf(miniIndex, withReason).final).toBe(true);
		const without = applyChange(complete(), ['110000'], '1.1.2', {value: null, status: 'na', reason: ''}, '张三', at);
		expect(kinds(without)).toEqual(['110000 1.1.2 na-without-reason']);
	});

	it('unscored leaves and open conflicts block', () => {
		let ws = complete(['110000', '310000']);
		const {['310000/1.1.1']: _gone, ...rest} = ws.findings;
		ws = {...ws, findings: rest};
		const a = applyChange(ws, ['110000'], '1.1.2', {value: {type: 'levels', level: 'none'}}, '张三', '2026-11-03T00:00:00.000Z');
		const b = applyChange(ws, ['110000'], '1.1.2', {value: {type: 'levels', level: 'partial'}}, '李四', '2026-11-04T00:00:00.000Z');
		const merged = mergeWorkspaces([a, b], {id: 'm', assessor: 'lead', createdAt: at});
		if (!merged.ok) throw new Error('merge failed');
		expect(kinds(merged.value.workspace)).toEqual(['110000 1.1.2 conflict', '310000 1.1.1 unscored']);
		expect(blockerSummary(finalityOf(miniIndex, merged.value.workspace).counts)).toBe('1 conflict not settled, 1 unscored');
	});

	it('a sampled leaf with fewer items than the rule asks for is incomplete unless done with a reason', () => {
		// The reproduction: a rule asking for 10 accepted 1, scored it 100 and exported it as final.
		const short = applyChange(complete(), ['110000'], '1.2.1', {value: {type: 'sampled', samples: samples(1)}}, '张三', at);
		const f = finalityOf(miniIndex, short);
		expect(f.blockers.map(b => [b.kind, b.items])).toEqual([['short-sample', {recorded: 1, unjudged: 0, sampleSize: 4}]]);
		const explained = applyChange(short, ['110000'], '1.2.1', {status: 'done', reason: '该省仅公布1项'}, '张三', at);
		expect(finalityOf(miniIndex, explained).final).toBe(true);
	});

	it('sampled items not yet judged block, and count neither way in the score', () => {
		const ws = applyChange(complete(), ['110000'], '1.2.1', {value: {type: 'sampled', samples: [...samples(3), {item: 'SI-0009', pass: null}]}}, '张三', at);
		expect(kinds(ws)).toEqual(['110000 1.2.1 unjudged-items']);
		const none = applyChange(complete(), ['110000'], '1.2.1', {value: {type: 'sampled', samples: samples(4, null)}}, '张三', at);
		expect(kinds(none)).toEqual(['110000 1.2.1 unscored']);
		expect(scoreOf(miniIndex, miniWeights, none).regions[0]!.nodes.get('1.2.1')!.score).toBeNull();
	});

	it('a region\'s relative (measure) scores are provisional while another region\'s measure is open', () => {
		let ws = complete(['110000', '310000']);
		ws = applyChange(ws, ['310000'], '2.1.1', {status: 'draft'}, '张三', at);
		const f = finalityOf(miniIndex, ws);
		expect(f.regions).toEqual([
			{region: '110000', final: false, blockers: 0},
			{region: '310000', final: false, blockers: 1},
		]);
		// A non-measure leaf open elsewhere does not move this region's total.
		const other = applyChange(complete(['110000', '310000']), ['310000'], '1.1.1', {status: 'draft'}, '张三', at);
		expect(finalityOf(miniIndex, other).regions[0]!.final).toBe(true);
	});

	it('the final rule, checked leaf by leaf against its definition (property)', () => {
		const value = (code: string, n: number): FindingValue | null => {
			const r = rule(code);
			if (n === 0) return null;
			if (r.type === 'sampled') return {type: 'sampled', samples: samples(n % 6, n % 3 === 0 ? null : true)};
			return values[code]!;
		};
		const leaf = fc.record({code: fc.constantFrom(...miniIndex.leaves.map(l => l.code)), n: fc.nat(7), status: fc.constantFrom('draft' as const, 'done' as const, 'flagged' as const, 'na' as const), reason: fc.constantFrom('', '有原因')});
		fc.assert(
			fc.property(fc.array(leaf, {maxLength: 12}), edits => {
				let ws = blank();
				for (const e of edits) ws = applyChange(ws, ['110000'], e.code, {value: value(e.code, e.n), status: e.status, reason: e.reason}, '张三', at);
				const f = finalityOf(miniIndex, ws);
				const expectedFinal = miniIndex.leaves.every(l => {
					const x = ws.findings[`110000/${l.code}`];
					if (!x) return false;
					if (x.status === 'na') return Boolean(x.reason);
					if (x.status !== 'done') return false;
					const r = l.rule!;
					if (x.value === null) return false;
					if (r.type === 'sampled' && x.value.type === 'sampled') {
						const s = x.value.samples;
						return s.length > 0 && s.every(i => i.pass !== null) && (s.length >= r.sampleSize || Boolean(x.reason));
					}
					return true;
				});
				expect(f.final).toBe(expectedFinal);
				for (const b of f.blockers) expect(leafBlockers(rule(b.indicator), ws.findings[`110000/${b.indicator}`], false)).toContain(b.kind as BlockerKind);
			}),
		);
	});
});

describe('recording rules', () => {
	const rec = (code: string, change: Parameters<typeof recordFinding>[3], previous?: ReturnType<typeof recordFinding>) => {
		const f = recordFinding(previous, '110000', code, change, '张三', at);
		return checkRecording(rule(code), f, change)?.code;
	};

	it('not applicable and flagged need a reason', () => {
		expect(rec('1.1.1', {status: 'na'})).toBe('na-needs-reason');
		expect(rec('1.1.1', {status: 'na', reason: '  '})).toBe('na-needs-reason');
		expect(rec('1.1.1', {status: 'flagged'})).toBe('flag-needs-reason');
		expect(rec('1.1.1', {status: 'flagged', reason: '页面无法访问'})).toBeUndefined();
	});

	it('an unscored leaf cannot be marked done', () => {
		expect(rec('1.1.1', {status: 'done'})).toBe('done-unscored');
		expect(rec('1.2.1', {status: 'done', value: {type: 'sampled', samples: samples(4, null)}})).toBe('done-unscored');
		expect(rec('1.1.1', {status: 'done', value: {type: 'yesno', met: false}})).toBeUndefined();
	});

	it('a sampled leaf is done only with every item judged, and with fewer items than asked only with a reason', () => {
		expect(rec('1.2.1', {status: 'done', value: {type: 'sampled', samples: [...samples(3), {item: 'X', pass: null}]}})).toBe('done-unjudged');
		expect(rec('1.2.1', {status: 'done', value: {type: 'sampled', samples: samples(1)}})).toBe('done-short-sample');
		expect(rec('1.2.1', {status: 'done', reason: '仅公布1项', value: {type: 'sampled', samples: samples(1)}})).toBeUndefined();
		expect(rec('1.2.1', {status: 'done', value: {type: 'sampled', samples: samples(4)}})).toBeUndefined();
	});

	it('a note on a finding recorded before these rules is never refused', () => {
		const old = {...recordFinding(undefined, '110000', '1.1.1', {value: null}, '张三', at), status: 'na' as const};
		expect(rec('1.1.1', {note: '补充说明'}, old)).toBeUndefined();
	});
});

describe('provisional results look provisional', () => {
	it('a total after one scored leaf says it is provisional and how much is scored', () => {
		// The reproduction: "Total 100.00 #1 Very high" after one scored leaf.
		const ws = applyChange(blank(['110000', '310000']), ['110000'], '1.1.1', {value: {type: 'yesno', met: true}}, '张三', at);
		const report = scoreReport(miniIndex, ws, scoreOf(miniIndex, miniWeights, ws), c => c);
		const bj = report.regions[0]!;
		expect(report.final).toBe(false);
		expect(bj).toMatchObject({total: 100, rank: 1, final: false});
		expect(totalText(bj.total, bj.coverage, bj.final)).toBe('100.00 (provisional, 12.5% scored)');
		expect(totalText(bj.total, bj.coverage, bj.final, 'zh')).toBe('100.00（暂定，已评 12.5%）');
		expect(rankText(bj.rank, report.final)).toBe('1*');
		expect(tierText(bj.tier, bj.final)).toBe('非常高*');
		expect(totalText(86.97, 1, true)).toBe('86.97');
		expect(rankText(3, true)).toBe('3');
	});

	it('measure scores say they are relative to the regions in this file', () => {
		const ws = complete(['110000', '310000']);
		const report = scoreReport(miniIndex, ws, scoreOf(miniIndex, miniWeights, ws), c => c);
		expect(report.relative).toEqual({regions: 2, measures: [{code: '2.1.1', name: '网办占比', method: 'ratio', regions: 2}, {code: '2.1.2', name: '跑动次数', method: 'range', regions: 2}]});
		expect(relativeText(report.relative)).toBe('Measure scores (2.1.1, 2.1.2) are relative to the 2 regions in this file; another set of regions gives other scores');
		expect(report.regions[0]!.indicators.find(i => i.code === '2.1.1')!.relativeTo).toBe(2);
		expect(relativeLeafText(2, 'zh')).toBe('相对于本文件中有数值的 2 个地区');
	});
});

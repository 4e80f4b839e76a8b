import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';
import {drawSpotCheck, spotCheckWorkspace, spotCheckAgreement, seededRandom} from '../../source/domain/spot-check/spot-check.js';
import {teamStatus} from '../../source/domain/team/team-status.js';
import {applyReview} from '../../source/domain/review/review-finding.js';
import {changeReviewPolicy} from '../../source/domain/review/review-policy.js';
import {ancestorsOf} from '../../source/domain/system/system-index.js';
import {ratingsOf} from '../../source/domain/agreement/ratings.js';
import type {FindingValue, Workspace} from '../../source/domain/workspace/workspace-schema.js';
import {loadSystem} from '../../source/storage/load-files.js';
import {miniIndex} from '../helpers/mini-system.js';
import {valueFor} from '../helpers/complete-workspace.js';

const {index} = loadSystem('2020-province');
const t = (n: number) => new Date(Date.UTC(2026, 10, 2, 0, n)).toISOString();
const regions = ['110000', '310000', '320000', '330000'];
/** Every leaf of four provinces submitted by 张三. */
const submitted = (() => {
	let ws = createWorkspace({id: 'src', index, systemDigest: '0'.repeat(64), assessor: '张三', createdAt: t(0), regions});
	regions.forEach((region, r) => index.leaves.forEach((leaf, l) => (ws = applyChange(ws, [region], leaf.code, {value: valueFor(leaf.rule!, r + l), status: 'done', note: '原始备注', addEvidence: [{kind: 'url', url: `https://gov.cn/${region}/${leaf.code}`, seenAt: t(1), by: '张三'}]}, '张三', t(1)))));
	return ws;
})();
const merge = (...inputs: Workspace[]) => {
	const r = mergeWorkspaces(inputs, {id: 'm', assessor: 'team', createdAt: t(999)});
	if (!r.ok) throw new Error(r.issues[0]!.message);
	return r.value.workspace;
};
const request = (draw: ReturnType<typeof drawSpotCheck>, seed = 7) => ({draw, share: 0.1, seed, assessor: '李四', by: '组长', at: t(10), id: 'recheck', sourceFile: 'zhang.json'});

describe('spot checks', () => {
	it('draws the share asked for, stratified by region and primary indicator, the same leaves for the same seed', () => {
		const draw = drawSpotCheck(index, submitted, 0.1, 42);
		const total = regions.length * index.leaves.length;
		expect(draw.submitted).toBe(total);
		expect(draw.leaves).toHaveLength(Math.round(total * 0.1));
		// Every stratum gets its share, to within one leaf.
		for (const s of draw.strata) expect(Math.abs(s.drawn - s.submitted * 0.1)).toBeLessThan(1);
		for (const region of regions) expect(draw.leaves.filter(l => l.region === region).length).toBeGreaterThan(0);
		for (const primary of index.primaries) expect(draw.leaves.filter(l => ancestorsOf(index, l.indicator).at(-1) === primary).length).toBeGreaterThan(0);
		expect(drawSpotCheck(index, submitted, 0.1, 42)).toEqual(draw);
		expect(drawSpotCheck(index, submitted, 0.1, 43).leaves).not.toEqual(draw.leaves);
		// No leaf twice, each with the version drawn.
		expect(new Set(draw.leaves.map(l => `${l.region}/${l.indicator}`)).size).toBe(draw.leaves.length);
		for (const l of draw.leaves) expect(submitted.findings[`${l.region}/${l.indicator}`]!.rev).toBe(l.rev);
	});

	it('draws only submitted findings (done or not applicable), never drafts or conflicts, and at least one', () => {
		let ws = applyChange(submitted, ['110000'], index.leaves[0]!.code, {status: 'draft'}, '张三', t(2));
		ws = applyChange(ws, regions, index.leaves[1]!.code, {status: 'draft'}, '张三', t(2));
		const draw = drawSpotCheck(index, ws, 0.5, 1);
		expect(draw.leaves.some(l => l.indicator === index.leaves[1]!.code)).toBe(false);
		expect(draw.leaves.some(l => l.region === '110000' && l.indicator === index.leaves[0]!.code)).toBe(false);
		const tiny = applyChange(createWorkspace({id: 'x', index, systemDigest: '0'.repeat(64), assessor: '张三', createdAt: t(0), regions: ['110000']}), ['110000'], index.leaves[0]!.code, {value: valueFor(index.leaves[0]!.rule!, 1), status: 'done'}, '张三', t(1));
		expect(drawSpotCheck(index, tiny, 0.01, 1).leaves).toHaveLength(1);
		expect(drawSpotCheck(index, createWorkspace({id: 'x', index, systemDigest: '0'.repeat(64), assessor: '张三', createdAt: t(0), regions: ['110000']}), 0.1, 1).leaves).toEqual([]);
	});

	it('the share drawn is exact and every stratum within one leaf of its share, for any share and seed (property)', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 100}), fc.nat(2 ** 32 - 1), (percent, seed) => {
				const draw = drawSpotCheck(index, submitted, percent / 100, seed);
				expect(draw.leaves).toHaveLength(Math.min(draw.submitted, Math.max(1, Math.round((draw.submitted * percent) / 100))));
				for (const s of draw.strata) expect(Math.abs(s.drawn - (s.submitted * draw.leaves.length) / draw.submitted)).toBeLessThan(1);
			}),
			{numRuns: 40},
		);
	});

	it('writes a blind workspace for the second assessor: the drawn leaves, no value, note, evidence or status; sampled items listed, not judged; the draw recorded', () => {
		const draw = drawSpotCheck(index, submitted, 0.1, 7);
		const recheck = spotCheckWorkspace(submitted, request(draw));
		expect(recheck.assessor).toBe('李四');
		expect(recheck.spotChecks).toEqual([expect.objectContaining({assessor: '李四', by: '组长', seed: 7, share: 0.1, source: {id: 'src', file: 'zhang.json', assessor: '张三'}, leaves: draw.leaves})]);
		expect(recheck.regions).toEqual(regions.filter(r => draw.leaves.some(l => l.region === r)));
		for (const f of Object.values(recheck.findings)) {
			expect(f.value?.type).toBe('sampled');
			if (f.value?.type === 'sampled') for (const s of f.value.samples) expect(s).toEqual({item: s.item, pass: null});
			expect(f).toMatchObject({status: 'draft', note: '', evidence: [], by: '李四', history: []});
		}
		const text = JSON.stringify(recheck);
		expect(text).not.toContain('原始备注');
		expect(text).not.toContain('https://gov.cn');
	});

	it('merged back: agreements unite, disagreements become conflicts, leaves not re-checked change nothing; agreement on the re-checked leaves', () => {
		const draw = drawSpotCheck(index, submitted, 0.1, 7);
		let recheck = spotCheckWorkspace(submitted, request(draw));
		// 李四 re-checks all but the last leaf drawn; he agrees on every other one.
		const done = draw.leaves.slice(0, -1);
		const key = (l: {region: string; indicator: string}) => `${l.region}/${l.indicator}`;
		done.forEach((l, i) => {
			const original = submitted.findings[key(l)]!.value!;
			// Sampled values carry the items without the original's notes on them: a re-check's own judgement.
			const same: FindingValue = original.type === 'sampled' ? {type: 'sampled', samples: original.samples.map(s => ({item: s.item, pass: s.pass}))} : original;
			recheck = applyChange(recheck, [l.region], l.indicator, {value: i % 2 === 0 ? same : valueFor(index.nodes.get(l.indicator)!.rule!, 1000 + i), status: 'done'}, '李四', t(20));
		});
		const merged = merge(submitted, recheck);
		const verdict = (v: FindingValue | null) => JSON.stringify(v?.type === 'sampled' ? v.samples.map(s => [s.item, s.pass]) : v);
		const disagreeing = done.filter(l => verdict(recheck.findings[key(l)]!.value) !== verdict(submitted.findings[key(l)]!.value));
		expect(disagreeing.length).toBeGreaterThan(0);
		expect(disagreeing.length).toBeLessThan(done.length);
		expect(Object.keys(merged.conflicts).sort()).toEqual(disagreeing.map(l => `${l.region}/${l.indicator}`).sort());
		// Agreeing sampled leaves unite even though only the original had notes on items.
		const last = draw.leaves.at(-1)!;
		expect(merged.findings[`${last.region}/${last.indicator}`]!.value).toEqual(submitted.findings[`${last.region}/${last.indicator}`]!.value);
		const status = teamStatus(index, merged).spotChecks[0]!;
		expect(status).toMatchObject({assessor: '李四', drawn: draw.leaves.length, rechecked: done.length, disagreed: disagreeing.length, agreed: done.length - disagreeing.length});
		const agreement = spotCheckAgreement(index, recheck.spotChecks![0]!, [submitted], recheck);
		expect(agreement.overall.units).toBe(done.length);
		expect(agreement.overall.agreed).toBe(done.length - disagreeing.length);
	});

	it('seeded random numbers are the same on every run', () => {
		const r = seededRandom(1);
		expect([r(), r(), r()].map(x => x.toFixed(6))).toEqual(['0.627074', '0.002736', '0.527447']);
	});
});

describe('sampled verdicts', () => {
	const mini = (by: string, note?: string) => applyChange(createWorkspace({id: by, index: miniIndex, systemDigest: '0'.repeat(64), assessor: by, createdAt: t(0), regions: ['110000']}), ['110000'], '1.2.1', {value: {type: 'sampled', samples: [{item: 'SI-0001', pass: true, ...(note ? {note} : {})}, {item: 'SI-0002', pass: false}]}, status: 'done'}, by, t(1));

	it('equal verdicts on the same items unite in a merge, with every note on an item kept', () => {
		const m = mergeWorkspaces([mini('张三', '首页可办'), mini('李四', '需登录')], {id: 'm', assessor: 'x', createdAt: t(2)});
		if (!m.ok) throw new Error('merge');
		expect(m.value.conflicts).toBe(0);
		const f = m.value.workspace.findings['110000/1.2.1']!;
		expect(f.value?.type === 'sampled' && f.value.samples[0]!.note!.split('\n').sort()).toEqual(['需登录', '首页可办'].sort());
	});

	it('agreement scores a sampled leaf as the leaf is scored: items not judged count neither way', () => {
		const partly = applyChange(mini('王五'), ['110000'], '1.2.1', {value: {type: 'sampled', samples: [{item: 'SI-0001', pass: true}, {item: 'SI-0002', pass: null}]}}, '王五', t(2));
		const ratings = ratingsOf(miniIndex, [mini('张三', '有备注'), mini('李四'), partly]);
		const unit = ratings.find(r => r.indicator === '1.2.1')!.units[0]!;
		expect(unit.verdicts.map(v => v?.amount)).toEqual([50, 50, 100]);
		expect(unit.verdicts[0]!.key).toBe(unit.verdicts[1]!.key);
	});
});

describe('the team\'s progress', () => {
	it('per assessor, region and reviewer: scored, submitted, waiting, accepted, returned, conflicts, last change', () => {
		const base = createWorkspace({id: 'w', index: miniIndex, systemDigest: '0'.repeat(64), assessor: '张三', createdAt: t(0), regions: ['110000', '310000']});
		let a = changeReviewPolicy(base, {reviewRequired: true, reviewers: {'110000': '组长'}}, '组长', t(0));
		a = applyChange(a, ['110000'], '1.1.1', {value: {type: 'yesno', met: true}, status: 'done'}, '张三', t(1));
		a = applyChange(a, ['110000'], '1.1.2', {value: {type: 'levels', level: 'full'}, status: 'done'}, '张三', t(2));
		a = applyChange(a, ['110000'], '2.1.3', {value: {type: 'direct', score: 50}}, '张三', t(3));
		a = applyReview(a, '110000', '1.1.1', 'accept', '组长', t(5));
		a = applyReview(a, '110000', '1.1.2', 'return', '组长', t(6), '请补证据');
		let b = applyChange(base, ['310000'], '1.1.1', {value: {type: 'yesno', met: false}, status: 'done'}, '李四', t(4));
		b = applyChange(b, ['110000'], '2.1.3', {value: {type: 'direct', score: 90}}, '李四', t(7));
		const status = teamStatus(miniIndex, merge(a, b), c => ({'110000': '北京市', '310000': '上海市'})[c] ?? c);
		expect(status.assessors).toEqual([
			{assessor: '李四', scored: 1, submitted: 1, waiting: 1, accepted: 0, returned: 0, conflicts: 1, lastChange: t(7)},
			{assessor: '张三', scored: 2, submitted: 2, waiting: 0, accepted: 1, returned: 1, conflicts: 1, lastChange: t(3)},
		]);
		expect(status.regions.map(r => [r.regionName, r.scored, r.submitted, r.waiting, r.accepted, r.returned, r.conflicts, r.lastChange, r.reviewer])).toEqual([
			['北京市', 2, 2, 0, 1, 1, 1, t(7), '组长'],
			['上海市', 1, 1, 1, 0, 0, 0, t(4), null],
		]);
		expect(status.reviewers).toEqual([{reviewer: '组长', regions: ['110000'], accepted: 1, returned: 1, waiting: 0, lastReview: t(6)}]);
		expect(status).toMatchObject({reviewRequired: true, final: false});
	});
});

import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {recordFinding, revOf} from '../../source/domain/workspace/record-finding.js';
import {finalityOf, blockerSummary, describeBlocker} from '../../source/domain/workspace/finality.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';
import {reviewFinding, checkReview, applyReview, isReviewConflict, type ReviewDecision} from '../../source/domain/review/review-finding.js';
import {progressOf, reviewStageOf, recordersOf} from '../../source/domain/review/review-stage.js';
import {changeReviewPolicy, reviewPolicyOf, policyFrom, mergeReviewPolicies, NO_REVIEW} from '../../source/domain/review/review-policy.js';
import {reviewQueue, nextWaiting, assessorWalk} from '../../source/domain/review/review-queue.js';
import {canonicalJson, sha256} from '../../source/domain/canonical-json.js';
import type {Finding, FindingValue, Workspace, Sample} from '../../source/domain/workspace/workspace-schema.js';
import {miniIndex} from '../helpers/mini-system.js';

const t = (n: number) => new Date(Date.UTC(2026, 10, 2, 0, n)).toISOString();
const blank = (regions = ['110000', '310000']) => createWorkspace({id: 'w', index: miniIndex, systemDigest: '0'.repeat(64), assessor: '张三', createdAt: t(0), regions});
const merge = (...inputs: Workspace[]) => {
	const r = mergeWorkspaces(inputs, {id: 'm', assessor: 'team', createdAt: t(999)});
	if (!r.ok) throw new Error(r.issues[0]!.message);
	return r.value;
};
const yes: FindingValue = {type: 'yesno', met: true};
const no: FindingValue = {type: 'yesno', met: false};
const rule = (code: string) => miniIndex.nodes.get(code)!.rule!;
const samples = (n: number): Sample[] => Array.from({length: n}, (_, i) => ({item: `SI-000${i + 1}`, pass: true}));
const values: Record<string, FindingValue> = {
	'1.1.1': yes,
	'1.1.2': {type: 'levels', level: 'full'},
	'1.2.1': {type: 'sampled', samples: samples(4)},
	'2.1.1': {type: 'measure', amount: 50},
	'2.1.2': {type: 'measure', amount: 1},
	'2.1.3': {type: 'direct', score: 80},
};
/** Every leaf of 110000 submitted by 张三. */
const submitted = () => {
	let ws = blank(['110000']);
	for (const [leaf, value] of Object.entries(values)) ws = applyChange(ws, ['110000'], leaf, {value, status: 'done'}, '张三', t(1));
	return ws;
};
const required = (ws: Workspace, by = '组长') => changeReviewPolicy(ws, {reviewRequired: true}, by, t(2));
const acceptAll = (ws: Workspace, by = '李四') => Object.keys(values).reduce((w, leaf) => applyReview(w, '110000', leaf, 'accept', by, t(3)), ws);

describe('review states', () => {
	it('a review is a new version of the same content, descending from the one reviewed; the recorder stays the recorder', () => {
		const f = submitted().findings['110000/1.1.1']!;
		const accepted = reviewFinding(f, 'accept', '李四', t(3));
		expect(accepted).toMatchObject({value: yes, status: 'done', by: '张三', at: t(1), review: {state: 'accepted', by: '李四', at: t(3)}});
		expect(accepted.rev).not.toBe(f.rev);
		expect(accepted.history[0]!.rev).toBe(f.rev);
		expect(accepted.evidence).toBe(f.evidence);
		expect(progressOf(f)).toBe('submitted');
		expect(progressOf(accepted)).toBe('accepted');
		expect(reviewStageOf(accepted)).toBe('accepted');
		// The same decision again changes nothing.
		expect(reviewFinding(accepted, 'accept', '李四', t(9))).toBe(accepted);
	});

	it('an edit after a review makes a version without it: the new content has not been reviewed', () => {
		const f = reviewFinding(submitted().findings['110000/1.1.1']!, 'return', '李四', t(3), '截图缺失');
		expect(progressOf(f)).toBe('returned');
		const fixed = recordFinding(f, '110000', '1.1.1', {note: '已补截图'}, '张三', t(4));
		expect(fixed.review).toBeUndefined();
		expect(progressOf(fixed)).toBe('submitted');
		expect(fixed.history[0]).toMatchObject({rev: f.rev, review: {state: 'returned', note: '截图缺失'}});
		// A change that changes nothing keeps the review.
		expect(recordFinding(f, '110000', '1.1.1', {note: f.note}, '张三', t(5))).toBe(f);
	});

	it('versions without a review keep the revs they had before reviews existed', () => {
		const f = recordFinding(undefined, '110000', '1.1.1', {value: yes, status: 'done', note: '已核实'}, '张三', t(1));
		const before = sha256(canonicalJson({value: yes, status: 'done', reason: undefined, note: '已核实', by: '张三', at: t(1), evidence: []})).slice(0, 16);
		expect(f.rev).toBe(before);
		expect(revOf({value: yes, status: 'done', note: '已核实', by: '张三', at: t(1), review: {state: 'accepted', by: '李四', at: t(3)}}, [])).not.toBe(before);
	});

	it('the review rules: submitted only, not by its recorder (unless allowed), a return says why, an incomplete finding is not accepted', () => {
		const ws = submitted();
		const f = ws.findings['110000/1.1.1']!;
		const check = (finding: Finding | undefined, decision: ReviewDecision, by: string, policy = NO_REVIEW, note?: string) => checkReview(rule('1.1.1'), finding, decision, by, policy, note)?.code;
		expect(check(f, 'accept', '李四')).toBeUndefined();
		expect(check(f, 'accept', '张三')).toBe('own-finding');
		expect(check(f, 'accept', '张三', {...NO_REVIEW, selfReview: true})).toBeUndefined();
		expect(check(f, 'return', '李四')).toBe('return-needs-note');
		expect(check(f, 'return', '李四', NO_REVIEW, '请补充证据')).toBeUndefined();
		expect(check(undefined, 'accept', '李四')).toBe('nothing-recorded');
		expect(check(recordFinding(f, '110000', '1.1.1', {status: 'draft'}, '张三', t(2)), 'accept', '李四')).toBe('not-submitted');
		expect(check(recordFinding(f, '110000', '1.1.1', {status: 'flagged', reason: '?'}, '张三', t(2)), 'accept', '李四')).toBe('flagged');
		// Items not judged: can be returned, not accepted.
		const unjudged = recordFinding(undefined, '110000', '1.2.1', {value: {type: 'sampled', samples: [{item: 'SI-0001', pass: null}]}, status: 'done'}, '张三', t(1));
		expect(checkReview(rule('1.2.1'), unjudged, 'accept', '李四', NO_REVIEW)?.code).toBe('incomplete');
		expect(checkReview(rule('1.2.1'), unjudged, 'return', '李四', NO_REVIEW, '请判定')).toBeUndefined();
		// Every assessor whose equal verdicts a merge united recorded it.
		const a = applyChange(blank(['110000']), ['110000'], '1.1.1', {value: yes, status: 'done'}, '张三', t(1));
		const b = applyChange(blank(['110000']), ['110000'], '1.1.1', {value: yes, status: 'done'}, '王五', t(2));
		const united = merge(a, b).workspace.findings['110000/1.1.1']!;
		expect(recordersOf(united).sort()).toEqual(['张三', '王五'].sort());
		expect(check(united, 'accept', '王五')).toBe('own-finding');
	});
});

describe('final, when the workspace requires review', () => {
	it('needs every finding accepted: waiting and returned findings block, with the reviewer assigned and the return note', () => {
		let ws = required(submitted());
		ws = changeReviewPolicy(ws, {reviewers: {'110000': '李四'}}, '组长', t(2));
		expect(finalityOf(miniIndex, submitted()).final).toBe(true);
		const waiting = finalityOf(miniIndex, ws, c => (c === '110000' ? '北京市' : c));
		expect(waiting.final).toBe(false);
		expect(waiting.counts['awaiting-review']).toBe(6);
		expect(waiting.blockers[0]).toMatchObject({kind: 'awaiting-review', reviewer: '李四', regionName: '北京市'});
		expect(describeBlocker(waiting.blockers[0]!)).toBe('awaiting review (reviewer 李四)');
		ws = acceptAll(ws);
		expect(finalityOf(miniIndex, ws).final).toBe(true);
		ws = applyReview(ws, '110000', '2.1.3', 'return', '李四', t(4), '评分依据不足');
		const returned = finalityOf(miniIndex, ws);
		expect(returned.blockers.map(b => [b.indicator, b.kind, b.returned])).toEqual([['2.1.3', 'returned', {by: '李四', note: '评分依据不足'}]]);
		expect(blockerSummary(returned.counts)).toBe('1 returned by the reviewer');
		expect(describeBlocker(returned.blockers[0]!, 'zh')).toBe('审核退回（李四：评分依据不足）');
		// The assessor fixes it and submits again: it waits for review again.
		ws = applyChange(ws, ['110000'], '2.1.3', {value: {type: 'direct', score: 70}, note: '按指南重评'}, '张三', t(5));
		expect(finalityOf(miniIndex, ws).blockers.map(b => b.kind)).toEqual(['awaiting-review']);
		ws = applyReview(ws, '110000', '2.1.3', 'accept', '李四', t(6));
		expect(finalityOf(miniIndex, ws).final).toBe(true);
	});

	it('a draft blocks as a draft first; not applicable with a reason is reviewed too', () => {
		let ws = required(submitted());
		ws = applyChange(ws, ['110000'], '1.1.2', {status: 'draft'}, '张三', t(3));
		ws = applyChange(ws, ['110000'], '2.1.1', {value: null, status: 'na', reason: '本地区无此事项'}, '张三', t(3));
		const f = finalityOf(miniIndex, ws);
		expect(f.blockers.filter(b => b.indicator === '1.1.2').map(b => b.kind)).toEqual(['draft']);
		expect(f.blockers.filter(b => b.indicator === '2.1.1').map(b => b.kind)).toEqual(['awaiting-review']);
	});
});

describe('the review policy is recorded', () => {
	it('every change keeps who and when; the policy in force is the changes in time order', () => {
		let ws = submitted();
		expect(reviewPolicyOf(ws)).toEqual(NO_REVIEW);
		ws = changeReviewPolicy(ws, {reviewRequired: true, reviewers: {'110000': '李四'}}, '组长', t(2));
		ws = changeReviewPolicy(ws, {selfReview: true, note: '人手不足'}, '组长', t(3));
		expect(changeReviewPolicy(ws, {reviewRequired: true}, '组长', t(4))).toBe(ws);
		expect(ws.reviewPolicy!.changes.map(c => [c.by, c.at])).toEqual([
			['组长', t(2)],
			['组长', t(3)],
		]);
		expect(reviewPolicyOf(ws)).toEqual({reviewRequired: true, selfReview: true, reviewers: {'110000': '李四'}});
		ws = changeReviewPolicy(ws, {reviewers: {'110000': ''}}, '组长', t(5));
		expect(reviewPolicyOf(ws).reviewers).toEqual({});
	});

	it('merges by uniting the changes of every file, whatever their order', () => {
		const a = changeReviewPolicy(blank(), {reviewRequired: true}, '组长', t(2));
		const b = changeReviewPolicy(blank(), {reviewers: {'310000': '王五'}}, '副组长', t(3));
		const ab = merge(a, b).workspace;
		expect(ab.reviewPolicy).toEqual(merge(b, a).workspace.reviewPolicy);
		expect(reviewPolicyOf(ab)).toEqual({reviewRequired: true, selfReview: false, reviewers: {'310000': '王五'}});
		expect(merge(ab, a, b).workspace.reviewPolicy).toEqual(ab.reviewPolicy);
		expect(policyFrom(mergeReviewPolicies([a, b])!.changes)).toEqual(reviewPolicyOf(ab));
	});
});

describe('reviews in a merge', () => {
	it('two reviewers who disagree on the same version make a conflict, which a reviewer\'s decision settles', () => {
		const ws = submitted();
		const a = applyReview(ws, '110000', '1.1.1', 'accept', '李四', t(3));
		const b = applyReview(ws, '110000', '1.1.1', 'return', '王五', t(4), '证据过期');
		for (const m of [merge(a, b), merge(b, a)]) {
			expect(m.conflicts).toBe(1);
			const c = m.workspace.conflicts['110000/1.1.1']!;
			expect(c.candidates.map(x => x.review?.state).sort()).toEqual(['accepted', 'returned']);
			expect(isReviewConflict(c)).toBe(true);
		}
		const settled = applyReview(merge(a, b).workspace, '110000', '1.1.1', 'accept', '组长', t(5));
		const f = settled.findings['110000/1.1.1']!;
		expect(settled.conflicts).toEqual({});
		expect(f.review).toMatchObject({state: 'accepted', by: '组长'});
		expect(merge(settled, a, b).workspace.findings['110000/1.1.1']).toEqual(f);
	});

	it('an accepted version and an unreviewed one that agree combine, and stay accepted', () => {
		const a = applyReview(submitted(), '110000', '1.1.1', 'accept', '李四', t(3));
		const b = applyChange(blank(['110000']), ['110000'], '1.1.1', {value: yes, status: 'done', note: '复核一致'}, '王五', t(4));
		const f = merge(a, b).workspace.findings['110000/1.1.1']!;
		expect(f.review).toMatchObject({state: 'accepted', by: '李四'});
		expect(f.note).toContain('复核一致');
	});
});

describe('walks for the TUI', () => {
	it('the review queue lists submitted findings waiting, a reviewer\'s own regions first; next waiting walks it', () => {
		let ws = changeReviewPolicy(blank(), {reviewRequired: true, reviewers: {'310000': '李四', '110000': '王五'}}, '组长', t(0));
		ws = applyChange(ws, ['110000', '310000'], '1.1.1', {value: yes, status: 'done'}, '张三', t(1));
		ws = applyChange(ws, ['110000', '310000'], '2.1.3', {value: {type: 'direct', score: 80}, status: 'done'}, '张三', t(1));
		ws = applyChange(ws, ['310000'], '1.1.2', {value: {type: 'levels', level: 'full'}}, '张三', t(1));
		ws = applyReview(ws, '110000', '2.1.3', 'accept', '王五', t(2));
		const queue = reviewQueue(miniIndex, ws, {reviewer: '李四'});
		expect(queue.map(q => `${q.region} ${q.indicator} ${q.mine}`)).toEqual(['310000 1.1.1 true', '310000 2.1.3 true', '110000 1.1.1 false']);
		// The recorder's own findings are not offered to them.
		expect(reviewQueue(miniIndex, ws, {reviewer: '张三'})).toEqual([]);
		expect(nextWaiting(queue, {region: '310000', indicator: '1.1.1'})).toMatchObject({region: '310000', indicator: '2.1.3'});
		expect(nextWaiting(queue, {region: '110000', indicator: '1.1.1'})).toMatchObject({region: '310000', indicator: '1.1.1'});
		expect(nextWaiting([], {region: '110000', indicator: '1.1.1'})).toBeUndefined();
	});

	it('the assessor\'s walk offers returned findings first, with the reviewer\'s note, then what is not scored', () => {
		let ws = applyChange(blank(['110000']), ['110000'], '1.1.1', {value: yes, status: 'done'}, '张三', t(1));
		ws = applyChange(ws, ['110000'], '2.1.3', {value: {type: 'direct', score: 80}, status: 'done'}, '张三', t(1));
		ws = applyReview(ws, '110000', '2.1.3', 'return', '李四', t(2), '评分依据不足');
		const walk = assessorWalk(miniIndex, ws, '110000');
		expect(walk[0]).toEqual({indicator: '2.1.3', why: 'returned', note: '评分依据不足', by: '李四'});
		expect(walk.slice(1).map(w => `${w.indicator} ${w.why}`)).toEqual(['1.1.2 unscored', '1.2.1 unscored', '2.1.1 unscored', '2.1.2 unscored']);
	});
});

// --- Property tests -------------------------------------------------------------------------

const leaves = ['1.1.1', '1.1.2', '2.1.3'];
const valueFor = (leaf: string, n: number): FindingValue => {
	if (leaf === '1.1.1') return {type: 'yesno', met: n % 2 === 0};
	if (leaf === '1.1.2') return {type: 'levels', level: ['full', 'partial', 'none'][n % 3]!};
	return {type: 'direct', score: (n * 13) % 101};
};
type Op = {kind: 'edit'; region: string; leaf: string; n: number; status: 'draft' | 'done' | 'na'; minute: number} | {kind: 'review'; region: string; leaf: string; decision: ReviewDecision; reviewer: string; minute: number};
const op: fc.Arbitrary<Op> = fc.oneof(
	fc.record({kind: fc.constant('edit' as const), region: fc.constantFrom('110000', '310000'), leaf: fc.constantFrom(...leaves), n: fc.nat(3), status: fc.constantFrom('draft' as const, 'done' as const, 'na' as const), minute: fc.nat(500)}),
	fc.record({kind: fc.constant('review' as const), region: fc.constantFrom('110000', '310000'), leaf: fc.constantFrom(...leaves), decision: fc.constantFrom('accept' as const, 'return' as const), reviewer: fc.constantFrom('李四', '王五'), minute: fc.nat(500)}),
);
const apply = (ws: Workspace, ops: readonly Op[], assessor: string) =>
	ops.reduce((w, o) => {
		if (o.kind === 'edit') return applyChange(w, [o.region], o.leaf, {value: o.status === 'na' ? null : valueFor(o.leaf, o.n), status: o.status, ...(o.status === 'na' ? {reason: '无'} : {})}, assessor, t(o.minute));
		const f = w.findings[`${o.region}/${o.leaf}`];
		if (!f || (f.status !== 'done' && f.status !== 'na')) return w;
		return applyReview(w, o.region, o.leaf, o.decision, o.reviewer, t(o.minute), o.decision === 'return' ? `${o.reviewer}：请修改` : undefined);
	}, ws);
const team = fc.record({base: fc.array(op, {maxLength: 8}), a: fc.array(op, {maxLength: 8}), b: fc.array(op, {maxLength: 8}), c: fc.array(op, {maxLength: 6})}).map(({base, a, b, c}) => {
	const common = apply(blank(), base, '张三');
	return [apply(common, a, '张三'), apply(common, b, '赵六'), apply(common, c, '张三')] as const;
});
const ancestorsOf = (f: Finding) => new Set([...f.history.map(h => h.rev), ...(f.settled?.from ?? []), ...(f.combined?.from ?? [])]);
const normal = (ws: Workspace) => ({findings: ws.findings, conflicts: ws.conflicts});

describe('review invariants (property tests)', () => {
	it('no review state is lost in a merge: every review not superseded by a later version is in the result, as that state', () => {
		fc.assert(
			fc.property(team, inputs => {
				const merged = merge(...inputs).workspace;
				const all = inputs.flatMap(ws => [...Object.values(ws.findings), ...Object.values(ws.conflicts).flatMap(c => c.candidates)]);
				for (const head of all) {
					if (!head.review) continue;
					// Superseded: a later version (an edit, another review) in some input descends from it.
					if (all.some(other => other.rev !== head.rev && ancestorsOf(other).has(head.rev))) continue;
					const key = `${head.region}/${head.indicator}`;
					const result = [merged.findings[key], ...(merged.conflicts[key]?.candidates ?? [])].filter((f): f is Finding => f !== undefined);
					const kept = result.some(r => r.review?.state === head.review!.state && (r.rev === head.rev || ancestorsOf(r).has(head.rev)));
					expect(kept, `${key}: ${head.review.state} by ${head.review.by}`).toBe(true);
				}
			}),
			{numRuns: 200},
		);
	});

	it('merging with reviews stays commutative and idempotent', () => {
		fc.assert(
			fc.property(team, ([a, b, c]) => {
				expect(normal(merge(a, b).workspace)).toEqual(normal(merge(b, a).workspace));
				const abc = merge(a, b, c).workspace;
				expect(normal(merge(abc, abc).workspace)).toEqual(normal(abc));
				expect(normal(merge(abc, a).workspace)).toEqual(normal(abc));
				expect(normal(merge(c, b, a).workspace)).toEqual(normal(abc));
			}),
			{numRuns: 150},
		);
	});

	it('a returned → resubmitted → accepted finding merges the same in any order, with any files of the way', () => {
		const snapshot = fc.record({fix: fc.constantFrom('note' as const, 'value' as const), other: fc.array(op, {maxLength: 4})});
		fc.assert(
			fc.property(snapshot, fc.array(fc.nat(3), {minLength: 1, maxLength: 6}), fc.nat(), ({fix, other}, picks, seed) => {
				// One leaf's way: submitted → returned → resubmitted → accepted; each step saved in a file of its own.
				const v = applyChange(blank(), ['110000'], '1.1.1', {value: yes, status: 'done'}, '张三', t(1));
				const r = applyReview(v, '110000', '1.1.1', 'return', '李四', t(2), '请补证据');
				const s = applyChange(r, ['110000'], '1.1.1', fix === 'note' ? {note: '已补证据'} : {value: no}, '张三', t(3));
				const a = applyReview(s, '110000', '1.1.1', 'accept', '李四', t(4));
				// Other work on other leaves beside it, in the accepted file.
				const last = apply(a, other.filter(o => o.leaf !== '1.1.1'), '王五');
				const steps = [v, r, s, last];
				const chosen = [...picks.map(i => steps[i]!), last];
				// A seeded shuffle of the files.
				let x = seed >>> 0;
				const order = chosen.map(ws => ({ws, k: (x = (x * 1664525 + 1013904223) >>> 0)})).sort((p, q) => p.k - q.k).map(p => p.ws);
				const m = merge(...order).workspace;
				expect(m.conflicts['110000/1.1.1']).toBeUndefined();
				expect(m.findings['110000/1.1.1']).toEqual(a.findings['110000/1.1.1']);
				expect(normal(m)).toEqual(normal(merge(...[...order].reverse()).workspace));
			}),
			{numRuns: 200},
		);
	});
});

import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {mergeWorkspaces, settleConflict} from '../../source/domain/merge/merge-workspaces.js';
import {applyReview} from '../../source/domain/review/review-finding.js';
import {changeReviewPolicy} from '../../source/domain/review/review-policy.js';
import {workspaceChanges, mergeChanges, recoveredChanges} from '../../source/domain/audit/workspace-changes.js';
import {changeLine, checkChangeEntry, loggedText, TEXT_KEPT, type ChangeEntry} from '../../source/domain/audit/change-entry.js';
import {describeChange, byTime} from '../../source/domain/audit/describe-change.js';
import type {FindingValue, Workspace} from '../../source/domain/workspace/workspace-schema.js';
import {miniIndex} from '../helpers/mini-system.js';

const t = (n: number) => new Date(Date.UTC(2026, 10, 2, 0, n)).toISOString();
const blank = (regions = ['110000', '310000']) => createWorkspace({id: 'w', index: miniIndex, systemDigest: '0'.repeat(64), assessor: '张三', createdAt: t(0), regions});
const yes: FindingValue = {type: 'yesno', met: true};
const no: FindingValue = {type: 'yesno', met: false};
const merge = (...inputs: Workspace[]) => {
	const r = mergeWorkspaces(inputs, {id: 'm', assessor: 'team', createdAt: t(999)});
	if (!r.ok) throw new Error(r.issues[0]!.message);
	return r.value.workspace;
};
const rows = (entries: readonly ChangeEntry[]) => byTime(entries).map(e => {
	const d = describeChange(e, miniIndex);
	return `${e.by} ${e.region ?? ''}/${e.indicator ?? ''} ${d.what}: ${d.from} → ${d.to}${e.via ? ` [${e.via}]` : ''}`;
});

describe('the audit trail of a workspace', () => {
	it('logs each change with who, when, from and to, and the version it made: value, status, note, evidence, review', () => {
		const a = applyChange(blank(), ['110000'], '1.1.1', {value: yes, note: '首页可见', addEvidence: [{kind: 'url', url: 'https://a.gov.cn', seenAt: t(1), by: '张三'}]}, '张三', t(1));
		const b = applyChange(a, ['110000'], '1.1.1', {status: 'done'}, '张三', t(2));
		const c = applyReview(b, '110000', '1.1.1', 'return', '李四', t(3), '截图缺失');
		// The value in the reader's words: English said 是 (issue 13).
		expect(describeChange(workspaceChanges(blank(), a, 'x', t(9))[0]!, miniIndex, 'zh').to).toBe('是');
		expect(rows(workspaceChanges(blank(), a, 'x', t(9)))).toEqual(['张三 110000/1.1.1 value: — → yes', '张三 110000/1.1.1 note: — → 首页可见', '张三 110000/1.1.1 evidence: — → https://a.gov.cn (2026-11-02T00:01:00.000Z 张三)']);
		expect(rows(workspaceChanges(a, b, 'x', t(9)))).toEqual(['张三 110000/1.1.1 status: draft → submitted']);
		const review = workspaceChanges(b, c, 'x', t(9));
		expect(rows(review)).toEqual(['李四 110000/1.1.1 review: — → returned (李四): 截图缺失']);
		expect(review[0]).toMatchObject({at: t(3), rev: c.findings['110000/1.1.1']!.rev, prev: b.findings['110000/1.1.1']!.rev, note: '截图缺失'});
		const d = applyChange(c, ['110000'], '1.1.1', {note: '已补截图'}, '张三', t(4));
		expect(rows(workspaceChanges(c, d, 'x', t(9)))).toEqual(['张三 110000/1.1.1 note: 首页可见 → 已补截图', '张三 110000/1.1.1 review: returned (李四): 截图缺失 → void: the finding changed']);
	});

	it('logs every version made between two saves, each with its own author and time', () => {
		const a = applyChange(blank(), ['110000'], '1.1.1', {value: yes}, '张三', t(1));
		const b = applyChange(a, ['110000'], '1.1.1', {value: no}, '张三', t(2));
		const c = applyChange(b, ['110000'], '1.1.1', {status: 'done'}, '王五', t(3));
		expect(rows(workspaceChanges(blank(), c, 'x', t(9)))).toEqual(['张三 110000/1.1.1 value: — → yes', '张三 110000/1.1.1 value: yes → no', '王五 110000/1.1.1 status: draft → submitted']);
		// The same changes logged save by save have the same ids: logs unite by id.
		const stepwise = [...workspaceChanges(blank(), a, 'x', t(9)), ...workspaceChanges(a, b, 'x', t(9)), ...workspaceChanges(b, c, 'x', t(9))];
		expect(stepwise.map(e => e.id).sort()).toEqual(workspaceChanges(blank(), c, 'x', t(9)).map(e => e.id).sort());
	});

	it('logs each sampled item added, judged or annotated, and evidence removed', () => {
		const a = applyChange(blank(), ['110000'], '1.2.1', {value: {type: 'sampled', samples: [{item: 'SI-0001', pass: null}, {item: 'SI-0002', pass: true}]}}, '张三', t(1));
		const b = applyChange(a, ['110000'], '1.2.1', {value: {type: 'sampled', samples: [{item: 'SI-0001', pass: false, note: '无法提交'}, {item: 'SI-0003', pass: true}]}}, '张三', t(2));
		// A first list is one value; a change to a list, item by item.
		expect(rows(workspaceChanges(blank(), a, 'x', t(9)))).toEqual(['张三 110000/1.2.1 value: — → 1/1 (1 not judged)']);
		expect(rows(workspaceChanges(a, b, 'x', t(9)))).toEqual(['张三 110000/1.2.1 sampled item SI-0001: not judged → fail · 无法提交', '张三 110000/1.2.1 sampled item SI-0003: — → pass', '张三 110000/1.2.1 sampled item SI-0002: pass → —']);
		const withUrl = applyChange(b, ['110000'], '1.2.1', {addEvidence: [{kind: 'url', url: 'https://x.gov.cn', seenAt: t(3), by: '张三'}]}, '张三', t(3));
		const removed = applyChange(withUrl, ['110000'], '1.2.1', {removeEvidence: ['url:https://x.gov.cn']}, '李四', t(4));
		expect(rows(workspaceChanges(withUrl, removed, 'x', t(9)))).toEqual(['李四 110000/1.2.1 evidence: https://x.gov.cn (2026-11-02T00:03:00.000Z 张三) → —']);
	});

	it('logs a conflict a merge made, and its settling with every candidate and the reason', () => {
		const a = applyChange(blank(), ['110000'], '1.1.1', {value: yes, status: 'done'}, '张三', t(1));
		const b = applyChange(blank(), ['110000'], '1.1.1', {value: no, status: 'done'}, '王五', t(2));
		const m = merge(a, b);
		expect(rows(mergeChanges([a, b], m, '组长', t(5)))).toEqual(['组长 110000/1.1.1 conflict: — → no · submitted (王五) | yes · submitted (张三) [merge]']);
		const settled = settleConflict(m, '110000', '1.1.1', {value: yes, status: 'done', note: ''}, '组长', t(6), '王五看错了页面');
		expect(rows(workspaceChanges(m, settled, 'x', t(9)))).toEqual(['组长 110000/1.1.1 conflict settled: no · submitted (王五) | yes · submitted (张三) → yes · submitted; why: 王五看错了页面']);
		// Equal verdicts a merge united are logged as the merge's own event.
		const c = applyChange(blank(), ['110000'], '1.1.1', {value: yes, status: 'done', note: '另见'}, '赵六', t(3));
		expect(rows(mergeChanges([a, c], merge(a, c), '组长', t(5)))).toEqual(['组长 110000/1.1.1 equal verdicts united: submitted (赵六) | submitted (张三) → yes · submitted (赵六) [merge]']);
	});

	it('an undo back to an earlier version is the actor\'s change, now; taking out a first version is logged too', () => {
		const a = applyChange(blank(), ['110000'], '1.1.1', {value: yes}, '张三', t(1));
		const b = applyChange(a, ['110000'], '1.1.1', {value: no}, '张三', t(2));
		expect(rows(workspaceChanges(b, a, '张三', t(7)))).toEqual(['张三 110000/1.1.1 value: no → yes [undo]']);
		expect(workspaceChanges(b, a, '张三', t(7))[0]!.at).toBe(t(7));
		// Undo and redo again are two more changes, not the first one again.
		const redo = workspaceChanges(a, b, '张三', t(8));
		expect(redo.map(e => e.id)).not.toEqual(workspaceChanges(b, a, '张三', t(7)).map(e => e.id));
		expect(rows(workspaceChanges(a, blank(), '张三', t(7)))).toEqual(['张三 110000/1.1.1 removed: yes · draft (张三) → — [undo]']);
	});

	it('logs review policy changes and spot checks once each', () => {
		const ws = changeReviewPolicy(blank(), {reviewRequired: true, reviewers: {'110000': '李四'}}, '组长', t(1));
		expect(rows(workspaceChanges(blank(), ws, 'x', t(9)))).toEqual(['组长 / review policy: — → review required; reviewer 李四 for 110000']);
		expect(workspaceChanges(ws, ws, 'x', t(9))).toEqual([]);
	});

	it('stores each entry as one line that reads back as the same entry; refuses lines that are not entries', () => {
		const a = applyChange(blank(), ['110000'], '1.1.1', {value: yes, note: 'x'.repeat(TEXT_KEPT + 1)}, '张三', t(1));
		for (const e of workspaceChanges(blank(), a, 'x', t(9))) {
			const line = changeLine(e);
			expect(line).not.toContain('\n');
			expect(line.startsWith(`{"id":"${e.id}"`)).toBe(true);
			expect(checkChangeEntry(JSON.parse(line))).toEqual(JSON.parse(JSON.stringify(e)));
		}
		expect(loggedText('x'.repeat(TEXT_KEPT + 1))).toMatchObject({length: TEXT_KEPT + 1});
		expect(checkChangeEntry([])).toBe('a change is a JSON object');
		expect(checkChangeEntry({id: 'nope'})).toContain('"id"');
		expect(checkChangeEntry({id: '0123456789abcdef', at: 'yesterday', by: 'x', field: 'value', from: null, to: null, region: '110000'})).toContain('"at"');
		expect(checkChangeEntry({id: '0123456789abcdef', at: t(1), by: 'x', field: 'value', from: null, to: null, region: '110000', extra: 1})).toBe('unknown field "extra"');
		expect(checkChangeEntry({id: '0123456789abcdef', at: t(1), by: 'x', field: 'value', from: null, to: null})).toBe('a change of a finding names its region');
	});
});

describe('what a log lacks is recovered from the workspace', () => {
	it('everything, from the findings\' histories, for a workspace with no log (an older file)', () => {
		const a = applyChange(blank(), ['110000'], '1.1.1', {value: yes}, '张三', t(1));
		const b = applyChange(a, ['110000'], '1.1.1', {status: 'done', addEvidence: [{kind: 'quote', text: '原文', seenAt: t(2), by: '张三'}]}, '张三', t(2));
		expect(rows(recoveredChanges(b, []))).toEqual(['张三 110000/1.1.1 value: — → yes [history]', '张三 110000/1.1.1 status: draft → submitted [history]', '张三 110000/1.1.1 evidence: — → “原文” (2026-11-02T00:02:00.000Z 张三) [history]']);
	});

	// Random work saved at random moments; the log has every save's entries but perhaps the last
	// (a crash between the save and its log entry).
	const op = fc.record({
		region: fc.constantFrom('110000', '310000'),
		leaf: fc.constantFrom('1.1.1', '1.1.2', '2.1.3'),
		kind: fc.constantFrom('value', 'done', 'note', 'evidence', 'accept', 'return'),
		n: fc.nat(3),
		save: fc.boolean(),
	});
	const valueFor = (leaf: string, n: number): FindingValue => (leaf === '1.1.1' ? {type: 'yesno', met: n % 2 === 0} : leaf === '1.1.2' ? {type: 'levels', level: ['full', 'partial', 'none'][n % 3]!} : {type: 'direct', score: n * 20});
	const run = (ops: {region: string; leaf: string; kind: string; n: number; save: boolean}[]) => {
		let ws = blank();
		let saved = ws;
		const saves: ChangeEntry[][] = [];
		ops.forEach((o, i) => {
			const at = t(i + 1);
			const f = ws.findings[`${o.region}/${o.leaf}`];
			if (o.kind === 'value') ws = applyChange(ws, [o.region], o.leaf, {value: valueFor(o.leaf, o.n)}, '张三', at);
			else if (o.kind === 'done' && f?.value) ws = applyChange(ws, [o.region], o.leaf, {status: 'done'}, '张三', at);
			else if (o.kind === 'note') ws = applyChange(ws, [o.region], o.leaf, {note: `note ${o.n}`}, '张三', at);
			else if (o.kind === 'evidence') ws = applyChange(ws, [o.region], o.leaf, {addEvidence: [{kind: 'url', url: `https://x.gov.cn/${o.n}`, seenAt: at, by: '张三'}]}, '张三', at);
			else if ((o.kind === 'accept' || o.kind === 'return') && f?.status === 'done') ws = applyReview(ws, o.region, o.leaf, o.kind, '李四', at, o.kind === 'return' ? '请改' : undefined);
			if (o.save || i === ops.length - 1) {
				saves.push(workspaceChanges(saved, ws, '张三', at));
				saved = ws;
			}
		});
		return {ws, saves};
	};

	it('a complete log lacks nothing (property)', () => {
		fc.assert(
			fc.property(fc.array(op, {maxLength: 25}), ops => {
				const {ws, saves} = run(ops);
				expect(recoveredChanges(ws, saves.flat())).toEqual([]);
			}),
			{numRuns: 200},
		);
	});

	it('a log that lost its last save\'s entries gets every change of that save back, with the same ids (property)', () => {
		fc.assert(
			fc.property(fc.array(op, {minLength: 1, maxLength: 25}), ops => {
				const {ws, saves} = run(ops);
				const lost = saves.at(-1)!;
				const recovered = recoveredChanges(ws, saves.slice(0, -1).flat());
				// Evidence is recovered from the item (who saw it, when), the rest version by version.
				const key = (e: ChangeEntry) => (e.field === 'evidence' ? `${e.region}/${e.indicator} evidence ${e.item}` : e.id);
				expect(new Set(recovered.map(key))).toEqual(new Set(lost.map(key)));
				for (const e of recovered) expect(e.via).toBe('history');
			}),
			{numRuns: 200},
		);
	});
});

import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {mergeWorkspaces, settleConflict} from '../../source/domain/merge/merge-workspaces.js';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {evidenceKey} from '../../source/domain/workspace/record-finding.js';
import type {Workspace, Finding, FindingValue} from '../../source/domain/workspace/workspace-schema.js';
import {miniIndex} from '../helpers/mini-system.js';

const blank = (regions = ['110000', '310000']) => createWorkspace({id: 'w', index: miniIndex, systemDigest: '0'.repeat(64), assessor: '张三', createdAt: '2026-11-01T00:00:00.000Z', regions});
const merge = (...inputs: Workspace[]) => {
	const r = mergeWorkspaces(inputs, {id: 'm', assessor: 'team', createdAt: '2026-11-30T00:00:00.000Z'});
	if (!r.ok) throw new Error(r.issues[0]!.message);
	return r.value;
};
const t = (n: number) => new Date(Date.UTC(2026, 10, 2, 0, n)).toISOString();
const yes: FindingValue = {type: 'yesno', met: true};
const no: FindingValue = {type: 'yesno', met: false};

describe('merging two assessors', () => {
	it('takes findings only one side has, and unites the regions', () => {
		const a = applyChange(blank(['110000']), ['110000'], '1.1.1', {value: yes}, '张三', t(1));
		const b = applyChange(blank(['310000']), ['310000'], '1.1.1', {value: no}, '李四', t(2));
		const m = merge(a, b);
		expect(m.workspace.regions).toEqual(['110000', '310000']);
		expect(Object.keys(m.workspace.findings).sort()).toEqual(['110000/1.1.1', '310000/1.1.1']);
		expect(m.conflicts).toBe(0);
		expect(m.summary).toEqual([
			{region: '110000', added: 0, updated: 0, unchanged: 1, conflicts: 0},
			{region: '310000', added: 1, updated: 0, unchanged: 0, conflicts: 0},
		]);
	});

	it('combines equal verdicts into one finding with notes and evidence united', () => {
		const url = (u: string, by: string) => ({kind: 'url' as const, url: u, seenAt: t(1), by});
		const a = applyChange(blank(), ['110000'], '1.1.1', {value: yes, note: '首页可见', addEvidence: [url('https://a.gov.cn', '张三')]}, '张三', t(1));
		const b = applyChange(blank(), ['110000'], '1.1.1', {value: yes, note: '已核实', addEvidence: [url('https://b.gov.cn', '李四'), url('https://a.gov.cn', '李四')]}, '李四', t(2));
		const f = merge(a, b).workspace.findings['110000/1.1.1']!;
		expect(f.value).toEqual(yes);
		expect(f.note.split('\n').sort()).toEqual(['已核实', '首页可见']);
		expect(f.evidence.map(evidenceKey).sort()).toEqual(['url:https://a.gov.cn', 'url:https://b.gov.cn']);
		expect(f.history.map(h => h.rev).sort()).toEqual([a.findings['110000/1.1.1']!.rev, b.findings['110000/1.1.1']!.rev].sort());
	});

	it('takes the newer version when one descends from the other', () => {
		const base = applyChange(blank(), ['110000'], '1.1.1', {value: yes}, '张三', t(1));
		const later = applyChange(base, ['110000'], '1.1.1', {value: no, note: '复核后改为否'}, '李四', t(5));
		for (const m of [merge(base, later), merge(later, base)]) {
			expect(m.conflicts).toBe(0);
			expect(m.workspace.findings['110000/1.1.1']).toEqual(later.findings['110000/1.1.1']);
		}
	});

	it('keeps different verdicts as a conflict with every candidate in full', () => {
		const base = applyChange(blank(), ['110000'], '1.1.1', {value: yes}, '张三', t(1));
		const a = applyChange(base, ['110000'], '1.1.1', {value: no, note: 'A 的理由'}, '张三', t(3));
		const b = applyChange(base, ['110000'], '1.1.2', {value: {type: 'levels', level: 'full'}}, '李四', t(2));
		const c = applyChange(base, ['110000'], '1.1.1', {value: yes, note: 'C 的理由', status: 'done'}, '王五', t(4));
		const m = merge(a, b, c);
		expect(m.conflicts).toBe(1);
		const conflict = m.workspace.conflicts['110000/1.1.1']!;
		expect(conflict.candidates.map(x => [x.by, x.note])).toEqual([['王五', 'C 的理由'], ['张三', 'A 的理由']]);
		expect(m.workspace.findings['110000/1.1.1']).toBeUndefined();
		expect(m.workspace.findings['110000/1.1.2']).toBeDefined();
		expect(m.summary[0]).toMatchObject({region: '110000', conflicts: 1, added: 1});
	});

	it('lets a note-only draft join a verdict instead of conflicting with it', () => {
		const a = applyChange(blank(), ['110000'], '1.1.1', {value: yes}, '张三', t(1));
		const b = applyChange(blank(), ['110000'], '1.1.1', {note: '入口在首页右上角'}, '李四', t(2));
		const f = merge(a, b).workspace.findings['110000/1.1.1']!;
		expect(f).toMatchObject({value: yes, note: '入口在首页右上角'});
	});

	it('settles a conflict: the result descends from every candidate and keeps their evidence', () => {
		const a = applyChange(blank(), ['110000'], '1.1.1', {value: no, addEvidence: [{kind: 'quote', text: '无入口', seenAt: t(1), by: '张三'}]}, '张三', t(1));
		const b = applyChange(blank(), ['110000'], '1.1.1', {value: yes, addEvidence: [{kind: 'url', url: 'https://b.gov.cn', seenAt: t(2), by: '李四'}]}, '李四', t(2));
		const conflicted = merge(a, b).workspace;
		const settled = settleConflict(conflicted, '110000', '1.1.1', {value: yes, status: 'done', note: '以李四为准'}, '组长', t(9));
		const f = settled.findings['110000/1.1.1']!;
		expect(settled.conflicts).toEqual({});
		expect(f.settled).toMatchObject({by: '组长', at: t(9)});
		expect(f.evidence).toHaveLength(2);
		// Merging the settled file with either assessor's again changes nothing.
		expect(merge(settled, a, b).workspace.findings['110000/1.1.1']).toEqual(f);
	});

	it('same value, different step (是·done and 是·draft) is not a conflict: done wins, notes and evidence united', () => {
		const url = (u: string, by: string) => ({kind: 'url' as const, url: u, seenAt: t(1), by});
		const done = applyChange(blank(), ['110000'], '1.1.1', {value: yes, status: 'done', note: '已核实', addEvidence: [url('https://a.gov.cn', '张三')]}, '张三', t(1));
		// The draft is the newer one: the more advanced status still wins.
		const draft = applyChange(blank(), ['110000'], '1.1.1', {value: yes, status: 'draft', note: '首页可见', addEvidence: [url('https://b.gov.cn', '李四')]}, '李四', t(5));
		for (const m of [merge(done, draft), merge(draft, done)]) {
			expect(m.conflicts).toBe(0);
			const f = m.workspace.findings['110000/1.1.1']!;
			expect(f).toMatchObject({value: yes, status: 'done', by: '张三'});
			expect(f.note.split('\n').sort()).toEqual(['已核实', '首页可见']);
			expect(f.evidence.map(evidenceKey).sort()).toEqual(['url:https://a.gov.cn', 'url:https://b.gov.cn']);
		}
		// A different value, or a flag beside the way, is still a disagreement.
		const flagged = applyChange(blank(), ['110000'], '1.1.1', {value: yes, status: 'flagged', reason: '待复核'}, '王五', t(3));
		expect(merge(done, flagged).conflicts).toBe(1);
		const other = applyChange(blank(), ['110000'], '1.1.1', {value: no, status: 'draft'}, '王五', t(3));
		expect(merge(done, other).conflicts).toBe(1);
	});

	it('a combined version has a rev of its own even when its content equals one it combines (found by the property test)', () => {
		const a = applyChange(blank(), ['310000'], '2.1.3', {value: {type: 'direct', score: 26}, status: 'draft'}, '张三', t(0));
		const b = applyChange(blank(), ['310000'], '2.1.3', {value: {type: 'direct', score: 26}, status: 'done'}, '李四', t(0));
		const ab = merge(a, b).workspace;
		const f = ab.findings['310000/2.1.3']!;
		expect(f.rev).not.toBe(b.findings['310000/2.1.3']!.rev);
		for (const again of [merge(ab, a), merge(ab, b), merge(b, ab), merge(ab, ab)]) expect(normal(again.workspace)).toEqual(normal(ab));
	});

	it('settling records an optional reason and keeps every candidate whole', () => {
		const quote = {kind: 'quote' as const, text: '无入口', seenAt: t(1), by: '张三'};
		const a = applyChange(blank(), ['110000'], '1.1.1', {value: no, note: 'A 的理由', addEvidence: [quote]}, '张三', t(1));
		const b = applyChange(blank(), ['110000'], '1.1.1', {value: yes, note: 'B 的理由'}, '李四', t(2));
		const settled = settleConflict(merge(a, b).workspace, '110000', '1.1.1', {value: yes, status: 'done', note: '以李四为准'}, '组长', t(9), '李四的截图更新');
		const f = settled.findings['110000/1.1.1']!;
		expect(f.settled).toMatchObject({by: '组长', at: t(9), reason: '李四的截图更新'});
		expect(f.settled!.candidates!.map(c => [c.by, c.value, c.note, c.evidence.length])).toEqual([
			['李四', yes, 'B 的理由', 0],
			['张三', no, 'A 的理由', 1],
		]);
		// A later edit keeps how it was settled.
		const edited = applyChange(settled, ['110000'], '1.1.1', {note: '补充'}, '组长', t(10));
		expect(edited.findings['110000/1.1.1']!.settled).toEqual(f.settled);
		expect(settleConflict(merge(a, b).workspace, '110000', '1.1.1', {value: yes, status: 'done', note: ''}, '组长', t(9)).findings['110000/1.1.1']!.settled!.reason).toBeUndefined();
	});

	it('keeps the weights digest and the sample plan the first workspace refers to', () => {
		const a = {...blank(), weightsDigest: 'a'.repeat(64), samplePlan: 'plan.json'};
		expect(merge(a, blank()).workspace).toMatchObject({weightsDigest: 'a'.repeat(64), samplePlan: 'plan.json'});
	});

	it('refuses workspaces of different systems or system versions', () => {
		const other = {...blank(), system: {...blank().system, id: '2020-city'}};
		const r = mergeWorkspaces([blank(), other], {id: 'm', assessor: 'x', createdAt: t(0)});
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.issues[0]!.message).toContain('only workspaces of one system can be merged');
		const newer = {...blank(), system: {...blank().system, version: '2'}};
		const v = mergeWorkspaces([blank(), newer], {id: 'm', assessor: 'x', createdAt: t(0)});
		expect(v.ok).toBe(false);
	});
});

// Random team work: a common base, then each assessor edits some findings on top of it.
const leaves = miniIndex.leaves.map(l => l.code).filter(c => miniIndex.nodes.get(c)!.rule!.type !== 'sampled');
const valueFor = (leaf: string, n: number): FindingValue => {
	const rule = miniIndex.nodes.get(leaf)!.rule!;
	if (rule.type === 'yesno') return {type: 'yesno', met: n % 2 === 0};
	if (rule.type === 'levels') return {type: 'levels', level: rule.levels[n % rule.levels.length]!.id};
	if (rule.type === 'measure') return {type: 'measure', amount: n % 7};
	return {type: 'direct', score: (n * 13) % 101};
};
const edit = fc.record({
	region: fc.constantFrom('110000', '310000', '320000'),
	leaf: fc.constantFrom(...leaves),
	n: fc.nat(5),
	note: fc.constantFrom('', '已核实', '入口缺失', 'note'),
	url: fc.option(fc.constantFrom('https://a.gov.cn', 'https://b.gov.cn', 'https://c.gov.cn'), {nil: undefined}),
	status: fc.constantFrom('draft' as const, 'done' as const, 'flagged' as const, 'na' as const),
	minute: fc.nat(1000),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;
const applyEdits = (ws: Workspace, edits: Edit[], by: string) =>
	edits.reduce(
		(w, e) => applyChange(w, [e.region], e.leaf, {value: e.status === 'na' ? null : valueFor(e.leaf, e.n), note: e.note, status: e.status, addEvidence: e.url ? [{kind: 'url', url: e.url, seenAt: t(e.minute), by}] : []}, by, t(e.minute)),
		ws,
	);
const team = fc.record({base: fc.array(edit, {maxLength: 6}), a: fc.array(edit, {maxLength: 6}), b: fc.array(edit, {maxLength: 6}), c: fc.array(edit, {maxLength: 4})}).map(({base, a, b, c}) => {
	const common = applyEdits(blank(['110000', '310000', '320000']), base, '张三');
	return {base: common, a: applyEdits(common, a, '张三'), b: applyEdits(common, b, '李四'), c: applyEdits(common, c, '王五')};
});

/** Everything a merged workspace remembers: revs of findings, candidates and their histories. */
const revsIn = (ws: Workspace) => {
	const all: Finding[] = [...Object.values(ws.findings), ...Object.values(ws.conflicts).flatMap(c => c.candidates)];
	return new Set(all.flatMap(f => [f.rev, ...f.history.map(h => h.rev), ...(f.settled?.from ?? [])]));
};
const normal = (ws: Workspace) => ({findings: ws.findings, conflicts: ws.conflicts});

describe('merge invariants (property tests)', () => {
	it('never loses a finding version, a note or an evidence item', () => {
		fc.assert(
			fc.property(team, ({a, b, c}) => {
				const merged = merge(a, b, c).workspace;
				const remembered = revsIn(merged);
				for (const ws of [a, b, c]) {
					for (const [key, f] of Object.entries(ws.findings) as [string, Finding][]) {
						expect(remembered.has(f.rev)).toBe(true);
						const result = [merged.findings[key], ...(merged.conflicts[key]?.candidates ?? [])].filter(Boolean) as Finding[];
						const superseded = result.some(r => r.history.some(h => h.rev === f.rev));
						if (superseded) continue;
						const notes = result.map(r => r.note).join('\n');
						if (f.note) expect(notes).toContain(f.note);
						const evidence = new Set(result.flatMap(r => r.evidence.map(evidenceKey)));
						for (const e of f.evidence) expect(evidence.has(evidenceKey(e))).toBe(true);
					}
				}
			}),
			{numRuns: 150},
		);
	});

	it('never makes a conflict of versions that agree on the value and are both draft or done', () => {
		fc.assert(
			fc.property(fc.constantFrom(...leaves), fc.nat(5), fc.array(fc.record({status: fc.constantFrom('draft' as const, 'done' as const), note: fc.constantFrom('', 'a', 'b'), minute: fc.nat(100)}), {minLength: 2, maxLength: 4}), (leaf, n, versions) => {
				const inputs = versions.map((v, i) => applyChange(blank(), ['110000'], leaf, {value: valueFor(leaf, n), status: v.status, note: v.note}, `评估人${i}`, t(v.minute)));
				const m = merge(...inputs);
				expect(m.conflicts).toBe(0);
				const f = m.workspace.findings[`110000/${leaf}`]!;
				expect(f.status).toBe(versions.some(v => v.status === 'done') ? 'done' : 'draft');
				for (const v of versions) if (v.note) expect(f.note.split('\n')).toContain(v.note);
			}),
			{numRuns: 100},
		);
	});

	it('is commutative and idempotent, and merging with an ancestor changes nothing', () => {
		fc.assert(
			fc.property(team, ({base, a, b}) => {
				expect(normal(merge(a, b).workspace)).toEqual(normal(merge(b, a).workspace));
				expect(normal(merge(a, a).workspace)).toEqual(normal(a));
				const ab = merge(a, b).workspace;
				expect(normal(merge(ab, ab).workspace)).toEqual(normal(ab));
				expect(normal(merge(ab, a).workspace)).toEqual(normal(ab));
				expect(normal(merge(a, base).workspace)).toEqual(normal(a));
			}),
			{numRuns: 150},
		);
	});
});

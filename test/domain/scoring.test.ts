import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {scoreWorkspace, scoreRecord, rescoreRecord, type ScoredInput, type WorkspaceScore} from '../../source/domain/scoring/score-workspace.js';
import {rank, roundScore} from '../../source/domain/scoring/ranking.js';
import {tierOf} from '../../source/domain/scoring/tiers.js';
import type {FindingValue} from '../../source/domain/workspace/workspace-schema.js';
import {miniIndex, miniSystem, miniWeights} from '../helpers/mini-system.js';

type Findings = Record<string, Record<string, ScoredInput>>;
const score = (findings: Findings, weights = miniWeights) =>
	scoreWorkspace(miniIndex, weights, Object.keys(findings), (region, leaf) => findings[region]?.[leaf]);
const done = (value: FindingValue): ScoredInput => ({value, status: 'done'});

describe('scoreWorkspace', () => {
	it('aggregates weighted leaf scores up to the total', () => {
		const s = score({
			A: {
				'1.1.1': done({type: 'yesno', met: true}), // 100
				'1.1.2': done({type: 'levels', level: 'partial'}), // 60
				'1.2.1': done({type: 'sampled', samples: [{item: 'x', pass: true}, {item: 'y', pass: false}]}), // 50
				'2.1.1': done({type: 'measure', amount: 50}), // best → 100
				'2.1.2': done({type: 'measure', amount: 1}), // best → 100
				'2.1.3': done({type: 'direct', score: 70}),
			},
		});
		const a = s.regions[0]!;
		expect(a.nodes.get('1.1')!.score).toBe(80);
		expect(a.nodes.get('1')!.score).toBe(65);
		expect(a.nodes.get('2')!.score).toBeCloseTo(90, 10);
		expect(a.total).toBeCloseTo(77.5, 10);
		expect(a.coverage).toBe(1);
		expect(a.unscored).toBe(0);
		expect(a.tier?.id).toBe('medium');
	});

	it('scores what is recorded and reports coverage for the rest', () => {
		const s = score({A: {'1.1.1': done({type: 'yesno', met: true})}});
		const a = s.regions[0]!;
		expect(a.nodes.get('1.1.1')!.score).toBe(100);
		expect(a.nodes.get('1.1.2')!.score).toBeNull();
		expect(a.nodes.get('1.1')!.score).toBe(100);
		expect(a.nodes.get('1.1')!.coverage).toBe(0.5);
		expect(a.nodes.get('2')!.score).toBeNull();
		expect(a.total).toBe(100);
		expect(a.coverage).toBeCloseTo(0.125, 10);
		expect(a.unscored).toBe(5);
	});

	it('leaves everything null for a region with nothing recorded', () => {
		const a = score({A: {}}).regions[0]!;
		expect(a.total).toBeNull();
		expect(a.tier).toBeNull();
		expect(a.rank).toBeNull();
		expect(a.coverage).toBe(0);
	});

	it('excludes not-applicable leaves and renormalises their siblings', () => {
		const s = score({
			A: {
				'1.1.1': {value: null, status: 'na'},
				'1.1.2': done({type: 'levels', level: 'partial'}),
			},
		});
		const a = s.regions[0]!;
		expect(a.nodes.get('1.1.1')!.na).toBe(true);
		expect(a.nodes.get('1.1')!.score).toBe(60);
		expect(a.nodes.get('1.1')!.coverage).toBe(1);
	});

	it('drops a node whose children are all not applicable', () => {
		const s = score({A: {'1.2.1': {value: null, status: 'na'}, '1.1.1': done({type: 'yesno', met: false})}});
		const a = s.regions[0]!;
		expect(a.nodes.get('1.2')!.na).toBe(true);
		expect(a.nodes.get('1')!.score).toBe(0);
		expect(a.nodes.get('1')!.coverage).toBe(0.5);
	});

	it('scores measurements against the regions: value / best when higher is better, between worst and best when lower is', () => {
		const s = score({
			A: {'2.1.1': done({type: 'measure', amount: 80}), '2.1.2': done({type: 'measure', amount: 2})},
			B: {'2.1.1': done({type: 'measure', amount: 40}), '2.1.2': done({type: 'measure', amount: 4})},
			C: {'2.1.1': done({type: 'measure', amount: 60}), '2.1.2': done({type: 'measure', amount: 3})},
		});
		expect(s.best.get('2.1.1')).toBe(80);
		expect(s.best.get('2.1.2')).toBe(2);
		expect(s.stats.get('2.1.2')).toEqual({best: 2, worst: 4, count: 3});
		expect(s.regions[1]!.nodes.get('2.1.1')!.score).toBe(50);
		expect(s.regions.map(r => r.nodes.get('2.1.2')!.score)).toEqual([100, 0, 50]);
	});

	it('a lower-is-better measure at 0 in one region leaves the others their points (平均跑动次数 = 0)', () => {
		const s = score({
			A: {'2.1.2': done({type: 'measure', amount: 0})},
			B: {'2.1.2': done({type: 'measure', amount: 1})},
			C: {'2.1.2': done({type: 'measure', amount: 2})},
		});
		expect(s.regions.map(r => r.nodes.get('2.1.2')!.score)).toEqual([100, 50, 0]);
	});

	it('ranks regions per indicator, ties sharing a rank', () => {
		const s = score({
			A: {'1.1.1': done({type: 'yesno', met: true})},
			B: {'1.1.1': done({type: 'yesno', met: true})},
			C: {'1.1.1': done({type: 'yesno', met: false})},
			D: {},
		});
		expect(s.regions.map(r => r.nodes.get('1.1.1')!.rank)).toEqual([1, 1, 3, null]);
		expect(s.regions.map(r => r.rank)).toEqual([1, 1, 3, null]);
	});
});

describe('rank', () => {
	it('ranks competition style by default and dense on request', () => {
		expect(rank([90, 95, 90, 80], 'competition')).toEqual([2, 1, 2, 4]);
		expect(rank([90, 95, 90, 80], 'dense')).toEqual([2, 1, 2, 3]);
	});

	it('decides ties on two decimals, as published', () => {
		expect(rank([86.971, 86.974, 86.98], 'competition')).toEqual([2, 2, 1]);
		expect(roundScore(86.975)).toBe(86.98);
	});
});

describe('tierOf', () => {
	const tiers = miniSystem.tiers;
	it('puts totals into the published tiers with the stated edges', () => {
		expect(tierOf(tiers, 90.01)?.id).toBe('very-high');
		expect(tierOf(tiers, 90)?.id).toBe('high'); // 非常高 is "over 90"
		expect(tierOf(tiers, 89.999)?.id).toBe('high'); // shown as 90.00: decided on two decimals
		expect(tierOf(tiers, 80)?.id).toBe('high');
		expect(tierOf(tiers, 79.99)?.id).toBe('medium');
		expect(tierOf(tiers, 0)?.id).toBe('medium');
		expect(tierOf(tiers, null)).toBeNull();
	});
});

// Random findings for the property tests: any leaf may be missing, not applicable or valued.
const leafValue = (code: string): fc.Arbitrary<ScoredInput | undefined> => {
	const rule = miniIndex.nodes.get(code)!.rule!;
	const value: fc.Arbitrary<FindingValue> =
		rule.type === 'yesno'
			? fc.boolean().map(met => ({type: 'yesno', met}))
			: rule.type === 'levels'
				? fc.constantFrom(...rule.levels.map(l => l.id)).map(level => ({type: 'levels', level}))
				: rule.type === 'sampled'
					? fc.array(fc.boolean(), {maxLength: 6}).map(p => ({type: 'sampled', samples: p.map((pass, i) => ({item: `SI-${i}`, pass}))}))
					: rule.type === 'measure'
						? fc.double({min: 0, max: 100, noNaN: true}).map(amount => ({type: 'measure', amount}))
						: fc.double({min: 0, max: 100, noNaN: true}).map(s => ({type: 'direct', score: s}));
	return fc.oneof(
		fc.constant(undefined),
		fc.constant<ScoredInput>({value: null, status: 'na'}),
		value.map(v => ({value: v, status: 'done' as const})),
	);
};
const regionFindings = fc.record(Object.fromEntries(miniIndex.leaves.map(l => [l.code, leafValue(l.code)]))) as fc.Arbitrary<Record<string, ScoredInput | undefined>>;
const workspaceFindings = fc.array(regionFindings, {minLength: 1, maxLength: 6}).map(list => {
	const out: Findings = {};
	list.forEach((f, i) => (out[`R${i}`] = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Record<string, ScoredInput>));
	return out;
});

describe('scoring invariants (property tests)', () => {
	it('every score is within 0–100 and every coverage within 0–1', () => {
		fc.assert(
			fc.property(workspaceFindings, findings => {
				for (const r of score(findings).regions) {
					for (const [, n] of r.nodes) {
						if (n.score !== null) expect(n.score).toBeGreaterThanOrEqual(0), expect(n.score).toBeLessThanOrEqual(100 + 1e-9);
						expect(n.coverage).toBeGreaterThanOrEqual(0);
						expect(n.coverage).toBeLessThanOrEqual(1 + 1e-9);
					}
				}
			}),
		);
	});

	it('changing one leaf changes only that leaf and its ancestors', () => {
		const nonMeasure = miniIndex.leaves.filter(l => l.rule!.type !== 'measure').map(l => l.code);
		fc.assert(
			fc.property(workspaceFindings, fc.constantFrom(...nonMeasure), fc.integer({min: 0, max: 5}), (findings, leaf, at) => {
				const region = Object.keys(findings)[at % Object.keys(findings).length]!;
				const before = score(findings);
				const changed = structuredClone(findings);
				changed[region]![leaf] = {value: {type: 'direct', score: 0}, status: 'na'};
				const after = score(changed);
				const allowed = new Set<string>();
				for (let c: string | undefined = leaf; c; c = miniIndex.nodes.get(c)!.parent) allowed.add(c);
				before.regions.forEach((r, i) => {
					for (const [code, n] of r.nodes) {
						if (r.code === region && allowed.has(code)) continue;
						const m = after.regions[i]!.nodes.get(code)!;
						expect([m.score, m.coverage, m.na]).toEqual([n.score, n.coverage, n.na]);
					}
				});
			}),
		);
	});

	it('scaling a set of sibling weights by a constant changes nothing', () => {
		const groups = [miniIndex.primaries, ...miniIndex.ordered.filter(n => n.children.length).map(n => n.children)];
		fc.assert(
			fc.property(workspaceFindings, fc.constantFrom(...groups), fc.double({min: 0.01, max: 100, noNaN: true}), (findings, group, k) => {
				const scaled = {...miniWeights};
				for (const c of group) scaled[c] = scaled[c]! * k;
				const a = score(findings);
				const b = score(findings, scaled);
				a.regions.forEach((r, i) => {
					for (const [code, n] of r.nodes) {
						const m = b.regions[i]!.nodes.get(code)!;
						if (n.score === null) expect(m.score).toBeNull();
						else expect(m.score).toBeCloseTo(n.score, 8);
						expect(m.coverage).toBeCloseTo(n.coverage, 8);
					}
				});
			}),
		);
	});

	it('ranks are a permutation with ties: sorted ranks follow competition or dense rules', () => {
		fc.assert(
			fc.property(fc.array(fc.option(fc.double({min: 0, max: 100, noNaN: true}), {nil: null}), {maxLength: 70}), fc.constantFrom('competition' as const, 'dense' as const), (scores, style) => {
				const ranks = rank(scores, style);
				const ranked = scores.map((s, i) => ({s: s === null ? null : roundScore(s), r: ranks[i]!})).filter(x => x.s !== null) as {s: number; r: number}[];
				expect(ranks.filter(r => r === null).length).toBe(scores.filter(s => s === null).length);
				ranked.sort((a, b) => a.r - b.r);
				ranked.forEach((x, i) => {
					if (i === 0) return expect(x.r).toBe(1);
					const prev = ranked[i - 1]!;
					if (x.s === prev.s) expect(x.r).toBe(prev.r);
					else {
						expect(x.s).toBeLessThan(prev.s);
						expect(x.r).toBe(style === 'competition' ? i + 1 : prev.r + 1);
					}
				});
			}),
		);
	});
});

describe('zero weights (issue 11)', () => {
	// 1.1.1 weighs everything in 1.1 and is not applicable; 1.1.2 weighs 0 and is scored.
	const weights = {...miniWeights, '1.1.1': 1, '1.1.2': 0};
	const full = (extra: Record<string, ScoredInput>): Findings => ({
		A: {
			'1.1.1': {value: null, status: 'na'},
			'1.1.2': done({type: 'levels', level: 'full'}),
			'1.2.1': done({type: 'sampled', samples: [{item: 'x', pass: true}, {item: 'y', pass: false}]}),
			'2.1.1': done({type: 'measure', amount: 50}),
			'2.1.2': done({type: 'measure', amount: 1}),
			'2.1.3': done({type: 'direct', score: 70}),
			...extra,
		},
	});

	it('shows a zero-weight leaf with its score; its parent has no score, says why, and drops out without being "not applicable"', () => {
		const a = score(full({}), weights).regions[0]!;
		expect(a.nodes.get('1.1.2')).toMatchObject({score: 100, na: false, weightless: false});
		expect(a.nodes.get('1.1')).toMatchObject({score: null, na: false, weightless: true, coverage: 1});
		// 1 is scored from 1.2 alone (50), the total from both primaries: never blank.
		expect(a.nodes.get('1')!.score).toBe(50);
		expect(a.total).toBeCloseTo((50 + 90) / 2, 10);
		expect(a.coverage).toBe(1);
		expect(a.unscored).toBe(0);
	});

	it('a leaf of weight 0 changes nothing in any total, whatever its score', () => {
		fc.assert(
			fc.property(fc.constantFrom('full', 'partial', 'none'), level => {
				const base = score(full({'1.1.1': done({type: 'yesno', met: true})}), weights).regions[0]!;
				const other = score(full({'1.1.1': done({type: 'yesno', met: true}), '1.1.2': done({type: 'levels', level})}), weights).regions[0]!;
				expect(other.total).toBe(base.total);
				expect(other.nodes.get('1.1')!.score).toBe(100);
			}),
		);
	});

	it('a node all of whose children are not applicable is still "not applicable"', () => {
		const a = score(full({'1.1.2': {value: null, status: 'na'}}), weights).regions[0]!;
		expect(a.nodes.get('1.1')).toMatchObject({na: true, weightless: false, score: null});
	});
});

describe('re-scoring after a change (the keypress path)', () => {
	// Everything a score says, in a form toEqual compares (typed arrays read through NodeScores).
	const plain = (s: WorkspaceScore) => ({
		regions: s.regions.map(r => ({code: r.code, total: r.total, coverage: r.coverage, rank: r.rank, tier: r.tier?.id ?? null, unscored: r.unscored, nodes: [...r.nodes]})),
		best: [...s.best],
		stats: [...s.stats],
	});
	const flat = (findings: Findings) => Object.fromEntries(Object.entries(findings).flatMap(([region, leaves]) => Object.entries(leaves).map(([leaf, f]) => [`${region}/${leaf}`, f])));
	// A change: some leaves of one or two regions set to another value, to nothing, or not applicable.
	const change = fc.record({
		regions: fc.array(fc.integer({min: 0, max: 5}), {minLength: 1, maxLength: 2}),
		leaves: fc.array(fc.constantFrom(...miniIndex.leaves.map(l => l.code)).chain(code => fc.tuple(fc.constant(code), leafValue(code))), {minLength: 1, maxLength: 3}),
	});

	it('gives what a full re-score gives, change after change (measures too: their best and worst may move)', () => {
		fc.assert(
			fc.property(workspaceFindings, fc.array(change, {minLength: 1, maxLength: 6}), fc.constantFrom('competition' as const, 'dense' as const), (findings, changes, ranking) => {
				const index = ranking === miniIndex.system.ranking ? miniIndex : {...miniIndex, system: {...miniIndex.system, ranking}};
				const regions = Object.keys(findings);
				let record: Record<string, ScoredInput> = flat(findings);
				let scores = scoreRecord(index, miniWeights, regions, record);
				for (const c of changes) {
					const touched = c.regions.map(i => regions[i % regions.length]!);
					record = {...record};
					for (const region of touched)
						for (const [leaf, f] of c.leaves) {
							if (f) record[`${region}/${leaf}`] = f;
							else delete record[`${region}/${leaf}`];
						}
					scores = rescoreRecord(scores, index, miniWeights, regions, record, touched);
					expect(plain(scores)).toEqual(plain(scoreRecord(index, miniWeights, regions, record)));
				}
			}),
		);
	});

	it('leaves the score it started from as it was', () => {
		const regions = ['R0', 'R1', 'R2'];
		const record: Record<string, ScoredInput> = {'R0/1.1.1': done({type: 'yesno', met: true}), 'R1/1.1.1': done({type: 'yesno', met: false}), 'R2/1.1.1': done({type: 'yesno', met: true})};
		const before = scoreRecord(miniIndex, miniWeights, regions, record);
		const shown = plain(before);
		const after = rescoreRecord(before, miniIndex, miniWeights, regions, {...record, 'R1/1.1.1': done({type: 'yesno', met: true})}, ['R1']);
		expect(plain(before)).toEqual(shown);
		expect(after.regions[1]!.nodes.get('1.1.1')!.rank).toBe(1);
		expect(before.regions[1]!.nodes.get('1.1.1')!.rank).toBe(3);
	});

	it('scores in full when the weights or the regions are not the ones the earlier score had', () => {
		const regions = ['R0', 'R1'];
		const record: Record<string, ScoredInput> = {'R0/1.1.1': done({type: 'yesno', met: true})};
		const before = scoreRecord(miniIndex, miniWeights, regions, record);
		const heavier = Object.fromEntries(Object.entries(miniWeights).map(([k, v]) => [k, k === '1.1.1' ? v * 3 : v]));
		expect(plain(rescoreRecord(before, miniIndex, heavier, regions, record, ['R0']))).toEqual(plain(scoreRecord(miniIndex, heavier, regions, record)));
		const more = [...regions, 'R2'];
		expect(plain(rescoreRecord(before, miniIndex, miniWeights, more, record, ['R2']))).toEqual(plain(scoreRecord(miniIndex, miniWeights, more, record)));
	});
});

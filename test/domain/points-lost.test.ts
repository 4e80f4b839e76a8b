import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {scoreWorkspace, type ScoredInput} from '../../source/domain/scoring/score-workspace.js';
import {pointsLost} from '../../source/domain/scoring/points-lost.js';
import type {FindingValue} from '../../source/domain/workspace/workspace-schema.js';
import {miniIndex, miniWeights} from '../helpers/mini-system.js';

const done = (value: FindingValue): ScoredInput => ({value, status: 'done'});
const regionOf = (findings: Record<string, ScoredInput>, weights = miniWeights) => scoreWorkspace(miniIndex, weights, ['A'], (_r, leaf) => findings[leaf]).regions[0]!;

describe('pointsLost: what each leaf cost the total', () => {
	it('is the leaf’s weight along its path × (100 − score), largest first', () => {
		const a = regionOf({
			'1.1.1': done({type: 'yesno', met: false}), // 0, share 0.5 × 0.5 × 0.5 = 0.125 → 12.5
			'1.1.2': done({type: 'levels', level: 'partial'}), // 60, share 0.125 → 5
			'1.2.1': done({type: 'sampled', samples: [{item: 'x', pass: true}, {item: 'y', pass: true}]}), // 100 → 0
			'2.1.3': done({type: 'direct', score: 70}), // 2.1.1 and 2.1.2 unscored: 2.1.3 carries all of 2 → share 0.5 → 15
		});
		const costs = pointsLost(miniIndex, miniWeights, a.nodes);
		expect(costs.map(c => [c.code, c.cost])).toEqual([
			['2.1.3', 15],
			['1.1.1', 12.5],
			['1.1.2', 5],
			['1.2.1', 0],
		]);
		expect(costs.find(c => c.code === '2.1.3')!.share).toBe(0.5);
	});

	it('leaves out what is not applicable, unscored, or under a node that weighs nothing', () => {
		const weights = {...miniWeights, '1.2': 0, '1.1': 1};
		const a = regionOf(
			{
				'1.1.1': {value: null, status: 'na'},
				'1.1.2': done({type: 'levels', level: 'none'}),
				'1.2.1': done({type: 'sampled', samples: [{item: 'x', pass: false}]}),
			},
			weights,
		);
		const costs = pointsLost(miniIndex, weights, a.nodes);
		// 1.1.1 n/a: 1.1.2 is all of 1.1, which is all of 1 (1.2 weighs 0), which is all of the total (2 unscored).
		expect(costs).toEqual([{code: '1.1.2', score: 0, share: 1, cost: 100}]);
	});

	it('adds up to 100 − total, whatever the findings and weights (0 included)', () => {
		const leaf = (rule: string) =>
			fc.oneof(
				fc.constant(undefined),
				fc.constant<ScoredInput>({value: null, status: 'na'}),
				rule === 'yesno' ? fc.boolean().map(met => done({type: 'yesno', met})) : rule === 'levels' ? fc.constantFrom('full', 'partial', 'none').map(level => done({type: 'levels', level})) : rule === 'sampled' ? fc.array(fc.boolean(), {minLength: 1, maxLength: 5}).map(p => done({type: 'sampled', samples: p.map((pass, i) => ({item: String(i), pass}))})) : rule === 'measure' ? fc.integer({min: 1, max: 100}).map(amount => done({type: 'measure', amount})) : fc.integer({min: 0, max: 100}).map(score => done({type: 'direct', score})),
			);
		const findings = fc.record(Object.fromEntries(miniIndex.leaves.map(l => [l.code, leaf(l.rule!.type)])));
		const weights = fc.record(Object.fromEntries(miniIndex.ordered.map(n => [n.code, fc.oneof(fc.constant(0), fc.double({min: 0.01, max: 1, noNaN: true}))])));
		fc.assert(
			fc.property(findings, weights, (f, w) => {
				const region = scoreWorkspace(miniIndex, w, ['A'], (_r, code) => (f as Record<string, ScoredInput | undefined>)[code]).regions[0]!;
				const costs = pointsLost(miniIndex, w, region.nodes);
				const lost = costs.reduce((a, c) => a + c.cost, 0);
				if (region.total === null) expect(lost).toBe(0);
				else expect(lost).toBeCloseTo(100 - region.total, 9);
				for (const c of costs) expect(c.share).toBeGreaterThan(0);
				for (let i = 1; i < costs.length; i++) expect(costs[i - 1]!.cost).toBeGreaterThanOrEqual(costs[i]!.cost);
			}),
			{numRuns: 300},
		);
	});
});

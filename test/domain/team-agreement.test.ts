import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {teamAgreement} from '../../source/domain/agreement/team-agreement.js';
import {agreementOf} from '../../source/domain/agreement/agreement.js';
import {krippendorffAlpha} from '../../source/domain/agreement/krippendorff-alpha.js';
import {fleissKappa} from '../../source/domain/agreement/fleiss-kappa.js';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import type {Workspace, FindingValue} from '../../source/domain/workspace/workspace-schema.js';
import {indicatorSystem} from '../../source/domain/system/system-schema.js';
import {indexSystem, type SystemIndex} from '../../source/domain/system/system-index.js';
import {miniIndex, miniSystemInput} from '../helpers/mini-system.js';

const regions = ['110000', '120000', '130000', '140000', '150000', '210000', '220000', '230000', '310000', '320000', '330000', '340000'];
const at = '2026-11-02T00:00:00.000Z';
const blank = (who: string, index: SystemIndex = miniIndex, own = regions) => createWorkspace({id: who, index, systemDigest: '0'.repeat(64), assessor: who, createdAt: '2026-11-01T00:00:00.000Z', regions: own});
/** One assessor's verdicts on one leaf, region by region (undefined: not scored; 'na': not applicable). */
const rate = (ws: Workspace, indicator: string, verdicts: readonly (FindingValue | 'na' | undefined)[]) =>
	verdicts.reduce((w, v, i) => (v === undefined ? w : applyChange(w, [regions[i]!], indicator, v === 'na' ? {status: 'na', reason: '不适用'} : {value: v}, w.assessor, at)), ws);
const round3 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 1000);

/** Krippendorff (2011), section C: 4 observers × 12 units, missing values (see agreement-statistics.test.ts). */
const _ = undefined;
const krippendorff2011 = [
	[1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
	[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
	[_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
	[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

/** The mini system with a four-level rule on 1.1.2, so levels and not applicable give five categories. */
const fourLevels = (() => {
	const input = structuredClone(miniSystemInput) as typeof miniSystemInput;
	const leaf = input.indicators[0]!.children[0]!.children![1]! as {rule: unknown};
	const label = (zh: string) => ({zh});
	leaf.rule = {type: 'levels', levels: [{id: 'full', label: label('完全'), points: 100}, {id: 'most', label: label('大部分'), points: 70}, {id: 'partial', label: label('部分'), points: 40}, {id: 'none', label: label('不满足'), points: 0}]};
	return indexSystem(indicatorSystem.parse(input));
})();

describe('teamAgreement: published data as assessors\' workspaces', () => {
	it('Krippendorff (2011) as four assessors\' direct scores, sampled ratios and measurements: interval α 0.849 on each', () => {
		const team = krippendorff2011.map((row, r) => {
			let ws = blank(`评估员${r + 1}`);
			ws = rate(ws, '2.1.3', row.map(v => (v === undefined ? v : {type: 'direct', score: v})));
			// v passed of 4 samples: 0–100 in steps of 25, an affine image of 1–5 (alpha is unit-free).
			ws = rate(ws, '1.2.1', row.map(v => (v === undefined ? v : {type: 'sampled', samples: [1, 2, 3, 4].map(i => ({item: `SI-000${i}`, pass: i < v}))})));
			ws = rate(ws, '2.1.1', row.map(v => (v === undefined ? v : {type: 'measure', amount: v})));
			return ws;
		});
		const report = teamAgreement(miniIndex, team);
		for (const code of ['2.1.3', '1.2.1', '2.1.1']) {
			const i = report.indicators.find(x => x.indicator === code)!;
			expect(i, code).toMatchObject({level: 'interval', units: 11, pairable: 40, fleissKappa: null});
			expect(round3(i.alpha), code).toBe(0.849);
		}
		// Every assessor who scored it agrees on units 1, 3, 4, 5, 7, 9, 10 and 11: 8 of 11.
		expect(report.indicators.find(x => x.indicator === '2.1.3')).toMatchObject({agreed: 8, percent: 8 / 11});
	});

	it('the same matrix as a four-level rule with not applicable as its fifth category: Fleiss\' κ 0.761 (irrCAC), ordinal α 0.815', () => {
		const category = [undefined, 'full', 'most', 'partial', 'none'] as const;
		const team = krippendorff2011.map((row, r) => rate(blank(`评估员${r + 1}`, fourLevels), '1.1.2', row.map(v => (v === undefined ? v : v === 5 ? 'na' : {type: 'levels', level: category[v]!}))));
		const i = teamAgreement(fourLevels, team).indicators.find(x => x.indicator === '1.1.2')!;
		// Unit 12, scored by one assessor, counts in Gwet's chance agreement: the published 0.76117 needs it.
		expect(round3(i.fleissKappa)).toBe(0.761);
		// Not applicable ranks after the last level, where 5 ranks after 4 in the paper's data.
		expect(round3(i.alpha)).toBe(0.815);
		expect(i).toMatchObject({level: 'ordinal', units: 11, pairable: 40});
	});
});

describe('teamAgreement', () => {
	it('counts not applicable as a category for yes/no but leaves it out of interval data', () => {
		const y = {type: 'yesno', met: true} as const;
		const n = {type: 'yesno', met: false} as const;
		const d = (score: number) => ({type: 'direct', score}) as const;
		const a = rate(rate(blank('张三'), '1.1.1', [y, y, n, 'na']), '2.1.3', [d(80), d(60), 'na']);
		const b = rate(rate(blank('李四'), '1.1.1', [y, n, n, 'na']), '2.1.3', [d(70), d(60), d(50)]);
		const c = rate(rate(blank('王五'), '1.1.1', [y, 'na', _, y]), '2.1.3', [d(90), _, d(55)]);
		const report = teamAgreement(miniIndex, [a, b, c]);
		const yn = report.indicators.find(i => i.indicator === '1.1.1')!;
		const nominal = [['yes', 'yes', 'yes'], ['yes', 'no', 'na'], ['no', 'no'], ['na', 'na', 'yes']];
		expect(yn).toMatchObject({level: 'nominal', units: 4, agreed: 2, pairable: 11});
		expect(yn.alpha).toBeCloseTo(krippendorffAlpha(nominal, {level: 'nominal'}).alpha!, 12);
		expect(yn.fleissKappa).toBeCloseTo(fleissKappa(nominal).kappa!, 12);
		const direct = report.indicators.find(i => i.indicator === '2.1.3')!;
		// Region 3: 张三 said not applicable, 李四 50, 王五 55: a disagreement, but only 50 and 55 pair.
		expect(direct).toMatchObject({level: 'interval', units: 3, agreed: 1, pairable: 7});
		expect(direct.alpha).toBeCloseTo(krippendorffAlpha([[80, 70, 90], [60, 60], [50, 55]], {level: 'interval'}).alpha!, 12);
		expect(direct.meanAbsDiff).toBeCloseTo((10 + 10 + 20 + 0 + 5) / 5, 12);
		expect(report.disagreements).toEqual([
			{region: '120000', indicator: '1.1.1', verdicts: ['是', '否', 'n/a']},
			{region: '140000', indicator: '1.1.1', verdicts: ['n/a', 'n/a', '是']},
			{region: '110000', indicator: '2.1.3', verdicts: ['80', '70', '90']},
			{region: '130000', indicator: '2.1.3', verdicts: ['n/a', '50', '55']},
		]);
		expect(report.overall).toMatchObject({units: 7, agreed: 3, meanAbsScoreDiff: direct.meanAbsDiff});
		// Every two assessors: leaves both scored.
		expect(report.pairs.map(p => [p.a, p.b, p.items])).toEqual([
			[0, 1, 7],
			[0, 2, 5],
			[1, 2, 5],
		]);
	});

	it('pools kappa over indicators (De Vries et al. 2008) and weighs each indicator\'s alpha by its pairable values', () => {
		const y = {type: 'yesno', met: true} as const;
		const n = {type: 'yesno', met: false} as const;
		const lv = (level: string) => ({type: 'levels', level}) as const;
		const a = rate(rate(blank('张三'), '1.1.1', [y, y, n, n]), '1.1.2', [lv('full'), lv('partial'), lv('none')]);
		const b = rate(rate(blank('李四'), '1.1.1', [y, n, n, n]), '1.1.2', [lv('full'), lv('none'), lv('none')]);
		const report = teamAgreement(miniIndex, [a, b]);
		const [yn, levels] = report.indicators;
		const kappa1 = fleissKappa([['yes', 'yes'], ['yes', 'no'], ['no', 'no'], ['no', 'no']]);
		const kappa2 = fleissKappa([['full', 'full'], ['partial', 'none'], ['none', 'none']]);
		const observed = (kappa1.observed * 4 + kappa2.observed * 3) / 7;
		const expected = (kappa1.expected * 4 + kappa2.expected * 3) / 7;
		expect(report.overall.fleissKappa).toBeCloseTo((observed - expected) / (1 - expected), 12);
		expect(report.overall.alpha).toBeCloseTo((yn!.alpha! * 8 + levels!.alpha! * 6) / 14, 12);
		expect(report.overall.lowestAlpha).toEqual({indicator: yn!.alpha! < levels!.alpha! ? '1.1.1' : '1.1.2', alpha: Math.min(yn!.alpha!, levels!.alpha!)});
	});

	it('with two assessors, its pair is agreementOf the two', () => {
		const a = rate(blank('张三'), '1.1.1', [{type: 'yesno', met: true}, {type: 'yesno', met: false}]);
		const b = rate(blank('李四'), '1.1.1', [{type: 'yesno', met: true}, {type: 'yesno', met: true}]);
		const {disagreements, ...pair} = agreementOf(miniIndex, a, b);
		const report = teamAgreement(miniIndex, [a, b]);
		expect(report.pairs).toEqual([{a: 0, b: 1, ...pair}]);
		expect(report.disagreements).toEqual(disagreements.map(d => ({region: d.region, indicator: d.indicator, verdicts: [d.a, d.b]})));
	});

	it('a sampled ratio with no samples checked says nothing yet', () => {
		const empty: FindingValue = {type: 'sampled', samples: []};
		const one: FindingValue = {type: 'sampled', samples: [{item: 'SI-0001', pass: true}]};
		const report = teamAgreement(miniIndex, [rate(blank('张三'), '1.2.1', [empty, one]), rate(blank('李四'), '1.2.1', [one, one])]);
		expect(report.indicators).toMatchObject([{indicator: '1.2.1', units: 1, agreed: 1}]);
	});

	it('says nothing can be compared when no two assessors scored the same leaf in a region', () => {
		const a = rate(blank('张三', miniIndex, ['110000']), '1.1.1', [{type: 'yesno', met: true}]);
		const b = blank('李四', miniIndex, ['120000']);
		const report = teamAgreement(miniIndex, [a, b]);
		expect(report.overall).toMatchObject({units: 0, percent: null, fleissKappa: null, alpha: null, lowestAlpha: null});
		expect(report.indicators).toEqual([]);
	});
});

const verdict = fc.constantFrom<FindingValue | 'na' | undefined>(
	undefined,
	undefined,
	'na',
	{type: 'yesno', met: true},
	{type: 'yesno', met: false},
);
const score = fc.option(fc.oneof(fc.constant<'na'>('na'), fc.integer({min: 0, max: 100}).map(s => ({type: 'direct', score: s}) as FindingValue)), {nil: undefined, freq: 3});
const teamOf = fc.array(fc.tuple(fc.array(verdict, {minLength: 6, maxLength: 6}), fc.array(score, {minLength: 6, maxLength: 6})), {minLength: 2, maxLength: 5}).map(rows => rows.map(([yn, direct], i) => rate(rate(blank(`评估员${i}`), '1.1.1', yn), '2.1.3', direct)));

describe('teamAgreement: properties', () => {
	it('the order the assessors\' files come in changes no coefficient', () => {
		fc.assert(
			fc.property(teamOf, fc.integer({min: 1, max: 1000}), (team, seed) => {
				const rotated = [...team.slice(seed % team.length), ...team.slice(0, seed % team.length)].reverse();
				const a = teamAgreement(miniIndex, team);
				const b = teamAgreement(miniIndex, rotated);
				const summary = (r: typeof a) => [r.overall.units, r.overall.agreed, r.indicators.map(i => [i.indicator, i.units, i.agreed, i.pairable])];
				expect(summary(b)).toEqual(summary(a));
				const close = (x: number | null, y: number | null) => (x === null ? expect(y).toBeNull() : expect(y).toBeCloseTo(x, 9));
				close(a.overall.fleissKappa, b.overall.fleissKappa);
				close(a.overall.alpha, b.overall.alpha);
				a.indicators.forEach((i, k) => {
					close(i.fleissKappa, b.indicators[k]!.fleissKappa);
					close(i.alpha, b.indicators[k]!.alpha);
					close(i.meanAbsDiff, b.indicators[k]!.meanAbsDiff);
				});
				expect(b.disagreements.length).toBe(a.disagreements.length);
			}),
			{numRuns: 150},
		);
	});

	it('assessors who all agree get alpha 1 wherever there is variation to agree about', () => {
		fc.assert(
			fc.property(fc.array(verdict, {minLength: 6, maxLength: 6}), fc.integer({min: 2, max: 4}), (verdicts, n) => {
				const team = Array.from({length: n}, (__, i) => rate(blank(`评估员${i}`), '1.1.1', verdicts));
				const r = teamAgreement(miniIndex, team);
				const categories = new Set(verdicts.filter(v => v !== undefined).map(v => JSON.stringify(v)));
				if (categories.size < 2) return;
				expect(r.indicators[0]!.alpha).toBe(1);
				expect(r.indicators[0]!.fleissKappa).toBeCloseTo(1, 12);
				expect(r.disagreements).toEqual([]);
			}),
			{numRuns: 150},
		);
	});
});

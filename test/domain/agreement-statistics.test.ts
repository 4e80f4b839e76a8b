import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {fleissKappa} from '../../source/domain/agreement/fleiss-kappa.js';
import {krippendorffAlpha, type MeasurementLevel} from '../../source/domain/agreement/krippendorff-alpha.js';
import {pooledKappa} from '../../source/domain/agreement/pooled-kappa.js';
import {cohensTerms} from '../../source/domain/agreement/cohens-kappa.js';

/** Reliability data as published: one row per rater, one column per unit, undefined where missing. */
type Matrix<V> = readonly (readonly (V | undefined)[])[];
const _ = undefined;
/** The units of a raters × units matrix: per column, the values given. */
const unitsOf = <V>(rows: Matrix<V>): V[][] => rows[0]!.map((__, j) => rows.map(r => r[j]).filter((v): v is V => v !== undefined));
/** Units from a subjects × categories table of counts (how many raters chose each category). */
const unitsFromCounts = (table: readonly (readonly number[])[]): string[][] => table.map(row => row.flatMap((n, k) => Array<string>(n).fill(`c${k}`)));
const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

describe("Fleiss' kappa: published worked examples", () => {
	it('Wikipedia, "Fleiss\' kappa", worked example: 10 subjects, 14 raters, 5 categories — P̄ 0.378, P̄e 0.213, κ 0.210', () => {
		// Table from the article's "Worked example" section (also statsmodels' test_inter_rater.py, table1).
		const counts = [
			[0, 0, 0, 0, 14],
			[0, 2, 6, 4, 2],
			[0, 0, 3, 5, 6],
			[0, 3, 9, 2, 0],
			[2, 2, 8, 1, 1],
			[7, 7, 0, 0, 0],
			[3, 2, 6, 3, 0],
			[2, 5, 3, 2, 2],
			[6, 5, 2, 1, 0],
			[0, 2, 2, 3, 7],
		];
		const r = fleissKappa(unitsFromCounts(counts));
		expect(round3(r.observed)).toBe(0.378);
		expect(round3(r.expected)).toBe(0.213);
		expect(round3(r.kappa)).toBe(0.21);
		expect(r.units).toBe(10);
	});

	it('Fleiss (1971), Psychological Bulletin 76(5), Table 1: 30 patients, 6 psychiatrists, 5 diagnoses — κ 0.430', () => {
		// Raw ratings as in R's irr::diagnoses (kappam.fleiss gives 0.4302445; statsmodels checks the same).
		const diagnoses = [
			[4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
			[1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
			[1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
			[3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
			[5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
			[2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
		]; // prettier-ignore
		const r = fleissKappa(diagnoses.map(u => u.map(String)));
		expect(round3(r.kappa)).toBe(0.43);
		expect(r.kappa).toBeCloseTo(0.4302445, 7);
	});

	it('with missing ratings, Gwet (2014) generalisation: irrCAC README, fleiss.kappa.raw(cac.raw4raters) — pa 0.818, pe 0.239, κ 0.761', () => {
		// cac.raw4raters is Krippendorff's (2011) 4 × 12 matrix below; irrCAC prints pa 0.8181818, pe 0.2387153, coeff 0.76117.
		const r = fleissKappa(unitsOf(krippendorff2011).map(u => u.map(String)));
		expect(r.observed).toBeCloseTo(0.8181818, 7);
		expect(r.expected).toBeCloseTo(0.2387153, 7);
		expect(round3(r.kappa)).toBe(0.761);
		expect(r.kappa).toBeCloseTo(0.76117, 5);
		expect(r.units).toBe(11); // unit 12 has one rating: in the chance term, not in observed agreement
	});

	it('is undefined with nothing rated twice or one category only', () => {
		expect(fleissKappa([]).kappa).toBeNull();
		expect(fleissKappa([['a'], ['b']]).kappa).toBeNull();
		expect(fleissKappa([['a', 'a'], ['a', 'a', 'a']]).kappa).toBeNull();
		expect(fleissKappa([['a', 'a'], ['b', 'b']]).kappa).toBe(1);
	});
});

/**
 * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
 * Communication, Departmental Papers 43, section C: nominal data, any number of observers, missing
 * data — 4 observers × 12 units. The paper gives α = 0.743 nominal, 0.815 ordinal, 0.849 interval,
 * 0.797 ratio (the values the reference implementations test: R irr's kripp.alpha example, Python's
 * krippendorff package, tests/test_krippendorff.py, and pyirr's test_kripp_alpha).
 */
const krippendorff2011: Matrix<number> = [
	[1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
	[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
	[_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
	[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

describe("Krippendorff's alpha: published worked examples", () => {
	const units = unitsOf(krippendorff2011);

	it.each([
		['nominal', 0.743],
		['ordinal', 0.815],
		['interval', 0.849],
		['ratio', 0.797],
	] as const)('Krippendorff (2011), section C, with missing values: %s α = %s', (level, published) => {
		const r = krippendorffAlpha(units, {level});
		expect(round3(r.alpha)).toBe(published);
		expect(r).toMatchObject({units: 11, pairable: 40}); // unit 12 has one value: nothing to pair
	});

	it('nominal: observed disagreement as counted by hand from the coincidence matrix', () => {
		const r = krippendorffAlpha(units, {level: 'nominal'});
		// Off-diagonal coincidences: unit 2 (2,2,3,2) 6 ordered pairs / 3, unit 6 (1,2,3,4) 12 / 3,
		// unit 8 (1,1,2,1) 6 / 3: 8 of n.. = 40 pairable values.
		expect(r.observed).toBeCloseTo(8 / 40, 12);
		expect(1 - r.observed / r.expected).toBeCloseTo(r.alpha!, 12);
	});

	it('ordinal over labels, ranked by the order given, is the same as over the numbers', () => {
		const names = ['very low', 'low', 'mid', 'high', 'very high'];
		const labelled = units.map(u => u.map(v => names[v - 1]!));
		expect(round3(krippendorffAlpha(labelled, {level: 'ordinal', order: names}).alpha)).toBe(0.815);
		// An order with values nobody used changes nothing (their frequency is zero).
		expect(krippendorffAlpha(labelled, {level: 'ordinal', order: ['none', ...names, 'n/a']}).alpha).toBeCloseTo(krippendorffAlpha(units, {level: 'ordinal'}).alpha!, 12);
		expect(() => krippendorffAlpha(labelled, {level: 'ordinal', order: names.slice(1)})).toThrow(/very low/);
	});

	it('Wikipedia, "Krippendorff\'s alpha", a computational example: 3 coders, 15 units — nominal 0.691, interval 0.811', () => {
		const wikipedia: Matrix<number> = [
			[_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
			[1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
			[_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
		];
		expect(round3(krippendorffAlpha(unitsOf(wikipedia), {level: 'nominal'}).alpha)).toBe(0.691);
		expect(round3(krippendorffAlpha(unitsOf(wikipedia), {level: 'interval'}).alpha)).toBe(0.811);
	});

	it('is undefined with nothing to pair or no variation at all', () => {
		expect(krippendorffAlpha([[1], [2]], {level: 'interval'}).alpha).toBeNull();
		expect(krippendorffAlpha([[3, 3], [3, 3, 3]], {level: 'interval'}).alpha).toBeNull();
		expect(krippendorffAlpha([], {level: 'nominal'})).toMatchObject({alpha: null, pairable: 0});
		expect(krippendorffAlpha([[0, 0], [0, 5]], {level: 'ratio'}).alpha).toBeTypeOf('number'); // 0 + 0 is no division by zero
	});
});

describe('pooled kappa (De Vries et al. 2008)', () => {
	it('averages observed and chance agreement over indicators before forming kappa', () => {
		// Two indicators, each po .75 and pe .5 (kappa .5): pooled is .5, where one kappa over
		// indicator-tagged categories would say .667 (chance agreement .25, as if assessors could
		// disagree about which indicator they score).
		const one = cohensTerms([['y', 'y'], ['n', 'n'], ['y', 'n'], ['n', 'y'], ['y', 'y'], ['n', 'n'], ['y', 'y'], ['n', 'n']])!;
		expect(one).toMatchObject({observed: 0.75, expected: 0.5});
		expect(pooledKappa([one, one])).toBeCloseTo(0.5, 12);
		expect(pooledKappa([])).toBeNull();
		expect(pooledKappa([{observed: 1, expected: 1, weight: 3}])).toBeNull();
	});
});

/** A raters × units matrix with missing values; values drawn from `value`. */
const matrix = <V>(value: fc.Arbitrary<V>) =>
	fc.integer({min: 2, max: 5}).chain(raters => fc.array(fc.array(fc.option(value, {nil: undefined, freq: 4}), {minLength: raters, maxLength: raters}), {minLength: 1, maxLength: 25}).map(columns => columns[0]!.map((__, i) => columns.map(c => c[i]))));
const levels: readonly MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];
const shuffle = <T>(xs: readonly T[], seed: number): T[] => {
	const a = [...xs];
	let s = seed || 1;
	for (let i = a.length - 1; i > 0; i--) {
		s = (s * 16807) % 2147483647;
		const j = s % (i + 1);
		[a[i], a[j]] = [a[j]!, a[i]!];
	}
	return a;
};

describe('agreement statistics: properties', () => {
	it('alpha is 1 when every unit\'s values agree (and there is variation to agree about), at every level', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.integer({min: 1, max: 9}), fc.integer({min: 2, max: 6})), {minLength: 2, maxLength: 20}), units => {
				fc.pre(new Set(units.map(([v]) => v)).size >= 2);
				const data = units.map(([v, m]) => Array<number>(m).fill(v));
				for (const level of levels) expect(krippendorffAlpha(data, {level}).alpha).toBe(1);
				expect(fleissKappa(data.map(u => u.map(String))).kappa).toBeCloseTo(1, 12);
			}),
			{numRuns: 300},
		);
	});

	it('alpha and Fleiss\' kappa do not depend on the order of raters or of units', () => {
		fc.assert(
			fc.property(matrix(fc.integer({min: 1, max: 5})), fc.integer({min: 1, max: 2 ** 31 - 2}), (rows, seed) => {
				const units = unitsOf(rows);
				const raters = unitsOf(shuffle(rows, seed));
				const reordered = shuffle(raters, seed + 1);
				for (const level of levels) {
					const base = krippendorffAlpha(units, {level}).alpha;
					for (const other of [raters, reordered]) {
						const alpha = krippendorffAlpha(other, {level}).alpha;
						if (base === null) expect(alpha).toBeNull();
						else expect(alpha).toBeCloseTo(base, 9);
					}
				}
				const kappa = fleissKappa(units.map(u => u.map(String))).kappa;
				const shuffled = fleissKappa(reordered.map(u => u.map(String))).kappa;
				if (kappa === null) expect(shuffled).toBeNull();
				else expect(shuffled).toBeCloseTo(kappa, 9);
			}),
			{numRuns: 300},
		);
	});

	it('two raters, nominal, nothing missing: α = 1 − (1 − π)(2n − 1)/(2n) with Scott\'s π, and Fleiss\' kappa is π', () => {
		// Krippendorff (2011), section B: with n units there are 2n pairable values; D_o = 1 − A_o and
		// D_e = 2n(1 − P_e)/(2n − 1), so α = 1 − (1 − π)(2n − 1)/(2n): α approaches π from above as n grows.
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'n/a'), fc.constantFrom('a', 'b', 'c', 'n/a')), {minLength: 1, maxLength: 40}), pairs => {
				const n = pairs.length;
				const agreement = pairs.filter(([x, y]) => x === y).length / n;
				const shares = new Map<string, number>();
				for (const v of pairs.flat()) shares.set(v, (shares.get(v) ?? 0) + 1 / (2 * n));
				const chance = [...shares.values()].reduce((s, p) => s + p * p, 0);
				fc.pre(chance < 1 - 1e-9);
				const pi = (agreement - chance) / (1 - chance);
				const units = pairs.map(p => [...p]);
				expect(krippendorffAlpha(units, {level: 'nominal'}).alpha).toBeCloseTo(1 - ((1 - pi) * (2 * n - 1)) / (2 * n), 9);
				expect(fleissKappa(units).kappa).toBeCloseTo(pi, 9);
			}),
			{numRuns: 300},
		);
	});

	it('interval alpha does not change when every value is rescaled or shifted (a unit of measure is arbitrary)', () => {
		fc.assert(
			fc.property(matrix(fc.integer({min: 0, max: 100})), fc.double({min: 0.01, max: 1000, noNaN: true}), fc.integer({min: -500, max: 500}), (rows, scale, shift) => {
				const units = unitsOf(rows);
				const base = krippendorffAlpha(units, {level: 'interval'}).alpha;
				const moved = krippendorffAlpha(units.map(u => u.map(v => v * scale + shift)), {level: 'interval'}).alpha;
				if (base === null) expect(moved).toBeNull();
				else expect(moved).toBeCloseTo(base, 6);
			}),
			{numRuns: 300},
		);
	});
});

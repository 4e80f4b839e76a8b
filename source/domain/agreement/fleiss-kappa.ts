import type {KappaTerms} from './pooled-kappa.js';

export type FleissResult = KappaTerms & {
	/** Fleiss' kappa; null where undefined (no unit rated twice, or every rating in one category). */
	kappa: number | null;
	/** Units rated at least twice: the ones observed agreement is measured on. */
	units: number;
};

/**
 * Fleiss' kappa for any number of raters, where units may be rated by different numbers of
 * raters (missing ratings): the generalisation in Gwet, K. L. (2014), "Handbook of Inter-Rater
 * Reliability", 4th ed., ch. 2 (as computed by his irrCAC package, `fleiss.kappa.raw`).
 *
 * - observed agreement p_a: over the units rated at least twice, the mean share of agreeing
 *   ordered pairs of ratings, Σ_k r_ik (r_ik − 1) / (r_i (r_i − 1));
 * - chance agreement p_e = Σ_k π_k², with π_k = (1/n) Σ_i r_ik / r_i over the n units rated at
 *   least once (each unit's ratings weigh as one unit, however many raters it had).
 *
 * When every unit has the same number of raters this is Fleiss (1971), "Measuring nominal scale
 * agreement among many raters", Psychological Bulletin 76(5), 378–382; with two raters and no
 * missing ratings, Scott's pi.
 *
 * `units` holds, per unit, the category each of its raters gave (the raters need not be the same
 * ones from unit to unit); categories are compared as strings.
 */
export function fleissKappa(units: readonly (readonly string[])[]): FleissResult {
	const rated = units.filter(u => u.length > 0);
	const shares = new Map<string, number>();
	let agreement = 0;
	let twice = 0;
	for (const unit of rated) {
		const counts = new Map<string, number>();
		for (const c of unit) counts.set(c, (counts.get(c) ?? 0) + 1);
		const r = unit.length;
		for (const [c, k] of counts) shares.set(c, (shares.get(c) ?? 0) + k / r);
		if (r < 2) continue;
		twice++;
		let pairs = 0;
		for (const k of counts.values()) pairs += k * (k - 1);
		agreement += pairs / (r * (r - 1));
	}
	if (twice === 0) return {kappa: null, observed: 0, expected: 0, weight: 0, units: 0};
	const observed = agreement / twice;
	let expected = 0;
	for (const s of shares.values()) expected += (s / rated.length) ** 2;
	const kappa = expected >= 1 ? null : (observed - expected) / (1 - expected);
	return {kappa, observed, expected, weight: twice, units: twice};
}

import {pooledKappa, type KappaTerms} from './pooled-kappa.js';

/** Observed and chance agreement of two raters' paired categories (Cohen 1960); null when there are no pairs. */
export function cohensTerms(pairs: readonly (readonly [string, string])[]): KappaTerms | null {
	const n = pairs.length;
	if (n === 0) return null;
	const observed = pairs.filter(([a, b]) => a === b).length / n;
	const countA = new Map<string, number>();
	const countB = new Map<string, number>();
	for (const [a, b] of pairs) {
		countA.set(a, (countA.get(a) ?? 0) + 1);
		countB.set(b, (countB.get(b) ?? 0) + 1);
	}
	// Chance agreement from each rater's own marginals: what sets Cohen's kappa apart from Scott's pi.
	let expected = 0;
	for (const [k, ca] of countA) expected += (ca / n) * ((countB.get(k) ?? 0) / n);
	return {observed, expected, weight: n};
}

/** Cohen's kappa of paired categories; null where it is undefined (no pairs, or one category only). */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): number | null {
	const terms = cohensTerms(pairs);
	return terms ? pooledKappa([terms]) : null;
}

/** A kappa's ingredients for one variable: observed and chance agreement, and how much it weighs. */
export type KappaTerms = {observed: number; expected: number; weight: number};

/**
 * One kappa over several variables (indicators), by averaging observed and chance agreement
 * separately and forming kappa once: the pooled kappa of De Vries, Elliott, Kanouse and Teleki
 * (2008), "Using pooled kappa to summarize interrater agreement across many items", Field Methods
 * 20(3), 272–282. Each variable weighs by its number of units (De Vries et al. average items of
 * equal size; weighting is the same thing for items of different sizes).
 *
 * Why not one kappa over every unit, with the indicator written into the category: chance
 * agreement would then count pairs of different indicators, which no two assessors can give,
 * and fall towards zero as indicators are added, leaving a kappa close to plain percent agreement.
 * Null when undefined: no units, or chance agreement 1 (every rating in one category).
 */
export function pooledKappa(terms: readonly KappaTerms[]): number | null {
	const weight = terms.reduce((s, t) => s + t.weight, 0);
	if (weight === 0) return null;
	const observed = terms.reduce((s, t) => s + t.observed * t.weight, 0) / weight;
	const expected = terms.reduce((s, t) => s + t.expected * t.weight, 0) / weight;
	if (expected >= 1) return null;
	return (observed - expected) / (1 - expected);
}

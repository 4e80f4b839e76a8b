/** How ties are ranked: 1, 2, 2, 4 (competition, the default) or 1, 2, 2, 3 (dense). */
export type RankingStyle = 'competition' | 'dense';

/**
 * Ranks scores, highest first. Null scores get no rank. Ties are decided on the published
 * precision (two decimals), so two regions shown with the same score share a rank.
 */
export function rank(scores: readonly (number | null)[], style: RankingStyle): (number | null)[] {
	const column = Float64Array.from(scores, s => (s === null ? Number.NaN : s));
	const out = new Int32Array(scores.length);
	rankInto(column, style, out);
	return Array.from(out, r => (r > 0 ? r : null));
}

/** Two decimals, as published: the precision ranks and tiers are decided on. */
export function roundScore(score: number): number {
	return Math.round(score * 100 + Number.EPSILON * 100) / 100;
}

/**
 * The same ranking over a typed column (NaN = no score), written into `out` (0 = no rank):
 * the allocation-free form the scorer uses for 90 indicators × 64 regions on every change.
 */
export function rankInto(scores: Float64Array, style: RankingStyle, out: Int32Array): void {
	const order: number[] = [];
	const keys = new Float64Array(scores.length);
	for (let i = 0; i < scores.length; i++) {
		out[i] = 0;
		if (!Number.isNaN(scores[i]!)) {
			keys[i] = roundScore(scores[i]!);
			order.push(i);
		}
	}
	order.sort((a, b) => keys[b]! - keys[a]!);
	let current = 0;
	let distinct = 0;
	for (let k = 0; k < order.length; k++) {
		const i = order[k]!;
		if (k === 0 || keys[i] !== keys[order[k - 1]!]) {
			distinct++;
			current = style === 'dense' ? distinct : k + 1;
		}
		out[i] = current;
	}
}

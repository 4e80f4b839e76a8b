import type {Tier} from '../system/system-schema.js';
import {roundScore} from './ranking.js';

/** The tier of a total: the first tier from the top whose lower edge it passes. */
export function tierOf(tiers: readonly Tier[], total: number | null): Tier | null {
	if (total === null) return null;
	const t = roundScore(total);
	for (const tier of tiers) {
		if (t > tier.min || (t === tier.min && tier.includesMin)) return tier;
	}
	return tiers.at(-1) ?? null;
}

/**
 * A tier's label as published, its range derived from the tier edges: 非常高（90分以上）,
 * 高（80–90分）, 中（80分以下）. (Where an edge itself belongs is said by `tierEdgesText`.)
 */
export function tierCaption(tiers: readonly Tier[], i: number, label: string = tiers[i]!.label.zh): string {
	const tier = tiers[i]!;
	const upper = i > 0 ? tiers[i - 1]!.min : undefined;
	if (upper === undefined) return tier.min === 0 ? label : `${label}（${num(tier.min)}分以上）`;
	if (tier.min === 0) return `${label}（${num(upper)}分以下）`;
	return `${label}（${num(tier.min)}–${num(upper)}分）`;
}

/** Exactly where each edge belongs: "非常高：超过90分；高：80分（含）至90分（含）；中：低于80分". */
export function tierEdgesText(tiers: readonly Tier[]): string {
	return tiers
		.map((tier, i) => {
			const upper = i > 0 ? tiers[i - 1]! : undefined;
			const from = tier.includesMin ? `${num(tier.min)}分（含）` : `超过${num(tier.min)}分`;
			if (!upper) return `${tier.label.zh}：${tier.includesMin ? `不低于${num(tier.min)}分` : `超过${num(tier.min)}分`}`;
			// A total equal to the upper edge is here when the tier above does not include its edge.
			const to = upper.includesMin ? `低于${num(upper.min)}分` : `${num(upper.min)}分（含）`;
			if (tier.min === 0 && tier.includesMin) return `${tier.label.zh}：${upper.includesMin ? `低于${num(upper.min)}分` : `${num(upper.min)}分及以下`}`;
			return `${tier.label.zh}：${from}至${to}`;
		})
		.join('；');
}

function num(n: number): string {
	return String(n);
}

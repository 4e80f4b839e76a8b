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

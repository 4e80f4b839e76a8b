import {BLOCKER_KINDS, type Finality, type BlockerKind} from '../domain/workspace/finality.js';

/** Why a region's results are not final yet: each kind of blocker with how many leaves it holds back. */
export type Blocker = {kind: BlockerKind | 'relative'; count: number};

/**
 * A region's blockers as the report shows them, from the domain's one rule of what "final"
 * means (finalityOf): unscored, draft, flagged, conflicts, not applicable without a reason,
 * sampled leaves short of their sample or with unjudged items. A region with none of its own
 * is still provisional while a relative (measure) score it has can move: `relative`.
 */
export function regionBlockers(region: string, finality: Finality): Blocker[] {
	const counts = new Map<BlockerKind, number>();
	for (const b of finality.blockers) if (b.region === region) counts.set(b.kind, (counts.get(b.kind) ?? 0) + 1);
	// In the domain's order of kinds (conflicts first, drafts last), whatever order the leaves gave.
	const blockers: Blocker[] = BLOCKER_KINDS.filter(k => counts.has(k)).map(kind => ({kind, count: counts.get(kind)!}));
	const own = finality.regions.find(r => r.region === region);
	if (blockers.length === 0 && own && !own.final) blockers.push({kind: 'relative', count: 0});
	return blockers;
}

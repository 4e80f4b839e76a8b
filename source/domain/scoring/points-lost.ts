import type {SystemIndex} from '../system/system-index.js';
import type {NodeScores} from './score-workspace.js';

/** What one leaf costs a region's total: its share of the total and the points it lost. */
export type LeafCost = {
	code: string;
	/** The leaf's score, 0–100 (unrounded). */
	score: number;
	/**
	 * The leaf's share of the total: its weight times each ancestor's, each renormalised over
	 * the siblings that count (scored, applicable, not weightless), as the total is computed.
	 */
	share: number;
	/** share × (100 − score): the points the total lost here. */
	cost: number;
};

/**
 * Every scored leaf of a region with the points it cost the total, largest first (ties in the
 * order of the published table). The shares are those the total was computed with, so the
 * costs add up to 100 − total exactly (up to floating point): a leaf that is not applicable,
 * not scored, or under a node that weighs nothing costs nothing and is left out, and so is a
 * leaf whose share is 0 (a weight of 0 is legal).
 */
export function pointsLost(index: SystemIndex, weights: Readonly<Record<string, number>>, nodes: NodeScores): LeafCost[] {
	const out: LeafCost[] = [];
	const counts = (code: string) => {
		const s = nodes.get(code)!;
		return !s.na && !s.weightless && s.score !== null;
	};
	const walk = (children: readonly string[], share: number) => {
		let sum = 0;
		for (const c of children) if (counts(c)) sum += weights[c] ?? 0;
		if (sum <= 0) return;
		for (const code of children) {
			if (!counts(code)) continue;
			const part = (share * (weights[code] ?? 0)) / sum;
			if (part <= 0) continue;
			const node = index.nodes.get(code)!;
			if (node.children.length) walk(node.children, part);
			else {
				const score = nodes.get(code)!.score!;
				out.push({code, score, share: part, cost: part * (100 - score)});
			}
		}
	};
	walk(index.primaries, 1);
	return out.sort((a, b) => b.cost - a.cost || index.nodes.get(a.code)!.order - index.nodes.get(b.code)!.order);
}

import type {SystemIndex} from '../system/system-index.js';
import type {Tier} from '../system/system-schema.js';
import type {FindingValue, FindingStatus} from '../workspace/workspace-schema.js';
import {leafScore, bestOf} from '../rules/leaf-score.js';
import {rank} from './ranking.js';
import {tierOf} from './tiers.js';

/** What scoring needs of a finding: its value and whether it applies. */
export type ScoredInput = {value: FindingValue | null; status: FindingStatus};

/** Finds the recorded finding of a region on a leaf, if any. */
export type FindingLookup = (region: string, leaf: string) => ScoredInput | undefined;

export type NodeScore = {
	/** 0–100, or null when nothing under it is scored yet. */
	score: number | null;
	/** The share of this node's applicable weight that is scored, 0–1. */
	coverage: number;
	/** Not applicable: the leaf, or everything under the node, was marked so. */
	na: boolean;
	rank: number | null;
};

export type RegionScore = {
	code: string;
	total: number | null;
	coverage: number;
	rank: number | null;
	tier: Tier | null;
	/** Per indicator code. */
	nodes: Map<string, NodeScore>;
	/** Leaves with no value yet (excluding not applicable ones). */
	unscored: number;
};

export type WorkspaceScore = {
	regions: RegionScore[];
	/** Per measure leaf, the best value among the regions (what 100 means). */
	best: Map<string, number>;
};

/**
 * Scores every region of a workspace: leaf scores by rule, weighted aggregation up the tree
 * (not applicable children excluded and sibling weights renormalised), coverage, ranks per
 * indicator across the regions, and the tier of each total. Pure: same input, same output.
 */
export function scoreWorkspace(index: SystemIndex, weights: Readonly<Record<string, number>>, regions: readonly string[], lookup: FindingLookup): WorkspaceScore {
	const best = new Map<string, number>();
	for (const leaf of index.leaves) {
		if (leaf.rule?.type !== 'measure') continue;
		const amounts: number[] = [];
		for (const region of regions) {
			const f = lookup(region, leaf.code);
			if (f && f.status !== 'na' && f.value?.type === 'measure') amounts.push(f.value.amount);
		}
		const b = bestOf(leaf.rule.better, amounts);
		if (b !== undefined) best.set(leaf.code, b);
	}

	const results: RegionScore[] = regions.map(region => scoreRegion(index, weights, region, lookup, best));

	for (const node of index.ordered) {
		const ranks = rank(results.map(r => r.nodes.get(node.code)!.score), index.system.ranking);
		results.forEach((r, i) => (r.nodes.get(node.code)!.rank = ranks[i]!));
	}
	const totalRanks = rank(results.map(r => r.total), index.system.ranking);
	results.forEach((r, i) => {
		r.rank = totalRanks[i]!;
		r.tier = tierOf(index.system.tiers, r.total);
	});
	return {regions: results, best};
}

function scoreRegion(index: SystemIndex, weights: Readonly<Record<string, number>>, region: string, lookup: FindingLookup, best: Map<string, number>): RegionScore {
	const nodes = new Map<string, NodeScore>();
	let unscored = 0;
	// Children come after their parent in `ordered`, so walking it backwards scores them first.
	for (let i = index.ordered.length - 1; i >= 0; i--) {
		const node = index.ordered[i]!;
		if (node.rule) {
			const f = lookup(region, node.code);
			if (f?.status === 'na') {
				nodes.set(node.code, {score: null, coverage: 0, na: true, rank: null});
				continue;
			}
			const score = f ? leafScore(node.rule, f.value, best.get(node.code)) : null;
			if (score === null) unscored++;
			nodes.set(node.code, {score, coverage: score === null ? 0 : 1, na: false, rank: null});
			continue;
		}
		nodes.set(node.code, aggregate(node.children, weights, nodes));
	}
	const root = aggregate(index.primaries, weights, nodes);
	return {code: region, total: root.na ? null : root.score, coverage: root.coverage, rank: null, tier: null, nodes, unscored};
}

function aggregate(children: readonly string[], weights: Readonly<Record<string, number>>, nodes: Map<string, NodeScore>): NodeScore {
	let applicable = 0;
	let covered = 0;
	let scoredWeight = 0;
	let sum = 0;
	for (const code of children) {
		const child = nodes.get(code)!;
		if (child.na) continue;
		const w = weights[code] ?? 0;
		applicable += w;
		covered += w * child.coverage;
		if (child.score !== null) {
			scoredWeight += w;
			sum += w * child.score;
		}
	}
	// Everything below is not applicable, or carries no weight: the node drops out of its parent.
	if (applicable === 0) return {score: null, coverage: 0, na: true, rank: null};
	return {score: scoredWeight > 0 ? sum / scoredWeight : null, coverage: covered / applicable, na: false, rank: null};
}

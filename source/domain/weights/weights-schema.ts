import * as z from 'zod';
import type {SystemIndex} from '../system/system-index.js';
import type {Issue} from '../issues.js';

export const WEIGHTS_KIND = 'assess/weights';

export const weightsFile = z.strictObject({
	$schema: z.string().optional(),
	kind: z.literal(WEIGHTS_KIND),
	formatVersion: z.literal(1),
	/** The id of the indicator system these weights are for. */
	system: z.string().min(1),
	/** Say where the weights come from: official weights are unpublished. */
	note: z.string().optional(),
	weights: z.record(z.string(), z.number().finite().min(0, 'weights cannot be negative')),
});
export type WeightsFile = z.infer<typeof weightsFile>;

/** How far siblings may sum from 1 (files carry rounded decimals like 0.3333). */
export const WEIGHT_SUM_TOLERANCE = 0.001;

/**
 * Checks weights against the tree: one weight per indicator, none unknown, and the weights
 * of each set of siblings summing to 1.
 */
export function checkWeights(index: SystemIndex, file: WeightsFile): Issue[] {
	const issues: Issue[] = [];
	if (file.system !== index.system.id) {
		issues.push({path: ['system'], message: `these weights are for system "${file.system}", not "${index.system.id}"`});
		return issues;
	}
	for (const code of Object.keys(file.weights)) {
		if (!index.nodes.has(code)) issues.push({path: ['weights', code], message: `"${code}" is not an indicator of ${index.system.id}`});
	}
	for (const node of index.ordered) {
		// Own keys only: an inherited "constructor" is not a weight.
		if (!Object.hasOwn(file.weights, node.code)) issues.push({path: ['weights'], message: `indicator "${node.code}" (${node.node.name.zh}) has no weight`});
	}
	if (issues.length > 0) return issues;
	const groups: {parent: string; codes: readonly string[]}[] = [
		{parent: 'the primaries', codes: index.primaries},
		...index.ordered.filter(n => n.children.length > 0).map(n => ({parent: `the children of "${n.code}"`, codes: n.children})),
	];
	for (const group of groups) {
		const sum = group.codes.reduce((s, c) => s + file.weights[c]!, 0);
		if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
			issues.push({path: ['weights', group.codes[0]!], message: `the weights of ${group.parent} (${group.codes.join(', ')}) sum to ${round(sum)}, not 1`});
		}
	}
	return issues;
}

/**
 * Indicators that weigh 0, each named once at the top of its subtree: they are shown with their
 * scores but count for nothing. Not an error (a team may mean it), but worth a word.
 */
export function zeroWeightWarnings(index: SystemIndex, file: WeightsFile): Issue[] {
	const out: Issue[] = [];
	for (const node of index.ordered) {
		if (file.weights[node.code] !== 0) continue;
		if (node.parent !== undefined && zeroAbove(index, file, node.parent)) continue;
		const under = node.children.length ? ' (and everything under it)' : '';
		out.push({path: ['weights', node.code], message: `"${node.code}" (${node.node.name.zh}) has weight 0${under}: it is shown with its score but counts for nothing in ${node.parent ? `"${node.parent}"` : 'the total'}`});
	}
	return out;
}

function zeroAbove(index: SystemIndex, file: WeightsFile, code: string | undefined): boolean {
	for (let at = code; at !== undefined; at = index.nodes.get(at)?.parent) if (file.weights[at] === 0) return true;
	return false;
}

function round(n: number): number {
	return Math.round(n * 1e6) / 1e6;
}

/** Equal weights among siblings: the default while official weights are unpublished. */
export function equalWeights(index: SystemIndex, note: string): WeightsFile {
	const weights: Record<string, number> = {};
	const share = (codes: readonly string[]) => {
		for (const c of codes) weights[c] = Number((1 / codes.length).toFixed(6));
	};
	share(index.primaries);
	for (const n of index.ordered) if (n.children.length > 0) share(n.children);
	return {kind: WEIGHTS_KIND, formatVersion: 1, system: index.system.id, note, weights};
}

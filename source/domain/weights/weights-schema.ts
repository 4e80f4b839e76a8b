import * as z from 'zod';
import type {SystemIndex} from '../system/system-index.js';
import {issue, type Issue} from '../issues.js';
import {messages} from '../words/message.js';
import {schemaText} from '../words/zod-issues.js';
import {inBoth} from '../text.js';

const S = messages('domain/weights', {
	negative: {zh: '权重不能为负数', en: 'weights cannot be negative'},
	otherSystem: {zh: '这些权重属于指标体系 "{was}"，不是 "{now}"', en: 'these weights are for system "{was}", not "{now}"'},
	notIndicator: {zh: '"{code}" 不是 {system} 的评估指标', en: '"{code}" is not an indicator of {system}'},
	noWeight: {zh: '评估指标 "{code}"（{name}）没有权重', en: 'indicator "{code}" ({name}) has no weight'},
	primaries: {zh: '一级指标', en: 'the primaries'},
	children: {zh: '"{code}" 的下级指标', en: 'the children of "{code}"'},
	sum: {zh: '{group}（{codes}）的权重之和为 {sum}，不是 1', en: 'the weights of {group} ({codes}) sum to {sum}, not 1'},
	zero: {zh: '"{code}"（{name}）的权重为 0：显示其得分，但在{parent}中不计入', en: '"{code}" ({name}) has weight 0: it is shown with its score but counts for nothing in {parent}'},
	zeroTree: {zh: '"{code}"（{name}）及其下所有指标的权重为 0：显示其得分，但在{parent}中不计入', en: '"{code}" ({name}) has weight 0 (and everything under it): it is shown with its score but counts for nothing in {parent}'},
	inParent: {zh: ' "{code}" ', en: '"{code}"'},
	inTotal: {zh: '总得分', en: 'the total'},
});

export const WEIGHTS_KIND = 'assess/weights';

export const weightsFile = z.strictObject({
	$schema: z.string().optional(),
	kind: z.literal(WEIGHTS_KIND),
	formatVersion: z.literal(1),
	/** The id of the indicator system these weights are for. */
	system: z.string().min(1),
	/** Say where the weights come from: official weights are unpublished. */
	note: z.string().optional(),
	weights: z.record(z.string(), z.number().finite().min(0, schemaText(S.negative()))),
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
		issues.push(issue(['system'], S.otherSystem({was: file.system, now: index.system.id})));
		return issues;
	}
	for (const code of Object.keys(file.weights)) {
		if (!index.nodes.has(code)) issues.push(issue(['weights', code], S.notIndicator({code, system: index.system.id})));
	}
	for (const node of index.ordered) {
		// Own keys only: an inherited "constructor" is not a weight.
		if (!Object.hasOwn(file.weights, node.code)) issues.push(issue(['weights'], S.noWeight({code: node.code, name: inBoth(node.node.name)})));
	}
	if (issues.length > 0) return issues;
	const groups = [
		{parent: S.primaries(), codes: index.primaries},
		...index.ordered.filter(n => n.children.length > 0).map(n => ({parent: S.children({code: n.code}), codes: n.children})),
	];
	for (const group of groups) {
		const sum = group.codes.reduce((s, c) => s + file.weights[c]!, 0);
		if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
			issues.push(issue(['weights', group.codes[0]!], S.sum({group: group.parent, codes: [...group.codes], sum: round(sum)})));
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
		const said = {code: node.code, name: inBoth(node.node.name), parent: node.parent ? S.inParent({code: node.parent}) : S.inTotal()};
		out.push(issue(['weights', node.code], node.children.length ? S.zeroTree(said) : S.zero(said)));
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

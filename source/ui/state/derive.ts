import type {Workspace, Conflict, Finding} from '../../domain/workspace/workspace-schema.js';
import {findingKey} from '../../domain/workspace/workspace-schema.js';
import type {WorkspaceScore} from '../../domain/scoring/score-workspace.js';
import type {IndexedNode, SystemIndex} from '../../domain/system/system-index.js';
import {scoreOf} from '../../domain/workspace/workspace-ops.js';
import type {AppEnv, AppState} from './app-state.js';
import {regionRows, rankMoves, type RegionRowView} from '../view-model.js';
import {scoreboardRows, type ScoreboardRow} from '../screens/scoreboard-rows.js';

/**
 * What the screen and the keys derive from the state, computed once per workspace and weights
 * (the key handlers and the views ask for the same things in the same frame).
 */
const scoreCache = new WeakMap<Workspace, WeakMap<object, WorkspaceScore>>();

export function scoresOf(env: AppEnv, state: AppState): WorkspaceScore {
	const ws = state.session.ws;
	let byWeights = scoreCache.get(ws);
	if (!byWeights) scoreCache.set(ws, (byWeights = new WeakMap()));
	let scores = byWeights.get(state.weights.weights);
	if (!scores) byWeights.set(state.weights.weights, (scores = scoreOf(env.index, state.weights.weights, ws)));
	return scores;
}

const conflictCache = new WeakMap<Workspace, Conflict[]>();

/** Conflicts in the order of the workspace's regions, then of the tree. */
export function conflictList(index: SystemIndex, ws: Workspace): Conflict[] {
	let list = conflictCache.get(ws);
	if (!list) {
		const order = (c: Conflict) => index.nodes.get(c.indicator)?.order ?? 0;
		list = Object.values(ws.conflicts).sort((a, b) => ws.regions.indexOf(a.region) - ws.regions.indexOf(b.region) || order(a) - order(b));
		conflictCache.set(ws, list);
	}
	return list;
}

export function regionList(env: AppEnv, state: AppState): RegionRowView[] {
	return memo('regions', [env, state.session.ws, state.weights.weights], () => regionRows(env.index, state.session.ws, scoresOf(env, state), env.regions));
}

export function boardRows(env: AppEnv, state: AppState): ScoreboardRow[] {
	return memo('board', [env, state.session.ws, state.weights, state.nav.sortBy, env.lang], () =>
		scoreboardRows(env.index, scoresOf(env, state), regionNames(env), rankMoves(state.weights.rankBefore, scoresOf(env, state)), state.nav.sortBy, env.lang),
	);
}

const names = new WeakMap<object, Map<string, string>>();
export function regionNames(env: AppEnv): ReadonlyMap<string, string> {
	let map = names.get(env.regions);
	if (!map) names.set(env.regions, (map = new Map(env.regions.map(r => [r.code, r.name]))));
	return map;
}

/** The leaf the keys act on: the selected node of an open region, when it is a leaf. */
export function currentLeaf(env: AppEnv, state: AppState): (IndexedNode & {rule: NonNullable<IndexedNode['rule']>}) | undefined {
	const {nav} = state;
	if (nav.screen !== 'tree' || !nav.region) return undefined;
	const node = env.index.nodes.get(nav.node);
	return node?.rule ? (node as IndexedNode & {rule: NonNullable<IndexedNode['rule']>}) : undefined;
}

export function currentFinding(state: AppState): Finding | undefined {
	const {nav} = state;
	return nav.region ? state.session.ws.findings[findingKey(nav.region, nav.node)] : undefined;
}

export function samplesOf(f: Finding | undefined) {
	return f?.value?.type === 'sampled' ? f.value.samples : [];
}

/** The rows of the item panel the cursor can be on: sampled items, then evidence. */
export function itemRows(state: AppState): {samples: number; evidence: number} {
	const f = currentFinding(state);
	return {samples: samplesOf(f).length, evidence: f?.evidence.length ?? 0};
}

export function selectedConflict(env: AppEnv, state: AppState): Conflict | undefined {
	if (state.nav.screen !== 'conflicts') return undefined;
	const list = conflictList(env.index, state.session.ws);
	return list[Math.min(state.nav.conflictCursor, list.length - 1)];
}

/** Why an export now would be a draft (unscored leaves, open conflicts), or undefined. */
export function draftReason(env: AppEnv, state: AppState): {unscored: number; conflicts: number} | undefined {
	const unscored = scoresOf(env, state).regions.reduce((n, r) => n + r.unscored, 0);
	const conflicts = Object.keys(state.session.ws.conflicts).length;
	return unscored || conflicts ? {unscored, conflicts} : undefined;
}

/** Changes made that are not known to be on disk. */
export const unsavedChanges = (state: AppState) => state.session.version - state.save.saved;

// One slot per name: the last inputs and what they gave.
const slots = new Map<string, {inputs: readonly unknown[]; value: unknown}>();
function memo<T>(name: string, inputs: readonly unknown[], make: () => T): T {
	const slot = slots.get(name);
	if (slot && slot.inputs.length === inputs.length && slot.inputs.every((x, i) => x === inputs[i])) return slot.value as T;
	const value = make();
	slots.set(name, {inputs, value});
	return value;
}

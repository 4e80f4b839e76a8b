import type {Workspace, Conflict, Finding} from '../../domain/workspace/workspace-schema.js';
import {findingKey} from '../../domain/workspace/workspace-schema.js';
import {rescoreRecord, type WorkspaceScore} from '../../domain/scoring/score-workspace.js';
import type {IndexedNode, SystemIndex} from '../../domain/system/system-index.js';
import {scoreOf} from '../../domain/workspace/workspace-ops.js';
import type {AppEnv, AppState} from './app-state.js';
import {regionRows, rankMoves, type RegionRowView} from '../view-model.js';
import {scoreboardRows, type ScoreboardRow} from '../screens/scoreboard-rows.js';
import {finalityOf, blockerLine, blockerSummary, type Finality} from '../../domain/workspace/finality.js';
import {finalityByRegion} from './finality-cache.js';
import type {RelativeNote} from '../../domain/scoring/score-report.js';
import {methodOf} from '../../domain/rules/rule-schema.js';
import {fromFile} from '../display.js';
import {provisionalFootnote, relativeText} from '../../domain/scoring/provisional.js';

/**
 * What the screen and the keys derive from the state, computed once per workspace and weights
 * (the key handlers and the views ask for the same things in the same frame).
 */
const scoreCache = new WeakMap<Workspace, WeakMap<object, WorkspaceScore>>();

export function scoresOf(env: AppEnv, state: AppState): WorkspaceScore {
	const ws = state.session.ws;
	let byWeights = scoreCache.get(ws);
	if (!byWeights) scoreCache.set(ws, (byWeights = new WeakMap()));
	const weights = state.weights.weights;
	let scores = byWeights.get(weights);
	if (!scores) {
		// After a change to some regions (a keypress that records): those re-scored, the rest kept.
		const {changed} = state.session;
		const before = changed ? scoreCache.get(changed.from)?.get(weights) : undefined;
		scores = before && changed ? rescoreRecord(before, env.index, weights, ws.regions, ws.findings, changed.regions) : scoreOf(env.index, weights, ws);
		byWeights.set(weights, scores);
	}
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
	return memo('regions', [env, state.session.ws, state.weights.weights], () => regionRows(env.index, state.session.ws, scoresOf(env, state), regionNames(env), finalityFor(env, state)));
}

const finalityCache = new WeakMap<Workspace, Finality>();

/**
 * What keeps the workspace from being final, and which regions are (the domain's rule, the one
 * `assess score` and `export` use): a total, rank or tier that is not final looks provisional.
 */
export function finalityFor(env: AppEnv, state: AppState): Finality {
	const ws = state.session.ws;
	let f = finalityCache.get(ws);
	if (!f) finalityCache.set(ws, (f = finalityByRegion(env.index, ws, regionNameOf(env), state.session.changed)));
	return f;
}

/** Under a table of totals: what `*` means while the result is provisional, and what measure scores are relative to. */
export function tableNotes(env: AppEnv, state: AppState): string[] {
	const notes = wholeFinal(env, state) ? [] : [provisionalFootnote(env.lang)];
	const relative = relativeText(relativeNote(env, state), env.lang);
	return relative ? [...notes, fromFile(relative)] : notes;
}

/**
 * Whether the whole result is final. While any leaf has no value (the scorer counts them) it
 * is not, whatever else holds: the recording keypress never judges the whole workspace for that.
 */
export function wholeFinal(env: AppEnv, state: AppState): boolean {
	if (scoresOf(env, state).regions.some(r => r.unscored > 0)) return false;
	return finalityFor(env, state).final;
}

const ownCache = new WeakMap<Workspace, Map<string, Finality>>();

/** One region's own blockers: `finalityOf` on that region alone (what the item panel and header need). */
export function ownFinality(env: AppEnv, state: AppState, region: string): Finality {
	const ws = state.session.ws;
	let byRegion = ownCache.get(ws);
	if (!byRegion) ownCache.set(ws, (byRegion = new Map()));
	let f = byRegion.get(region);
	if (!f) byRegion.set(region, (f = finalityOf(env.index, {...ws, regions: [region]}, regionNameOf(env))));
	return f;
}

/** Whether a region's own total and tier are final (its rank is final only when the whole is). */
export function regionFinal(env: AppEnv, state: AppState, region: string): boolean {
	if (ownFinality(env, state, region).blockers.length > 0) return false;
	// Its own leaves are final: a measure still open in another region may keep it moving.
	return finalityFor(env, state).regions.find(r => r.region === region)?.final ?? false;
}

/** Measures are scored relative to the regions of this file: which, and how many (null: the system has none). */
export function relativeNote(env: AppEnv, state: AppState): RelativeNote | null {
	const scores = scoresOf(env, state);
	return memo('relative', [env.index, scores], () => {
		const measures = env.index.leaves.filter(l => l.rule?.type === 'measure');
		if (measures.length === 0) return null;
		return {regions: state.session.ws.regions.length, measures: measures.map(l => ({code: l.code, name: l.node.name.zh, method: methodOf(l.rule as Extract<NonNullable<typeof l.rule>, {type: 'measure'}>), regions: scores.stats.get(l.code)?.count ?? 0}))};
	});
}

export function boardRows(env: AppEnv, state: AppState): ScoreboardRow[] {
	return memo('board', [env, state.session.ws, state.weights, state.nav.sortBy, env.lang], () =>
		scoreboardRows(env.index, scoresOf(env, state), regionNames(env), rankMoves(state.weights.rankBefore, scoresOf(env, state)), state.nav.sortBy, env.lang, finalityFor(env, state)),
	);
}

const nameFns = new WeakMap<object, (code: string) => string>();
/** A region's display name by code, one function per set of regions (the finality cache knows it by identity). */
function regionNameOf(env: AppEnv): (code: string) => string {
	let fn = nameFns.get(env.regions);
	if (!fn) {
		const map = regionNames(env);
		nameFns.set(env.regions, (fn = c => map.get(c) ?? c));
	}
	return fn;
}

const names = new WeakMap<object, Map<string, string>>();
/** Region names for display (through the output boundary). */
export function regionNames(env: AppEnv): ReadonlyMap<string, string> {
	let map = names.get(env.regions);
	if (!map) names.set(env.regions, (map = new Map(env.regions.map(r => [r.code, fromFile(r.name)]))));
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

/** How many blockers the export prompt names (`assess export` lists them all). */
export const DRAFT_BLOCKERS_SHOWN = 3;

/**
 * Why an export now would be a draft (the domain's final rule, as `assess export` decides it):
 * what blocks, counted, and the first blockers in words; undefined when the result is final.
 */
export type ExportDraft = {summary: string; first: string[]; more: number};

export function exportDraft(env: AppEnv, state: AppState): ExportDraft | undefined {
	const f = finalityFor(env, state);
	if (f.final) return undefined;
	const first = f.blockers.slice(0, DRAFT_BLOCKERS_SHOWN).map(b => fromFile(blockerLine(b, env.lang)));
	return {summary: blockerSummary(f.counts, env.lang), first, more: f.blockers.length - first.length};
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

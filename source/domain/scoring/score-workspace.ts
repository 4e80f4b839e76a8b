import type {SystemIndex} from '../system/system-index.js';
import type {Tier} from '../system/system-schema.js';
import type {FindingValue, FindingStatus} from '../workspace/workspace-schema.js';
import {leafScore, statsOf, type MeasureStats} from '../rules/leaf-score.js';
import {rankInto} from './ranking.js';
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
	/**
	 * No score because everything applicable under the node weighs 0 (its weighted children are
	 * all not applicable): it counts for nothing, and drops out of its parent like a node that
	 * is not applicable, but it is not "not applicable". Leaves are never weightless: a leaf of
	 * weight 0 shows its score; its parent just does not count it.
	 */
	weightless: boolean;
	rank: number | null;
};

/**
 * The scores of one region's indicators, by code. Kept in typed arrays (a workspace has 64
 * regions × 90 indicators, re-scored on every keypress that records a value); a NodeScore
 * object is made only when one is asked for.
 */
export class NodeScores implements Iterable<[string, NodeScore]> {
	readonly #plan: ScoringPlan;
	readonly score: Float64Array;
	readonly coverage: Float64Array;
	readonly na: Uint8Array;
	readonly weightless: Uint8Array;
	readonly rank: Int32Array;

	constructor(plan: ScoringPlan) {
		this.#plan = plan;
		const n = plan.codes.length;
		this.score = new Float64Array(n).fill(Number.NaN);
		this.coverage = new Float64Array(n);
		this.na = new Uint8Array(n);
		this.weightless = new Uint8Array(n);
		this.rank = new Int32Array(n);
	}

	/** A copy of its own (the arrays copied), for a re-score that changes some ranks. */
	copy(): NodeScores {
		const out = new NodeScores(this.#plan);
		out.score.set(this.score);
		out.coverage.set(this.coverage);
		out.na.set(this.na);
		out.weightless.set(this.weightless);
		out.rank.set(this.rank);
		return out;
	}

	get size(): number {
		return this.#plan.codes.length;
	}

	get(code: string): NodeScore | undefined {
		const i = this.#plan.position.get(code);
		return i === undefined ? undefined : this.at(i);
	}

	at(i: number): NodeScore {
		const s = this.score[i]!;
		const r = this.rank[i]!;
		return {score: Number.isNaN(s) ? null : s, coverage: this.coverage[i]!, na: this.na[i] === 1, weightless: this.weightless[i] === 1, rank: r > 0 ? r : null};
	}

	*[Symbol.iterator](): Iterator<[string, NodeScore]> {
		for (let i = 0; i < this.#plan.codes.length; i++) yield [this.#plan.codes[i]!, this.at(i)];
	}
}

export type RegionScore = {
	code: string;
	total: number | null;
	coverage: number;
	rank: number | null;
	tier: Tier | null;
	/** Per indicator code. */
	nodes: NodeScores;
	/** Leaves with no value yet (excluding not applicable ones). */
	unscored: number;
};

export type WorkspaceScore = {
	regions: RegionScore[];
	/** Per measure leaf, the best value among the regions (what 100 means). */
	best: Map<string, number>;
	/** Per measure leaf, what its scores are relative to: the best and worst value, and how many regions have one. */
	stats: Map<string, MeasureStats>;
};

/** The tree flattened once per system: node positions, children and rules as arrays. */
type ScoringPlan = {
	codes: string[];
	position: Map<string, number>;
	children: number[][];
	primaries: number[];
	rules: (SystemIndex['ordered'][number]['rule'])[];
};

const plans = new WeakMap<SystemIndex, ScoringPlan>();
function planOf(index: SystemIndex): ScoringPlan {
	let plan = plans.get(index);
	if (!plan) {
		const codes = index.ordered.map(n => n.code);
		const position = new Map(codes.map((c, i) => [c, i]));
		plan = {codes, position, children: index.ordered.map(n => n.children.map(c => position.get(c)!)), primaries: index.primaries.map(c => position.get(c)!), rules: index.ordered.map(n => n.rule)};
		plans.set(index, plan);
	}
	return plan;
}

/**
 * Scores every region of a workspace: leaf scores by rule, weighted aggregation up the tree
 * (not applicable children excluded and sibling weights renormalised), coverage, ranks per
 * indicator across the regions, and the tier of each total. Pure: same input, same output.
 */
export function scoreWorkspace(index: SystemIndex, weights: Readonly<Record<string, number>>, regions: readonly string[], lookup: FindingLookup): WorkspaceScore {
	const plan = planOf(index);
	// Every finding looked up once.
	const found: (ScoredInput | undefined)[][] = regions.map(region => plan.rules.map((rule, i) => (rule ? lookup(region, plan.codes[i]!) : undefined)));
	return scoreFound(index, plan, weights, regions, found);
}

/**
 * The same, for findings kept in a record by `<region>/<indicator>` (a workspace): the keys are
 * made once per list of regions and reused, since re-scoring runs on every recorded value.
 */
export function scoreRecord(index: SystemIndex, weights: Readonly<Record<string, number>>, regions: readonly string[], findings: Readonly<Record<string, ScoredInput>>): WorkspaceScore {
	const plan = planOf(index);
	const keys = keysOf(plan, regions);
	const found = keys.map(row => row.map(key => (key === undefined ? undefined : findings[key])));
	return scoreFound(index, plan, weights, regions, found);
}

const keyTables = new WeakMap<ScoringPlan, {regions: readonly string[]; keys: (string | undefined)[][]}>();
function keysOf(plan: ScoringPlan, regions: readonly string[]): (string | undefined)[][] {
	const hit = keyTables.get(plan);
	if (hit && hit.regions === regions) return hit.keys;
	const keys = regions.map(region => plan.rules.map((rule, i) => (rule ? `${region}/${plan.codes[i]}` : undefined)));
	keyTables.set(plan, {regions, keys});
	return keys;
}

function scoreFound(index: SystemIndex, plan: ScoringPlan, weights: Readonly<Record<string, number>>, regions: readonly string[], found: (ScoredInput | undefined)[][]): WorkspaceScore {
	const w = weightsOf(plan, weights);
	const {best, stats, statsAt} = measureStats(plan, found);
	const results: RegionScore[] = regions.map((code, r) => scoreRegion(plan, w, statsAt, code, found[r]!));
	rankRegions(index, results, null, true);
	results.forEach(r => (r.tier = tierOf(index.system.tiers, r.total)));
	const score = {regions: results, best, stats};
	inputs.set(score, {plan, weights, regions, found, w, statsAt});
	return score;
}

/**
 * What a score was made from, kept (weakly) so that the next change re-scores what it touched:
 * the findings looked up per region and leaf, the weights and measure statistics.
 */
type ScoreInputs = {plan: ScoringPlan; weights: Readonly<Record<string, number>>; regions: readonly string[]; found: (ScoredInput | undefined)[][]; w: Float64Array; statsAt: (MeasureStats | undefined)[]};
// On the score itself, hidden (not enumerable): a WeakMap's entries cost the collector more, and scores are made often.
const INPUTS = Symbol('score inputs');
const inputs = {
	get: (score: WorkspaceScore) => (score as {[INPUTS]?: ScoreInputs})[INPUTS],
	set: (score: WorkspaceScore, value: ScoreInputs) => Object.defineProperty(score, INPUTS, {value}),
};

/**
 * The score after a change to some regions' findings, from the score before it: those regions
 * scored again, every region's ranks again on the indicators whose scores moved, the rest kept.
 * The same result as `scoreRecord` (a property test holds them equal), which it falls back to
 * when the change reaches further: other weights or regions, or a measurement that moves the
 * statistics every region's measure scores are relative to.
 */
export function rescoreRecord(
	previous: WorkspaceScore,
	index: SystemIndex,
	weights: Readonly<Record<string, number>>,
	regions: readonly string[],
	findings: Readonly<Record<string, ScoredInput>>,
	changed: readonly string[],
): WorkspaceScore {
	const before = inputs.get(previous);
	const plan = planOf(index);
	if (!before || before.plan !== plan || before.weights !== weights || before.regions !== regions) return scoreRecord(index, weights, regions, findings);
	const keys = keysOf(plan, regions);
	const found = before.found.slice();
	const rows: number[] = [];
	for (const code of new Set(changed)) {
		const r = regions.indexOf(code);
		if (r < 0) return scoreRecord(index, weights, regions, findings);
		found[r] = keys[r]!.map(key => (key === undefined ? undefined : findings[key]));
		rows.push(r);
	}
	// A measurement relative to the regions' best and worst: while those stay, only its own region's score moves.
	for (let i = 0; i < plan.codes.length; i++) {
		const rule = plan.rules[i];
		if (rule?.type !== 'measure' || rows.every(r => found[r]![i] === before.found[r]![i])) continue;
		const now = statsOf(rule.better, amountsAt(found, i));
		const was = before.statsAt[i];
		if (now?.best !== was?.best || now?.worst !== was?.worst || now?.count !== was?.count) return scoreFound(index, plan, weights, regions, found);
	}
	const moved = new Set<number>();
	let totals = false;
	const rescored = new Map<number, RegionScore>();
	for (const r of rows) {
		const next = scoreRegion(plan, before.w, before.statsAt, regions[r]!, found[r]!);
		const old = previous.regions[r]!;
		for (let i = 0; i < plan.codes.length; i++) if (!Object.is(next.nodes.score[i], old.nodes.score[i])) moved.add(i);
		if (!Object.is(next.total, old.total)) totals = true;
		next.tier = tierOf(index.system.tiers, next.total);
		next.rank = old.rank;
		next.nodes.rank.set(old.nodes.rank);
		rescored.set(r, next);
	}
	// The other regions as they were, but where a rank may move: their own copies of it.
	const results = previous.regions.map((r, k) => rescored.get(k) ?? (moved.size > 0 ? {...r, nodes: r.nodes.copy()} : totals ? {...r} : r));
	rankRegions(index, results, moved, totals);
	const score = {regions: results, best: previous.best, stats: previous.stats};
	inputs.set(score, {...before, found});
	return score;
}

function weightsOf(plan: ScoringPlan, weights: Readonly<Record<string, number>>): Float64Array {
	const n = plan.codes.length;
	const w = new Float64Array(n);
	for (let i = 0; i < n; i++) w[i] = weights[plan.codes[i]!] ?? 0;
	return w;
}

function amountsAt(found: readonly (ScoredInput | undefined)[][], i: number): number[] {
	const amounts: number[] = [];
	for (const f of found) {
		const x = f[i];
		if (x && x.status !== 'na' && x.value?.type === 'measure') amounts.push(x.value.amount);
	}
	return amounts;
}

function measureStats(plan: ScoringPlan, found: readonly (ScoredInput | undefined)[][]) {
	const n = plan.codes.length;
	const best = new Map<string, number>();
	const stats = new Map<string, MeasureStats>();
	const statsAt: (MeasureStats | undefined)[] = new Array(n);
	for (let i = 0; i < n; i++) {
		const rule = plan.rules[i];
		if (rule?.type !== 'measure') continue;
		const st = statsOf(rule.better, amountsAt(found, i));
		if (st !== undefined) {
			best.set(plan.codes[i]!, st.best);
			stats.set(plan.codes[i]!, st);
			statsAt[i] = st;
		}
	}
	return {best, stats, statsAt};
}

/** One region's scores (rank and tier left to the caller). */
function scoreRegion(plan: ScoringPlan, w: Float64Array, statsAt: readonly (MeasureStats | undefined)[], code: string, row: readonly (ScoredInput | undefined)[]): RegionScore {
	const n = plan.codes.length;
	const nodes = new NodeScores(plan);
	let unscored = 0;
	// Children come after their parent, so walking backwards scores them first.
	for (let i = n - 1; i >= 0; i--) {
		const rule = plan.rules[i];
		if (rule) {
			const f = row[i];
			if (f?.status === 'na') {
				nodes.na[i] = 1;
				continue;
			}
			const s = f ? leafScore(rule, f.value, statsAt[i]) : null;
			if (s === null) unscored++;
			else {
				nodes.score[i] = s;
				nodes.coverage[i] = 1;
			}
			continue;
		}
		aggregate(plan.children[i]!, w, nodes, i);
	}
	const root = aggregate(plan.primaries, w, nodes, -1);
	return {code, total: root.na ? null : root.score, coverage: root.coverage, rank: null, tier: null, nodes, unscored};
}

/** Ranks the regions on the given indicators (null: all of them) and on their totals, in place. */
function rankRegions(index: SystemIndex, results: RegionScore[], indicators: ReadonlySet<number> | null, totals: boolean): void {
	const column = new Float64Array(results.length);
	const ranks = new Int32Array(results.length);
	const n = results[0]?.nodes.size ?? 0;
	for (let i = 0; i < n; i++) {
		if (indicators && !indicators.has(i)) continue;
		for (let k = 0; k < results.length; k++) column[k] = results[k]!.nodes.score[i]!;
		rankInto(column, index.system.ranking, ranks);
		for (let k = 0; k < results.length; k++) results[k]!.nodes.rank[i] = ranks[k]!;
	}
	if (!totals) return;
	results.forEach((r, k) => (column[k] = r.total ?? Number.NaN));
	rankInto(column, index.system.ranking, ranks);
	results.forEach((r, k) => (r.rank = ranks[k]! > 0 ? ranks[k]! : null));
}

/**
 * Weighted mean of the scored children; writes node `at` (or returns the root when at < 0).
 * Children that are not applicable, or weightless, drop out and the others' weights are
 * renormalised. A node is not applicable only when all its children are; a node whose
 * applicable children all weigh 0 is weightless: no score (it says so), nothing counted, and
 * its coverage counts its children equally, so "every leaf scored" still reads as complete.
 */
function aggregate(children: readonly number[], w: Float64Array, nodes: NodeScores, at: number): {score: number | null; coverage: number; na: boolean} {
	let applicable = 0;
	let covered = 0;
	let scoredWeight = 0;
	let sum = 0;
	let present = 0;
	let coveredByCount = 0;
	for (const c of children) {
		if (nodes.na[c] === 1) continue;
		present++;
		coveredByCount += nodes.coverage[c]!;
		if (nodes.weightless[c] === 1) continue;
		const weight = w[c]!;
		applicable += weight;
		covered += weight * nodes.coverage[c]!;
		const s = nodes.score[c]!;
		if (!Number.isNaN(s)) {
			scoredWeight += weight;
			sum += weight * s;
		}
	}
	const na = present === 0;
	const weightless = !na && applicable === 0;
	const score = !na && !weightless && scoredWeight > 0 ? sum / scoredWeight : null;
	const coverage = na ? 0 : weightless ? coveredByCount / present : covered / applicable;
	if (at >= 0) {
		nodes.na[at] = na ? 1 : 0;
		nodes.weightless[at] = weightless ? 1 : 0;
		nodes.score[at] = score ?? Number.NaN;
		nodes.coverage[at] = coverage;
	}
	return {score, coverage, na};
}

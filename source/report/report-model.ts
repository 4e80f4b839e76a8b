import type {SystemIndex} from '../domain/system/system-index.js';
import type {Workspace, Evidence, FindingStatus} from '../domain/workspace/workspace-schema.js';
import type {WorkspaceScore} from '../domain/scoring/score-workspace.js';
import type {ScoreReport, RegionRow, IndicatorRow} from '../domain/scoring/score-report.js';
import type {Comparison, RegionChange} from '../domain/compare/compare-results.js';
import {pointsLost} from '../domain/scoring/points-lost.js';
import {roundScore} from '../domain/scoring/ranking.js';
import {formatValue} from '../domain/rules/parse-value.js';
import type {Rule} from '../domain/rules/rule-schema.js';
import type {FindingValue} from '../domain/workspace/workspace-schema.js';
import {findingKey} from '../domain/workspace/workspace-schema.js';
import {pick, type Lang} from '../domain/text.js';
import {regionBlockers, type Blocker} from './provisional.js';
import {finalityOf} from '../domain/workspace/finality.js';

/** Everything a report is made from; the report is a pure function of it. */
export type ReportInput = {
	index: SystemIndex;
	ws: Workspace;
	weights: Readonly<Record<string, number>>;
	scores: WorkspaceScore;
	/** The same numbers `assess score --json` prints (two decimals): every figure comes from here. */
	report: ScoreReport;
	/** Service-item names by id, for the failed sampled items. */
	itemNames: ReadonlyMap<string, string>;
	lang: Lang;
	facts: {workspaceFile: string; weightsFile: string; weightsDigest: string; generatedAt: string; program: string};
	/** Region pages only for these (the overview still covers every region). */
	regions?: readonly string[];
	/** Tertiary indicators in each region's table too. */
	detail: boolean;
	/** Year on year: the same workspace compared with an earlier one (assess compare). */
	comparison?: Comparison;
};

/** A row of a region's indicator table: the published columns, then where the region stands. */
export type TableRow = {
	code: string;
	name: string;
	level: number;
	score: number | null;
	rank: number | null;
	na: boolean;
	weightless: boolean;
	average: number | null;
	best: number | null;
	bestRegions: string[];
	/** best − score, two decimals. */
	gap: number | null;
};

export type Bar = {code: string; label: string; value: number | null; average: number | null; best: number | null; na: boolean; weightless: boolean};
export type BarChart = {id: string; title: string; bars: Bar[]};

/** Evidence as the finding holds it (a stored file's own name in the evidence folder is not shown). */
export type EvidenceView = Evidence;

export type IssueItem = {
	code: string;
	name: string;
	/** The names of its ancestors, primary first. */
	path: string[];
	score: number;
	/** The leaf's share of the total, 0–1. */
	share: number;
	/** Points lost, two decimals. */
	cost: number;
	value: string;
	status: FindingStatus | null;
	reason?: string;
	note: string;
	failed: {item: string; name?: string; note?: string}[];
	evidence: EvidenceView[];
};

export type RegionPage = {
	code: string;
	name: string;
	total: number | null;
	rank: number | null;
	/** Regions ranked (the rank is among these). */
	ranked: number;
	tier: string | null;
	coverage: number;
	blockers: Blocker[];
	rows: TableRow[];
	charts: BarChart[];
	issues: IssueItem[];
	/** Leaves not scored yet (provisional pages), code and name. */
	unscored: {code: string; name: string}[];
	change?: RegionChange;
};

export type TierShare = {id: string; label: string; edge: string; count: number; share: number};

export type HeatMap = {
	columns: {code: string; name: string; primary: string}[];
	rows: {code: string; name: string; cells: {score: number | null; na: boolean; weightless: boolean}[]}[];
};

export type IndicatorStat = {code: string; name: string; level: number; n: number; mean: number | null; sd: number | null; min: number | null; max: number | null; best: string[]; worst: string[]};

export type WeakLeaf = {code: string; name: string; path: string[]; meanScore: number | null; meanLost: number; below60: number; scored: number};

export type Overview = {
	ranking: {code: string; name: string; rank: number | null; total: number | null; tier: string | null; coverage: number; provisional: boolean; primaries: (number | null)[]}[];
	primaries: {code: string; name: string}[];
	tiers: TierShare[];
	untiered: number;
	heat: HeatMap;
	stats: IndicatorStat[];
	weakest: WeakLeaf[];
};

export type ReportModel = {
	lang: Lang;
	title: string;
	system: {id: string; version: string; title: string; reportYear: number; dataYear: number};
	facts: ReportInput['facts'];
	/** Regions whose results are provisional (of all the workspace's regions). */
	provisional: number;
	overview: Overview;
	pages: RegionPage[];
	comparison?: Comparison;
};

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Shares as published: two decimals of a percent, e.g. 25.00%. */
export const formatShare = (share: number) => `${(share * 100).toFixed(2)}%`;

/** A tier's range in words: "> 90", "≥ 80, ≤ 90", "< 80" (where each edge belongs is the system's). */
function tierEdge(tier: {min: number; includesMin: boolean}, above: {min: number; includesMin: boolean} | undefined): string {
	const low = tier.min === 0 ? '' : `${tier.includesMin ? '≥' : '>'} ${tier.min}`;
	if (above === undefined) return low || '0–100';
	const high = `${above.includesMin ? '<' : '≤'} ${above.min}`;
	return low ? `${low}, ${high}` : high;
}

/**
 * The report as data: the overview of every region and one page per chosen region, each
 * figure taken from the score report (the numbers `assess score --json` prints), the points
 * each leaf cost from the scores and weights it was computed with. Pure.
 */
export function reportModel(input: ReportInput): ReportModel {
	const {index, report, lang} = input;
	const system = index.system;
	const regions = report.regions;
	// Names and paths once per indicator (64 pages ask for the same ones).
	const names = new Map(index.ordered.map(n => [n.code, pick(n.node.name, lang)]));
	const name = (code: string) => names.get(code)!;
	const paths = new Map<string, string[]>();
	const pathOf = (code: string): string[] => {
		let path = paths.get(code);
		if (!path) {
			const parent = index.nodes.get(code)!.parent;
			path = parent === undefined ? [] : [...pathOf(parent), name(parent)];
			paths.set(code, path);
		}
		return path;
	};

	// Per indicator, the column of every region's published score.
	const columns = new Map<string, {region: RegionRow; row: IndicatorRow}[]>();
	for (const region of regions) for (const row of region.indicators) (columns.get(row.code) ?? columns.set(row.code, []).get(row.code)!).push({region, row});
	const standing = new Map<string, {average: number | null; best: number | null; bestRegions: string[]; worst: number | null; worstRegions: string[]; sd: number | null; n: number}>();
	for (const [code, column] of columns) {
		const scored = column.filter(c => c.row.score !== null);
		const values = scored.map(c => c.row.score!);
		const avg = mean(values);
		const best = values.length ? Math.max(...values) : null;
		const worst = values.length ? Math.min(...values) : null;
		const sd = avg === null ? null : Math.sqrt(values.reduce((a, v) => a + (v - avg) ** 2, 0) / values.length);
		standing.set(code, {
			average: avg === null ? null : roundScore(avg),
			best,
			bestRegions: scored.filter(c => c.row.score === best).map(c => c.region.name),
			worst,
			worstRegions: scored.filter(c => c.row.score === worst).map(c => c.region.name),
			sd: sd === null ? null : roundScore(sd),
			n: values.length,
		});
	}

	// What each leaf cost each region, once (the pages and the national weakest list both need it).
	const lostIn = new Map(input.scores.regions.map(r => [r.code, pointsLost(index, input.weights, r.nodes)]));
	const finality = finalityOf(index, input.ws, code => regions.find(r => r.code === code)?.name ?? code);
	const blockersOf = new Map(regions.map(r => [r.code, regionBlockers(r.code, finality)]));
	const ranked = regions.filter(r => r.rank !== null).length;
	const changeOf = new Map(input.comparison?.regions.map(c => [c.code, c]) ?? []);

	const pageFor = (region: RegionRow): RegionPage => {
		const byCode = new Map(region.indicators.map(i => [i.code, i]));
		const rows: TableRow[] = region.indicators
			.filter(i => i.level <= (input.detail ? 3 : 2))
			.map(i => {
				const s = standing.get(i.code)!;
				return {code: i.code, name: i.name, level: i.level, score: i.score, rank: i.rank, na: i.na, weightless: i.weightless, average: s.average, best: s.best, bestRegions: s.bestRegions, gap: i.score === null || s.best === null ? null : roundScore(s.best - i.score)};
			});
		const bar = (code: string): Bar => {
			const i = byCode.get(code)!;
			const s = standing.get(code)!;
			return {code, label: i.name, value: i.score, average: s.average, best: s.best, na: i.na, weightless: i.weightless};
		};
		const charts: BarChart[] = [{id: 'primaries', title: '', bars: index.primaries.map(bar)}, ...index.primaries.map(p => ({id: p, title: name(p), bars: index.nodes.get(p)!.children.map(bar)}))];
		const issues = lostIn.get(region.code)!
			.filter(c => roundScore(c.cost) > 0)
			.map((c): IssueItem => {
				const f = input.ws.findings[findingKey(region.code, c.code)];
				const rule = index.nodes.get(c.code)!.rule;
				const failed = f?.value?.type === 'sampled' ? f.value.samples.filter(s => !s.pass).map(s => ({item: s.item, ...(input.itemNames.has(s.item) ? {name: input.itemNames.get(s.item)!} : {}), ...(s.note ? {note: s.note} : {})})) : [];
				return {
					code: c.code,
					name: name(c.code),
					path: pathOf(c.code),
					score: roundScore(c.score),
					share: c.share,
					cost: roundScore(c.cost),
					value: f ? valueText(rule, f.value, lang) : '',
					status: f?.status ?? null,
					...(f?.reason ? {reason: f.reason} : {}),
					note: f?.note ?? '',
					failed,
					evidence: f?.evidence ?? [],
				};
			});
		const unscored = index.leaves.filter(l => byCode.get(l.code)!.score === null && !byCode.get(l.code)!.na).map(l => ({code: l.code, name: name(l.code)}));
		const change = changeOf.get(region.code);
		return {code: region.code, name: region.name, total: region.total, rank: region.rank, ranked, tier: region.tier, coverage: region.coverage, blockers: blockersOf.get(region.code)!, rows, charts, issues, unscored, ...(change ? {change} : {})};
	};

	// Overview: the ranking (rank order; unranked last in the workspace's order).
	const byRank = [...regions].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || regions.indexOf(a) - regions.indexOf(b));
	const tiered = regions.filter(r => r.tierId !== null);
	const tiers: TierShare[] = system.tiers.map((tier, i) => {
		const count = tiered.filter(r => r.tierId === tier.id).length;
		return {id: tier.id, label: pick(tier.label, lang), edge: tierEdge(tier, system.tiers[i - 1]), count, share: tiered.length ? count / tiered.length : 0};
	});
	const secondaries = index.ordered.filter(n => n.level === 2);
	const heat: HeatMap = {
		columns: secondaries.map(n => ({code: n.code, name: name(n.code), primary: n.parent!})),
		rows: byRank.map(r => {
			const byCode = new Map(r.indicators.map(i => [i.code, i]));
			return {code: r.code, name: r.name, cells: secondaries.map(n => ({score: byCode.get(n.code)!.score, na: byCode.get(n.code)!.na, weightless: byCode.get(n.code)!.weightless}))};
		}),
	};
	const stats: IndicatorStat[] = index.ordered
		.filter(n => n.level <= 2)
		.map(n => {
			const s = standing.get(n.code)!;
			return {code: n.code, name: name(n.code), level: n.level, n: s.n, mean: s.average, sd: s.sd, min: s.worst, max: s.best, best: s.bestRegions, worst: s.worstRegions};
		});
	// Weakest leaves nationally: the mean of the points each region lost there.
	const lost = new Map<string, number[]>();
	for (const costs of lostIn.values()) for (const c of costs) (lost.get(c.code) ?? lost.set(c.code, []).get(c.code)!).push(c.cost);
	const weakest: WeakLeaf[] = index.leaves
		.map(l => {
			const column = columns.get(l.code)!.filter(c => c.row.score !== null);
			const costs = lost.get(l.code) ?? [];
			return {code: l.code, name: name(l.code), path: pathOf(l.code), meanScore: standing.get(l.code)!.average, meanLost: roundScore(costs.reduce((a, b) => a + b, 0) / Math.max(1, costs.length)), below60: column.filter(c => c.row.score! < 60).length, scored: column.length};
		})
		.filter(w => w.meanLost > 0)
		.sort((a, b) => b.meanLost - a.meanLost || index.nodes.get(a.code)!.order - index.nodes.get(b.code)!.order)
		.slice(0, 10);

	const chosen = input.regions ? regions.filter(r => input.regions!.includes(r.code)) : regions;
	return {
		lang,
		title: pick(system.title, lang),
		system: {id: system.id, version: system.version, title: pick(system.title, lang), reportYear: system.edition.reportYear, dataYear: system.edition.dataYear},
		facts: input.facts,
		provisional: [...blockersOf.values()].filter(b => b.length > 0).length,
		overview: {
			ranking: byRank.map(r => ({code: r.code, name: r.name, rank: r.rank, total: r.total, tier: r.tier, coverage: r.coverage, provisional: blockersOf.get(r.code)!.length > 0, primaries: index.primaries.map(p => r.indicators.find(i => i.code === p)!.score)})),
			primaries: index.primaries.map(p => ({code: p, name: name(p)})),
			tiers,
			untiered: regions.length - tiered.length,
			heat,
			stats,
			weakest,
		},
		pages: chosen.map(pageFor),
		...(input.comparison ? {comparison: input.comparison} : {}),
	};
}

/** A finding's value in words, in the report's language (formatValue gives the Chinese). */
function valueText(rule: Rule | undefined, value: FindingValue | null, lang: Lang): string {
	if (lang === 'zh' || !value) return formatValue(rule, value);
	if (value.type === 'yesno') return value.met ? 'yes' : 'no';
	if (value.type === 'levels' && rule?.type === 'levels') {
		const level = rule.levels.find(l => l.id === value.level);
		return level ? pick(level.label, lang) : value.level;
	}
	if (value.type === 'measure' && rule?.type === 'measure') return `${value.amount} ${pick(rule.unit, lang)}`;
	return formatValue(rule, value);
}

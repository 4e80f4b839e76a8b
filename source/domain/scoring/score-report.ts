import type {SystemIndex} from '../system/system-index.js';
import type {Workspace} from '../workspace/workspace-schema.js';
import type {WorkspaceScore} from './score-workspace.js';
import {roundScore} from './ranking.js';
import {pick, type Lang} from '../text.js';
import {finalityOf, type Finality, type BlockerKind} from '../workspace/finality.js';
import {methodOf, type MeasureMethod} from '../rules/rule-schema.js';

export type IndicatorRow = {
	code: string;
	name: string;
	level: number;
	score: number | null;
	rank: number | null;
	coverage: number;
	na: boolean;
	/** No score because everything applicable under it weighs 0 (see NodeScore). */
	weightless: boolean;
	/** A measure leaf: how many regions of this file its score is relative to (those with a value). */
	relativeTo?: number;
};

export type RegionRow = {
	code: string;
	name: string;
	total: number | null;
	tier: string | null;
	tierId: string | null;
	rank: number | null;
	coverage: number;
	unscored: number;
	conflicts: number;
	/** Its total and tier are final (see `finalityOf`); its rank is final only when the whole result is. */
	final: boolean;
	/** How many of its leaves keep it from being final (`assess export` lists why). */
	blockers: number;
	indicators: IndicatorRow[];
};

/** Measures are scored relative to the regions of the file: which measures, and how many regions. */
export type RelativeNote = {
	/** Regions in the file. */
	regions: number;
	measures: {code: string; name: string; method: MeasureMethod; regions: number}[];
};

/** The shape `assess score --json` prints (DESIGN.md fixes its core fields). */
export type ScoreReport = {
	system: string;
	systemVersion: string;
	title: string;
	ranking: 'competition' | 'dense';
	/** Every score, rank and tier is final: nothing unscored, draft, flagged or in conflict. */
	final: boolean;
	/** How many blockers, and of which kind. */
	blockers: number;
	blockerCounts: Record<BlockerKind, number>;
	/** Present when the system has measures: their scores depend on which regions the file holds. */
	relative: RelativeNote | null;
	regions: RegionRow[];
	conflicts: number;
};

/**
 * Turns scores into the published form: two decimals, regions in the workspace's order, every
 * indicator in the order of the published table (depth first), and whether each is final.
 */
export function scoreReport(index: SystemIndex, ws: Workspace, scores: WorkspaceScore, regionName: (code: string) => string, lang: Lang = 'zh', finality: Finality = finalityOf(index, ws, regionName)): ScoreReport {
	const conflictsByRegion = new Map<string, number>();
	for (const c of Object.values(ws.conflicts)) conflictsByRegion.set(c.region, (conflictsByRegion.get(c.region) ?? 0) + 1);
	const regionFinality = new Map(finality.regions.map(r => [r.region, r]));
	const measures = index.leaves.filter(l => l.rule?.type === 'measure');
	return {
		system: index.system.id,
		systemVersion: index.system.version,
		title: pick(index.system.title, lang),
		ranking: index.system.ranking,
		final: finality.final,
		blockers: finality.blockers.length,
		blockerCounts: finality.counts,
		relative: measures.length
			? {
					regions: ws.regions.length,
					measures: measures.map(l => ({code: l.code, name: pick(l.node.name, lang), method: methodOf(l.rule as Extract<typeof l.rule, {type: 'measure'}>), regions: scores.stats.get(l.code)?.count ?? 0})),
				}
			: null,
		conflicts: Object.keys(ws.conflicts).length,
		regions: scores.regions.map(r => ({
			code: r.code,
			name: regionName(r.code),
			total: r.total === null ? null : roundScore(r.total),
			tier: r.tier ? pick(r.tier.label, lang) : null,
			tierId: r.tier?.id ?? null,
			rank: r.rank,
			coverage: Math.round(r.coverage * 10000) / 10000,
			unscored: r.unscored,
			conflicts: conflictsByRegion.get(r.code) ?? 0,
			final: regionFinality.get(r.code)?.final ?? false,
			blockers: regionFinality.get(r.code)?.blockers ?? 0,
			indicators: index.ordered.map(n => {
				const s = r.nodes.get(n.code)!;
				const row: IndicatorRow = {code: n.code, name: pick(n.node.name, lang), level: n.level, score: s.score === null ? null : roundScore(s.score), rank: s.rank, coverage: Math.round(s.coverage * 10000) / 10000, na: s.na, weightless: s.weightless};
				if (n.rule?.type === 'measure') row.relativeTo = scores.stats.get(n.code)?.count ?? 0;
				return row;
			}),
		})),
	};
}

/** "86.97", or "—" when not computable yet. */
export function formatScore(score: number | null): string {
	return score === null ? '—' : score.toFixed(2);
}

export function formatPercent(share: number): string {
	return `${(share * 100).toFixed(share === 1 || share === 0 ? 0 : 1)}%`;
}

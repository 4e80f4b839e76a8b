import type {SystemIndex} from '../system/system-index.js';
import type {Workspace} from '../workspace/workspace-schema.js';
import type {WorkspaceScore} from './score-workspace.js';
import {roundScore} from './ranking.js';
import {pick, type Lang} from '../text.js';

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
	indicators: IndicatorRow[];
};

/** The shape `assess score --json` prints (DESIGN.md fixes its core fields). */
export type ScoreReport = {
	system: string;
	systemVersion: string;
	title: string;
	ranking: 'competition' | 'dense';
	regions: RegionRow[];
	conflicts: number;
};

/**
 * Turns scores into the published form: two decimals, regions in the workspace's order, every
 * indicator in the order of the published table (depth first).
 */
export function scoreReport(index: SystemIndex, ws: Workspace, scores: WorkspaceScore, regionName: (code: string) => string, lang: Lang = 'zh'): ScoreReport {
	const conflictsByRegion = new Map<string, number>();
	for (const c of Object.values(ws.conflicts)) conflictsByRegion.set(c.region, (conflictsByRegion.get(c.region) ?? 0) + 1);
	return {
		system: index.system.id,
		systemVersion: index.system.version,
		title: pick(index.system.title, lang),
		ranking: index.system.ranking,
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
			indicators: index.ordered.map(n => {
				const s = r.nodes.get(n.code)!;
				return {code: n.code, name: pick(n.node.name, lang), level: n.level, score: s.score === null ? null : roundScore(s.score), rank: s.rank, coverage: Math.round(s.coverage * 10000) / 10000, na: s.na, weightless: s.weightless};
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

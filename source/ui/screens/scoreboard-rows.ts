import type {SystemIndex} from '../../domain/system/system-index.js';
import type {WorkspaceScore} from '../../domain/scoring/score-workspace.js';
import type {Lang} from '../../domain/text.js';
import type {Finality} from '../../domain/workspace/finality.js';
import type {ScoreColumn} from '../state/nav-state.js';
import {shownRank, shownTier, tierLabel} from '../display.js';

/** `rankText`, `tier`: as shown, marked `*` while provisional; `final`: the region's total is final. */
export type ScoreboardRow = {code: string; name: string; rank: number | null; rankText: string; total: number | null; final: boolean; tier: string; coverage: number; primaries: (number | null)[]; move: number};

/** Every region of the workspace as a scoreboard row, sorted by the chosen column. `names`: display names. */
export function scoreboardRows(index: SystemIndex, scores: WorkspaceScore, names: ReadonlyMap<string, string>, moves: ReadonlyMap<string, number>, sortBy: ScoreColumn, lang: Lang, finality: Finality): ScoreboardRow[] {
	const final = new Map(finality.regions.map(r => [r.region, r.final]));
	const rows = scores.regions.map(r => ({
		code: r.code,
		name: names.get(r.code) ?? r.code,
		rank: r.rank,
		rankText: shownRank(r.rank, finality.final),
		total: r.total,
		final: final.get(r.code) ?? false,
		tier: shownTier(tierLabel(r.tier, lang), final.get(r.code) ?? false),
		coverage: r.coverage,
		primaries: index.primaries.map(p => r.nodes.get(p)?.score ?? null),
		move: moves.get(r.code) ?? 0,
	}));
	const num = (v: number | null) => (v === null ? -Infinity : v);
	const key: Record<ScoreColumn, (r: ScoreboardRow) => number | string> = {
		rank: r => (r.rank === null ? Infinity : r.rank),
		name: r => r.name,
		total: r => -num(r.total),
		coverage: r => -r.coverage,
		p1: r => -num(r.primaries[0] ?? null),
		p2: r => -num(r.primaries[1] ?? null),
		p3: r => -num(r.primaries[2] ?? null),
		p4: r => -num(r.primaries[3] ?? null),
		p5: r => -num(r.primaries[4] ?? null),
	};
	const k = key[sortBy];
	return rows.sort((a, b) => {
		const x = k(a);
		const y = k(b);
		if (typeof x === 'string' && typeof y === 'string') return x.localeCompare(y, 'zh');
		return (x as number) - (y as number) || a.code.localeCompare(b.code);
	});
}

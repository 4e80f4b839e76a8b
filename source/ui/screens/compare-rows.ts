import type {SystemIndex} from '../../domain/system/system-index.js';
import type {RegionScore, WorkspaceScore} from '../../domain/scoring/score-workspace.js';
import type {Lang} from '../../domain/text.js';
import {nodeName} from '../display.js';
import {t} from '../strings.js';

/** A region's score and rank on one row of the comparison (`na`: not applicable there). */
export type CompareCell = {score: number | null; rank: number | null; na: boolean};

/** One row: the total, or an indicator (`depth` 0 for a primary), both regions and the difference (first − second). */
export type CompareRow = {code: string; depth: number; label: string; a: CompareCell; b: CompareCell; diff: number | null};

const cellOf = (r: RegionScore | undefined, code: string): CompareCell => {
	if (!r) return {score: null, rank: null, na: false};
	if (code === '') return {score: r.total, rank: r.rank, na: false};
	const n = r.nodes.get(code);
	return {score: n?.score ?? null, rank: n?.rank ?? null, na: n?.na ?? false};
};

/**
 * Two regions of the workspace side by side, indicator by indicator, in the published order:
 * the total first, then every primary, secondary and tertiary with each region's score and rank
 * (ranks among the workspace's regions, as the scoreboard's) and the difference.
 */
export function compareRows(index: SystemIndex, scores: WorkspaceScore, a: string, b: string, lang: Lang): CompareRow[] {
	const ra = scores.regions.find(r => r.code === a);
	const rb = scores.regions.find(r => r.code === b);
	const row = (code: string, depth: number, label: string): CompareRow => {
		const ca = cellOf(ra, code);
		const cb = cellOf(rb, code);
		return {code, depth, label, a: ca, b: cb, diff: ca.score !== null && cb.score !== null ? ca.score - cb.score : null};
	};
	return [row('', 0, t(lang, 'total')), ...index.ordered.map(n => row(n.code, n.level - 1, `${n.code} ${nodeName(index, n.code, lang)}`))];
}

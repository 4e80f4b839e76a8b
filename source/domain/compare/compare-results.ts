import type {SystemIndex} from '../system/system-index.js';
import type {ScoreReport, RegionRow} from '../scoring/score-report.js';
import {roundScore} from '../scoring/ranking.js';
import {pick, type Lang} from '../text.js';
import type {IndicatorMatch, IndicatorPair} from './match-indicators.js';

/** One edition's results, as compare needs them. */
export type EditionInput = {
	index: SystemIndex;
	weights: Readonly<Record<string, number>>;
	report: ScoreReport;
	/** Whether a region's results are provisional (not final): decided by the caller. */
	provisional: (region: RegionRow) => boolean;
};

export type RegionStanding = {total: number | null; rank: number | null; tier: string | null; coverage: number; provisional: boolean};

/** An indicator (or group) then and now; scores are null where not scored, not applicable or weightless. */
export type IndicatorChange = {
	/** Position in Comparison.pairs. */
	pair: number;
	old: number | null;
	new: number | null;
	/** new − old, two decimals; null unless both are scores. */
	change: number | null;
};

export type RegionChange = {
	code: string;
	name: string;
	old: RegionStanding | null;
	new: RegionStanding | null;
	/** new total − old total. */
	totalChange: number | null;
	/** Places moved up (old rank − new rank): positive is better. */
	rankChange: number | null;
	indicators: IndicatorChange[];
};

export type ComparedIndicator = IndicatorPair & {
	/** The level of the indicators on the new side (on the old side for a dropped one). */
	level: number;
	fromNames: string[];
	toNames: string[];
};

export type Edition = {system: string; version: string; title: string; reportYear: number; dataYear: number; regions: number};

export type Comparison = {
	old: Edition;
	new: Edition;
	pairs: ComparedIndicator[];
	unmatched: {old: {code: string; name: string; level: number}[]; new: {code: string; name: string; level: number}[]};
	/** Regions of the new workspace in its order, then those only the old one has. */
	regions: RegionChange[];
	/** Ranks are among each workspace's own regions: say so where the two sets differ. */
	sameRegions: boolean;
};

/** The product of the weights from a node up to its primary: how much it counts in the total. */
function globalWeight(index: SystemIndex, weights: Readonly<Record<string, number>>, code: string): number {
	let w = 1;
	for (let at: string | undefined = code; at !== undefined; at = index.nodes.get(at)?.parent) w *= weights[at] ?? 0;
	return w;
}

/**
 * The score of a group of indicators in one region: one indicator's published score, or the
 * mean of the group's scores weighted by how much each counts in the total (a plain mean where
 * they all weigh 0). Members not scored, not applicable or weightless are left out.
 */
function groupScore(edition: EditionInput, row: RegionRow, codes: readonly string[]): number | null {
	const byCode = new Map(row.indicators.map(i => [i.code, i]));
	const members = codes.map(c => ({score: byCode.get(c)!.score, weight: globalWeight(edition.index, edition.weights, c)})).filter((m): m is {score: number; weight: number} => m.score !== null);
	if (members.length === 0) return null;
	if (members.length === 1 && codes.length === 1) return members[0]!.score;
	const total = members.reduce((a, m) => a + m.weight, 0);
	const mean = total > 0 ? members.reduce((a, m) => a + m.weight * m.score, 0) / total : members.reduce((a, m) => a + m.score, 0) / members.length;
	return roundScore(mean);
}

const standing = (edition: EditionInput, row: RegionRow): RegionStanding => ({total: row.total, rank: row.rank, tier: row.tier, coverage: row.coverage, provisional: edition.provisional(row)});
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : roundScore(b - a));

/**
 * Year on year (or any two editions of a system): per region its total, rank and tier then
 * and now, and per corresponding indicator its score then and now. Regions are matched by
 * code. Pure; the numbers are those of each edition's score report (two decimals).
 */
export function compareResults(old: EditionInput, next: EditionInput, match: IndicatorMatch, lang: Lang = 'zh'): Comparison {
	const name = (index: SystemIndex, code: string) => pick(index.nodes.get(code)!.node.name, lang);
	const pairs: ComparedIndicator[] = match.pairs.map(p => ({
		...p,
		level: p.to.length ? next.index.nodes.get(p.to[0]!)!.level : old.index.nodes.get(p.from[0]!)!.level,
		fromNames: p.from.map(c => name(old.index, c)),
		toNames: p.to.map(c => name(next.index, c)),
	}));
	const oldRows = new Map(old.report.regions.map(r => [r.code, r]));
	const newCodes = new Set(next.report.regions.map(r => r.code));
	const regionChange = (code: string, before: RegionRow | undefined, after: RegionRow | undefined): RegionChange => ({
		code,
		name: (after ?? before)!.name,
		old: before ? standing(old, before) : null,
		new: after ? standing(next, after) : null,
		totalChange: diff(before?.total ?? null, after?.total ?? null),
		rankChange: before?.rank != null && after?.rank != null ? before.rank - after.rank : null,
		indicators: pairs.map((p, i) => {
			const then = before && p.from.length ? groupScore(old, before, p.from) : null;
			const now = after && p.to.length ? groupScore(next, after, p.to) : null;
			return {pair: i, old: then, new: now, change: diff(then, now)};
		}),
	});
	const regions = [...next.report.regions.map(r => regionChange(r.code, oldRows.get(r.code), r)), ...old.report.regions.filter(r => !newCodes.has(r.code)).map(r => regionChange(r.code, r, undefined))];
	const edition = (e: EditionInput): Edition => ({system: e.index.system.id, version: e.index.system.version, title: pick(e.index.system.title, lang), reportYear: e.index.system.edition.reportYear, dataYear: e.index.system.edition.dataYear, regions: e.report.regions.length});
	const described = (index: SystemIndex, codes: string[]) => codes.map(code => ({code, name: name(index, code), level: index.nodes.get(code)!.level}));
	return {
		old: edition(old),
		new: edition(next),
		pairs,
		unmatched: {old: described(old.index, match.unmatched.old), new: described(next.index, match.unmatched.new)},
		regions,
		sameRegions: old.report.regions.length === next.report.regions.length && old.report.regions.every(r => newCodes.has(r.code)),
	};
}

import type {ScoreReport} from '../domain/scoring/score-report.js';
import type {FindingRow, SampleRow} from '../domain/export/export-rows.js';
import {evidenceText} from '../domain/export/export-rows.js';
import {guardFormula} from '../domain/export/workbook-model.js';
import {CSV_FIRST_COLUMNS} from './export-target.js';
import type {Comparison, RegionStanding} from '../domain/compare/compare-results.js';

/**
 * CSV tables: UTF-8 with BOM (Excel shows Chinese), CRLF, formula-like text quoted as text.
 * The first column of every row says whether the result is `final` or a `draft`, so a row
 * copied out of the file still says what it is.
 */
type Field = string | number | boolean | null;

/** Every table starts with these columns: how a later export recognises the file as its own. */
const FIRST_COLUMNS = CSV_FIRST_COLUMNS.split(',').filter(Boolean);

function csv(rows: readonly (readonly Field[])[]): string {
	return '\uFEFF' + rows.map(row => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** One row per region × indicator (and a 总得分 row per region): the flat form other tools read. */
export function csvScores(report: ScoreReport, regions?: readonly string[]): string {
	const result = report.final ? 'final' : 'draft';
	const rows: Field[][] = [[...FIRST_COLUMNS, 'indicator_code', 'indicator', 'level', 'score', 'rank', 'total', 'region_rank', 'tier', 'coverage', 'region_final']];
	for (const r of report.regions) {
		if (regions && !regions.includes(r.code)) continue;
		rows.push([result, r.code, r.name, '', '总得分', 0, r.total, r.rank, r.total, r.rank, r.tier, r.coverage, r.final]);
		for (const i of r.indicators) rows.push([result, r.code, r.name, i.code, i.name, i.level, i.na ? null : i.score, i.rank, r.total, r.rank, r.tier, i.coverage, r.final]);
	}
	return csv(rows);
}

/** One row per sampled item: region, indicator, item code and name, result, note, evidence. */
export function csvSamples(samples: readonly SampleRow[], final: boolean, time: (iso: string) => string): string {
	const rows: Field[][] = [[...FIRST_COLUMNS, 'indicator_code', 'indicator', 'item_code', 'item_name', 'verdict', 'note', 'evidence', 'by', 'at']];
	for (const s of samples) rows.push([final ? 'final' : 'draft', s.region, s.regionName, s.indicator, s.indicatorName, s.itemCode, s.itemName, s.result, s.note, s.evidence.map(e => evidenceText(e, time)).join('\n'), s.by, time(s.at)]);
	return csv(rows);
}

/** One row per finding (and per candidate of a conflict, open or settled); measures as numbers with their unit. */
export function csvFindings(findings: readonly FindingRow[], final: boolean, time: (iso: string) => string): string {
	const rows: Field[][] = [[...FIRST_COLUMNS, 'indicator_code', 'indicator', 'row', 'candidate', 'value', 'amount', 'unit', 'score', 'status', 'reason', 'note', 'evidence', 'by', 'at', 'settled_by', 'settled_at', 'settled_reason']];
	for (const f of findings) {
		rows.push([final ? 'final' : 'draft', f.region, f.regionName, f.indicator, f.indicatorName, f.kind, f.candidate ?? null, f.display, f.amount, f.unit, f.score, f.status, f.reason, f.note, f.evidence.map(e => evidenceText(e, time)).join('\n'), f.by, time(f.at), f.settled?.by ?? null, f.settled ? time(f.settled.at) : null, f.settled?.reason ?? null]);
	}
	return csv(rows);
}

/**
 * Year on year, one row per region and corresponding indicator (a 总得分 row first): its
 * scores then and now and the change, with the region's total, rank and tier then and now.
 * A region's status on each side: final, provisional, or absent (not assessed then or now).
 */
export function csvCompare(c: Comparison, final: boolean, regions?: readonly string[]): string {
	const result = final ? 'final' : 'draft';
	const rows: Field[][] = [[...FIRST_COLUMNS, 'indicator_code', 'indicator', 'level', 'match', 'old_indicator_code', 'old_indicator', 'old_score', 'new_score', 'change', 'old_total', 'new_total', 'total_change', 'old_rank', 'new_rank', 'rank_change', 'old_tier', 'new_tier', 'old_status', 'new_status']];
	const status = (s: RegionStanding | null) => (s === null ? 'absent' : s.provisional ? 'provisional' : 'final');
	const compared = c.pairs.map((p, i) => ({p, i})).filter(({p}) => p.from.length && p.to.length);
	for (const r of c.regions) {
		if (regions && !regions.includes(r.code)) continue;
		const region: Field[] = [r.old?.total ?? null, r.new?.total ?? null, r.totalChange, r.old?.rank ?? null, r.new?.rank ?? null, r.rankChange, r.old?.tier ?? null, r.new?.tier ?? null, status(r.old), status(r.new)];
		rows.push([result, r.code, r.name, '', '总得分', 0, '', '', '总得分', r.old?.total ?? null, r.new?.total ?? null, r.totalChange, ...region]);
		if (!r.old || !r.new) continue;
		for (const {p, i} of compared) {
			const ch = r.indicators[i]!;
			rows.push([result, r.code, r.name, p.to.join('+'), p.toNames.join('、'), p.level, p.kind, p.from.join('+'), p.fromNames.join('、'), ch.old, ch.new, ch.change, ...region]);
		}
	}
	return csv(rows);
}

function field(value: Field): string {
	if (value === null) return '';
	// NaN or Infinity never reach a file (a spreadsheet would take them as text or refuse them).
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = guardFormula(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

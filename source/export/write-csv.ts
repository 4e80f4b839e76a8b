import type {ScoreReport} from '../domain/scoring/score-report.js';
import {guardFormula} from '../domain/export/workbook-model.js';
import {CSV_FIRST_COLUMNS} from './export-target.js';

/** One row per region × indicator: the flat form other tools read. UTF-8 with BOM so Excel shows Chinese. */
export function csvText(report: ScoreReport, regions?: readonly string[]): string {
	// CSV_FIRST_COLUMNS is how a later export recognises this file as its own.
	const rows: (string | number | null)[][] = [[...CSV_FIRST_COLUMNS.split(',').filter(Boolean), 'indicator_code', 'indicator', 'level', 'score', 'rank', 'total', 'region_rank', 'tier', 'coverage']];
	for (const r of report.regions) {
		if (regions && !regions.includes(r.code)) continue;
		rows.push([r.code, r.name, '', '总得分', 0, r.total, r.rank, r.total, r.rank, r.tier, r.coverage]);
		for (const i of r.indicators) rows.push([r.code, r.name, i.code, i.name, i.level, i.na ? null : i.score, i.rank, r.total, r.rank, r.tier, i.coverage]);
	}
	return '\uFEFF' + rows.map(row => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string | number | null): string {
	if (value === null) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = guardFormula(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

import XLSX from 'xlsx';
import type {WorkbookModel, Cell} from '../domain/export/workbook-model.js';
import {EXPORT_KIND} from './export-target.js';

/**
 * Turns the workbook model into xlsx bytes with SheetJS (write only: its read path has
 * advisories, and this program never parses a spreadsheet it did not write).
 * Every text cell is a plain string cell (`t: 's'`), so nothing is ever stored as a formula.
 */
export function xlsxBytes(model: WorkbookModel): Buffer {
	const book = XLSX.utils.book_new();
	for (const sheet of model.sheets) {
		const ws: XLSX.WorkSheet = {};
		let lastCol = 0;
		sheet.rows.forEach((row, r) => {
			row.forEach((cell, c) => {
				const out = toCell(cell);
				if (!out) return;
				ws[XLSX.utils.encode_cell({r, c})] = out;
				lastCol = Math.max(lastCol, c);
			});
		});
		ws['!ref'] = XLSX.utils.encode_range({s: {r: 0, c: 0}, e: {r: Math.max(0, sheet.rows.length - 1), c: lastCol}});
		ws['!cols'] = sheet.widths.map(wch => ({wch}));
		if (sheet.merges.length) ws['!merges'] = sheet.merges.map(m => ({s: {r: m.row, c: m.from}, e: {r: m.row, c: m.to}}));
		XLSX.utils.book_append_sheet(book, ws, sheet.name);
	}
	// The mark by which a later export knows this file as one it may replace.
	book.Props = {Title: 'assess', Keywords: EXPORT_KIND, Author: 'assess'};
	return XLSX.write(book, {type: 'buffer', bookType: 'xlsx', compression: true}) as Buffer;
}

function toCell(cell: Cell): XLSX.CellObject | undefined {
	switch (cell.kind) {
		case 'number':
			// NaN or Infinity in a cell makes the workbook unreadable (openpyxl refuses it): never write one.
			if (!Number.isFinite(cell.value)) return {t: 's', v: '—'};
			return cell.format ? {t: 'n', v: cell.value, z: cell.format} : {t: 'n', v: cell.value};
		case 'text':
			return {t: 's', v: cell.value};
		case 'empty':
			return undefined;
	}
}

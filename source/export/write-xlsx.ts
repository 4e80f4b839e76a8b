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
		if (sheet.filter) ws['!autofilter'] = {ref: XLSX.utils.encode_range({s: {r: sheet.filter.row, c: sheet.filter.from}, e: {r: sheet.filter.lastRow, c: sheet.filter.to}})};
		XLSX.utils.book_append_sheet(book, ws, sheet.name);
	}
	// The mark by which a later export knows this file as one it may replace.
	book.Props = {Title: 'assess', Keywords: EXPORT_KIND, Author: 'assess'};
	const frozen = model.sheets.map((s, i) => ({index: i + 1, rows: s.freezeRows ?? 0})).filter(s => s.rows > 0);
	if (frozen.length === 0) return XLSX.write(book, {type: 'buffer', bookType: 'xlsx', compression: true}) as Buffer;
	// SheetJS (community edition) writes no frozen panes: the sheets' XML gets its pane here, in
	// the written package, which is then compressed once (written stored, so reading it back is cheap).
	const stored = XLSX.write(book, {type: 'buffer', bookType: 'xlsx', compression: false}) as Buffer;
	const zip = XLSX.CFB.read(stored, {type: 'buffer'});
	for (const {index, rows} of frozen) {
		const entry = XLSX.CFB.find(zip, `/xl/worksheets/sheet${index}.xml`);
		if (!entry?.content) continue;
		const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
		const pane = `<pane ySplit="${rows}" topLeftCell="A${rows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${rows + 1}" sqref="A${rows + 1}"/>`;
		const next = xml.replace(/<sheetView ([^>]*?)\/>/, (_m, attrs: string) => `<sheetView ${attrs}>${pane}</sheetView>`);
		entry.content = Buffer.from(next, 'utf8');
	}
	return XLSX.CFB.write(zip, {fileType: 'zip', type: 'buffer', compression: true}) as Buffer;
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

import {describe, it, expect} from 'vitest';
import XLSX from 'xlsx';
import {xlsxBytes} from '../../source/export/write-xlsx.js';
import {csvScores} from '../../source/export/write-csv.js';

/** Issue 11: a NaN in a cell made the workbook unreadable (openpyxl refuses it). None is ever written. */
describe('non-finite numbers', () => {
	it('never reach an xlsx cell', () => {
		const bytes = xlsxBytes({sheets: [{name: 'S', widths: [10, 10, 10], merges: [], rows: [[{kind: 'number', value: Number.NaN}, {kind: 'number', value: Infinity, format: '0.00'}, {kind: 'number', value: 1.5}]]}]});
		const sheet = XLSX.read(bytes).Sheets.S!;
		expect(sheet.A1).toMatchObject({t: 's', v: '—'});
		expect(sheet.B1).toMatchObject({t: 's', v: '—'});
		expect(sheet.C1).toMatchObject({t: 'n', v: 1.5});
	});

	it('never reach a CSV field', () => {
		const report = {system: 's', systemVersion: '1', title: 't', ranking: 'competition' as const, final: false, blockers: 0, blockerCounts: {} as never, relative: null, conflicts: 0, regions: [{code: '110000', name: '北京市', total: Number.NaN, tier: null, tierId: null, rank: null, coverage: Number.NaN, unscored: 0, conflicts: 0, final: false, blockers: 0, indicators: []}]};
		expect(csvScores(report as never)).not.toMatch(/NaN|Infinity/);
	});
});

import {cellWidth, padEnd, padStart, inert} from '../text/cell-width.js';

export type Column = {header: string; align?: 'left' | 'right'};

/** A plain-text table whose columns line up with Chinese text (widths in terminal cells). */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
	const cells = rows.map(row => row.map(c => inert(c).replace(/\n/g, ' ')));
	const widths = columns.map((col, i) => Math.max(cellWidth(col.header), ...cells.map(r => cellWidth(r[i] ?? ''))));
	const line = (row: readonly string[]) =>
		row
			.map((c, i) => (columns[i]?.align === 'right' ? padStart(c, widths[i]!) : padEnd(c, widths[i]!)))
			.join('  ')
			.trimEnd();
	return [line(columns.map(c => c.header)), line(widths.map(w => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

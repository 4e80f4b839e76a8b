import {cellWidth} from '../../text/cell-width.js';

/** Splits text into lines of at most `width` cells, at spaces where it can, never inside a character. */
export function wrapCells(text: string, width: number): string[] {
	if (width <= 0) return [text];
	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (const word of text.split(/(?<= )/)) {
		const w = cellWidth(word);
		if (used + w <= width) {
			line += word;
			used += w;
			continue;
		}
		if (line.trim()) lines.push(line.trimEnd());
		line = '';
		used = 0;
		// A word longer than the line (or CJK text with no spaces) is cut by characters.
		for (const char of word) {
			const cw = cellWidth(char);
			if (used + cw > width) {
				lines.push(line);
				line = '';
				used = 0;
			}
			line += char;
			used += cw;
		}
	}
	if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
	return lines;
}

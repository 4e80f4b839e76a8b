import stringWidth from 'string-width';

/** Display width in terminal cells: a Chinese character takes two, never `.length`. */
export function cellWidth(text: string): number {
	return stringWidth(text);
}

/** Pads with spaces to a display width (CJK-aware). */
export function padEnd(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - cellWidth(text)));
}

export function padStart(text: string, width: number): string {
	return ' '.repeat(Math.max(0, width - cellWidth(text))) + text;
}

/** Cuts text to at most `width` cells, ending with "~" when cut, never splitting a wide character. */
export function truncate(text: string, width: number): string {
	if (cellWidth(text) <= width) return text;
	if (width <= 0) return '';
	let out = '';
	let used = 0;
	for (const char of text) {
		const w = cellWidth(char);
		if (used + w > width - 1) break;
		out += char;
		used += w;
	}
	return padEnd(out + '~', Math.min(width, used + 1));
}

/** Text from a file, made safe to show on a terminal: see terminal-safe.ts (the one boundary). */
export {terminalSafe as inert} from './terminal-safe.js';

import {approxWidth} from '../../domain/export/approx-width.js';
import {esc} from '../html/escape.js';

/**
 * Plain inline SVG, no chart library: three kinds of chart (bars, a heat map, rank movement)
 * need a few dozen lines each, print crisply as vectors, and keep every page one self-contained
 * file with no script at all (a content security policy forbids scripts, so nothing in a page
 * can run or fetch). The libraries that fit offline pages (ECharts, Chart.js, Vega) draw with
 * script at view time: hundreds of kB inlined in each of 66 pages, nothing drawn where script
 * is off (mail clients, some PDF tools), and every page slower to write and open.
 */

/** About how wide a text is drawn at `size` px: CJK characters a full em, others a bit over half. */
export const textWidth = (text: string, size: number) => approxWidth(text) * size * 0.55;

/** Cuts a label to fit `width` px at `size`, ending with … when cut (the full text goes in a <title>). */
export function fit(text: string, width: number, size: number): string {
	if (textWidth(text, size) <= width) return text;
	let out = '';
	for (const char of text) {
		if (textWidth(out + char + '…', size) > width) break;
		out += char;
	}
	return out + '…';
}

export const n2 = (x: number) => (Math.round(x * 100) / 100).toString();

/** A <text> element; `content` is escaped here. */
export function text(x: number, y: number, content: string, attrs = ''): string {
	return `<text x="${n2(x)}" y="${n2(y)}"${attrs ? ` ${attrs}` : ''}>${esc(content)}</text>`;
}

/** The opening tag of a chart: scales to its container, never wider than drawn, labelled for screen readers. */
export function svgOpen(kind: string, id: string, width: number, height: number, label: string, extra = ''): string {
	return `<svg class="chart chart-${kind}" data-chart="${kind}" data-id="${esc(id)}"${extra} viewBox="0 0 ${n2(width)} ${n2(height)}" width="${n2(width)}" height="${n2(height)}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(label)}</title>`;
}

/** Colours, shared by the charts and the page's CSS. */
export const COLOURS = {
	region: '#1f5fa8',
	average: '#4a4a4a',
	best: '#c0392b',
	track: '#eef1f5',
	grid: '#d5dbe3',
	muted: '#7a8594',
	up: '#1e8449',
	down: '#c0392b',
	same: '#9aa5b1',
};

/**
 * The heat map's scale: a blue ramp from pale (50 or below) to deep (100), readable in grey
 * print and for colour-blind readers. Returns the fill and a text colour that stays legible.
 */
export function heatColour(score: number): {fill: string; ink: string} {
	const t = Math.min(1, Math.max(0, (score - 50) / 50));
	const from = [0xf2, 0xf6, 0xfb];
	const to = [0x08, 0x30, 0x6b];
	const mix = from.map((a, i) => Math.round(a + (to[i]! - a) * t));
	return {fill: `#${mix.map(c => c.toString(16).padStart(2, '0')).join('')}`, ink: t > 0.55 ? '#ffffff' : '#1b2631'};
}

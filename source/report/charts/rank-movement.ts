import type {Comparison} from '../../domain/compare/compare-results.js';
import type {Lang} from '../../domain/text.js';
import {t} from '../strings.js';
import {esc} from '../html/escape.js';
import {COLOURS, fit, n2, svgOpen, text, textWidth} from './svg.js';

const WIDTH = 680;
const FONT = 11;

/**
 * Rank then (left) and now (right), a line for each region ranked in both editions: green up,
 * red down, grey unchanged; the move in places beside the new rank. Regions ranked in only
 * one edition are left out here (the table beside the chart lists them).
 */
export function rankMovement(comparison: Comparison, title: string, lang: Lang): string {
	const moved = comparison.regions.filter(r => r.old?.rank != null && r.new?.rank != null);
	// Placed by order, not by rank value, so tied regions sit one under the other.
	const slot = (key: (r: (typeof moved)[number]) => number) => new Map([...moved].sort((a, b) => key(a) - key(b) || moved.indexOf(a) - moved.indexOf(b)).map((r, i) => [r.code, i + 1]));
	const leftSlot = slot(r => r.old!.rank!);
	const rightSlot = slot(r => r.new!.rank!);
	const row = moved.length > 40 ? 13 : 18;
	const top = 30;
	const height = top + Math.max(1, moved.length) * row + 12;
	const nameWidth = Math.min(140, Math.max(60, ...moved.map(r => textWidth(r.name, FONT) + 6)));
	const left = nameWidth + 30;
	const right = WIDTH - nameWidth - 70;
	const y = (position: number) => top + (position - 0.5) * row;
	const out: string[] = [svgOpen('rank-movement', 'ranks', WIDTH, height, title, ` data-lines="${moved.length}"`)];
	const head = (edition: Comparison['old'], x: number, anchor: string) => text(x, 16, `${t(lang, anchor === 'end' ? 'then' : 'now')} · ${edition.reportYear}`, `text-anchor="${anchor}" font-size="12" font-weight="600"`);
	out.push(head(comparison.old, left, 'end'), head(comparison.new, right, 'start'));
	for (const r of moved) {
		const from = r.old!.rank!;
		const to = r.new!.rank!;
		const yFrom = y(leftSlot.get(r.code)!);
		const yTo = y(rightSlot.get(r.code)!);
		const colour = to < from ? COLOURS.up : to > from ? COLOURS.down : COLOURS.same;
		const move = to < from ? `↑${from - to}` : to > from ? `↓${to - from}` : '–';
		out.push(`<g class="movement" data-region="${esc(r.code)}"><title>${esc(`${r.name}: ${from} → ${to}`)}</title>`);
		out.push(`<line x1="${n2(left + 4)}" y1="${n2(yFrom)}" x2="${n2(right - 4)}" y2="${n2(yTo)}" stroke="${colour}" stroke-width="${from === to ? 1 : 1.6}"/>`);
		out.push(`<circle cx="${n2(left + 4)}" cy="${n2(yFrom)}" r="2.2" fill="${colour}"/><circle cx="${n2(right - 4)}" cy="${n2(yTo)}" r="2.2" fill="${colour}"/>`);
		out.push(text(left - 4, yFrom + 4, `${fit(r.name, nameWidth, FONT)} ${from}`, `text-anchor="end" font-size="${FONT}"`));
		out.push(text(right + 4, yTo + 4, `${to} ${fit(r.name, nameWidth, FONT)}`, `font-size="${FONT}"`));
		out.push(text(WIDTH - 4, yTo + 4, move, `text-anchor="end" font-size="${FONT}" fill="${colour}" font-weight="600"`));
		out.push(`</g>`);
	}
	out.push('</svg>');
	return out.join('');
}

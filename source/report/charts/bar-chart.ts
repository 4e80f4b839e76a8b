import type {BarChart} from '../report-model.js';
import type {Lang} from '../../domain/text.js';
import {t} from '../strings.js';
import {esc} from '../html/escape.js';
import {COLOURS, fit, n2, svgOpen, text, textWidth} from './svg.js';

const WIDTH = 680;
const ROW = 24;
const BAR = 12;
const FONT = 12;
const TOP = 34;

/**
 * Horizontal bars of a region's scores on 0–100, each with the average of all regions (a dark
 * tick) and the best region's score (a red diamond). A score that does not exist is said in
 * words where its bar would be: not applicable, not scored, or weightless — never drawn as 0.
 */
export function barChart(chart: BarChart, title: string, lang: Lang): string {
	const labelWidth = Math.min(250, Math.max(90, ...chart.bars.map(b => textWidth(`${b.code} ${b.label}`, FONT) + 14)));
	const valueWidth = 50;
	const x0 = labelWidth;
	const span = WIDTH - labelWidth - valueWidth - 8;
	const x = (v: number) => x0 + (v / 100) * span;
	const height = TOP + chart.bars.length * ROW + 22;
	const out: string[] = [svgOpen('bars', chart.id, WIDTH, height, title, ` data-bars="${chart.bars.length}"`)];
	// Legend.
	out.push(`<g class="legend" font-size="11">`);
	out.push(`<rect x="${x0}" y="6" width="12" height="10" fill="${COLOURS.region}"/>`, text(x0 + 16, 15, t(lang, 'legendRegion')));
	out.push(`<line x1="${x0 + 86}" x2="${x0 + 86}" y1="4" y2="18" stroke="${COLOURS.average}" stroke-width="2"/>`, text(x0 + 92, 15, t(lang, 'legendAverage')));
	out.push(`<path d="M ${x0 + 156} 6 l 5 5 l -5 5 l -5 -5 z" fill="${COLOURS.best}"/>`, text(x0 + 166, 15, t(lang, 'legendBest')));
	out.push(`</g>`);
	// Grid and axis (0–100).
	out.push(`<g class="grid" font-size="10" fill="${COLOURS.muted}">`);
	for (let v = 0; v <= 100; v += 20) {
		out.push(`<line x1="${n2(x(v))}" x2="${n2(x(v))}" y1="${TOP - 4}" y2="${TOP + chart.bars.length * ROW}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
		out.push(text(x(v), TOP + chart.bars.length * ROW + 14, String(v), 'text-anchor="middle"'));
	}
	out.push(`</g>`);
	chart.bars.forEach((b, i) => {
		const y = TOP + i * ROW;
		const mid = y + ROW / 2;
		const label = `${b.code} ${b.label}`;
		out.push(`<g class="bar-row" data-code="${esc(b.code)}">`);
		out.push(`<title>${escTitle(label, b, lang)}</title>`);
		out.push(text(x0 - 8, mid + 4, fit(label, labelWidth - 10, FONT), `text-anchor="end" font-size="${FONT}"`));
		out.push(`<rect x="${n2(x0)}" y="${n2(mid - BAR / 2)}" width="${n2(span)}" height="${BAR}" fill="${COLOURS.track}"/>`);
		if (b.value !== null) {
			out.push(`<rect class="bar" x="${n2(x0)}" y="${n2(mid - BAR / 2)}" width="${n2(Math.max(0.5, x(b.value) - x0))}" height="${BAR}" fill="${COLOURS.region}"/>`);
			out.push(text(WIDTH - 4, mid + 4, b.value.toFixed(2), `text-anchor="end" font-size="${FONT}" font-weight="600"`));
		} else {
			const words = b.na ? t(lang, 'na') : b.weightless ? t(lang, 'weightless') : t(lang, 'notScored');
			out.push(text(x0 + 6, mid + 4, words, `class="no-score" font-size="11" fill="${COLOURS.muted}"`));
		}
		if (b.average !== null) out.push(`<line class="average" x1="${n2(x(b.average))}" x2="${n2(x(b.average))}" y1="${n2(mid - BAR / 2 - 3)}" y2="${n2(mid + BAR / 2 + 3)}" stroke="${COLOURS.average}" stroke-width="2"/>`);
		if (b.best !== null) out.push(`<path class="best" d="M ${n2(x(b.best))} ${n2(mid - 5)} l 5 5 l -5 5 l -5 -5 z" fill="${COLOURS.best}"/>`);
		out.push(`</g>`);
	});
	out.push('</svg>');
	return out.join('');
}

function escTitle(label: string, b: BarChart['bars'][number], lang: Lang): string {
	const parts = [label, `${t(lang, 'score')} ${b.value === null ? '—' : b.value.toFixed(2)}`];
	if (b.average !== null) parts.push(`${t(lang, 'average')} ${b.average.toFixed(2)}`);
	if (b.best !== null) parts.push(`${t(lang, 'best')} ${b.best.toFixed(2)}`);
	return esc(parts.join(' · '));
}

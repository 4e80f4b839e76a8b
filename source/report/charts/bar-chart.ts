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

/** What is the same on every region's page: the frame, labels, averages and best scores. */
type Template = {head: string; rows: {open: string; before: string; after: string}[]; x0: number; span: number};
const templates = new Map<string, Template>();

/**
 * Horizontal bars of a region's scores on 0–100, each with the average of all regions (a dark
 * tick) and the best region's score (a red diamond). A score that does not exist is said in
 * words where its bar would be: not applicable, not scored, or weightless — never drawn as 0.
 * Everything but the region's own bars and values is the same on every page of a report, so
 * it is drawn once (64 regions × 6 charts share 6 frames).
 */
export function barChart(chart: BarChart, title: string, lang: Lang): string {
	const key = `${lang}\u0000${chart.id}\u0000${title}\u0000${chart.bars.map(b => `${b.code}\u0001${b.label}\u0001${b.average}\u0001${b.best}`).join('\u0000')}`;
	let template = templates.get(key);
	if (!template) {
		if (templates.size > 256) templates.clear();
		template = frame(chart, title, lang);
		templates.set(key, template);
	}
	const {x0, span} = template;
	const out: string[] = [template.head];
	chart.bars.forEach((b, i) => {
		const row = template.rows[i]!;
		const mid = TOP + i * ROW + ROW / 2;
		// The tooltip: the label, this region's score, the average and the best.
		out.push(row.open, b.value === null ? '—' : b.value.toFixed(2), row.before);
		if (b.value !== null) {
			out.push(`<rect class="bar" x="${n2(x0)}" y="${n2(mid - BAR / 2)}" width="${n2(Math.max(0.5, (b.value / 100) * span))}" height="${BAR}" fill="${COLOURS.region}"/>`);
			out.push(text(WIDTH - 4, mid + 4, b.value.toFixed(2), `text-anchor="end" font-size="${FONT}" font-weight="600"`));
		} else {
			const words = b.na ? t(lang, 'na') : b.weightless ? t(lang, 'weightless') : t(lang, 'notScored');
			out.push(text(x0 + 6, mid + 4, words, `class="no-score" font-size="11" fill="${COLOURS.muted}"`));
		}
		out.push(row.after);
	});
	out.push('</svg>');
	return out.join('');
}

function frame(chart: BarChart, title: string, lang: Lang): Template {
	const labelWidth = Math.min(250, Math.max(90, ...chart.bars.map(b => textWidth(`${b.code} ${b.label}`, FONT) + 14)));
	const valueWidth = 50;
	const x0 = labelWidth;
	const span = WIDTH - labelWidth - valueWidth - 8;
	const x = (v: number) => x0 + (v / 100) * span;
	const height = TOP + chart.bars.length * ROW + 22;
	const head: string[] = [svgOpen('bars', chart.id, WIDTH, height, title, ` data-bars="${chart.bars.length}"`)];
	// Legend.
	head.push(`<g class="legend" font-size="11">`);
	head.push(`<rect x="${x0}" y="6" width="12" height="10" fill="${COLOURS.region}"/>`, text(x0 + 16, 15, t(lang, 'legendRegion')));
	head.push(`<line x1="${x0 + 86}" x2="${x0 + 86}" y1="4" y2="18" stroke="${COLOURS.average}" stroke-width="2"/>`, text(x0 + 92, 15, t(lang, 'legendAverage')));
	head.push(`<path d="M ${x0 + 156} 6 l 5 5 l -5 5 l -5 -5 z" fill="${COLOURS.best}"/>`, text(x0 + 166, 15, t(lang, 'legendBest')));
	head.push(`</g>`);
	// Grid and axis (0–100).
	head.push(`<g class="grid" font-size="10" fill="${COLOURS.muted}">`);
	for (let v = 0; v <= 100; v += 20) {
		head.push(`<line x1="${n2(x(v))}" x2="${n2(x(v))}" y1="${TOP - 4}" y2="${TOP + chart.bars.length * ROW}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
		head.push(text(x(v), TOP + chart.bars.length * ROW + 14, String(v), 'text-anchor="middle"'));
	}
	head.push(`</g>`);
	const rows = chart.bars.map((b, i) => {
		const mid = TOP + i * ROW + ROW / 2;
		const label = `${b.code} ${b.label}`;
		const [titleHead, titleTail] = titleParts(label, b, lang);
		const open = `<g class="bar-row" data-code="${esc(b.code)}"><title>${titleHead}`;
		const before = `${titleTail}</title>${text(x0 - 8, mid + 4, fit(label, labelWidth - 10, FONT), `text-anchor="end" font-size="${FONT}"`)}<rect x="${n2(x0)}" y="${n2(mid - BAR / 2)}" width="${n2(span)}" height="${BAR}" fill="${COLOURS.track}"/>`;
		let after = '';
		if (b.average !== null) after += `<line class="average" x1="${n2(x(b.average))}" x2="${n2(x(b.average))}" y1="${n2(mid - BAR / 2 - 3)}" y2="${n2(mid + BAR / 2 + 3)}" stroke="${COLOURS.average}" stroke-width="2"/>`;
		if (b.best !== null) after += `<path class="best" d="M ${n2(x(b.best))} ${n2(mid - 5)} l 5 5 l -5 5 l -5 -5 z" fill="${COLOURS.best}"/>`;
		return {open, before, after: `${after}</g>`};
	});
	return {head: head.join(''), rows, x0, span};
}

/** A row's tooltip around the region's score: "1.1 一网服务 · 得分 " and " · 平均 88.57 · 最高 100.00", escaped. */
function titleParts(label: string, b: BarChart['bars'][number], lang: Lang): [string, string] {
	const tail: string[] = [];
	if (b.average !== null) tail.push(`${t(lang, 'average')} ${b.average.toFixed(2)}`);
	if (b.best !== null) tail.push(`${t(lang, 'best')} ${b.best.toFixed(2)}`);
	return [esc(`${label} · ${t(lang, 'score')} `), esc(tail.map(x => ` · ${x}`).join(''))];
}

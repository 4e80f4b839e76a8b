import type {HeatMap} from '../report-model.js';
import type {Lang} from '../../domain/text.js';
import {t} from '../strings.js';
import {esc} from '../html/escape.js';
import {COLOURS, fit, heatColour, n2, svgOpen, text, textWidth} from './svg.js';

const WIDTH = 680;
const HEADER = 118;
const FONT = 10.5;

/**
 * Regions (rows, in rank order) × secondary indicators (columns, grouped by primary), each
 * cell coloured by its score and labelled with it (one decimal; the exact score in its
 * tooltip). Not applicable cells are hatched, weightless and unscored ones left blank with a
 * dash: neither is ever coloured as a score.
 */
export function heatMap(heat: HeatMap, title: string, lang: Lang): string {
	const rowHeight = heat.rows.length > 40 ? 12 : 16;
	const labelWidth = Math.min(130, Math.max(60, ...heat.rows.map(r => textWidth(r.name, FONT) + 8)));
	const cols = Math.max(1, heat.columns.length);
	const cell = (WIDTH - labelWidth) / cols;
	const top = HEADER + 8;
	const legendY = top + heat.rows.length * rowHeight + 14;
	const height = legendY + 30;
	const out: string[] = [svgOpen('heat', 'secondaries', WIDTH, height, title, ` data-rows="${heat.rows.length}" data-columns="${heat.columns.length}"`)];
	out.push(`<defs><pattern id="na-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#f4f4f4"/><line x1="0" y1="0" x2="0" y2="4" stroke="#c8c8c8" stroke-width="1.5"/></pattern></defs>`);
	// Column heads: the names written top to bottom (CJK reads naturally so), primaries separated by a rule.
	heat.columns.forEach((c, i) => {
		const x = labelWidth + i * cell + cell / 2;
		out.push(`<g class="col-head"><title>${esc(`${c.code} ${c.name}`)}</title>`);
		out.push(text(x, 4, fit(`${c.code} ${c.name}`, HEADER - 6, FONT), `font-size="${FONT}" style="writing-mode: vertical-rl" dominant-baseline="middle"`));
		out.push(`</g>`);
		if (i > 0 && heat.columns[i - 1]!.primary !== c.primary) {
			const xl = labelWidth + i * cell;
			out.push(`<line x1="${n2(xl)}" x2="${n2(xl)}" y1="0" y2="${n2(top + heat.rows.length * rowHeight)}" stroke="#ffffff" stroke-width="2"/>`);
		}
	});
	heat.rows.forEach((r, j) => {
		const y = top + j * rowHeight;
		out.push(`<g class="heat-row" data-region="${esc(r.code)}">`);
		out.push(text(labelWidth - 6, y + rowHeight / 2 + 3.5, fit(r.name, labelWidth - 8, FONT), `text-anchor="end" font-size="${FONT}"`));
		// Each cell: its colour and its score, one decimal (the region pages give two). Kept lean:
		// 64 regions × 21 indicators of them.
		const size = rowHeight > 12 ? 9 : 8;
		r.cells.forEach((c, i) => {
			const x = labelWidth + i * cell;
			const box = `x="${n2(x + 0.5)}" y="${n2(y + 0.5)}" width="${n2(cell - 1)}" height="${rowHeight - 1}"`;
			const tx = `x="${n2(x + cell / 2)}" y="${n2(y + rowHeight / 2 + 3)}" text-anchor="middle" font-size="${size}"`;
			if (c.score !== null) {
				const {fill, ink} = heatColour(c.score);
				out.push(`<rect class="cell" ${box} fill="${fill}"/><text ${tx} fill="${ink}">${c.score.toFixed(1)}</text>`);
			} else if (c.na) out.push(`<rect class="cell cell-na" ${box} fill="url(#na-hatch)"><title>${esc(t(lang, 'na'))}</title></rect>`);
			else out.push(`<rect class="cell cell-empty" ${box} fill="#ffffff" stroke="#e3e6ea" stroke-width="0.5"><title>${esc(c.weightless ? t(lang, 'weightless') : t(lang, 'notScored'))}</title></rect><text ${tx} fill="${COLOURS.muted}">—</text>`);
		});
		out.push(`</g>`);
	});
	// Legend: the ramp, and what hatching and a dash mean.
	out.push(`<g class="legend" font-size="10">`, text(labelWidth, legendY + 10, `${t(lang, 'legendScore')} ≤ 50`, 'text-anchor="end" dx="-6"'));
	for (let k = 0; k < 10; k++) out.push(`<rect x="${n2(labelWidth + k * 18)}" y="${legendY}" width="18" height="12" fill="${heatColour(50 + k * 5.5).fill}"/>`);
	out.push(text(labelWidth + 186, legendY + 10, '100'));
	out.push(`<rect x="${n2(labelWidth + 230)}" y="${legendY}" width="18" height="12" fill="url(#na-hatch)" stroke="#e3e6ea"/>`, text(labelWidth + 252, legendY + 10, t(lang, 'na')));
	out.push(`<rect x="${n2(labelWidth + 310)}" y="${legendY}" width="18" height="12" fill="#fff" stroke="#e3e6ea"/>`, text(labelWidth + 319, legendY + 9, '—', 'text-anchor="middle"'), text(labelWidth + 332, legendY + 10, `${t(lang, 'notScored')} / ${t(lang, 'weightless')}`));
	out.push(`</g></svg>`);
	return out.join('');
}

import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import type {SystemIndex} from '../../domain/system/system-index.js';
import type {Lang} from '../../domain/text.js';
import {localized} from '../display.js';
import {Footnotes, footnoteLines} from '../components/footnotes.js';
import {bar} from '../view-model.js';
import {t, shownScore} from '../strings.js';
import type {Theme} from '../theme.js';
import type {ScoreColumn} from '../state/nav-state.js';
import type {ScoreboardRow} from './scoreboard-rows.js';
import {padEnd, padStart, truncate, cellWidth} from '../../text/cell-width.js';
import {windowStart} from '../state/tree-rows.js';

/** `notes`: what `*` means and what measure scores are relative to, under the table. */
export type ScoreboardProps = {index: SystemIndex; rows: readonly ScoreboardRow[]; cursor: number; sortBy: ScoreColumn; notes: readonly string[]; lang: Lang; theme: Theme; width: number; height: number; marked?: string | undefined};

/** A primary's score in a column of `w` cells: the number always, a bar beside it when there is room. */
function primaryCell(score: number | null, w: number): string {
	if (score === null) return padEnd('-', w);
	const number = w >= 11 ? score.toFixed(1) : String(Math.round(score));
	const barWidth = w - 6;
	return barWidth >= 4 ? `${padStart(number, 5)} ${bar(score / 100, barWidth)}` : padStart(number, w);
}

/**
 * All regions ranked: rank (and its move since the weights changed), total, tier, coverage,
 * and the five primary scores, as numbers with bars where they fit. Every header cell keeps
 * one cell for the sort mark, so the header never shifts when the sort column changes.
 */
export function ScoreboardScreen({index, rows, cursor, sortBy, notes, lang, theme, width, height, marked}: ScoreboardProps) {
	const tierWidth = Math.max(cellWidth(t(lang, 'tier')) + 1, ...index.system.tiers.map(x => cellWidth(localized(x.label, lang)) + 1));
	// rank and its mark 6, move 4, name, total 8, tier, coverage 6 (each with a space or mark after
	// it), and five primaries of at least 1 + 4: long names give way first (down to 8 cells).
	const others = 10 + 1 + 8 + tierWidth + 1 + 6;
	const nameWidth = Math.max(8, Math.min(16, width - others - index.primaries.length * 5, Math.max(6, cellWidth(t(lang, 'region')) + 1, ...rows.map(r => cellWidth(r.name)))));
	const fixed = others + nameWidth;
	const primaries = index.primaries.map((p, i) => ({column: `p${i + 1}` as ScoreColumn, name: localized(index.nodes.get(p)!.node.name, lang), short: `P${i + 1}`}));
	const columnWidth = Math.max(4, Math.floor((width - fixed) / primaries.length) - 1);
	const named = primaries.every(p => cellWidth(`${p.short.slice(1)}.${p.name}`) + 1 <= columnWidth);
	const mark = (c: ScoreColumn) => (sortBy === c ? '*' : ' ');
	const cell = (c: ScoreColumn, text: string, w: number, right = false) => {
		const body = truncate(text, w - 1);
		return right ? `${padStart(body, w - 1)}${mark(c)}` : padEnd(`${body}${mark(c)}`, w);
	};
	const header = [cell('rank', t(lang, 'rank'), 6, true), '    ', cell('name', t(lang, 'region'), nameWidth + 1), cell('total', t(lang, 'total'), 8, true), padEnd(t(lang, 'tier'), tierWidth), ' ', cell('coverage', t(lang, 'coverage'), 6, true), ...primaries.map(p => ` ${cell(p.column, named ? `${p.short.slice(1)}.${p.name}` : p.short, columnWidth)}`)].join('');
	const legend = named ? '' : primaries.map(p => `${p.short} ${p.name}`).join('  ');
	const markedRow = rows.find(r => r.code === marked);
	// The region marked for a comparison (m): `=` beside it, and what m does next.
	const footer = `${markedRow ? `= ${markedRow.name}: ${t(lang, 'markedHint')}   ` : ''}${t(lang, 'sortedBy')} * (< >)   +n/-n: ${t(lang, 'since')}`;
	const foot = footnoteLines(notes, width);
	const footerLines = 1 + foot.length + (legend ? Math.ceil(cellWidth(legend) / Math.max(1, width)) : 0);
	const visible = Math.max(1, height - 1 - footerLines);
	const start = windowStart(cursor, 0, visible, rows.length);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate">
				{truncate(header, width)}
			</Text>
			{rows.slice(start, start + visible).map((r, i) => {
				const move = r.move > 0 ? `+${r.move}` : r.move < 0 ? String(r.move) : '';
				const line = `${padStart(r.rankText, 5)}${r.code === marked ? ' =' : '  '}${padEnd(move, 3)}${padEnd(truncate(r.name, nameWidth), nameWidth + 1)}${padStart(shownScore(r.total), 7)} ${padEnd(r.tier, tierWidth)} ${padStart(`${Math.round(r.coverage * 100)}%`, 5)} ${r.primaries.map(p => ` ${primaryCell(p, columnWidth)}`).join('')}`;
				return (
					<Text key={r.code} inverse={start + i === cursor} color={r.move > 0 ? theme.good : r.move < 0 ? theme.bad : undefined} wrap="truncate">
						{truncate(line, width)}
					</Text>
				);
			})}
			<Box flexGrow={1} />
			{legend ? (
				<Box width={width}>
					<Text color={theme.muted} wrap="wrap">
						{legend}
					</Text>
				</Box>
			) : null}
			<Footnotes lines={foot} theme={theme} />
			<Text color={theme.muted} wrap="truncate">
				{truncate(footer, width)}
			</Text>
		</Box>
	);
}

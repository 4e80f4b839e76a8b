import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import type {Lang} from '../../domain/text.js';
import type {Theme} from '../theme.js';
import type {CompareCell, CompareRow} from './compare-rows.js';
import {STATUS_LABEL, t, shownScore} from '../strings.js';
import {shownRank} from '../display.js';
import {Footnotes, footnoteLines} from '../components/footnotes.js';
import {padEnd, padStart, truncate} from '../../text/cell-width.js';
import {windowStart} from '../state/tree-rows.js';

export type CompareScreenProps = {
	rows: readonly CompareRow[];
	/** The two regions' names, and their tiers as shown (marked while provisional). */
	names: readonly [string, string];
	tiers: readonly [string, string];
	/** Ranks are final only when the whole result is. */
	final: boolean;
	cursor: number;
	notes: readonly string[];
	lang: Lang;
	theme: Theme;
	width: number;
	height: number;
};

const SCORE = 8;
const RANK = 6;
const DIFF = 9;

const score = (c: CompareCell, lang: Lang) => (c.na ? STATUS_LABEL.na[lang] : shownScore(c.score));
const rank = (c: CompareCell, final: boolean) => (c.rank === null ? '-' : `#${shownRank(c.rank, final)}`);
const signed = (d: number | null) => (d === null ? '' : `${d > 0.005 ? '+' : ''}${Math.abs(d) < 0.005 ? '0.00' : d.toFixed(2)}`);

/**
 * Two regions of the scoreboard side by side (marked with m): the total and every indicator in
 * the published order, each region's score and rank, and the difference (first − second), the
 * better side's difference green where colours are on.
 */
export function CompareScreen({rows, names, tiers, final, cursor, notes, lang, theme, width, height}: CompareScreenProps) {
	const nameWidth = Math.max(10, width - 2 - SCORE - RANK - SCORE - RANK - DIFF);
	const pair = SCORE + RANK;
	const title = `${t(lang, 'compare')}${lang === 'zh' ? '：' : ': '}${names[0]} (${tiers[0]})  ${t(lang, 'compareWith')}  ${names[1]} (${tiers[1]})`;
	const regionsLine = `  ${padEnd('', nameWidth)}${padStart(truncate(names[0], pair - 2), pair)}${padStart(truncate(names[1], pair - 2), pair)}`;
	const labels = `  ${padEnd(t(lang, 'indicator'), nameWidth)}${padStart(t(lang, 'score'), SCORE)}${padStart(t(lang, 'rank'), RANK)}${padStart(t(lang, 'score'), SCORE)}${padStart(t(lang, 'rank'), RANK)}${padStart(t(lang, 'diff'), DIFF)}`;
	const diffNote = `${t(lang, 'diff')}: ${names[0]} - ${names[1]}`;
	const foot = footnoteLines([diffNote, ...notes], width);
	const visible = Math.max(1, height - 3 - foot.length);
	const at = Math.max(0, Math.min(cursor, rows.length - 1));
	const start = windowStart(at, 0, visible, rows.length);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate">
				{truncate(title, width)}
			</Text>
			<Text bold color={theme.accent} wrap="truncate">
				{truncate(regionsLine, width)}
			</Text>
			<Text bold wrap="truncate">
				{truncate(labels, width)}
			</Text>
			{rows.slice(start, start + visible).map((r, i) => {
				const selected = start + i === at;
				const label = padEnd(truncate(`${'  '.repeat(r.depth)}${r.label}`, nameWidth), nameWidth);
				const line = `${selected ? '> ' : '  '}${label}${padStart(score(r.a, lang), SCORE)}${padStart(rank(r.a, final), RANK)}${padStart(score(r.b, lang), SCORE)}${padStart(rank(r.b, final), RANK)}${padStart(signed(r.diff), DIFF)}`;
				const color = r.diff === null || Math.abs(r.diff) < 0.005 ? undefined : r.diff > 0 ? theme.good : theme.bad;
				return (
					<Text key={r.code || 'total'} inverse={selected} bold={r.code === '' || r.depth === 0} color={color} wrap="truncate">
						{truncate(line, width)}
					</Text>
				);
			})}
			<Box flexGrow={1} />
			<Footnotes lines={foot} theme={theme} />
		</Box>
	);
}

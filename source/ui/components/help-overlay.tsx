import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';
import type {Lang} from '../../domain/text.js';
import {BINDINGS} from '../keymap/bindings.js';
import {SECTIONS} from '../keymap/key-table.js';
import {keysLabel} from '../keymap/key-labels.js';
import {t} from '../strings.js';
import type {Theme} from '../theme.js';
import {cellWidth, padEnd} from '../../text/cell-width.js';
import {wrapCells} from './wrap-cells.js';

type Line = {text: string; title?: boolean};

/** The whole key table as lines of `width` cells: section titles, then keys and what they do (wrapped, never cut). */
export function helpLines(lang: Lang, width: number): Line[] {
	const keyWidth = Math.min(16, Math.max(...BINDINGS.map(b => cellWidth(keysLabel(b.keys)))) + 2);
	const lines: Line[] = [];
	for (const section of SECTIONS) {
		const bindings = BINDINGS.filter(b => b.context === section.context);
		if (bindings.length === 0) continue;
		if (lines.length) lines.push({text: ''});
		lines.push({text: section.title[lang], title: true});
		for (const b of bindings) {
			const keys = keysLabel(b.keys);
			// Keys wider than their column get a line of their own.
			const first = cellWidth(keys) + 1 > keyWidth ? [keys] : [];
			const label = wrapCells(b.label[lang], Math.max(8, width - keyWidth));
			const rows = first.length ? [...first, ...label.map(l => `${' '.repeat(keyWidth)}${l}`)] : label.map((l, i) => `${padEnd(i === 0 ? keys : '', keyWidth)}${l}`);
			for (const text of rows) lines.push({text});
		}
	}
	return lines;
}

/**
 * The key map, made from the same table that dispatches keys and fills the hint bar. In
 * columns when there is room; it scrolls, and its footnote stays.
 */
/** How the help is laid out in a box of `width` × `height`: its columns, lines, footnote and the last scroll position. */
export function helpLayout(lang: Lang, width: number, height: number) {
	const inner = width - 4;
	const columns = inner >= 150 ? 3 : inner >= 96 ? 2 : 1;
	const columnWidth = Math.floor((inner - (columns - 1) * 2) / columns);
	const lines = helpLines(lang, columnWidth);
	const foot = wrapCells(t(lang, 'helpFoot'), inner);
	const rows = Math.max(1, height - 3 - foot.length);
	const perPage = rows * columns;
	return {columns, columnWidth, lines, foot, rows, perPage, lastScroll: Math.max(0, lines.length - perPage)};
}

export function HelpOverlay({lang, theme, width, height, scroll}: {lang: Lang; theme: Theme; width: number; height: number; scroll: number}) {
	const {columns, columnWidth, lines, foot, rows, perPage, lastScroll} = helpLayout(lang, width, height);
	const first = Math.min(scroll, lastScroll);
	const page = lines.slice(first, first + perPage);
	const shown = `${first + 1}-${first + page.length} / ${lines.length}`;
	return (
		<Box flexDirection="column" borderStyle="single" paddingX={1} width={width} height={height} overflow="hidden">
			<Text bold wrap="truncate">
				{t(lang, 'help')} <Text color={theme.muted}>{shown}</Text>
			</Text>
			<Box height={rows} flexShrink={0}>
				{Array.from({length: columns}, (_, c) => (
					<Box key={c} flexDirection="column" width={columnWidth} marginRight={c < columns - 1 ? 2 : 0} flexShrink={0}>
						{page.slice(c * rows, (c + 1) * rows).map((l, i) => (
							<Text key={i} bold={l.title} color={l.title ? theme.accent : undefined} wrap="truncate">
								{l.text || ' '}
							</Text>
						))}
					</Box>
				))}
			</Box>
			{foot.map((f, i) => (
				<Text key={i} color={theme.muted} wrap="truncate">
					{f}
				</Text>
			))}
		</Box>
	);
}

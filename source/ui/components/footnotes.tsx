import React from 'react';
import {Text} from './text.js';
import type {Theme} from '../theme.js';
import {wrapCells} from './wrap-cells.js';

/** Notes under a table (what `*` means, what measure scores are relative to), wrapped, two lines each at most. */
export function footnoteLines(notes: readonly string[], width: number): string[] {
	return notes.flatMap(n => wrapCells(n, width).slice(0, 2));
}

export function Footnotes({lines, theme}: {lines: readonly string[]; theme: Theme}) {
	return (
		<>
			{lines.map((l, i) => (
				<Text key={i} color={theme.muted} wrap="truncate">
					{l}
				</Text>
			))}
		</>
	);
}

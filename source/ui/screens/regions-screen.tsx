import React from 'react';
import {Box, Text} from 'ink';
import type {Lang} from '../../domain/text.js';
import {pick} from '../../domain/text.js';
import type {RegionRowView} from '../view-model.js';
import {bar} from '../view-model.js';
import {t, shownScore} from '../strings.js';
import type {Theme} from '../theme.js';
import {cellWidth, padEnd, padStart, truncate, inert} from '../../text/cell-width.js';
import {windowStart} from '../state/tree-rows.js';

export type RegionsScreenProps = {rows: readonly RegionRowView[]; cursor: number; lang: Lang; theme: Theme; width: number; height: number};

/** The workspace's regions with their progress, total, tier and rank; only the rows that fit are rendered. */
export function RegionsScreen({rows, cursor, lang, theme, width, height}: RegionsScreenProps) {
	const nameWidth = Math.min(18, Math.max(8, ...rows.map(r => cellWidth(r.name))));
	const tierWidth = Math.max(cellWidth(t(lang, 'tier')), 1, ...rows.map(r => (r.score?.tier ? cellWidth(pick(r.score.tier.label, lang)) : 1)));
	const barWidth = Math.max(6, Math.min(20, width - nameWidth - 33 - tierWidth));
	const visible = Math.max(1, height - 1);
	const start = windowStart(cursor, 0, visible, rows.length);
	const header = `  ${padEnd(t(lang, 'region'), nameWidth)} ${padEnd(t(lang, 'progress'), barWidth + 8)} ${padStart(t(lang, 'total'), 7)} ${padEnd(t(lang, 'tier'), tierWidth)} ${padStart(t(lang, 'rank'), 4)}`;
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate">
				{truncate(header, width)}
			</Text>
			{rows.slice(start, start + visible).map((row, i) => {
				const selected = start + i === cursor;
				const s = row.score;
				const line = `${selected ? '> ' : '  '}${padEnd(truncate(inert(row.name), nameWidth), nameWidth)} [${bar(row.scored / row.leaves, barWidth)}] ${padStart(`${row.scored}/${row.leaves}`, 5)} ${padStart(shownScore(s?.total), 7)} ${padEnd(s?.tier ? pick(s.tier.label, lang) : '-', tierWidth)} ${padStart(s?.rank == null ? '-' : String(s.rank), 4)}${row.conflicts ? `  ${row.conflicts} ${t(lang, 'conflict')}` : ''}`;
				return (
					<Text key={row.code} inverse={selected} color={row.conflicts ? theme.warn : undefined} wrap="truncate">
						{truncate(line, width)}
					</Text>
				);
			})}
		</Box>
	);
}

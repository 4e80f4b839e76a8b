import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import type {Lang} from '../../domain/text.js';
import type {RegionRowView} from '../view-model.js';
import {bar} from '../view-model.js';
import {t, shownScore} from '../strings.js';
import type {Theme} from '../theme.js';
import {cellWidth, padEnd, padStart, truncate} from '../../text/cell-width.js';
import {windowStart} from '../state/tree-rows.js';
import {formatPercent} from '../../domain/scoring/score-report.js';
import {shownRank, shownTier, tierLabel} from '../display.js';
import {Footnotes, footnoteLines} from '../components/footnotes.js';

export type RegionsScreenProps = {rows: readonly RegionRowView[]; cursor: number; notes: readonly string[]; lang: Lang; theme: Theme; width: number; height: number};

/**
 * The workspace's regions with their progress, total, coverage, tier and rank; a provisional
 * tier or rank is marked `*`, explained under the list with what measure scores are relative
 * to (`notes`). Only the rows that fit are rendered.
 */
export function RegionsScreen({rows, cursor, notes, lang, theme, width, height}: RegionsScreenProps) {
	const tiers = rows.map(r => shownTier(tierLabel(r.score?.tier, lang), r.final));
	const nameWidth = Math.min(18, Math.max(8, ...rows.map(r => cellWidth(r.name))));
	const tierWidth = Math.max(cellWidth(t(lang, 'tier')), 1, ...tiers.map(cellWidth));
	const barWidth = Math.max(6, Math.min(20, width - nameWidth - 40 - tierWidth));
	const foot = footnoteLines(notes, width);
	const visible = Math.max(1, height - 1 - foot.length);
	const start = windowStart(cursor, 0, visible, rows.length);
	const header = `  ${padEnd(t(lang, 'region'), nameWidth)} ${padEnd(t(lang, 'progress'), barWidth + 8)} ${padStart(t(lang, 'total'), 7)} ${padStart(t(lang, 'coverage'), 6)} ${padEnd(t(lang, 'tier'), tierWidth)} ${padStart(t(lang, 'rank'), 4)}`;
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate">
				{truncate(header, width)}
			</Text>
			{rows.slice(start, start + visible).map((row, i) => {
				const selected = start + i === cursor;
				const s = row.score;
				const cover = s?.total == null ? '-' : formatPercent(s.coverage);
				const line = `${selected ? '> ' : '  '}${padEnd(truncate(row.name, nameWidth), nameWidth)} [${bar(row.scored / row.leaves, barWidth)}] ${padStart(`${row.scored}/${row.leaves}`, 5)} ${padStart(shownScore(s?.total), 7)} ${padStart(cover, 6)} ${padEnd(tiers[start + i]!, tierWidth)} ${padStart(shownRank(s?.rank, row.wholeFinal), 4)}${row.conflicts ? `  ${row.conflicts} ${t(lang, 'conflict')}` : ''}`;
				return (
					<Text key={row.code} inverse={selected} color={row.conflicts ? theme.warn : undefined} wrap="truncate">
						{truncate(line, width)}
					</Text>
				);
			})}
			<Box flexGrow={1} />
			<Footnotes lines={foot} theme={theme} />
		</Box>
	);
}

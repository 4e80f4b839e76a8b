import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import type {Theme} from '../theme.js';
import type {TeamView} from './team-rows.js';
import {truncate} from '../../text/cell-width.js';
import {windowStart} from '../state/tree-rows.js';

export type TeamScreenProps = {view: TeamView; cursor: number; theme: Theme; width: number; height: number};

/**
 * The team's progress (`t`): per assessor and per region — scored, submitted, waiting for
 * review, accepted, returned, conflicts, last change — then reviewers and spot checks. The
 * cursor moves over the rows; the table it is in keeps its header in view while it scrolls.
 */
export function TeamScreen({view, cursor, theme, width, height}: TeamScreenProps) {
	const {lines} = view;
	const rows = lines.flatMap((l, i) => (l.kind === 'row' ? [i] : []));
	const selected = rows[Math.max(0, Math.min(cursor, rows.length - 1))] ?? 0;
	const visible = Math.max(1, height - 1);
	let start = windowStart(selected, 0, visible, lines.length);
	const header = lines[selected]?.of;
	// The table's header scrolled away: it stays on top of the window, above the rows.
	let pinned: number | undefined;
	if (header !== undefined && start > header) {
		pinned = header;
		start = Math.max(header + 1, windowStart(selected, 0, visible - 1, lines.length));
	}
	const shown = [...(pinned === undefined ? [] : [pinned]), ...lines.slice(start, start + visible - (pinned === undefined ? 0 : 1)).map((_, i) => start + i)];
	const color = (tone: string | undefined) => (tone === 'warn' ? theme.warn : tone === 'good' ? theme.good : tone === 'muted' ? theme.muted : undefined);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate">
				{truncate(view.title, width)}
			</Text>
			{shown.map(i => {
				const l = lines[i]!;
				const isSelected = i === selected && l.kind === 'row';
				const text = l.kind === 'row' ? `${isSelected ? '> ' : '  '}${l.text}` : l.kind === 'header' ? `  ${l.text}` : l.text || ' ';
				return (
					<Text key={i} bold={l.kind === 'header'} inverse={isSelected} color={l.kind === 'header' ? theme.accent : color(l.tone)} wrap="truncate">
						{truncate(text, width)}
					</Text>
				);
			})}
		</Box>
	);
}

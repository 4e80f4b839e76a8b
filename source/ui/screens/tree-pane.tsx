import React from 'react';
import {Box, Text} from 'ink';
import type {SystemIndex} from '../../domain/system/system-index.js';
import type {RegionScore} from '../../domain/scoring/score-workspace.js';
import type {Workspace} from '../../domain/workspace/workspace-schema.js';
import {pick, type Lang} from '../../domain/text.js';
import {formatScore} from '../../domain/scoring/score-report.js';
import {visibleTreeRows, windowStart} from '../state/tree-rows.js';
import {leafStatus} from '../view-model.js';
import {STATUS_MARK} from '../strings.js';
import type {Theme} from '../theme.js';
import {padEnd, padStart, truncate, cellWidth} from '../../text/cell-width.js';

export type TreePaneProps = {
	index: SystemIndex;
	ws: Workspace;
	region: string;
	score: RegionScore | undefined;
	selected: string;
	expanded: ReadonlySet<string>;
	focused: boolean;
	lang: Lang;
	theme: Theme;
	width: number;
	height: number;
};

/** The indicator tree of one region: live score and rank on every node, a status mark on leaves. */
export function TreePane({index, ws, region, score, selected, expanded, focused, lang, theme, width, height}: TreePaneProps) {
	const rows = visibleTreeRows(index, expanded);
	const at = Math.max(0, rows.findIndex(r => r.code === selected));
	const start = windowStart(at, 0, height, rows.length);
	const numbers = 12; // " 100.00  #32"
	return (
		<Box flexDirection="column" width={width} height={height}>
			{rows.slice(start, start + height).map(row => {
				const node = index.nodes.get(row.code)!;
				const s = score?.nodes.get(row.code);
				const mark = row.isLeaf ? STATUS_MARK[leafStatus(ws, region, row.code)] : row.expanded ? '[-]' : '[+]';
				const isSelected = row.code === selected;
				// A visible marker as well as inverse video: terminals without attributes (TERM=dumb) still show it.
				const label = `${isSelected ? '>' : ' '}${'  '.repeat(row.depth)}${mark} ${row.code} ${pick(node.node.name, lang)}`;
				const value = s?.na ? 'n/a' : formatScore(s?.score ?? null);
				const right = `${padStart(value, 7)} ${padStart(s?.rank == null ? '' : `#${s.rank}`, 4)}`;
				const labelWidth = Math.max(4, width - numbers - 1);
				const line = `${padEnd(truncate(label, labelWidth), labelWidth)} ${right}`;
				const status = row.isLeaf ? leafStatus(ws, region, row.code) : undefined;
				const color = status === 'conflict' || status === 'flagged' ? theme.warn : status === 'na' ? theme.muted : row.depth === 0 ? theme.accent : undefined;
				return (
					<Text key={row.code} inverse={isSelected && focused} underline={isSelected && !focused} bold={row.depth === 0} color={color} wrap="truncate">
						{cellWidth(line) > width ? truncate(line, width) : line}
					</Text>
				);
			})}
		</Box>
	);
}

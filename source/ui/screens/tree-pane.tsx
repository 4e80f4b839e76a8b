import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import type {SystemIndex} from '../../domain/system/system-index.js';
import type {RegionScore} from '../../domain/scoring/score-workspace.js';
import type {Workspace} from '../../domain/workspace/workspace-schema.js';
import type {Lang} from '../../domain/text.js';
import {nodeName, shownRank} from '../display.js';
import {visibleTreeRows, windowStart, type TreeRow} from '../state/tree-rows.js';
import {leafStatus} from '../view-model.js';
import {BRANCH_MARK, STATUS_LABEL, STATUS_MARK, shownScore, t} from '../strings.js';
import type {Theme} from '../theme.js';
import {PaneTitle} from '../components/pane-title.js';
import {cellWidth, padEnd, padStart, truncate} from '../../text/cell-width.js';

export type TreePaneProps = {
	index: SystemIndex;
	ws: Workspace;
	region: string;
	score: RegionScore | undefined;
	/** The whole result is final: ranks are not marked provisional. */
	final: boolean;
	selected: string;
	expanded: ReadonlySet<string>;
	focused: boolean;
	lang: Lang;
	theme: Theme;
	width: number;
	height: number;
};

/** " 100.00  #32*": the score and rank columns at the right of every row (a provisional rank is marked). */
const NUMBERS = 14;

const labelOf = (index: SystemIndex, row: TreeRow, lang: Lang, mark: string) => `${'  '.repeat(row.depth)}${mark} ${row.code} ${nodeName(index, row.code, lang)}`;

const wanted = new WeakMap<SystemIndex, Partial<Record<Lang, number>>>();

/** The width the tree needs to show every name whole (rows as deep as the system goes). */
export function treeWidthWanted(index: SystemIndex, lang: Lang): number {
	let byLang = wanted.get(index);
	if (!byLang) wanted.set(index, (byLang = {}));
	return (byLang[lang] ??= measureTree(index, lang));
}

function measureTree(index: SystemIndex, lang: Lang): number {
	let widest = 0;
	for (const node of index.ordered) {
		widest = Math.max(widest, cellWidth(labelOf(index, {code: node.code, depth: node.level - 1, isLeaf: true, expanded: false}, lang, '[ ]')));
	}
	return 1 + widest + 1 + NUMBERS;
}

/** The indicator tree of one region: live score and rank on every node, a status mark on leaves. */
export function TreePane({index, ws, region, score, final, selected, expanded, focused, lang, theme, width, height}: TreePaneProps) {
	const rows = visibleTreeRows(index, expanded);
	const at = Math.max(0, rows.findIndex(r => r.code === selected));
	const listHeight = Math.max(1, height - 1);
	const start = windowStart(at, 0, listHeight, rows.length);
	const labelWidth = Math.max(4, width - NUMBERS - 2);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<PaneTitle title={t(lang, 'indicators')} focused={focused} theme={theme} width={width} />
			{rows.slice(start, start + listHeight).map(row => {
				const s = score?.nodes.get(row.code);
				const status = row.isLeaf ? leafStatus(ws, region, row.code) : undefined;
				const mark = status ? STATUS_MARK[status] : row.expanded ? BRANCH_MARK.expanded : BRANCH_MARK.collapsed;
				const isSelected = row.code === selected;
				// A visible marker as well as inverse video: terminals without attributes (TERM=dumb) still show it.
				const label = `${isSelected ? '>' : ' '}${labelOf(index, row, lang, mark)}`;
				const value = s?.na ? STATUS_LABEL.na[lang] : s?.weightless ? t(lang, 'weightless') : shownScore(s?.score);
				const right = `${padStart(value, 7)} ${padStart(s?.rank == null ? '' : `#${shownRank(s.rank, final)}`, 5)}`;
				const line = `${padEnd(truncate(label, labelWidth), labelWidth)} ${right}`;
				const color = status === 'conflict' || status === 'flagged' ? theme.warn : status === 'na' ? theme.muted : row.depth === 0 ? theme.accent : undefined;
				return (
					<Text key={row.code} inverse={isSelected && focused} underline={isSelected && !focused} bold={row.depth === 0} color={color} wrap="truncate">
						{truncate(line, width)}
					</Text>
				);
			})}
		</Box>
	);
}

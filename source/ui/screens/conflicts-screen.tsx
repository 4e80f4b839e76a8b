import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import type {SystemIndex} from '../../domain/system/system-index.js';
import type {Conflict} from '../../domain/workspace/workspace-schema.js';
import type {Lang} from '../../domain/text.js';
import {valueText} from '../value-text.js';
import {fromFile, nodeName} from '../display.js';
import {STATUS_LABEL, t} from '../strings.js';
import type {Theme} from '../theme.js';
import {evidenceLine} from './evidence-line.js';
import {localTime} from '../local-time.js';
import {reviewLineText} from '../review-messages.js';
import {truncate, padEnd} from '../../text/cell-width.js';
import {windowStart} from '../state/tree-rows.js';

export type ConflictsScreenProps = {
	index: SystemIndex;
	conflicts: readonly Conflict[];
	names: ReadonlyMap<string, string>;
	cursor: number;
	/** How often the assessors agreed where their work overlapped (from the merge). */
	agreement: {items: number; agreed: number; percent: number | null; kappa: number | null};
	lang: Lang;
	theme: Theme;
	width: number;
	height: number;
};

/** Every unsettled conflict, and the candidates of the selected one side by side. */
export function ConflictsScreen({index, conflicts, names, cursor, agreement, lang, theme, width, height}: ConflictsScreenProps) {
	const agreeLine = agreement.items ? `${t(lang, 'agreement')} ${(agreement.percent! * 100).toFixed(1)}% (${agreement.agreed}/${agreement.items})${agreement.kappa === null ? '' : `, κ ${agreement.kappa.toFixed(2)}`}` : '';
	if (conflicts.length === 0) {
		return (
			<Box flexDirection="column" height={height}>
				<Text bold>{t(lang, 'conflictsTitle')}</Text>
				<Text color={theme.good}>{t(lang, 'noConflicts')}</Text>
				{agreeLine ? <Text color={theme.muted}>{agreeLine}</Text> : null}
			</Box>
		);
	}
	const listHeight = Math.max(2, Math.min(conflicts.length, Math.floor(height / 3)));
	const start = windowStart(cursor, 0, listHeight, conflicts.length);
	const selected = conflicts[Math.min(cursor, conflicts.length - 1)]!;
	const node = index.nodes.get(selected.indicator);
	const rule = node?.rule;
	const shown = selected.candidates.slice(0, 9);
	const columnWidth = Math.max(16, Math.floor(width / Math.min(shown.length, Math.max(1, Math.floor(width / 26)))));
	const perRow = Math.max(1, Math.floor(width / columnWidth));
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			<Text bold wrap="truncate">
				{t(lang, 'conflictsTitle')} ({conflicts.length}){agreeLine ? <Text color={theme.muted}>  {agreeLine}</Text> : null}
			</Text>
			{conflicts.slice(start, start + listHeight).map((c, i) => {
				const n = index.nodes.get(c.indicator);
				const line = `${start + i === cursor ? '> ' : '  '}${padEnd(truncate(names.get(c.region) ?? c.region, 16), 16)} ${c.indicator} ${n ? nodeName(index, c.indicator, lang) : ''}  (${c.candidates.length} ${lang === 'zh' ? '个候选' : 'candidates'})`;
				return (
					<Text key={`${c.region}/${c.indicator}`} inverse={start + i === cursor} color={theme.warn} wrap="truncate">
						{truncate(line, width)}
					</Text>
				);
			})}
			<Text color={theme.muted} wrap="truncate">
				{truncate(t(lang, 'settleHelp'), width)}
			</Text>
			<Box flexWrap="wrap" width={width}>
				{shown.map((c, i) => (
					<Box key={c.rev} flexDirection="column" width={perRow === 1 ? width : columnWidth} paddingRight={1} flexShrink={0}>
						<Text bold inverse wrap="truncate">
							{truncate(` ${i + 1} ${t(lang, 'candidate')}: ${fromFile(c.by)}`, columnWidth - 1)}
						</Text>
						<Text wrap="truncate">{localTime(c.at)}</Text>
						<Text bold wrap="wrap">
							{valueText(rule, c.value, lang) || '-'}, {STATUS_LABEL[c.status][lang]}
							{c.reason ? ` (${fromFile(c.reason)})` : ''}
						</Text>
						{c.review ? (
							<Text color={c.review.state === 'returned' ? theme.warn : theme.good} wrap="wrap">
								{t(lang, 'review')}: {reviewLineText(lang, c.review)}
							</Text>
						) : null}
						{c.note ? <Text wrap="wrap">{fromFile(c.note)}</Text> : null}
						{c.evidence.map(e => (
							<Text key={JSON.stringify(e)} color={theme.muted} wrap="truncate">
								{truncate(evidenceLine(e, lang), columnWidth - 1)}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}

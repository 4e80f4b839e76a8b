import React from 'react';
import {Box} from 'ink';
import {fromFile} from '../display.js';
import {Text} from './text.js';
import type {SearchHit} from '../../domain/search/search-index.js';
import type {Lang} from '../../domain/text.js';
import type {FieldState} from '../fields/field-state.js';
import {fieldText} from '../fields/field-state.js';
import {t} from '../strings.js';
import type {Theme} from '../theme.js';
import {TextField} from './text-field.js';
import {padEnd, truncate} from '../../text/cell-width.js';

export type SearchOverlayProps = {
	field: FieldState;
	/** Undefined while the index is being built (the first search of a session). */
	hits: readonly SearchHit[] | undefined;
	selected: number;
	/** Regions of the workspace: others are offered as "add to workspace". */
	regions: readonly string[];
	title: string;
	lang: Lang;
	theme: Theme;
	width: number;
	height: number;
	/** Where the overlay's input line is on screen (for the IME cursor). */
	top: number;
};

export const SEARCH_KIND = {indicator: {zh: '指标', en: 'indic.'}, 'service-item': {zh: '事项', en: 'item'}, region: {zh: '地区', en: 'region'}} as const;

/** Search as you type over codes, names, pinyin, initials and guide text. */
export function SearchOverlay({field, hits, selected, regions, title, lang, theme, width, height, top}: SearchOverlayProps) {
	const inner = width - 4;
	const at = Math.min(selected, Math.max(0, (hits?.length ?? 0) - 1));
	return (
		<Box flexDirection="column" borderStyle="single" paddingX={1} width={width} height={height}>
			<Text bold wrap="truncate">
				{truncate(`${title}  `, inner)}
				<Text color={theme.muted}>{t(lang, 'searchHint')}</Text>
			</Text>
			<Box>
				<Text>/ </Text>
				<TextField field={field} multiline={false} width={inner - 2} origin={{x: 4, y: top + 2}} />
			</Box>
			{!hits ? <Text color={theme.muted}>{t(lang, 'searchLoading')}...</Text> : fieldText(field).trim() !== '' && hits.length === 0 ? <Text color={theme.muted}>{t(lang, 'noMatch')}</Text> : null}
			{(hits ?? []).map((h, i) => {
				const outside = h.entry.kind === 'region' && !regions.includes(h.entry.id);
				const line = `${i === at ? '>' : ' '} ${padEnd(SEARCH_KIND[h.entry.kind][lang], 6)} ${padEnd(h.entry.id, 8)} ${fromFile(h.entry.title)}${outside ? `  [+ ${t(lang, 'addToWorkspace')}]` : ''}  ${fromFile(h.entry.detail)}`;
				return (
					<Text key={`${h.entry.kind}:${h.entry.id}`} inverse={i === at} color={outside ? theme.muted : undefined} wrap="truncate">
						{truncate(line, inner)}
					</Text>
				);
			})}
		</Box>
	);
}

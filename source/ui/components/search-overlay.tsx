import React, {useState, useMemo, useDeferredValue} from 'react';
import {Box, Text} from 'ink';
import {useKeyInput} from '../hooks/use-key-input.js';
import type {SearchIndex, SearchEntry, SearchHit} from '../../domain/search/search-index.js';
import type {Lang} from '../../domain/text.js';
import {t} from '../strings.js';
import type {Theme} from '../theme.js';
import {TextEditor} from './text-editor.js';
import {padEnd, truncate, inert} from '../../text/cell-width.js';

export type SearchOverlayProps = {
	/** Undefined while the index is being built (the first search of a session). */
	index: SearchIndex | undefined;
	kinds: readonly SearchEntry['kind'][];
	title: string;
	lang: Lang;
	theme: Theme;
	width: number;
	height: number;
	/** Where the overlay's input line is on screen (for the IME cursor). */
	top: number;
	onPick: (entry: SearchEntry) => void;
	onClose: () => void;
};

const KIND = {indicator: {zh: '指标', en: 'indic.'}, 'service-item': {zh: '事项', en: 'item'}, region: {zh: '地区', en: 'region'}} as const;

/** Fuzzy search as you type over codes, names, pinyin, initials and guide text. */
export function SearchOverlay({index, kinds, title, lang, theme, width, height, top, onPick, onClose}: SearchOverlayProps) {
	const [query, setQuery] = useState('');
	const [selected, setSelected] = useState(0);
	// The list may lag a keystroke behind the input; typing never waits for it.
	const deferred = useDeferredValue(query);
	const hits: SearchHit[] = useMemo(() => index?.search(deferred, {limit: Math.max(5, height - 4), kinds}) ?? [], [index, deferred, kinds, height]);
	const at = Math.min(selected, Math.max(0, hits.length - 1));

	useKeyInput((_input, key) => {
		if (key.upArrow) setSelected(s => Math.max(0, Math.min(s, hits.length - 1) - 1));
		if (key.downArrow) setSelected(s => Math.min(hits.length - 1, s + 1));
	});

	const inner = width - 4;
	return (
		<Box flexDirection="column" borderStyle="single" paddingX={1} width={width} height={height}>
			<Text bold wrap="truncate">
				{title} <Text color={theme.muted}>{t(lang, 'searchHint')}</Text>
			</Text>
			<Box>
				<Text>/ </Text>
				<TextEditor
					initial=""
					multiline={false}
					width={inner - 2}
					origin={{x: 4, y: top + 2}}
					onChange={text => {
						setQuery(text);
						setSelected(0);
					}}
					onSubmit={text => {
						// Enter right after typing: search the text as typed, not the list that may lag.
						const current = text === deferred ? hits : (index?.search(text, {limit: Math.max(5, height - 4), kinds}) ?? []);
						const hit = current[text === deferred ? at : 0];
						if (hit) onPick(hit.entry);
					}}
					onCancel={onClose}
				/>
			</Box>
			{!index ? <Text color={theme.muted}>…</Text> : query.trim() !== '' && hits.length === 0 ? <Text color={theme.muted}>{t(lang, 'noMatch')}</Text> : null}
			{hits.map((h, i) => (
				<Text key={`${h.entry.kind}:${h.entry.id}`} inverse={i === at} wrap="truncate">
					{truncate(`${padEnd(KIND[h.entry.kind][lang], 6)} ${padEnd(h.entry.id, 8)} ${inert(h.entry.title)}  ${inert(h.entry.detail)}`, inner)}
				</Text>
			))}
		</Box>
	);
}

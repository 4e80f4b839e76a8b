import React from 'react';
import {Box, Text} from 'ink';
import {useKeyInput} from '../hooks/use-key-input.js';
import {BINDINGS, type Scope} from '../keymap/commands.js';
import type {Lang} from '../../domain/text.js';
import {t} from '../strings.js';
import type {Theme} from '../theme.js';
import {padEnd, truncate} from '../../text/cell-width.js';

const SECTIONS: {scope: Scope; title: Record<Lang, string>}[] = [
	{scope: 'navigation', title: {zh: '移动', en: 'Moving'}},
	{scope: 'global', title: {zh: '全局', en: 'Everywhere'}},
	{scope: 'item', title: {zh: '三级指标（选中时）', en: 'On a leaf (when one is selected)'}},
	{scope: 'scoreboard', title: {zh: '排行榜', en: 'Scoreboard'}},
	{scope: 'conflicts', title: {zh: '冲突', en: 'Conflicts'}},
];

/** The key map, generated from the same table that dispatches keys and fills the status bar. */
export function HelpOverlay({lang, theme, width, height, onClose}: {lang: Lang; theme: Theme; width: number; height: number; onClose: () => void}) {
	useKeyInput((input, key) => {
		if (key.escape || input === '?' || input === 'q') onClose();
	});
	const keyWidth = Math.max(...BINDINGS.map(b => b.keys.join(' ').length)) + 2;
	const section = (s: (typeof SECTIONS)[number], columnWidth: number) => [
		<Text key={`section:${s.scope}`} bold color={theme.accent} wrap="truncate">
			{s.title[lang]}
		</Text>,
		...BINDINGS.filter(b => b.scope === s.scope).map(b => (
			<Text key={b.id} wrap="truncate">
				{truncate(`  ${padEnd(b.keys.join(' '), keyWidth)}${b.label[lang]}`, columnWidth)}
			</Text>
		)),
	];
	// Two columns when there is room, so the whole map fits an 80×24 terminal.
	const twoColumns = width >= 76;
	const columnWidth = twoColumns ? Math.floor((width - 4) / 2) : width - 4;
	const byScope = (scopes: Scope[]) => SECTIONS.filter(x => scopes.includes(x.scope));
	const left = twoColumns ? byScope(['navigation', 'item']) : SECTIONS;
	const right = twoColumns ? byScope(['global', 'scoreboard', 'conflicts']) : [];
	const rightLines = right.reduce((n, x) => n + 1 + BINDINGS.filter(b => b.scope === x.scope).length, 0);
	// The note on text fields only where it fits: the keys themselves must fit 80×24.
	const roomForNote = height - 3 - rightLines >= 5;
	return (
		<Box flexDirection="column" borderStyle="single" paddingX={1} width={width} height={height} overflow="hidden">
			<Box flexShrink={0}>
				<Text bold wrap="truncate">
					{t(lang, 'help')} <Text color={theme.muted}>(? / Esc)</Text>
				</Text>
			</Box>
			<Box flexShrink={0}>
				<Box flexDirection="column" width={columnWidth} flexShrink={0}>
					{left.flatMap(s => section(s, columnWidth))}
				</Box>
				{twoColumns ? (
					<Box flexDirection="column" width={columnWidth} flexShrink={0}>
						{right.flatMap(s => section(s, columnWidth))}
						{roomForNote ? <Text> </Text> : null}
						{roomForNote ? <Text color={theme.muted} wrap="wrap">
							{lang === 'zh'
								? '编辑框：Enter 保存（备注中 Enter 换行、Ctrl+S 保存），Esc 取消。抽查事项：+ 添加，空格 通过/不通过，e 备注，Del 删除。'
								: 'Fields: Enter saves (in a note Enter is a new line, Ctrl+S saves), Esc cancels. Samples: + adds, Space pass/fail, e note, Del removes.'}
						</Text> : null}
					</Box>
				) : null}
			</Box>
		</Box>
	);
}

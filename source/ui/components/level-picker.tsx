import React, {useState} from 'react';
import {Box, Text} from 'ink';
import {useKeyInput} from '../hooks/use-key-input.js';
import type {LevelsRule} from '../../domain/rules/rule-schema.js';
import {pick, type Lang} from '../../domain/text.js';
import type {Theme} from '../theme.js';

/** Picks one level of a graded rule: ↑/↓ and Enter, or the level's number. */
export function LevelPicker({rule, current, title, lang, theme, width, onPick, onCancel}: {rule: LevelsRule; current: string | undefined; title: string; lang: Lang; theme: Theme; width: number; onPick: (id: string) => void; onCancel: () => void}) {
	const [at, setAt] = useState(Math.max(0, rule.levels.findIndex(l => l.id === current)));
	useKeyInput((input, key) => {
		if (key.escape) return onCancel();
		if (key.upArrow || input === 'k') return setAt(i => Math.max(0, i - 1));
		if (key.downArrow || input === 'j') return setAt(i => Math.min(rule.levels.length - 1, i + 1));
		if (key.return) return onPick(rule.levels[at]!.id);
		const n = Number(input);
		if (/^[1-9]$/.test(input) && rule.levels[n - 1]) onPick(rule.levels[n - 1]!.id);
	});
	return (
		<Box flexDirection="column" borderStyle="single" borderColor={theme.accent} paddingX={1} width={width}>
			<Text bold>{title}</Text>
			{rule.levels.map((l, i) => (
				<Text key={l.id} inverse={i === at} wrap="truncate">
					{i + 1}. {pick(l.label, lang)} ({l.points})
				</Text>
			))}
		</Box>
	);
}

import React from 'react';
import {Box, Text} from 'ink';
import {BINDINGS, type Scope} from '../keymap/commands.js';
import type {Lang} from '../../domain/text.js';
import type {Theme} from '../theme.js';
import {truncate} from '../../text/cell-width.js';

export type Flash = {text: string; kind: 'info' | 'error'};

export type StatusBarProps = {
	scopes: readonly Scope[];
	lang: Lang;
	theme: Theme;
	width: number;
	/** Left part of the first line: when the last change reached the disk, or why it did not. */
	saveText: string;
	saveFailed: boolean;
	flash: Flash | undefined;
};

/** Two lines: the save state and the latest message, then the key hints of the active scopes. */
export function StatusBar({scopes, lang, theme, width, saveText, saveFailed, flash}: StatusBarProps) {
	// The keys of the screen at hand first, then the ones that work everywhere.
	const specific = BINDINGS.filter(b => b.hint && scopes.includes(b.scope) && b.scope !== 'global' && b.scope !== 'navigation');
	const general = BINDINGS.filter(b => b.hint && (b.scope === 'global' || b.scope === 'navigation') && scopes.includes(b.scope));
	const hints = [...specific, ...general].map(b => `${b.keys[0]} ${b.label[lang]}`).join('  ');
	const flashText = flash ? `  ${flash.text}` : '';
	return (
		<Box flexDirection="column">
			<Text wrap="truncate">
				<Text color={saveFailed ? theme.bad : theme.good} bold={saveFailed}>
					{saveText}
				</Text>
				<Text color={flash?.kind === 'error' ? theme.bad : theme.accent}>{truncate(flashText, Math.max(0, width - saveText.length - 1))}</Text>
			</Text>
			<Text color={theme.muted} wrap="truncate">
				{truncate(hints, width)}
			</Text>
		</Box>
	);
}

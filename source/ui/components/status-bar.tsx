import React from 'react';
import {Box} from 'ink';
import {fromFile} from '../display.js';
import {Text} from './text.js';
import type {Flash} from '../state/app-state.js';
import type {Hint} from '../keymap/dispatch.js';
import type {Theme} from '../theme.js';
import {cellWidth, truncate} from '../../text/cell-width.js';

export type StatusBarProps = {
	theme: Theme;
	width: number;
	/** Left part of the first line: when the last change reached the disk, or that it did not. */
	saveText: string;
	saveFailed: boolean;
	flash: Flash | undefined;
	hints: readonly Hint[];
};

/**
 * The hints that fit a line: whole hints only (never one cut in two), the focused panel's
 * first, help and quit always (the last two).
 */
export function fitHints(hints: readonly Hint[], width: number): string {
	const text = (h: Hint) => `${h.keys} ${h.label}`;
	const tail = hints.filter(h => h.keys === '?' || h.keys === 'q');
	const head = hints.filter(h => !tail.includes(h));
	const sep = '  ';
	let room = width - tail.reduce((n, h) => n + cellWidth(text(h)) + sep.length, 0);
	const shown: string[] = [];
	for (const h of head) {
		const w = cellWidth(text(h)) + sep.length;
		if (w > room) break;
		shown.push(text(h));
		room -= w;
	}
	return [...shown, ...tail.map(text)].join(sep);
}

/** Two lines: the save state and the latest message, then the keys that work here. */
export function StatusBar({theme, width, saveText, saveFailed, flash, hints}: StatusBarProps) {
	const flashText = flash ? `  ${fromFile(flash.text)}` : '';
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text wrap="truncate">
				<Text color={saveFailed ? theme.bad : theme.good} bold={saveFailed}>
					{saveText}
				</Text>
				<Text color={flash?.kind === 'error' ? theme.bad : theme.accent}>{truncate(flashText, Math.max(0, width - cellWidth(saveText)))}</Text>
			</Text>
			<Text color={theme.muted} wrap="truncate">
				{truncate(fitHints(hints, width), width)}
			</Text>
		</Box>
	);
}

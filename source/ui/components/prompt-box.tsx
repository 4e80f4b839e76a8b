import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';
import type {Theme} from '../theme.js';
import type {FieldState} from '../fields/field-state.js';
import {TextField} from './text-field.js';
import {truncate} from '../../text/cell-width.js';

export type PromptBoxProps = {
	title: string;
	/** How to save and cancel, said in the field (Ctrl+S in notes, Enter elsewhere). */
	howTo: string;
	field: FieldState;
	multiline: boolean;
	/** Why the text was not taken; the field stays open with the text as typed. */
	error: string | undefined;
	/** Asking whether to throw typed text away. */
	question: string | undefined;
	/** Lines above the field that say what the answer will do (the export: a draft, and why). */
	notes?: readonly string[];
	theme: Theme;
	width: number;
	top: number;
};

/** Border 2, title 1, notes, text (8 or 1), two lines for how-to, error or question. */
export const promptHeight = (multiline: boolean, notes = 0) => (multiline ? 13 : 6) + notes;

/** A framed text field for a note, a value, evidence, a reason or a file name. */
export function PromptBox({title, howTo, field, multiline, error, question, notes = [], theme, width, top}: PromptBoxProps) {
	const inner = width - 4;
	return (
		<Box flexDirection="column" borderStyle="single" borderColor={error || question ? theme.bad : theme.accent} paddingX={1} width={width} flexShrink={0}>
			<Text bold wrap="truncate">
				{truncate(title, inner)}
			</Text>
			{notes.map((n, i) => (
				<Text key={i} color={theme.warn} wrap="truncate">
					{truncate(n, inner)}
				</Text>
			))}
			<TextField field={field} multiline={multiline} width={inner} height={multiline ? 8 : 1} origin={{x: 2, y: top + 2 + notes.length}} />
			<Box height={2} width={inner} overflow="hidden" flexShrink={0}>
				<Text bold={Boolean(question)} color={question || error ? theme.bad : theme.muted} wrap="wrap">
					{question ?? error ?? howTo}
				</Text>
			</Box>
		</Box>
	);
}

import React from 'react';
import {Box, Text} from 'ink';
import type {Theme} from '../theme.js';
import {TextEditor} from './text-editor.js';

export type PromptBoxProps = {
	title: string;
	initial: string;
	multiline: boolean;
	theme: Theme;
	width: number;
	top: number;
	onSubmit: (text: string) => void;
	onCancel: () => void;
};

/** A framed text field for a note, a value, evidence or a reason. */
export function PromptBox({title, initial, multiline, theme, width, top, onSubmit, onCancel}: PromptBoxProps) {
	return (
		<Box flexDirection="column" borderStyle="single" borderColor={theme.accent} paddingX={1} width={width}>
			<Text bold wrap="truncate">
				{title}
			</Text>
			<TextEditor initial={initial} multiline={multiline} width={width - 4} height={multiline ? 8 : 1} origin={{x: 2, y: top + 2}} onSubmit={onSubmit} onCancel={onCancel} />
		</Box>
	);
}

import React from 'react';
import {Box} from 'ink';
import {fromFile} from '../display.js';
import {Text} from './text.js';
import type {Theme} from '../theme.js';
import {truncate} from '../../text/cell-width.js';

/** Picks one of a few options: a level of a graded rule, or yes / no. */
export function ChoiceBox({title, options, selected, theme, width}: {title: string; options: readonly string[]; selected: number; theme: Theme; width: number}) {
	return (
		<Box flexDirection="column" borderStyle="single" borderColor={theme.accent} paddingX={1} width={width} flexShrink={0}>
			<Text bold wrap="truncate">
				{truncate(title, width - 4)}
			</Text>
			{options.map((o, i) => (
				<Text key={i} inverse={i === selected} wrap="truncate">
					{truncate(`${i === selected ? '>' : ' '} ${i + 1}. ${fromFile(o)}`, width - 4)}
				</Text>
			))}
		</Box>
	);
}

export const choiceHeight = (options: number) => options + 3;

/** A question, or a few lines of one (the quit dialog), with its answers. */
export function QuestionBox({lines, theme, width}: {lines: readonly string[]; theme: Theme; width: number}) {
	return (
		<Box flexDirection="column" borderStyle="single" borderColor={theme.bad} paddingX={1} width={width} flexShrink={0}>
			{lines.map((l, i) => (
				<Text key={i} bold={i === 0} wrap="wrap">
					{fromFile(l)}
				</Text>
			))}
		</Box>
	);
}

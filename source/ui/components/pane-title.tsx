import React from 'react';
import {Text} from './text.js';
import type {Theme} from '../theme.js';
import {padEnd, truncate} from '../../text/cell-width.js';

/**
 * A pane's title line. The focused pane's is a full-width bar marked `>>` (readable without
 * colour or inverse video too); the other pane's is quiet. The hint bar follows the same focus.
 */
export function PaneTitle({title, focused, theme, width}: {title: string; focused: boolean; theme: Theme; width: number}) {
	const text = padEnd(truncate(`${focused ? '>>' : '  '} ${title}`, width), width);
	return focused ? (
		<Text bold inverse color={theme.accent} wrap="truncate">
			{text}
		</Text>
	) : (
		<Text color={theme.muted} wrap="truncate">
			{text}
		</Text>
	);
}

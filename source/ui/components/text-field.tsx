import React, {useEffect} from 'react';
import {Box, useCursor} from 'ink';
import {Text} from './text.js';
import {cellWidth} from '../../text/cell-width.js';
import {linesOf, positionOf, type FieldState} from '../fields/field-state.js';

export type TextFieldProps = {
	field: FieldState;
	multiline: boolean;
	/** Display width available for the text, in cells. */
	width: number;
	/** Lines shown at most (multi-line); the view follows the cursor. */
	height?: number;
	/** Where the field starts on screen, for the real cursor (the IME composition window opens there). */
	origin?: {x: number; y: number};
};

/**
 * Draws a text field's state (the keys that edit it are in the key table, the state in the
 * store): the visible part of the text, a block at the cursor, and the terminal's own cursor
 * placed there too, so that an IME's composition window opens where the text goes.
 */
export function TextField({field, multiline, width, height = 6, origin}: TextFieldProps) {
	const {setCursorPosition} = useCursor();
	const lines = linesOf(field.chars);
	const {line, column} = positionOf(field.chars, field.cursor);
	const first = Math.max(0, Math.min(line - height + 1, lines.length - height));
	// A note's field always shows `height` lines, empty ones too: it is the size it will be.
	const shown = multiline ? [...lines.slice(first, first + height), ...Array.from({length: Math.max(0, height - lines.length)}, () => [])] : [lines[0] ?? []];
	const cursorLine = multiline ? line - first : 0;

	// Long one-line text scrolls horizontally so that the cursor stays in view.
	const rendered = shown.map((chars, i) => {
		const before = chars.slice(0, i === cursorLine ? column : chars.length);
		let skip = 0;
		while (cellWidth(before.slice(skip).join('')) > width - 1 && skip < before.length) skip++;
		let text = '';
		for (const c of chars.slice(skip)) {
			if (cellWidth(text + c) > width - 1) break;
			text += c;
		}
		return {text, cursorX: cellWidth(before.slice(skip).join(''))};
	});

	useEffect(() => {
		if (!origin) return;
		setCursorPosition({x: origin.x + (rendered[cursorLine]?.cursorX ?? 0), y: origin.y + cursorLine});
		return () => setCursorPosition(undefined);
	});

	return (
		<Box flexDirection="column">
			{rendered.map((r, i) => (
				<Text key={i} wrap="truncate">
					{field.selected ? <Text inverse>{r.text}</Text> : i === cursorLine ? withCursor(r.text, r.cursorX) : r.text || ' '}
				</Text>
			))}
		</Box>
	);
}

/** The text with an inverse block at the cursor. */
function withCursor(text: string, x: number) {
	let before = '';
	const rest = [...text];
	while (rest.length && cellWidth(before) < x) before += rest.shift();
	const at = rest.shift() ?? ' ';
	return (
		<>
			{before}
			<Text inverse>{at}</Text>
			{rest.join('')}
		</>
	);
}

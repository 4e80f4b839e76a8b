import React, {useReducer, useEffect, useRef} from 'react';
import {Box, Text, useCursor} from 'ink';
import {useKeyInput} from '../hooks/use-key-input.js';
import {cellWidth} from '../../text/cell-width.js';
import {editorReducer, editorFrom, editorText, linesOf, positionOf, tokenize, type EditorAction} from './text-editor-state.js';

export type TextEditorProps = {
	initial: string;
	multiline: boolean;
	/** Display width available for the text, in cells. */
	width: number;
	/** Lines shown at most (multi-line); the view follows the cursor. */
	height?: number;
	/** Where the field starts on screen, for the real cursor (the IME composition window opens there). */
	origin?: {x: number; y: number};
	onSubmit: (text: string) => void;
	onCancel: () => void;
	/** Told of every change (search-as-you-type). */
	onChange?: (text: string) => void;
	isActive?: boolean;
};

/**
 * A text field for Chinese and English: IME input, paste, multi-line notes. Enter submits a
 * one-line field; in a multi-line one Enter is a new line and Ctrl+S submits. Esc cancels.
 */
export function TextEditor({initial, multiline, width, height = 6, origin, onSubmit, onCancel, onChange, isActive = true}: TextEditorProps) {
	const [state, dispatch] = useReducer(editorReducer, initial, editorFrom);
	const latest = useRef(state);
	latest.current = state;
	const {setCursorPosition} = useCursor();
	const text = editorText(state);
	const reported = useRef(initial);
	useEffect(() => {
		if (onChange && text !== reported.current) {
			reported.current = text;
			onChange(text);
		}
	}, [text, onChange]);

	// Every action goes through `apply`, so a chunk of several keys sees its own earlier effects.
	const apply = (action: EditorAction) => {
		latest.current = editorReducer(latest.current, action);
		dispatch(action);
	};

	useKeyInput(
		(input, key) => {
			if (key.escape) return onCancel();
			if ((multiline && key.ctrl && input === 's') || (!multiline && key.return)) return onSubmit(editorText(latest.current));
			if (multiline && key.return) return apply({type: 'insert', text: '\n', multiline});
			// Terminals send Backspace as DEL (0x7f), which Ink reports as `delete`.
			if (key.backspace || key.delete) return apply({type: 'backspace'});
			if (key.leftArrow) return apply({type: 'left'});
			if (key.rightArrow) return apply({type: 'right'});
			if (key.upArrow) return apply({type: 'up'});
			if (key.downArrow) return apply({type: 'down'});
			if (key.home || (key.ctrl && input === 'a')) return apply({type: 'home'});
			if (key.end || (key.ctrl && input === 'e')) return apply({type: 'end'});
			if (key.ctrl || key.meta || key.tab || !input) return;
			const tokens = tokenize(input);
			for (const [i, token] of tokens.entries()) {
				if (token.type === 'text') apply({type: 'insert', text: token.text, multiline});
				else if (token.type === 'backspace') apply({type: 'backspace'});
				else if (token.type === 'save') {
					if (multiline) return onSubmit(editorText(latest.current));
				} else if (multiline) apply({type: 'insert', text: '\n', multiline});
				// Enter at the end of a one-line chunk (typed fast, or pasted with a line end) submits.
				else if (i === tokens.length - 1) return onSubmit(editorText(latest.current));
				else apply({type: 'insert', text: ' ', multiline});
			}
		},
		{isActive},
	);

	const lines = linesOf(state.chars);
	const {line, column} = positionOf(state.chars, state.cursor);
	const first = Math.max(0, Math.min(line - height + 1, lines.length - height));
	const shown = multiline ? lines.slice(first, first + height) : [lines[0] ?? []];
	const cursorLine = multiline ? line - first : 0;

	// Long one-line text scrolls horizontally so that the cursor stays in view.
	const rendered = shown.map((chars, i) => {
		const before = chars.slice(0, i === cursorLine ? column : chars.length);
		let skip = 0;
		while (cellWidth(before.slice(skip).join('')) > width - 1 && skip < before.length) skip++;
		let text = '';
		for (const c of chars.slice(skip)) {
			if (cellWidth(text + c) > width) break;
			text += c;
		}
		return {text, cursorX: cellWidth(before.slice(skip).join(''))};
	});

	useEffect(() => {
		if (!isActive || !origin) return;
		setCursorPosition({x: origin.x + (rendered[cursorLine]?.cursorX ?? 0), y: origin.y + cursorLine});
		return () => setCursorPosition(undefined);
	});

	return (
		<Box flexDirection="column">
			{rendered.map((r, i) => (
				<Text key={i} wrap="truncate">
					{i === cursorLine ? withCursor(r.text, r.cursorX) : r.text || ' '}
				</Text>
			))}
		</Box>
	);
}

/** The text with an inverse block at the cursor (the real cursor is also placed there for IMEs). */
function withCursor(text: string, x: number) {
	let before = '';
	let rest = [...text];
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

/**
 * The state of a text field as a pure reducer over code points (never UTF-16 units), so that
 * a committed IME phrase, a paste, or a held Backspace arriving as one chunk is applied whole
 * and in order (closure-based `setText(text + input)` drops characters in exactly those cases).
 */
export type EditorState = {chars: readonly string[]; cursor: number};

export type EditorAction =
	| {type: 'insert'; text: string; multiline: boolean}
	| {type: 'backspace'}
	| {type: 'delete'}
	| {type: 'left'}
	| {type: 'right'}
	| {type: 'home'}
	| {type: 'end'}
	| {type: 'up'}
	| {type: 'down'}
	| {type: 'set'; text: string};

export function editorFrom(text: string): EditorState {
	const chars = [...text];
	return {chars, cursor: chars.length};
}

export function editorText(state: EditorState): string {
	return state.chars.join('');
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
	const {chars, cursor} = state;
	switch (action.type) {
		case 'insert': {
			// Pasted text brings \r\n or \r line ends; a one-line field turns them into spaces.
			let text = action.text.replace(/\r\n?/g, '\n');
			if (!action.multiline) text = text.replace(/\n/g, ' ');
			// Control characters other than newline and tab are never inserted (no terminal injection).
			// eslint-disable-next-line no-control-regex
			text = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
			const inserted = [...text];
			if (inserted.length === 0) return state;
			return {chars: [...chars.slice(0, cursor), ...inserted, ...chars.slice(cursor)], cursor: cursor + inserted.length};
		}
		case 'backspace':
			if (cursor === 0) return state;
			return {chars: [...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor: cursor - 1};
		case 'delete':
			if (cursor >= chars.length) return state;
			return {chars: [...chars.slice(0, cursor), ...chars.slice(cursor + 1)], cursor};
		case 'left':
			return {chars, cursor: Math.max(0, cursor - 1)};
		case 'right':
			return {chars, cursor: Math.min(chars.length, cursor + 1)};
		case 'home': {
			const start = chars.lastIndexOf('\n', cursor - 1) + 1;
			return {chars, cursor: start};
		}
		case 'end': {
			const next = chars.indexOf('\n', cursor);
			return {chars, cursor: next === -1 ? chars.length : next};
		}
		case 'up':
		case 'down': {
			const lines = linesOf(chars);
			const {line, column} = positionOf(chars, cursor);
			const target = action.type === 'up' ? line - 1 : line + 1;
			if (target < 0 || target >= lines.length) return state;
			let offset = 0;
			for (let i = 0; i < target; i++) offset += lines[i]!.length + 1;
			return {chars, cursor: offset + Math.min(column, lines[target]!.length)};
		}
		case 'set':
			return editorFrom(action.text);
	}
}

export function linesOf(chars: readonly string[]): string[][] {
	const lines: string[][] = [[]];
	for (const c of chars) {
		if (c === '\n') lines.push([]);
		else lines.at(-1)!.push(c);
	}
	return lines;
}

/** Line and column (in code points) of the cursor. */
export function positionOf(chars: readonly string[], cursor: number): {line: number; column: number} {
	let line = 0;
	let column = 0;
	for (let i = 0; i < cursor; i++) {
		if (chars[i] === '\n') {
			line++;
			column = 0;
		} else column++;
	}
	return {line, column};
}

export type InputToken = {type: 'text'; text: string} | {type: 'return'} | {type: 'backspace'} | {type: 'save'};

/**
 * Splits one chunk of terminal input into text, Enter, Backspace and Ctrl+S: a paste, fast
 * typing, a busy moment or a held Backspace gives one chunk ("abc\r", "\x7f\x7f\x7f") that Ink
 * does not split.
 */
export function tokenize(chunk: string): InputToken[] {
	const tokens: InputToken[] = [];
	let text = '';
	const flush = () => {
		if (text) tokens.push({type: 'text', text});
		text = '';
	};
	for (let i = 0; i < chunk.length; i++) {
		const c = chunk[i]!;
		if (c === '\r' || c === '\n') {
			flush();
			if (c === '\r' && chunk[i + 1] === '\n') i++;
			tokens.push({type: 'return'});
		} else if (c === '\x7f' || c === '\b') {
			flush();
			tokens.push({type: 'backspace'});
		} else if (c === '\x13') {
			// Ctrl+S typed right after text arrives in the same chunk as the text.
			flush();
			tokens.push({type: 'save'});
		} else text += c;
	}
	flush();
	return tokens;
}

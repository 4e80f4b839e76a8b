/**
 * A text field as a pure reducer over code points (never UTF-16 units): every key of a burst,
 * a committed IME phrase or a paste is applied in order to the state the previous one left.
 * `selected` marks text proposed as a whole (the export path): typing replaces it, a movement
 * key keeps it and starts editing it.
 */
export type FieldState = {chars: readonly string[]; cursor: number; selected: boolean};

export type FieldAction =
	| {type: 'insert'; text: string; multiline: boolean}
	| {type: 'backspace'}
	| {type: 'delete'}
	| {type: 'left'}
	| {type: 'right'}
	| {type: 'home'}
	| {type: 'end'}
	| {type: 'up'}
	| {type: 'down'}
	/** Ctrl+U: the line before the cursor. */
	| {type: 'kill-before'}
	/** Ctrl+K: the line after the cursor. */
	| {type: 'kill-after'}
	/** Ctrl+W, Alt+Backspace: the word before the cursor. */
	| {type: 'kill-word'};

export function fieldFrom(text: string, options: {selected?: boolean} = {}): FieldState {
	const chars = [...text];
	return {chars, cursor: chars.length, selected: Boolean(options.selected) && chars.length > 0};
}

export function fieldText(state: FieldState): string {
	return state.chars.join('');
}

/** What may be inserted: no control characters but newline (and tab) — no terminal escapes in notes. */
export function insertable(text: string, multiline: boolean): string[] {
	let clean = text.replace(/\r\n?/g, '\n');
	if (!multiline) clean = clean.replace(/\n/g, ' ');
	// eslint-disable-next-line no-control-regex
	clean = clean.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
	return [...clean];
}

export function fieldReducer(state: FieldState, action: FieldAction): FieldState {
	// Selected text is replaced by what is typed and removed by a deleting key.
	if (state.selected) {
		if (action.type === 'insert' || action.type === 'backspace' || action.type === 'delete' || action.type === 'kill-before' || action.type === 'kill-word') {
			const empty = {chars: [], cursor: 0, selected: false};
			return action.type === 'insert' ? fieldReducer(empty, action) : empty;
		}
		state = {...state, selected: false};
	}
	const {chars, cursor} = state;
	const at = (next: readonly string[], position: number): FieldState => ({chars: next, cursor: position, selected: false});
	switch (action.type) {
		case 'insert': {
			const inserted = insertable(action.text, action.multiline);
			if (inserted.length === 0) return state;
			return at([...chars.slice(0, cursor), ...inserted, ...chars.slice(cursor)], cursor + inserted.length);
		}
		case 'backspace':
			return cursor === 0 ? state : at([...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor - 1);
		case 'delete':
			return cursor >= chars.length ? state : at([...chars.slice(0, cursor), ...chars.slice(cursor + 1)], cursor);
		case 'left':
			return at(chars, Math.max(0, cursor - 1));
		case 'right':
			return at(chars, Math.min(chars.length, cursor + 1));
		case 'home':
			return at(chars, lineStart(chars, cursor));
		case 'end':
			return at(chars, lineEnd(chars, cursor));
		case 'kill-before': {
			const start = lineStart(chars, cursor);
			return at([...chars.slice(0, start), ...chars.slice(cursor)], start);
		}
		case 'kill-after':
			return at([...chars.slice(0, cursor), ...chars.slice(lineEnd(chars, cursor))], cursor);
		case 'kill-word': {
			let start = cursor;
			while (start > 0 && /\s/.test(chars[start - 1]!) && chars[start - 1] !== '\n') start--;
			while (start > 0 && !/\s/.test(chars[start - 1]!)) start--;
			return at([...chars.slice(0, start), ...chars.slice(cursor)], start);
		}
		case 'up':
		case 'down': {
			const lines = linesOf(chars);
			const {line, column} = positionOf(chars, cursor);
			const target = action.type === 'up' ? line - 1 : line + 1;
			if (target < 0 || target >= lines.length) return at(chars, cursor);
			let offset = 0;
			for (let i = 0; i < target; i++) offset += lines[i]!.length + 1;
			return at(chars, offset + Math.min(column, lines[target]!.length));
		}
	}
}

// (Array.lastIndexOf takes a negative start as counted from the end: the first line starts at 0.)
const lineStart = (chars: readonly string[], cursor: number) => (cursor === 0 ? 0 : chars.lastIndexOf('\n', cursor - 1) + 1);

function lineEnd(chars: readonly string[], cursor: number): number {
	const next = chars.indexOf('\n', cursor);
	return next === -1 ? chars.length : next;
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

/**
 * One key as the TUI's key table names it: `up`, `enter`, `ctrl+s`, `shift+tab`, `space`, or the
 * character itself (`j`, `N`, `?`). `text` is what a text field inserts for it (printable keys
 * only). A bracketed paste is one event of its own, `paste`, with the pasted text.
 */
export type KeyPress = {name: string; text?: string};

const SEQUENCES: Record<string, string> = {
	'\u001B[A': 'up',
	'\u001B[B': 'down',
	'\u001B[C': 'right',
	'\u001B[D': 'left',
	'\u001BOA': 'up',
	'\u001BOB': 'down',
	'\u001BOC': 'right',
	'\u001BOD': 'left',
	'\u001B[H': 'home',
	'\u001BOH': 'home',
	'\u001B[1~': 'home',
	'\u001B[7~': 'home',
	'\u001B[F': 'end',
	'\u001BOF': 'end',
	'\u001B[4~': 'end',
	'\u001B[8~': 'end',
	'\u001B[5~': 'pageup',
	'\u001B[6~': 'pagedown',
	'\u001B[2~': 'insert',
	'\u001B[3~': 'delete',
	'\u001B[Z': 'shift+tab',
	'\u001B': 'escape',
	'\u001B\u001B': 'escape',
	'\u001B\u007F': 'alt+backspace',
	'\u001B\b': 'alt+backspace',
};

/** CSI modifier parameter (xterm: 1 + shift 1 + alt 2 + ctrl 4) → prefix. */
function modifiers(parameter: number): string {
	const bits = parameter - 1;
	return `${bits & 4 ? 'ctrl+' : ''}${bits & 2 ? 'alt+' : ''}${bits & 1 ? 'shift+' : ''}`;
}

const FINAL: Record<string, string> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end'};
const TILDE: Record<string, string> = {'1': 'home', '2': 'insert', '3': 'delete', '4': 'end', '5': 'pageup', '6': 'pagedown', '7': 'home', '8': 'end'};

/** The key an escape sequence stands for, `unknown` for one we do not bind (F-keys, mouse). */
export function keyOfSequence(sequence: string): KeyPress {
	const known = SEQUENCES[sequence];
	if (known) return {name: known};
	// Modified keys: ESC [ 1 ; 5 A (Ctrl+Up), ESC [ 3 ; 5 ~ (Ctrl+Delete).
	const modified = /^\u001B\[(\d+);(\d+)([A-DHF~])$/.exec(sequence);
	if (modified) {
		const base = modified[3] === '~' ? TILDE[modified[1]!] : FINAL[modified[3]!];
		if (base) return {name: `${modifiers(Number(modified[2]))}${base}`};
	}
	return {name: 'unknown'};
}

/** The key of one control character or printable character (a code point). */
export function keyOfCharacter(char: string): KeyPress {
	switch (char) {
		case '\r':
		case '\n':
			return {name: 'enter'};
		case '\t':
			return {name: 'tab'};
		case '\u007F':
		case '\b':
			return {name: 'backspace'};
		case ' ':
			return {name: 'space', text: ' '};
		case '\u0000':
			return {name: 'ctrl+space'};
	}
	const code = char.codePointAt(0)!;
	// Ctrl+A … Ctrl+Z arrive as 0x01 … 0x1a.
	if (code >= 1 && code <= 26) return {name: `ctrl+${String.fromCharCode(96 + code)}`};
	if (code < 32 || (code >= 0x7f && code <= 0x9f)) return {name: 'unknown'};
	return {name: char, text: char};
}

import {keyOfCharacter, keyOfSequence, type KeyPress} from './key-press.js';

export type InputEvent = KeyPress | {name: 'paste'; text: string};

const PASTE_START = '\u001B[200~';
const PASTE_END = '\u001B[201~';

/**
 * Turns what the terminal sends into keys, in order. Ink 6.8 hands over each stdin chunk cut
 * at escape sequences (`ESC[B`, `ESC[200~`), but a run of plain characters stays one piece:
 * `yn`, `jjj` or `abc\r` typed fast, or over SSH, arrive together. Each character of such a run
 * is a key of its own here. Between `ESC[200~` and `ESC[201~` (bracketed paste, which the TUI
 * turns on) everything is one paste, however many pieces it arrives in. ESC followed by a
 * character (Ink's reading of Alt+key) is Esc, then that key: the TUI binds no Alt keys, and
 * that is what a vim user's fast "Esc, j" is.
 */
export class KeySplitter {
	#paste: string[] | undefined;

	push(piece: string): InputEvent[] {
		if (this.#paste) {
			const end = piece.indexOf(PASTE_END);
			if (end === -1) {
				this.#paste.push(piece);
				return [];
			}
			this.#paste.push(piece.slice(0, end));
			const text = this.#paste.join('');
			this.#paste = undefined;
			return [{name: 'paste', text}, ...this.push(piece.slice(end + PASTE_END.length))];
		}
		if (piece === '') return [];
		const start = piece.indexOf(PASTE_START);
		if (start !== -1) {
			const before = this.push(piece.slice(0, start));
			this.#paste = [];
			return [...before, ...this.push(piece.slice(start + PASTE_START.length))];
		}
		if (piece.startsWith('\u001B')) {
			const known = keyOfSequence(piece);
			if (known.name !== 'unknown') return [known];
			// ESC + one character: Esc, then the character.
			const rest = piece.slice(1);
			if ([...rest].length === 1 && !rest.startsWith('[') && !rest.startsWith('O')) return [{name: 'escape'}, keyOfCharacter(rest)];
			return [known];
		}
		const keys: InputEvent[] = [];
		for (let i = 0; i < piece.length; i++) {
			const char = piece[i]!;
			// \r\n is one Enter (a line end pasted without bracketed paste).
			if (char === '\r' && piece[i + 1] === '\n') i++;
			const code = piece.codePointAt(i)!;
			const whole = code > 0xffff ? piece.slice(i, i + 2) : char;
			if (code > 0xffff) i++;
			keys.push(keyOfCharacter(whole));
		}
		return keys;
	}

	/** A paste still open (its end has not come yet). */
	get pasting(): boolean {
		return this.#paste !== undefined;
	}
}

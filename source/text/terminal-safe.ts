/**
 * The one boundary between text from files and a terminal. A system file's indicator name, an
 * assessor's name or a note can carry escape sequences (ESC]52 writes the clipboard, ESC]0
 * retitles the window, OSC 8 makes hyperlinks, CSI recolours or clears the screen), C1 controls
 * that some terminals take as ESC (0x9B is a CSI), a BEL, or bidi overrides that make text read
 * other than it is. Every such character is shown as a visible code instead, `\u001b`, so that
 * only the program's own styling ever reaches the terminal as a control.
 *
 * The code is a JSON escape on purpose: JSON printed for scripts goes through the same boundary
 * and stays the same JSON (a raw U+202E and the six characters `\u202e` are one string to a
 * parser), while C0 controls never appear raw in JSON text at all. Tab and newline are kept
 * (tables and messages use them); carriage return is not (it rewrites the line it is on).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

export function terminalSafe(text: string): string {
	return text.replace(UNSAFE, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Does the text hold anything the boundary would change? (Tests of raw terminal output use it.) */
export function hasUnsafe(text: string): boolean {
	UNSAFE.lastIndex = 0;
	const found = UNSAFE.test(text);
	UNSAFE.lastIndex = 0;
	return found;
}

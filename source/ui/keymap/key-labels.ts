import type {Binding} from './key-table.js';

/**
 * How keys are written for people: words for the keys that have names (no arrows: ↑ and ←
 * are drawn one or two cells wide depending on the terminal), the character for the rest.
 */
const NAMES: Record<string, string> = {
	up: 'Up',
	down: 'Down',
	left: 'Left',
	right: 'Right',
	enter: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	'shift+tab': 'S-Tab',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	delete: 'Del',
	backspace: 'Bksp',
	space: 'Space',
	'alt+backspace': 'Alt+Bksp',
};

export function keyLabel(name: string): string {
	if (NAMES[name]) return NAMES[name];
	const ctrl = /^ctrl\+(.)$/.exec(name);
	if (ctrl) return `Ctrl+${ctrl[1]!.toUpperCase()}`;
	return name;
}

/** All of a binding's keys, runs of digits shortened: `1-9`, `Up/k`. */
export function keysLabel(keys: readonly string[]): string {
	return keyLabels(keys).join('/');
}

/** A binding's keys as people read them, one by one (a run of digits as one: `1-9`). */
export function keyLabels(keys: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < keys.length; i++) {
		const k = keys[i]!;
		if (/^\d$/.test(k)) {
			let j = i;
			while (j + 1 < keys.length && Number(keys[j + 1]) === Number(keys[j]) + 1) j++;
			if (j - i >= 2) {
				out.push(`${k}-${keys[j]}`);
				i = j;
				continue;
			}
		}
		out.push(keyLabel(k));
	}
	return out;
}

/** The keys the hint bar shows for a binding: the first, or a digit run. */
export function hintKeys(b: Binding): string {
	return /^\d$/.test(b.keys[0]!) ? keysLabel(b.keys) : keyLabel(b.keys[0]!);
}

export const digits = (from: number, to: number) => Array.from({length: to - from + 1}, (_, i) => String(from + i));

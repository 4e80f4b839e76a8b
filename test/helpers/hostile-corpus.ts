import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {repoRoot} from './run-cli.js';

/**
 * Text a hostile colleague can put in any shared file (issue 13): OSC 52 (writes the clipboard),
 * OSC 0/2 (retitle the window), OSC 8 (a hyperlink), CSI (colour, clear screen), C1 CSI (0x9B),
 * DCS and APC strings, BEL, a bidi override and a zero-width joiner.
 */
export const HOSTILE =
	'\u001b]52;c;cm0gLXJmIH4=\u0007' +
	'\u001b]0;pwned\u0007' +
	'\u001b]2;title\u001b\\' +
	'\u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\' +
	'\u001b[31m红\u001b[2J' +
	'\u009b31m' +
	'\u001bPdcs\u001b\\' +
	'\u001b_apc\u001b\\' +
	'\u0007' +
	'\u202etxt.exe' +
	'a\u200db';

/** A name with the corpus inside it, so output can still be matched on its readable part. */
export const hostile = (name: string) => `${name}${HOSTILE}`;

/**
 * Raw terminal output that would act: any ESC, BEL, C1 control, DEL or bidi override. The
 * program's own styling is off in these runs (NO_COLOR), so none may appear at all.
 */
export function controlsIn(output: string): string[] {
	// eslint-disable-next-line no-control-regex
	const found = output.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g) ?? [];
	return [...new Set(found.map(c => `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`))];
}

/** Every text field of a system file made hostile: title, tier labels, names, guides, sources, level labels, units. */
export function hostileSystem(dir: string): string {
	const system = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'team-system.json'), 'utf8'));
	const walk = (value: unknown, key: string): unknown => {
		if (typeof value === 'string') return ['zh', 'en', 'check', 'where', 'met', 'source', 'basis', 'description'].includes(key) ? hostile(value) : value;
		if (Array.isArray(value)) return value.map(v => walk(v, key));
		if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
		return value;
	};
	const file = join(dir, 'hostile-system.json');
	writeFileSync(file, JSON.stringify(walk(system, ''), null, 2));
	const weights = readFileSync(join(repoRoot, 'test', 'fixtures', 'team-system.weights.json'), 'utf8');
	writeFileSync(join(dir, 'hostile-system.weights.json'), weights);
	return file;
}

/**
 * Which Node versions the program supports, and how long Node itself maintains them. The
 * supported ones are exactly package.json's `engines` (a test holds them together) and the
 * ones CI runs the tests on: 20.19+, 22.12+ (from there `require` loads ES modules, which
 * string-width needs) and 24.
 */

/** Node's release lines: end of life of each (nodejs.org/about/previous-releases). */
const END_OF_LIFE: Readonly<Record<number, string>> = {
	18: '2025-04-30',
	19: '2023-06-01',
	20: '2026-04-30',
	21: '2024-06-01',
	22: '2027-04-30',
	23: '2025-06-01',
	24: '2028-04-30',
	25: '2026-06-01',
	26: '2029-04-30',
};

/** The lowest supported version of each supported line; any line above the last is let in. */
export const SUPPORTED_FROM: Readonly<Record<number, [number, number]>> = {20: [19, 0], 22: [12, 0], 24: [0, 0]};
/** The lines CI runs the whole test suite on. */
export const TESTED_LINES = [20, 22, 24] as const;
/** package.json's `engines.node`, as these rules say it. */
export const ENGINES_RANGE = '^20.19.0 || ^22.12.0 || >=24.0.0';

export type NodeSupport = {
	/** ok: supported and maintained; old: supported, but Node no longer fixes it; untested: newer than any tested line; unsupported: the program does not run on it. */
	state: 'ok' | 'old' | 'untested' | 'unsupported';
	line: number;
	/** When Node stops (or stopped) maintaining this line, if known. */
	endOfLife: string | undefined;
};

function parse(version: string): [number, number, number] {
	const [major = 0, minor = 0, patch = 0] = version.replace(/^v/, '').split('.').map(n => Number.parseInt(n, 10) || 0);
	return [major, minor, patch];
}

/** Whether this program runs on a Node version (package.json's `engines`). */
export function isSupported(version: string): boolean {
	const [major, minor] = parse(version);
	const last = Math.max(...Object.keys(SUPPORTED_FROM).map(Number));
	if (major > last) return true;
	const from = SUPPORTED_FROM[major];
	return from !== undefined && (minor > from[0] || (minor === from[0] && parse(version)[2] >= from[1]));
}

/** How well a Node version is supported on a given day (`today`: YYYY-MM-DD). */
export function nodeSupport(version: string, today: string): NodeSupport {
	const [line] = parse(version);
	const endOfLife = END_OF_LIFE[line];
	if (!isSupported(version)) return {state: 'unsupported', line, endOfLife};
	if (endOfLife !== undefined && today >= endOfLife) return {state: 'old', line, endOfLife};
	if (line > Math.max(...TESTED_LINES)) return {state: 'untested', line, endOfLife};
	return {state: 'ok', line, endOfLife};
}

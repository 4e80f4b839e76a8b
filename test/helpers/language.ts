import {readFileSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import {repoRoot} from './run-cli.js';

/**
 * Issue 13, "Neither language leaks into the other": what counts as the other language in a
 * text the program printed, once the values from files (region and indicator names, notes,
 * assessors) are taken out. The string-table test (test/architecture/message-tables.test.ts)
 * holds the tables to the same rules.
 */

export const HAN = /\p{Script=Han}/u;

/**
 * What a Chinese text may hold in Latin letters besides what is taken out (placeholders,
 * quoted or back-quoted text, options, `assess <command>`, paths and file names, environment
 * variables, kebab-case codes): abbreviations, file formats, names of programs and standards.
 */
export const ALLOWED_IN_CHINESE = new Set([
	// File formats, encodings, standards, units.
	'JSON', 'CSV', 'xlsx', 'csv', 'json', 'HTML', 'CSS', 'SVG', 'PDF', 'UTF', 'BOM', 'SHA', 'ISO', 'URL', 'NaN', 'KB', 'MB', 'FIFO',
	// Programs, systems and names.
	'assess', 'git', 'npm', 'npx', 'Node', 'Excel', 'Chromium', 'Chrome', 'Google', 'Debian', 'Ubuntu', 'Windows', 'macOS', 'JavaScript', 'Schema', 'GB',
	// Shells.
	'shell', 'bash', 'zsh', 'fish', 'powershell', 'PowerShell',
	// JSON's literals, and syntax the user types.
	'true', 'false', 'null', 'quote', 'name', 'pass', 'fail', 'zh', 'en',
	// The statistics and their authors.
	'Fleiss', 'Cohen', 'Krippendorff', 'kappa', 'alpha', 'De', 'Vries', 'Gwet',
	// Keys (the TUI's names for them).
	'Enter', 'Esc', 'Tab', 'Ctrl',
	// Catalog codes (SI-0001).
	'SI',
]);

/** Latin words of a Chinese text once codes, names and syntax are taken out. */
export function englishWords(zh: string): string[] {
	const stripped = zh
		// A table of commands or options: the name at the start of a line, then its description.
		.replace(/^\s*[a-z][a-z-]*(?= {2,})/gm, ' ')
		.replace(/\$[\w.[\]"/-]*/g, ' ')
		.replace(/\{[A-Za-z][A-Za-z0-9]*(\|[^{}]*)?\}/g, ' ')
		.replace(/\b[a-z][\w-]*(\|[a-z][\w-]*)+\b/g, ' ')
		.replace(/`[^`]*`/g, ' ')
		.replace(/"[^"]*"/g, ' ')
		.replace(/'[^'\n]*'/g, ' ')
		.replace(/<[^<>\n]*>/g, ' ')
		.replace(/(^|[^\w-])--?[A-Za-z][\w-]*([ =][a-z][\w.]*(\|[a-z][\w.]*)*)?(=\S*)?/g, ' ')
		.replace(/\b[\w]+(-[\w]+)+\b/g, ' ')
		.replace(/\b[a-z]+(\.[a-z]+)+\b/g, ' ')
		.replace(/(^|[^\w])\.[a-z][\w.-]*/g, ' ')
		.replace(/\b(assess|git|npm|npx)\b(\s+[a-z][a-z-]*)*/g, ' ')
		.replace(/\S*[/\\$~]\S*/g, ' ')
		.replace(/\S*\.(json|jsonl|xlsx|csv|html|pdf|lock|bin|png|bashrc|zshrc)\b\S*/g, ' ')
		.replace(/\{[^{}\p{Script=Han}]*\}/gu, ' ')
		.replace(/\{[^{}\p{Script=Han}]*\}/gu, ' ')
		.replace(/\b[A-Z][A-Z0-9_]*=\S*/g, ' ')
		.replace(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g, ' ')
		.replace(/\b[0-9A-Z]{6}\b/g, ' ')
		.replace(/\b[0-9a-f]{8,}\b/g, ' ')
		.replace(/\b(LANG|TERM|CI|PATH|LC_ALL|LC_MESSAGES)\b/g, ' ');
	return (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter(w => !ALLOWED_IN_CHINESE.has(w));
}

/**
 * Every string in a JSON file (names, notes, labels…): text from files, which stays as it is in
 * either language. For a Chinese run, `skipEnglish` leaves out the English names files give
 * (`"en": …`): the program must not show them there.
 */
export function stringsOf(file: string, skipEnglish = false): string[] {
	if (!existsSync(file)) return [];
	const out: string[] = [];
	const walk = (v: unknown) => {
		if (typeof v === 'string') out.push(v);
		else if (Array.isArray(v)) v.forEach(walk);
		else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (!(skipEnglish && k === 'en')) (out.push(k), walk(x));
	};
	try {
		walk(JSON.parse(readFileSync(file, 'utf8')));
	} catch {
		// Not JSON (a broken file on purpose): nothing from it.
	}
	return out;
}

/** The bundled files' text: region names, both systems' names and labels, the catalog's items. */
export const bundledStrings = (skipEnglish = false): string[] => ['regions.json', '2020-province.json', '2020-city.json', 'service-items.json'].flatMap(f => stringsOf(join(repoRoot, 'indicators', f), skipEnglish));

/** A text without the values from files (longest first, so a name inside a longer note goes with it). */
export function withoutData(text: string, data: readonly string[]): string {
	// Only text with Chinese in it: Latin values (JSON keys, codes) would also match our own words.
	const values = [...new Set(data.filter(v => (HAN.test(v) && v.length > 1) || v.startsWith('/')))].sort((a, b) => b.length - a.length);
	let out = text;
	for (const v of values) out = out.split(v).join(' ');
	return out;
}

/** Han in an English text, with some context, once values from files are taken out. */
export function hanIn(text: string, data: readonly string[]): string[] {
	// Lines that show a command as typed (help's examples) hold data as typed (--assessor 张三).
	const clean = withoutData(text, data)
		.split('\n')
		.filter(line => !/^\s*(\$ )?(assess|git)\s/.test(line))
		.join('\n');
	return [...clean.matchAll(/.{0,30}\p{Script=Han}+.{0,30}/gu)].map(m => m[0]);
}

/** English words in a Chinese text, with their line, once values from files are taken out. */
export function englishIn(text: string, data: readonly string[]): string[] {
	const clean = withoutData(text, data);
	// Lines that show a command as typed (help's examples) hold codes and data as typed; JSON
	// shapes in help ({"version", "checks": […]}) run over lines.
	return clean
		.replace(/\{[^{}\p{Script=Han}]*\}/gu, ' ')
		.replace(/\{[^{}\p{Script=Han}]*\}/gu, ' ')
		.split('\n')
		.filter(line => !/^\s*(\$ )?(assess|git)\s/.test(line))
		.flatMap(line => englishWords(line).map(w => `${w}: ${line.trim()}`));
}

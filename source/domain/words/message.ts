import type {Lang} from '../text.js';

/**
 * Messages in both languages, in the gettext spirit: each is authored once as a pair of
 * templates, `{zh, en}`, in a table of its area (a missing translation is a type error), and
 * made into words only where it is shown, in the language the user chose (`say`). Until then
 * it is a value: the storage layer and the domain make messages without knowing the language.
 *
 * Templates:
 *   {name}             a parameter: text from a file or a path as it is, a number, or a message
 *   {n|region|regions} English plurals: the first form when `n` is 1, the second otherwise
 *                      (Chinese has none and writes `{n} 个地区`)
 * Anything else in braces (JSON in a help text, `{"name": …}`) is text.
 */

/** One message in both languages: templates, or plain text where nothing is filled in. */
export type Entry = {readonly zh: string; readonly en: string};

/** What fills a placeholder: words of ours (a message), or text that is the same in every language. */
export type Param = string | number | Message | readonly (string | number | Message)[];

export type Message = {readonly entry: Entry; readonly params: Readonly<Record<string, Param>>};

/** The placeholder names of a template (`{file}`, `{n|…|…}`), at the type level. */
export type Names<S extends string> = S extends `${string}{${infer Body}}${infer Rest}` ? NameOf<Body> | Names<Rest> : never;
type NameOf<B extends string> = B extends `${infer N}|${string}` ? Ident<N> : Ident<B>;
type Ident<N extends string> = N extends '' ? never : N extends `${string}${' ' | '"' | ',' | ':' | '{' | '.' | '…' | '/' | '-' | "'" | '=' | '<' | '>' | '[' | '(' | '*'}${string}` ? never : N;

/** A table entry made callable: its parameters in, a message out. */
export type Speaker<E extends Entry> = [Names<E['en']> | Names<E['zh']>] extends [never] ? () => Message : (params: {readonly [K in Names<E['en']> | Names<E['zh']>]: Param}) => Message;
export type Speakers<T extends Record<string, Entry>> = {readonly [K in keyof T]: Speaker<T[K]>};

/** Every table made, for the string-table test (tests import the modules, then read this). */
export const MESSAGE_TABLES: {area: string; table: Readonly<Record<string, Entry>>}[] = [];

/** A table of one area's messages, each callable with its parameters. */
export function messages<const T extends Record<string, Entry>>(area: string, table: T): Speakers<T> {
	MESSAGE_TABLES.push({area, table});
	// Nothing made per entry at start-up (a thousand of them load with every command): a
	// speaker is made when a message is, which is when there is something to say.
	return new Proxy(table, SPEAK) as unknown as Speakers<T>;
}

const SPEAK: ProxyHandler<Record<string, Entry>> = {
	get: (table, key) => {
		const entry = table[key as string];
		return entry && ((params: Record<string, Param> = {}): Message => ({entry, params}));
	},
};

/** Tables of plain words (no parameters), read with `lang` where they are used: `WORDS.tier[lang]`. */
export function words<const T extends Record<string, Entry>>(area: string, table: T): T {
	MESSAGE_TABLES.push({area, table});
	return table;
}

const TEXT: Entry = {zh: '{text}', en: '{text}'};
const PAIR: Entry = {zh: '{zh}', en: '{en}'};
const LIST: Entry = {zh: '{items}', en: '{items}'};
const LINES: Entry = {zh: '{lines}', en: '{lines}'};

/** Text that is the same in both languages (a path, a value from a file, a code). */
export const verbatim = (text: string): Message => ({entry: TEXT, params: {text}});

/** Text made elsewhere in both languages (a domain function that already takes a language). */
export const pair = (zh: string, en: string): Message => ({entry: PAIR, params: {zh, en}});

/** Text made by a function of the language: computed now, for both. */
export const both = (make: (lang: Lang) => string): Message => pair(make('zh'), make('en'));

/** Items joined as a list: `a, b, c` in English, `a、b、c` in Chinese. */
export const list = (items: readonly (string | number | Message)[]): Message => ({entry: LIST, params: {items}});

/** Messages one per line. */
export const lines = (items: readonly (string | Message)[]): Message => ({entry: LINES, params: {lines: items}});

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)(?:\|([^{}]*))?\}/g;

/** A message in words of one language. */
export function say(lang: Lang, message: Message | string): string {
	if (typeof message === 'string') return message;
	const {entry, params} = message;
	if (entry === LINES) return (params.lines as readonly (string | Message)[]).map(m => say(lang, m)).join('\n');
	if (entry === LIST) return (params.items as readonly (string | number | Message)[]).map(p => paramText(lang, p)).join(lang === 'zh' ? '、' : ', ');
	return entry[lang].replace(PLACEHOLDER, (whole, name: string, forms: string | undefined) => {
		if (!Object.hasOwn(params, name)) return whole;
		const value = params[name]!;
		if (forms === undefined) return paramText(lang, value);
		const [one = '', other = one] = forms.split('|');
		return value === 1 ? one : other;
	});
}

function paramText(lang: Lang, value: Param): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (Array.isArray(value)) return say(lang, list(value));
	return say(lang, value as Message);
}

/**
 * A text another module words in English only (and may not change: its words are data there),
 * read back as the message of a table whose English template it fits: the gettext way, the
 * English words as the key. Parameters are read back too, and themselves recognised.
 */
export function recognise(text: string, entries: readonly Entry[]): Message | undefined {
	for (const entry of entries) {
		const match = templatePattern(entry.en).exec(text);
		if (!match) continue;
		const params: Record<string, Param> = {};
		for (const [name, value] of Object.entries(match.groups ?? {})) {
			if (value === undefined) continue;
			params[name] = /^\d+$/.test(value) ? Number(value) : (recognise(value, entries) ?? value);
		}
		return {entry, params};
	}
	return undefined;
}

const patterns = new Map<string, RegExp>();
function templatePattern(template: string): RegExp {
	let pattern = patterns.get(template);
	if (pattern) return pattern;
	const seen = new Set<string>();
	let source = '';
	let last = 0;
	for (const m of template.matchAll(PLACEHOLDER)) {
		source += escape(template.slice(last, m.index));
		const name = m[1]!;
		if (m[2] !== undefined) source += `(?:${m[2].split('|').map(escape).join('|')})`;
		else if (seen.has(name)) source += `\\k<${name}>`;
		else {
			seen.add(name);
			source += `(?<${name}>[\\s\\S]+?)`;
		}
		last = m.index! + m[0].length;
	}
	source += escape(template.slice(last));
	pattern = new RegExp(`^${source}$`);
	patterns.set(template, pattern);
	return pattern;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Is this value a message (not a plain string)? */
export const isMessage = (value: unknown): value is Message => typeof value === 'object' && value !== null && 'entry' in value && 'params' in value;

/** The placeholder names a template uses (the string-table test compares the two languages'). */
export function placeholders(template: string): string[] {
	return [...new Set([...template.matchAll(PLACEHOLDER)].map(m => m[1]!))].sort();
}

import type {Lang} from '../domain/text.js';

/** The operating system's locale where no variable names one (Windows sets no LANG): what Intl was given. */
export const osLocale = (): string => {
	try {
		return Intl.DateTimeFormat().resolvedOptions().locale;
	} catch {
		return '';
	}
};

/**
 * The language of every word the program says (the CLI's help, messages, tables; the TUI):
 * `--lang`, else the locale as POSIX orders it (LC_ALL, then LC_MESSAGES, then LANG), else the
 * operating system's locale (Windows, where LANG is usually unset); Chinese for any `zh…`,
 * English otherwise. The one place that decides it.
 */
export function langFrom(arg: string | undefined, env: NodeJS.ProcessEnv, os: () => string = osLocale): Lang {
	if (arg === 'zh' || arg === 'en') return arg;
	const locale = localeOf(env) || os();
	return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** The locale the environment names, and which variable names it (for `assess doctor`). */
export function localeOf(env: NodeJS.ProcessEnv): string {
	return env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
}

/**
 * `--lang` as the command line gives it, wherever it is (`--lang en`, `--lang=en`), before the
 * command reads its arguments: help, usage errors and the language's own error follow it too.
 * Only arguments before a `--` count.
 */
export function langArgument(argv: readonly string[]): string | undefined {
	let found: string | undefined;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--') break;
		if (a === '--lang') found = argv[++i] ?? '';
		else if (a.startsWith('--lang=')) found = a.slice('--lang='.length);
	}
	return found;
}

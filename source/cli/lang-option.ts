import type {Lang} from '../domain/text.js';

/** The language of messages and the TUI: --lang, else the locale (zh_CN… → Chinese), else English. */
export function langFrom(arg: string | undefined, env: NodeJS.ProcessEnv): Lang {
	if (arg === 'zh' || arg === 'en') return arg;
	const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
	return /^zh/i.test(locale) ? 'zh' : 'en';
}

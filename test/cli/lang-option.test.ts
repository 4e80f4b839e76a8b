import {describe, it, expect} from 'vitest';
import {langFrom, langArgument, localeOf} from '../../source/cli/lang-option.js';

/**
 * Issue 13: one function decides the language of every word the program says (the CLI and the
 * TUI): --lang, else the locale as POSIX orders it, else the operating system's locale (Windows
 * sets no LANG; Node's Intl knows the system's).
 */
describe('the language: --lang, the locale, the system (langFrom)', () => {
	const windowsChinese = () => 'zh-CN';
	const windowsEnglish = () => 'en-US';

	it('--lang wins over everything', () => {
		expect(langFrom('en', {LANG: 'zh_CN.UTF-8'}, windowsChinese)).toBe('en');
		expect(langFrom('zh', {LC_ALL: 'C'}, windowsEnglish)).toBe('zh');
	});

	it('LC_ALL, then LC_MESSAGES, then LANG', () => {
		expect(langFrom(undefined, {LC_ALL: 'C.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8'})).toBe('en');
		expect(langFrom(undefined, {LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8'})).toBe('zh');
		expect(langFrom(undefined, {LANG: 'zh_CN.GB18030'})).toBe('zh');
		expect(langFrom(undefined, {LANG: 'en_GB.UTF-8'}, windowsChinese)).toBe('en');
		// An empty variable is no variable.
		expect(langFrom(undefined, {LC_ALL: '', LANG: 'zh_CN.UTF-8'})).toBe('zh');
	});

	it('on Windows (no LANG), the system locale through Intl', () => {
		expect(langFrom(undefined, {}, windowsChinese)).toBe('zh');
		expect(langFrom(undefined, {}, () => 'zh-Hans-CN')).toBe('zh');
		expect(langFrom(undefined, {}, windowsEnglish)).toBe('en');
		expect(langFrom(undefined, {}, () => '')).toBe('en');
		expect(localeOf({})).toBe('');
	});

	it('--lang as the command line gives it, wherever it is', () => {
		expect(langArgument(['score', 'ws.json', '--lang', 'en'])).toBe('en');
		expect(langArgument(['--lang=zh', 'score'])).toBe('zh');
		expect(langArgument(['score', '--', '--lang', 'en'])).toBeUndefined();
		expect(langArgument(['score', '--lang'])).toBe('');
	});
});

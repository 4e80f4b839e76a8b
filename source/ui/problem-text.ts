import type {Lang} from '../domain/text.js';
import {fsProblem} from '../storage/fs-errors.js';
import {UserError, formatIssue} from '../storage/user-error.js';
import {say} from '../domain/words/message.js';
import type {Issue} from '../domain/issues.js';

/**
 * Why something failed, as the TUI says it, in the user's language: a system error (ENOTDIR,
 * EACCES …) in words with its path, the code kept only in brackets; a UserError's issues (file,
 * place, problem) as its messages say them; any other error as its message.
 */
export function problemText(lang: Lang, error: unknown): string {
	const e = error as (NodeJS.ErrnoException & {path?: string}) | undefined;
	const code = e?.code;
	if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && error instanceof Error && error.message.startsWith(`${code}:`)) {
		const path = e?.path ? `${e.path}: ` : '';
		const words = say(lang, fsProblem(error));
		// fsProblem words an unknown code as the system's English (or 系统错误（CODE）): said once, with the code.
		if (words === error.message) return `${path}${lang === 'zh' ? '系统错误' : 'system error'} (${code})`;
		return words.includes(code) ? `${path}${words}` : `${path}${words} (${code})`;
	}
	if (error instanceof UserError) return error.issues.map(i => formatIssue(i, lang)).join('\n');
	return error instanceof Error ? error.message : String(error);
}

/** A problem the domain found (a value that does not parse, a finding a file would refuse), in the user's language. */
export const issueText = (lang: Lang, issue: Issue): string => say(lang, issue.said);

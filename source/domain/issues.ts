import {say, type Message} from './words/message.js';

/**
 * A problem found in a file or an input: where it is (a JSON path) and what is wrong, for a
 * person to act on. `said` is the message in both languages, put into words where it is shown;
 * `message` is its English words, for callers that show one language only.
 */
export type Issue = {
	path: readonly (string | number)[];
	message: string;
	said: Message;
};

/** An issue at a place, saying a message. */
export const issue = (path: readonly (string | number)[], said: Message): Issue => ({path, message: say('en', said), said});

/** `$.indicators[0].children[2].rule` — the place in a file, as editors and jq show it. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
	let out = '$';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
		else out += `[${JSON.stringify(String(part))}]`;
	}
	return out;
}

/** A result that is either a value or the issues that stopped it. */
export type Result<T> = {ok: true; value: T} | {ok: false; issues: Issue[]};

export const ok = <T>(value: T): Result<T> => ({ok: true, value});
export const fail = <T = never>(...issues: Issue[]): Result<T> => ({ok: false, issues});

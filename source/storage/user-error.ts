import {formatPath, type Issue} from '../domain/issues.js';
import {say, verbatim, messages, isMessage, type Message, type Param} from '../domain/words/message.js';
import type {Lang} from '../domain/text.js';

/** A problem with one file, at one place in it, in words a person can act on (either language). */
export type FileIssue = {
	/** The file as the user named it (or an option, `--lang`, or a command, `assess record`). */
	file: string;
	/** `line 3, column 7` or `$.indicators[0].rule`; empty when it concerns the whole file. */
	place: string | Message;
	problem: Message;
};

const M = messages('user-error', {
	more: {zh: '…另有 {n} 个问题', en: '… and {n} more {n|problem|problems}'},
});

/**
 * A failure caused by the user's input (a file, an argument), not by the program: the CLI
 * prints its issues in the user's language and exits 2; the TUI shows them. Never carries a
 * stack trace to the user. Its `message` is the English words.
 */
export class UserError extends Error {
	readonly issues: readonly FileIssue[];
	readonly exitCode: number;

	constructor(issues: readonly FileIssue[], exitCode = 2) {
		super(issues.map(i => formatIssue(i, 'en')).join('\n'));
		this.name = 'UserError';
		this.issues = issues;
		this.exitCode = exitCode;
	}

	/** One problem with one file. A plain string is text in one language only (the TUI's, for now). */
	static of(file: string, problem: Message | string, place: Message | string = ''): UserError {
		return new UserError([{file, place, problem: isMessage(problem) ? problem : verbatim(problem)}]);
	}

	/**
	 * The same error, naming `to` wherever it named `from` (a real path, shown as the user typed
	 * it): as the file, and in the words (`assess unlock <file>`, `<file>.lock`).
	 */
	named(from: string, to: string): UserError {
		if (from === to) return this;
		const same = Object.create(Object.getPrototypeOf(this)) as UserError;
		Object.assign(same, this, {issues: this.issues.map(i => ({file: renamed(i.file, from, to), place: i.place, problem: renamedIn(i.problem, from, to)}))});
		Object.defineProperty(same, 'message', {value: same.issues.map(i => formatIssue(i, 'en')).join('\n'), writable: true, configurable: true});
		return same;
	}

	/** The same error with every issue's problem put inside another message (`cannot be added as evidence: {problem}`). */
	within(wrap: (problem: Message) => Message): UserError {
		return new UserError(
			this.issues.map(i => ({...i, problem: wrap(i.problem)})),
			this.exitCode,
		);
	}

	static fromIssues(file: string, issues: readonly Issue[], limit = 20): UserError {
		const shown: FileIssue[] = issues.slice(0, limit).map(i => ({file, place: i.path.length ? formatPath(i.path) : '', problem: i.said ?? verbatim(i.message)}));
		if (issues.length > limit) shown.push({file, place: '', problem: M.more({n: issues.length - limit})});
		return new UserError(shown);
	}
}

/** A path named `from`, or a file beside it (`from.lock`, `from~`), named after `to` instead. */
function renamed(text: string, from: string, to: string): string {
	if (text === from) return to;
	if (text.startsWith(from) && /^[.~]/.test(text.slice(from.length))) return to + text.slice(from.length);
	return text;
}

function renamedIn(message: Message, from: string, to: string): Message {
	const params: Record<string, Param> = {};
	for (const [name, value] of Object.entries(message.params)) params[name] = renamedParam(value, from, to);
	return {entry: message.entry, params};
}

function renamedParam(value: Param, from: string, to: string): Param {
	if (typeof value === 'string') return renamed(value, from, to);
	if (typeof value === 'number') return value;
	if (Array.isArray(value)) return value.map(v => renamedParam(v, from, to) as string | number | Message);
	return renamedIn(value as Message, from, to);
}

/** `file: place: problem`, in one language. */
export function formatIssue(issue: FileIssue, lang: Lang): string {
	const place = say(lang, issue.place);
	const problem = say(lang, issue.problem);
	return place ? `${issue.file}: ${place}: ${problem}` : `${issue.file}: ${problem}`;
}

/** The first issue's problem in one language (for a warning that quotes it). */
export const firstProblem = (error: UserError): Message => error.issues[0]?.problem ?? verbatim('');

/** Does the error say exactly this (the first issue, by its table entry)? */
export const says = (error: unknown, message: Message): boolean => error instanceof UserError && error.issues[0]?.problem.entry === message.entry;

export function isUserError(error: unknown): error is UserError {
	return error instanceof UserError;
}

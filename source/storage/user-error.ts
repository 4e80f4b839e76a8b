import {formatPath, type Issue} from '../domain/issues.js';

/** A problem with one file, at one place in it, in words a person can act on. */
export type FileIssue = {
	file: string;
	/** `line 3, column 7` or `$.indicators[0].rule`; empty when it concerns the whole file. */
	place: string;
	problem: string;
};

/**
 * A failure caused by the user's input (a file, an argument), not by the program: the CLI
 * prints its issues and exits 2; the TUI shows them. Never carries a stack trace to the user.
 */
export class UserError extends Error {
	readonly issues: readonly FileIssue[];
	readonly exitCode: number;

	constructor(issues: readonly FileIssue[], exitCode = 2) {
		super(issues.map(formatIssue).join('\n'));
		this.name = 'UserError';
		this.issues = issues;
		this.exitCode = exitCode;
	}

	static of(file: string, problem: string, place = ''): UserError {
		return new UserError([{file, place, problem}]);
	}

	/** The same error, naming `to` wherever it named `from` (a real path, shown as the user typed it). */
	named(from: string, to: string): UserError {
		if (from === to || !this.issues.some(i => i.file === from)) return this;
		return new UserError(
			this.issues.map(i => (i.file === from ? {...i, file: to} : i)),
			this.exitCode,
		);
	}

	static fromIssues(file: string, issues: readonly Issue[], limit = 20): UserError {
		const shown = issues.slice(0, limit).map(i => ({file, place: i.path.length ? formatPath(i.path) : '', problem: i.message}));
		if (issues.length > limit) shown.push({file, place: '', problem: `… and ${issues.length - limit} more problems`});
		return new UserError(shown);
	}
}

export function formatIssue(issue: FileIssue): string {
	return issue.place ? `${issue.file}: ${issue.place}: ${issue.problem}` : `${issue.file}: ${issue.problem}`;
}

export function isUserError(error: unknown): error is UserError {
	return error instanceof UserError;
}

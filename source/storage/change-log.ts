import {openSync, closeSync, fstatSync, readSync, writeSync, fdatasyncSync, lstatSync, constants} from 'node:fs';
import {isUtf8} from 'node:buffer';
import {changeLine, checkChangeEntry, type ChangeEntry} from '../domain/audit/change-entry.js';
import {readRegularFile, describeKind} from './safe-read.js';
import {writeFileDurably} from './durable-json-file.js';
import {describeFsError} from './fs-errors.js';
import {UserError} from './user-error.js';
import type {Workspace} from '../domain/workspace/workspace-schema.js';
import {recoveredChanges} from '../domain/audit/workspace-changes.js';
import {byTime} from '../domain/audit/describe-change.js';

/**
 * The audit trail of a workspace: `<workspace>.changes.jsonl` beside its real file, one change
 * a line (see `ChangeEntry`). Append-only, so each save adds a few lines instead of rewriting
 * a growing history inside the workspace, and git can unite two branches' logs line by line
 * (`*.changes.jsonl merge=union`). Lines are written after the workspace is on disk: a crash
 * between the two loses the entries (`assess log` recovers them from the findings' histories),
 * never logs a change that did not land.
 */
export const changeLogOf = (workspaceRealPath: string) => `${workspaceRealPath}.changes.jsonl`;

/** A log larger than this is refused (a season of a full team's work is a few tens of MB). */
export const MAX_LOG_BYTES = 256 * 1024 * 1024;

const APPEND_FLAGS = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** What is wrong with the path of a log before it is touched: a symbolic link, or not a plain file. */
function refusal(file: string): string | undefined {
	let stat;
	try {
		stat = lstatSync(file);
	} catch {
		return undefined;
	}
	if (stat.isSymbolicLink()) return 'is a symbolic link; a change log is never read or written through one';
	if (!stat.isFile()) return `is ${describeKind(stat)}, not a regular file`;
	return undefined;
}

/**
 * Appends entries to a log, durably (fdatasync), each on a line of its own: a line a crash cut
 * off is ended first, so it stays one bad line and the new entries stay whole.
 */
export function appendChanges(file: string, entries: readonly ChangeEntry[]): void {
	if (entries.length === 0) return;
	const refused = refusal(file);
	if (refused) throw UserError.of(file, `${refused}; the changes were not logged`);
	let fd: number;
	try {
		fd = openSync(file, APPEND_FLAGS, 0o644);
	} catch (error) {
		throw UserError.of(file, `cannot be written: ${describeFsError(error)}; the changes were not logged`);
	}
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) throw UserError.of(file, `is ${describeKind(stat)}, not a regular file; the changes were not logged`);
		let text = entries.map(changeLine).join('\n') + '\n';
		if (stat.size > 0) {
			const last = Buffer.alloc(1);
			readSync(fd, last, 0, 1, stat.size - 1);
			if (last[0] !== 0x0a) text = '\n' + text;
		}
		writeSync(fd, text);
		fdatasyncSync(fd);
	} catch (error) {
		if (error instanceof UserError) throw error;
		throw UserError.of(file, `could not be written: ${describeFsError(error)}; the changes were not logged`);
	} finally {
		closeSync(fd);
	}
}

/** A line of a log that is not a change: where, and why. */
export type LogProblem = {line: number; problem: string};

export type ReadLog = {
	/** Every entry once (the first line with its id), in the order of the file. */
	entries: ChangeEntry[];
	/** Lines that are not entries (skipped): a line cut off by a crash, an edit gone wrong. */
	problems: LogProblem[];
	/** The log's bytes, for a merge that unites logs (see `unionLogs`). */
	bytes: Buffer;
};

/** Reads a log: a regular file, never through a symbolic link, bounded; a missing log is empty. */
export function readChangeLog(file: string): ReadLog {
	const refused = refusal(file);
	if (refused) throw UserError.of(file, `${refused}; it was not read`);
	let bytes: Buffer;
	try {
		bytes = readRegularFile(file, MAX_LOG_BYTES);
	} catch (error) {
		if (error instanceof UserError && error.issues[0]?.problem === 'does not exist') return {entries: [], problems: [], bytes: Buffer.alloc(0)};
		throw error;
	}
	return parseLog(file, bytes);
}

function parseLog(file: string, bytes: Buffer): ReadLog {
	if (!isUtf8(bytes)) throw UserError.of(file, 'is not valid UTF-8 text; it was not read');
	const entries: ChangeEntry[] = [];
	const problems: LogProblem[] = [];
	const ids = new Set<string>();
	lines(bytes.toString('utf8'), (line, n, last) => {
		const parsed = parseLine(line);
		if (typeof parsed === 'string') {
			problems.push({line: n, problem: last && !line.endsWith('}') ? `${parsed} (cut off: a save that was interrupted?)` : parsed});
			return;
		}
		if (ids.has(parsed.id)) return;
		ids.add(parsed.id);
		entries.push(parsed);
	});
	return {entries, problems, bytes};
}

function parseLine(line: string): ChangeEntry | string {
	let raw: unknown;
	try {
		raw = JSON.parse(line);
	} catch {
		return 'not a JSON line';
	}
	const checked = checkChangeEntry(raw);
	return typeof checked === 'string' ? `not a change: ${checked}` : checked;
}

/** Calls `each` for every non-empty line (1-based numbers; `last` for a final line with no newline). */
function lines(text: string, each: (line: string, n: number, last: boolean) => void): void {
	let start = 0;
	let n = 0;
	while (start < text.length) {
		const end = text.indexOf('\n', start);
		n++;
		const stop = end < 0 ? text.length : end;
		const line = text.slice(start, stop).trim();
		if (line) each(line, n, end < 0);
		start = stop + 1;
	}
}

/** The logs of a merge's inputs (see `readLogsForMerge`) as one: every valid entry once, in the order read. Problems name the log and line. */
export function unionLogs(logs: readonly {file: string; log: ReadLog}[]): {lines: string[]; ids: Set<string>; problems: {file: string; line: number; problem: string}[]} {
	const out: string[] = [];
	const ids = new Set<string>();
	const problems: {file: string; line: number; problem: string}[] = [];
	for (const {file, log} of logs) {
		for (const p of log.problems) problems.push({file, ...p});
		for (const e of log.entries) {
			if (ids.has(e.id)) continue;
			ids.add(e.id);
			out.push(changeLine(e));
		}
	}
	return {lines: out, ids, problems};
}

/**
 * Reads the logs of a merge's inputs cheaply. Logs of one team share most of their lines (each
 * began as a copy of the same file): the lines a log shares, byte for byte, with the first log
 * read are that log's, already checked; only the rest is parsed and checked, so uniting 30 logs
 * costs about one. A log that cannot be read is left out with a warning (the merge goes on).
 */
export function readLogsForMerge(files: readonly string[]): {logs: {file: string; log: ReadLog}[]; warnings: string[]} {
	const logs: {file: string; log: ReadLog}[] = [];
	const warnings: string[] = [];
	let base: ReadLog | undefined;
	for (const file of files) {
		const refused = refusal(file);
		if (refused) {
			warnings.push(`${file} ${refused}; its changes were not taken into the merged log`);
			continue;
		}
		let bytes: Buffer;
		try {
			bytes = readRegularFile(file, MAX_LOG_BYTES);
		} catch (error) {
			if (error instanceof UserError && error.issues[0]?.problem === 'does not exist') continue;
			if (error instanceof UserError) {
				warnings.push(`${error.issues[0]?.file ?? file} ${error.issues[0]?.problem ?? 'cannot be read'}; its changes were not taken into the merged log`);
				continue;
			}
			throw error;
		}
		if (!base) {
			try {
				base = parseLog(file, bytes);
			} catch (error) {
				if (!(error instanceof UserError)) throw error;
				warnings.push(`${file} ${error.issues[0]?.problem}`);
				continue;
			}
			logs.push({file, log: base});
			continue;
		}
		const shared = sharedLines(base.bytes, bytes);
		try {
			const rest = parseLog(file, bytes.subarray(shared));
			const skipped = countLines(bytes.subarray(0, shared));
			logs.push({file, log: {...rest, problems: rest.problems.map(p => ({...p, line: p.line + skipped})), bytes}});
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			warnings.push(`${file} ${error.issues[0]?.problem}`);
		}
	}
	return {logs, warnings};
}

function countLines(bytes: Buffer): number {
	let n = 0;
	for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) n++;
	return n;
}

/** How many bytes at the start of `b` are whole lines that `a` starts with too. */
function sharedLines(a: Buffer, b: Buffer): number {
	const n = Math.min(a.length, b.length);
	let same = 0;
	const CHUNK = 1 << 16;
	while (same < n) {
		const end = Math.min(n, same + CHUNK);
		if (a.subarray(same, end).equals(b.subarray(same, end))) {
			same = end;
			continue;
		}
		while (same < end && a[same] === b[same]) same++;
		break;
	}
	// Back to the end of the last whole line both hold.
	if (same === b.length && (same === 0 || b[same - 1] === 0x0a)) return same;
	const newline = b.lastIndexOf(0x0a, same - 1);
	return newline < 0 ? 0 : newline + 1;
}

/** Writes a whole log (a merge's output): atomically, like every file we write. */
export async function writeChangeLog(file: string, lines: readonly string[]): Promise<void> {
	const refused = refusal(file);
	if (refused) throw UserError.of(file, `${refused}; the merged changes were not logged`);
	await writeFileDurably(file, lines.length ? lines.join('\n') + '\n' : '', {keepPrevious: false});
}

/** A log beside a workspace that does not exist (yet): not ours to write over or into. */
export function strayLogProblem(workspaceFile: string): string | undefined {
	const log = changeLogOf(workspaceFile);
	try {
		lstatSync(log);
	} catch {
		return undefined;
	}
	return `${log} already exists, beside no workspace; it is the change log of an earlier file of this name (move it away, or choose another name); nothing was written`;
}

/** A workspace's whole audit trail: what its log holds, and what it lacks recovered from the workspace. */
export type AuditTrail = {
	/** The log's path. */
	file: string;
	/** Every change in time order; recovered ones have `via: 'history'`. */
	entries: ChangeEntry[];
	problems: LogProblem[];
	/** How many of the entries were recovered from the workspace (not in the log). */
	recovered: number;
};

/** Reads the log of a workspace (at its real path) and fills in what it lacks from the workspace itself. */
export function auditTrailOf(workspaceRealPath: string, ws: Workspace): AuditTrail {
	const file = changeLogOf(workspaceRealPath);
	const log = readChangeLog(file);
	const recovered = recoveredChanges(ws, log.entries);
	return {file, entries: byTime([...log.entries, ...recovered]), problems: log.problems, recovered: recovered.length};
}

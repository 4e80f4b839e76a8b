import {lstatSync, constants} from 'node:fs';
import {open} from 'node:fs/promises';
import {isUtf8} from 'node:buffer';
import {changeLine, checkChangeEntry, type ChangeEntry} from '../domain/audit/change-entry.js';
import {readRegularFile, describeKind, type Scratch} from './safe-read.js';
import {writeFileDurably} from './durable-json-file.js';
import {fsProblem, saysNotFound} from './fs-errors.js';
import {UserError, firstProblem} from './user-error.js';
import {messages, type Message} from '../domain/words/message.js';
import {sha256} from '../domain/canonical-json.js';
import type {ValidationCache} from './validation-cache.js';
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

const M = messages('storage/change-log', {
	symlink: {zh: '是符号链接；变更记录从不经由符号链接读写', en: 'is a symbolic link; a change log is never read or written through one'},
	notRegular: {zh: '是{kind}，不是普通文件', en: 'is {kind}, not a regular file'},
	notLogged: {zh: '{problem}；这些变更未记入变更记录', en: '{problem}; the changes were not logged'},
	mergedNotLogged: {zh: '{problem}；合并后的变更未记入变更记录', en: '{problem}; the merged changes were not logged'},
	notRead: {zh: '{problem}；未读取', en: '{problem}; it was not read'},
	cannotWrite: {zh: '无法写入：{problem}', en: 'cannot be written: {problem}'},
	couldNotWrite: {zh: '写入失败：{problem}', en: 'could not be written: {problem}'},
	notUtf8: {zh: '不是有效的 UTF-8 文本', en: 'is not valid UTF-8 text'},
	cannotBeRead: {zh: '无法读取', en: 'cannot be read'},
	leftOut: {zh: '{file} {problem}；其中的变更未并入合并后的变更记录', en: '{file} {problem}; its changes were not taken into the merged log'},
	stray: {zh: '{log} 已存在，但旁边没有工作区：它是先前同名文件的变更记录（请将它移走，或换一个名称）；未写入任何内容', en: '{log} already exists, beside no workspace; it is the change log of an earlier file of this name (move it away, or choose another name); nothing was written'},
});

/** A log larger than this is refused (a season of a full team's work is a few tens of MB). */
export const MAX_LOG_BYTES = 256 * 1024 * 1024;

const APPEND_FLAGS = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** What is wrong with the path of a log before it is touched: a symbolic link, or not a plain file. */
export function refusal(file: string): Message | undefined {
	let stat;
	try {
		stat = lstatSync(file);
	} catch {
		return undefined;
	}
	if (stat.isSymbolicLink()) return M.symlink();
	if (!stat.isFile()) return M.notRegular({kind: describeKind(stat)});
	return undefined;
}

/**
 * Appends entries to a log, durably (fdatasync), each on a line of its own: a line a crash cut
 * off is ended first, so it stays one bad line and the new entries stay whole. Asynchronous: a
 * save in the TUI does not make the keyboard wait while the disk syncs.
 */
export async function appendChanges(file: string, entries: readonly ChangeEntry[]): Promise<void> {
	if (entries.length === 0) return;
	await appendText(file, Buffer.from(entries.map(changeLine).join('\n') + '\n'));
}

/**
 * Appends runs of lines already checked (what a merge's union adds) to a log, as `appendChanges`
 * does: written piece by piece (they may be read from a file as they go), synced once.
 */
export async function appendLines(file: string, pieces: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> {
	await appendText(file, pieces);
}

async function appendText(file: string, text: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> {
	const refused = refusal(file);
	if (refused) throw UserError.of(file, M.notLogged({problem: refused}));
	let handle;
	try {
		handle = await open(file, APPEND_FLAGS, 0o644);
	} catch (error) {
		throw UserError.of(file, M.notLogged({problem: M.cannotWrite({problem: fsProblem(error)})}));
	}
	try {
		const stat = await handle.stat();
		if (!stat.isFile()) throw UserError.of(file, M.notLogged({problem: M.notRegular({kind: describeKind(stat)})}));
		if (stat.size > 0) {
			const last = Buffer.alloc(1);
			await handle.read(last, 0, 1, stat.size - 1);
			if (last[0] !== 0x0a) await handle.write(NEWLINE);
		}
		if (text instanceof Uint8Array) await handle.write(text);
		else for await (const piece of text) if (piece.length) await handle.write(piece);
		await handle.datasync();
	} catch (error) {
		if (error instanceof UserError) throw error;
		throw UserError.of(file, M.notLogged({problem: M.couldNotWrite({problem: fsProblem(error)})}));
	} finally {
		await handle.close();
	}
}

/** A line of a log that is not a change: where, and why. */
export type LogProblem = {line: number; problem: string};

export type ReadLog = {
	/** Every entry once (the first line with its id), in the order of the file. */
	entries: ChangeEntry[];
	/** Lines that are not entries (skipped): a line cut off by a crash, an edit gone wrong. */
	problems: LogProblem[];
};

/** Reads a log: a regular file, never through a symbolic link, bounded; a missing log is empty. */
export function readChangeLog(file: string): ReadLog {
	const refused = refusal(file);
	if (refused) throw UserError.of(file, M.notRead({problem: refused}));
	let bytes: Buffer;
	try {
		bytes = readRegularFile(file, MAX_LOG_BYTES);
	} catch (error) {
		if (saysNotFound(error)) return {entries: [], problems: []};
		throw error;
	}
	return parseChangeLog(file, bytes);
}

/** A log's bytes as entries and problems (what `readChangeLog` does once the file is read). */
export function parseChangeLog(file: string, bytes: Buffer): ReadLog {
	if (!isUtf8(bytes)) throw UserError.of(file, M.notRead({problem: M.notUtf8()}));
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
	return {entries, problems};
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

/**
 * Where a union's runs of lines go as they are found (instead of being kept): a run of whole
 * lines (UTF-8, each ending with a newline), valid only during the call; `ofFirst` for the
 * first log's own lines, the rest being what the others add to it.
 */
export type LineSink = (run: Buffer, ofFirst: boolean) => void;

/** What the logs of a merge's inputs come to: every valid line once, as it was written. */
export type UnitedLogs = {
	/**
	 * The lines, in runs of whole lines each ending with a newline (UTF-8), in the order read:
	 * the first log's (one run when it is all valid), then what each other log adds. Empty when
	 * the runs went to a sink.
	 */
	chunks: Buffer[];
	/** How many of the chunks are the first log's: the rest is what the others add to it. */
	first: number;
	ids: Set<string>;
	/** Lines that are not entries (left out), by log and line. */
	problems: {file: string; line: number; problem: string}[];
	/** Logs left out whole (a symbolic link, not a regular file, too big, not UTF-8). */
	warnings: Message[];
};

/** What a log's validation is remembered against in the validation cache. */
const LOG_CONTEXT = sha256('assess/change-log 1');

/**
 * Unites the logs of a merge's inputs, cheaply in time and memory. Logs of one team share most
 * of their lines (each began as a copy of the same file): the lines a log shares, byte for byte,
 * with the first log read are that log's, already checked; only the rest is looked at, and a
 * line whose id is already in is not even parsed. The first log's bytes are remembered as valid
 * once checked (the validation cache), so merging again does not check them again. Lines are
 * kept as the bytes written, in runs (never parsed and written again), and only the first log's
 * bytes are held whole. A log that cannot be read is left out with a warning: the merge goes
 * on, and `assess log` recovers what it lacks from the workspace.
 */
export function uniteLogs(files: readonly string[], cache?: ValidationCache, sink?: LineSink): UnitedLogs {
	const out: UnitedLogs = {chunks: [], first: 0, ids: new Set(), problems: [], warnings: []};
	// Runs go to the sink as they are found (views of bytes read, good only during the call), or are kept.
	let ofFirst = true;
	const emit = (run: Buffer, copy: boolean) => {
		if (sink) sink(run, ofFirst);
		else out.chunks.push(copy ? Buffer.from(run) : run);
	};
	let base: Buffer | undefined;
	// Every log after the first is read into one buffer: only what it adds is kept (copied).
	const scratch: Scratch = {buffer: Buffer.alloc(0)};
	for (const file of files) {
		const refused = refusal(file);
		if (refused) {
			out.warnings.push(M.leftOut({file, problem: refused}));
			continue;
		}
		let bytes: Buffer;
		try {
			bytes = readRegularFile(file, MAX_LOG_BYTES, base ? scratch : undefined);
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			if (!saysNotFound(error)) out.warnings.push(M.leftOut({file: error.issues[0]?.file ?? file, problem: error.issues[0] ? firstProblem(error) : M.cannotBeRead()}));
			continue;
		}
		// Lines another log shared byte for byte are in already; only the rest is looked at.
		const shared = base ? sharedLines(base, bytes) : 0;
		const rest = shared ? bytes.subarray(shared) : bytes;
		if (rest.length === 0) continue;
		if (!isUtf8(rest)) {
			out.warnings.push(M.leftOut({file, problem: M.notUtf8()}));
			continue;
		}
		// Lines are valid or not each by itself: bytes checked before (a first log, what a log adds to it) need no checking again.
		const digest = sha256(rest);
		const trusted = cache?.lookup(digest) === LOG_CONTEXT;
		const before = out.problems.length;
		if (!base) {
			base = bytes;
			// The first log's runs stay views of its bytes (held anyway, to compare the others with).
			addLines(out, file, bytes, () => 0, trusted, run => emit(run, false));
			out.first = out.chunks.length;
			ofFirst = false;
		} else {
			// Copies of the runs taken (when kept), so this log's bytes are let go.
			addLines(out, file, rest, () => countLines(bytes.subarray(0, shared)), trusted, run => emit(run, true));
		}
		if (!trusted && out.problems.length === before) cache?.remember(digest, LOG_CONTEXT);
	}
	return out;
}

const ID_PREFIX = Buffer.from('{"id":"');

/** Does the line at `at` start with `{"id":"` and have the id's closing quote where ours does? */
function startsWithId(bytes: Buffer, at: number): boolean {
	for (let i = 0; i < 7; i++) if (bytes[at + i] !== ID_PREFIX[i]) return false;
	return bytes[at + 23] === 0x22;
}
const NEWLINE = Buffer.from('\n');

/**
 * Adds a log's lines (numbered from `offset` + 1) that are not in yet, checked unless `trusted`,
 * as runs of the bytes as written: a run ends where a line is left out or rewritten.
 */
function addLines(out: UnitedLogs, file: string, bytes: Buffer, offset: () => number, trusted: boolean, emit: (run: Buffer) => void): void {
	// A run of lines kept as written: [run, its end).
	let run = -1;
	let n = 0;
	const flush = (end: number) => {
		if (run >= 0 && end > run) emit(bytes.subarray(run, end));
		run = -1;
	};
	for (let start = 0; start < bytes.length; ) {
		const newline = bytes.indexOf(0x0a, start);
		const stop = newline < 0 ? bytes.length : newline;
		const lineStart = start;
		start = stop + 1;
		n++;
		let from = lineStart;
		let to = stop;
		while (from < to && isBlank(bytes[from]!)) from++;
		while (to > from && isBlank(bytes[to - 1]!)) to--;
		if (from === to) {
			flush(lineStart);
			continue;
		}
		const quick = to - from > 24 && startsWithId(bytes, from) ? bytes.toString('latin1', from + 7, from + 23) : undefined;
		let keep = false;
		if (quick !== undefined && out.ids.has(quick)) {
			// In already.
		} else if (trusted && quick !== undefined) {
			out.ids.add(quick);
			keep = true;
		} else {
			const text = bytes.toString('utf8', from, to);
			const parsed = parseLine(text);
			if (typeof parsed === 'string') {
				// Numbered from the start of the file (counted only when there is something to say).
				out.problems.push({file, line: offset() + n, problem: newline < 0 && !text.endsWith('}') ? `${parsed} (cut off: a save that was interrupted?)` : parsed});
			} else if (!out.ids.has(parsed.id)) {
				out.ids.add(parsed.id);
				if (quick === parsed.id) keep = true;
				else {
					// A valid line in another form: written in ours.
					flush(lineStart);
					emit(Buffer.from(changeLine(parsed) + '\n'));
					continue;
				}
			}
		}
		// Kept as written when it is a whole line, newline and all, with nothing to trim.
		if (keep && from === lineStart && to === stop && newline >= 0) {
			if (run < 0) run = lineStart;
			continue;
		}
		flush(lineStart);
		if (keep) emit(Buffer.concat([bytes.subarray(from, to), NEWLINE]));
	}
	flush(bytes.length);
}

const isBlank = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0d;

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

/** Writes a whole log (a merge's output) from runs of lines: atomically, like every file we write. */
export async function writeChangeLog(file: string, chunks: readonly Uint8Array[]): Promise<void> {
	const refused = refusal(file);
	if (refused) throw UserError.of(file, M.mergedNotLogged({problem: refused}));
	await writeFileDurably(file, chunks, {keepPrevious: false});
}

/** A log beside a workspace that does not exist (yet): not ours to write over or into. */
export function strayLogProblem(workspaceFile: string): Message | undefined {
	const log = changeLogOf(workspaceFile);
	try {
		lstatSync(log);
	} catch {
		return undefined;
	}
	return M.stray({log});
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

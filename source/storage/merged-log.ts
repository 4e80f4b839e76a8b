import {closeSync, existsSync, openSync, writeSync} from 'node:fs';
import {open, rename, stat, unlink} from 'node:fs/promises';
import {randomBytes} from 'node:crypto';
import {basename, dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {uniteLogs, appendLines, writeChangeLog, refusal, type UnitedLogs} from './change-log.js';
import {syncFolder} from './durable-json-file.js';
import {fsProblem} from './fs-errors.js';
import {messages} from '../domain/words/message.js';
import {ValidationCache} from './validation-cache.js';
import {BUILD_ID} from './cache-folder.js';
import {UserError, type FileIssue} from './user-error.js';

const M = messages('storage/merged-log', {
	notLogged: {zh: '{problem}；合并的变更未记入变更记录', en: '{problem}; the merged changes were not logged'},
	couldNotWrite: {zh: '写入失败：{problem}', en: 'could not be written: {problem}'},
});

/**
 * The change log of a merge's output, made in two steps: the inputs' logs united (read and
 * every line checked), then written with the merge's own events once the workspace is on disk
 * (a crash between the two leaves entries out, never in for a merge that did not land).
 *
 * The first step needs nothing from the workspaces, so a merge starts it first and it runs in a
 * worker thread beside the reading of the workspaces: on a machine with a second core a team's
 * logs (tens of MB, every line checked) cost the merge little time. The union is written as it
 * is found into a scratch file of ours beside the output's log (never held in memory: a merge's
 * peak is when it writes the workspace), which then becomes the log (renamed over it, when the
 * output is new) or is appended to it (merging into one of the inputs). Where the scratch file
 * cannot be made, the union is held in memory instead; where the worker cannot run (run from
 * the sources: no built worker), the same code runs in the merge's thread.
 */
export type MergedLogPlan = {
	/** The logs to unite, in order: the output's own first when merging into one of the inputs. */
	logs: string[];
	/** The output's log. */
	outLog: string;
	/** Merging into one of the inputs: the lines its log lacks are appended, else the union is written whole. */
	append: boolean;
	/** The validation cache's folder (undefined: none), for the logs' bytes checked before. */
	cacheFolder: string | undefined;
	/** The scratch file the union is written to (a new name beside the output's log). */
	scratch: string;
	/** The scratch file, opened (made) by the merge's thread, which alone closes and removes it; undefined when it could not be made or is closed. */
	fd: number | undefined;
	/** Whether the merge made the scratch file (only then is it ours to remove). */
	made: boolean;
};

/** What uniting the logs found, to tell the user: logs left out, lines skipped. */
export type UnionReport = Pick<UnitedLogs, 'warnings' | 'problems'>;

/** One of the merge's own events: its id (the union may hold it already) and its line. */
export type EventLine = {id: string; line: string};

export interface MergedLog {
	/** The union's warnings and problems, once the logs are united. */
	united(): Promise<UnionReport>;
	/** Writes the output's log: the union and those of `events` it lacks. A UserError says what could not be written. */
	write(events: readonly EventLine[]): Promise<void>;
	/** Lets go of the worker and the scratch file (after `write`, or when the merge stopped before it). */
	close(): Promise<void>;
}

/**
 * The plan for an output's log: its scratch file made beside it (a new name of ours, one that
 * `assess setup-git` has git ignore, `*.tmp-*`, like an unfinished save's), if it can be.
 */
export function mergedLogPlan(logs: string[], outLog: string, append: boolean, cacheFolder: string | undefined): MergedLogPlan {
	const scratch = join(dirname(outLog), `.${basename(outLog)}.tmp-${process.pid}-union-${randomBytes(4).toString('hex')}`);
	let fd: number | undefined;
	try {
		fd = openSync(scratch, 'wx', 0o644);
	} catch {
		// No scratch file (a folder we may not write in, say): the union is held in memory instead.
	}
	return {logs, outLog, append, cacheFolder, scratch, fd, made: fd !== undefined};
}

/** The worker's bundle, beside the program's (dist/merged-log-worker.cjs); absent when run from the sources. */
const WORKER_FILE = fileURLToPath(new URL('./merged-log-worker.cjs', import.meta.url));

/** Starts uniting the logs: in a worker thread when the built worker is there, otherwise in this thread (when first asked). */
export function startMergedLog(plan: MergedLogPlan): MergedLog {
	if (BUILD_ID && existsSync(WORKER_FILE)) return new WorkerLog(plan);
	return new LocalLog(plan);
}

/** A union made: where its lines are (the scratch file, or runs held when it could not be made), and which ids it holds. */
export type Union = UnionReport & {
	/** Whether the scratch file holds the lines (else `chunks` do, from `first` on for what the others add). */
	inScratch: boolean;
	chunks: Buffer[];
	first: number;
	has: (id: string) => boolean;
};

/** Unites the logs into the plan's scratch file, or in memory without one (in whichever thread runs it). */
export function uniteIntoScratch(plan: MergedLogPlan): {union: UnitedLogs; inScratch: boolean} {
	const cache = plan.cacheFolder && BUILD_ID ? new ValidationCache(plan.cacheFolder, BUILD_ID) : undefined;
	const fd = plan.fd;
	if (fd === undefined) return {union: uniteLogs(plan.logs, cache), inScratch: false};
	const union = uniteLogs(plan.logs, cache, (run, ofFirst) => {
		// Appending to the first log: its own lines are there already.
		if (plan.append && ofFirst) return;
		for (let at = 0; at < run.length; ) at += writeSync(fd, run, at);
	});
	return {union, inScratch: true};
}

/** Writes the output's log from a union: what it adds, or all of it, and the events not in it yet. */
async function writeMergedLog(plan: MergedLogPlan, union: Union, events: readonly EventLine[]): Promise<void> {
	const fresh = events.filter(e => !union.has(e.id));
	const lines = fresh.length ? Buffer.from(fresh.map(e => e.line).join('\n') + '\n') : undefined;
	if (!union.inScratch) {
		const chunks = [...union.chunks.slice(plan.append ? union.first : 0), ...(lines ? [lines] : [])];
		if (chunks.length === 0) return;
		if (plan.append) await appendLines(plan.outLog, chunks);
		else await writeChangeLog(plan.outLog, chunks);
		return;
	}
	if (plan.append) {
		if (lines || (await stat(plan.scratch)).size > 0) await appendLines(plan.outLog, piecesOf(plan.scratch, lines));
		return;
	}
	const refused = refusal(plan.outLog);
	if (refused) throw UserError.of(plan.outLog, M.notLogged({problem: refused}));
	try {
		// The whole union is in the scratch file: with the events, synced, it becomes the log.
		closeScratch(plan);
		const handle = await open(plan.scratch, 'a');
		try {
			if (lines) await handle.write(lines);
			if ((await handle.stat()).size === 0) return;
			await handle.datasync();
		} finally {
			await handle.close();
		}
		await rename(plan.scratch, plan.outLog);
		await syncFolder(dirname(plan.outLog));
	} catch (error) {
		throw UserError.of(plan.outLog, M.notLogged({problem: M.couldNotWrite({problem: fsProblem(error)})}));
	}
}

/** The scratch file's bytes in pieces, then the events' lines. */
async function* piecesOf(file: string, lines: Buffer | undefined): AsyncGenerator<Uint8Array> {
	const handle = await open(file, 'r');
	try {
		const size = (await stat(file)).size;
		const buffer = Buffer.allocUnsafe(Math.min(size, 4 << 20));
		for (let at = 0; at < size; ) {
			const {bytesRead} = await handle.read(buffer, 0, Math.min(buffer.length, size - at), at);
			if (bytesRead === 0) break;
			at += bytesRead;
			// Written before the next read into the same buffer.
			yield buffer.subarray(0, bytesRead);
		}
	} finally {
		await handle.close();
	}
	if (lines) yield lines;
}

/**
 * Closes and takes away the scratch file, if it is still there (it is ours: made new, with a
 * name of our own). Only once nothing writes to it any more: its descriptor's number would be
 * the next file's.
 */
async function removeScratch(plan: MergedLogPlan): Promise<void> {
	closeScratch(plan);
	if (plan.made) await unlink(plan.scratch).catch(() => undefined);
}

function closeScratch(plan: MergedLogPlan): void {
	if (plan.fd === undefined) return;
	try {
		closeSync(plan.fd);
	} catch {
		// Closed already.
	}
	plan.fd = undefined;
}

/** The union made in this thread. */
function localUnion(plan: MergedLogPlan): Union {
	const {union, inScratch} = uniteIntoScratch(plan);
	return {warnings: union.warnings, problems: union.problems, inScratch, chunks: union.chunks, first: union.first, has: id => union.ids.has(id)};
}

/** The union in this thread (from the sources, in tests): made when first asked for. */
class LocalLog implements MergedLog {
	#plan: MergedLogPlan;
	#union: Union | undefined;
	constructor(plan: MergedLogPlan) {
		this.#plan = plan;
	}
	#unite(): Union {
		this.#union ??= localUnion(this.#plan);
		return this.#union;
	}
	async united(): Promise<UnionReport> {
		const {warnings, problems} = this.#unite();
		return {warnings, problems};
	}
	async write(events: readonly EventLine[]): Promise<void> {
		await writeMergedLog(this.#plan, this.#unite(), events);
	}
	async close(): Promise<void> {
		this.#union = undefined;
		await removeScratch(this.#plan);
	}
}

/**
 * What the worker sends back (source/storage/merged-log-worker.ts): the union's report, its ids
 * sorted and joined (each 16 characters: compact, and looked up by bisection), and the runs
 * themselves only when there was no scratch file.
 */
export type FromWorker = {kind: 'united'; report: UnionReport; ids: string; inScratch: boolean; chunks: Buffer[]; first: number} | {kind: 'refused'; issues: FileIssue[]} | {kind: 'failed'; message: string};

/** Whether a sorted run of 16-character ids holds one. */
export function hasSortedId(ids: string, id: string): boolean {
	if (id.length !== 16) return false;
	let low = 0;
	let high = ids.length / 16;
	while (low < high) {
		const mid = (low + high) >>> 1;
		const at = ids.slice(mid * 16, mid * 16 + 16);
		if (at === id) return true;
		if (at < id) low = mid + 1;
		else high = mid;
	}
	return false;
}

class WorkerLog implements MergedLog {
	#plan: MergedLogPlan;
	#worker: Worker;
	#united: Promise<Union>;

	/** Once the worker has stopped: nothing of it runs any more. */
	#exited: Promise<void>;

	constructor(plan: MergedLogPlan) {
		this.#plan = plan;
		this.#worker = new Worker(WORKER_FILE, {workerData: plan, resourceLimits: {maxYoungGenerationSizeMb: 4}});
		this.#exited = new Promise(resolve => this.#worker.once('exit', () => resolve()));
		this.#united = new Promise((resolve, reject) => {
			let settled = false;
			// A worker that fails (out of memory, say) costs only time: the union is made here instead,
			// in memory (what the worker wrote is left in the scratch file, removed at the end).
			const instead = () => {
				if (settled) return;
				settled = true;
				this.#exited.then(() => resolve(localUnion({...plan, fd: undefined})), reject);
			};
			this.#worker.on('message', (message: FromWorker) => {
				if (settled) return;
				if (message.kind === 'united') {
					settled = true;
					const {report, ids, inScratch, chunks, first} = message;
					resolve({...report, inScratch, chunks: chunks.map(c => Buffer.from(c.buffer, c.byteOffset, c.byteLength)), first, has: id => hasSortedId(ids, id)});
				} else if (message.kind === 'refused') {
					settled = true;
					reject(new UserError(message.issues));
				} else instead();
			});
			this.#worker.on('error', instead);
			// Its work done, the worker ends (its memory let go before the merge writes); earlier, it failed.
			this.#worker.on('exit', instead);
		});
		// Awaited when the merge gets there; a failure before then is not an unhandled rejection.
		this.#united.catch(() => undefined);
	}

	async united(): Promise<UnionReport> {
		const {warnings, problems} = await this.#united;
		return {warnings, problems};
	}

	async write(events: readonly EventLine[]): Promise<void> {
		await writeMergedLog(this.#plan, await this.#united, events);
	}

	async close(): Promise<void> {
		await this.#worker.terminate();
		await this.#exited;
		await removeScratch(this.#plan);
	}
}

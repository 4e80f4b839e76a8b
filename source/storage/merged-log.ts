import {closeSync, existsSync, openSync, writeSync} from 'node:fs';
import {open, rename, stat, unlink} from 'node:fs/promises';
import {randomBytes} from 'node:crypto';
import {basename, dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {uniteLogs, appendLines, writeChangeLog, refusal, type UnitedLogs} from './change-log.js';
import {syncFolder} from './durable-json-file.js';
import {describeFsError} from './fs-errors.js';
import {ValidationCache} from './validation-cache.js';
import {BUILD_ID} from './cache-folder.js';
import {UserError, type FileIssue} from './user-error.js';

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

/** The plan for an output's log: its scratch file named beside it. */
export function mergedLogPlan(logs: string[], outLog: string, append: boolean, cacheFolder: string | undefined): MergedLogPlan {
	return {logs, outLog, append, cacheFolder, scratch: join(dirname(outLog), `.${basename(outLog)}.union-${process.pid}-${randomBytes(4).toString('hex')}`)};
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

/** Unites the logs into the plan's scratch file (in whichever thread runs it). */
export function uniteIntoScratch(plan: MergedLogPlan): {union: UnitedLogs; inScratch: boolean} {
	const cache = plan.cacheFolder && BUILD_ID ? new ValidationCache(plan.cacheFolder, BUILD_ID) : undefined;
	let fd: number;
	try {
		fd = openSync(plan.scratch, 'wx', 0o644);
	} catch {
		// No scratch file (a folder we may not write in, say): the runs are held instead.
		return {union: uniteLogs(plan.logs, cache), inScratch: false};
	}
	try {
		const union = uniteLogs(plan.logs, cache, (run, ofFirst) => {
			// Appending to the first log: its own lines are there already.
			if (plan.append && ofFirst) return;
			for (let at = 0; at < run.length; ) at += writeSync(fd, run, at);
		});
		return {union, inScratch: true};
	} finally {
		closeSync(fd);
	}
}

/** Writes the output's log from a union: what it adds, or all of it, and the events not in it yet. */
async function writeMergedLog(plan: MergedLogPlan, union: Union, events: readonly EventLine[]): Promise<void> {
	const fresh = events.filter(e => !union.has(e.id));
	const lines = fresh.length ? Buffer.from(fresh.map(e => e.line).join('\n') + '\n') : undefined;
	if (!union.inScratch) {
		const chunks = [...union.chunks.slice(plan.append ? union.first : 0), ...(lines ? [lines] : [])];
		if (plan.append) await appendLines(plan.outLog, chunks);
		else if (chunks.length) await writeChangeLog(plan.outLog, chunks);
		return;
	}
	if (plan.append) {
		if (lines || (await stat(plan.scratch)).size > 0) await appendLines(plan.outLog, piecesOf(plan.scratch, lines));
		return;
	}
	const refused = refusal(plan.outLog);
	if (refused) throw UserError.of(plan.outLog, `${refused}; the merged changes were not logged`);
	try {
		// The whole union is in the scratch file: with the events, synced, it becomes the log.
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
		throw UserError.of(plan.outLog, `could not be written: ${describeFsError(error)}; the merged changes were not logged`);
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

/** Takes the scratch file away, if it is there (it is ours: made new, with a name of our own). */
function removeScratch(plan: MergedLogPlan): Promise<void> {
	return unlink(plan.scratch).catch(() => undefined);
}

/** The union in this thread (from the sources, in tests): made when first asked for. */
class LocalLog implements MergedLog {
	#plan: MergedLogPlan;
	#union: Union | undefined;
	constructor(plan: MergedLogPlan) {
		this.#plan = plan;
	}
	#unite(): Union {
		if (!this.#union) {
			const {union, inScratch} = uniteIntoScratch(this.#plan);
			this.#union = {warnings: union.warnings, problems: union.problems, inScratch, chunks: union.chunks, first: union.first, has: id => union.ids.has(id)};
		}
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

	constructor(plan: MergedLogPlan) {
		this.#plan = plan;
		this.#worker = new Worker(WORKER_FILE, {workerData: plan, resourceLimits: {maxYoungGenerationSizeMb: 4}});
		this.#united = new Promise((resolve, reject) => {
			this.#worker.on('message', (message: FromWorker) => {
				if (message.kind === 'united') {
					const {report, ids, inScratch, chunks, first} = message;
					resolve({...report, inScratch, chunks: chunks.map(c => Buffer.from(c.buffer, c.byteOffset, c.byteLength)), first, has: id => hasSortedId(ids, id)});
				} else reject(message.kind === 'refused' ? new UserError(message.issues) : new Error(`uniting the change logs failed: ${message.message}`));
			});
			this.#worker.on('error', reject);
			// Its work done, the worker ends (its memory let go before the merge writes); earlier, it failed.
			this.#worker.on('exit', code => reject(new Error(`the worker uniting the change logs stopped before it was done (exit code ${code})`)));
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
		await removeScratch(this.#plan);
	}
}

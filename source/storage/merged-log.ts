import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {uniteLogs, appendLines, writeChangeLog, type UnitedLogs} from './change-log.js';
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
 * logs (tens of MB, every line checked) cost the merge next to nothing in time. Where the worker
 * cannot run (run from the sources: no built worker), the same code runs in the merge's thread.
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
	/** Lets go of the worker (after `write`, or when the merge stopped before it). */
	close(): Promise<void>;
}

/** The worker's bundle, beside the program's (dist/merged-log-worker.cjs); absent when run from the sources. */
const WORKER_FILE = fileURLToPath(new URL('./merged-log-worker.cjs', import.meta.url));

/** Starts uniting the logs: in a worker thread when the built worker is there, otherwise in this thread when asked. */
export function startMergedLog(plan: MergedLogPlan): MergedLog {
	if (BUILD_ID && existsSync(WORKER_FILE)) return new WorkerLog(plan);
	return new LocalLog(plan);
}

/** The union in this thread (from the sources, in tests): united when first asked for. */
class LocalLog implements MergedLog {
	#plan: MergedLogPlan;
	#union: UnitedLogs | undefined;
	constructor(plan: MergedLogPlan) {
		this.#plan = plan;
	}
	#unite(): UnitedLogs {
		this.#union ??= uniteLogs(this.#plan.logs, this.#plan.cacheFolder && BUILD_ID ? new ValidationCache(this.#plan.cacheFolder, BUILD_ID) : undefined);
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
	}
}

/** Writes the output's log from a union: what it adds, or all of it, and the events not in it yet. */
export async function writeMergedLog(plan: MergedLogPlan, union: UnitedLogs, events: readonly EventLine[]): Promise<void> {
	const fresh = events.filter(e => !union.ids.has(e.id));
	const lines = fresh.length ? [Buffer.from(fresh.map(e => e.line).join('\n') + '\n')] : [];
	if (plan.append) await appendLines(plan.outLog, [...union.chunks.slice(union.first), ...lines]);
	else {
		const chunks = [...union.chunks, ...lines];
		if (chunks.length) await writeChangeLog(plan.outLog, chunks);
	}
}

/** Messages between the merge and its worker (source/storage/merged-log-worker.ts). */
export type ToWorker = {kind: 'write'; events: readonly EventLine[]};
export type FromWorker = {kind: 'united'; report: UnionReport} | {kind: 'written'} | {kind: 'refused'; issues: FileIssue[]} | {kind: 'failed'; message: string};

class WorkerLog implements MergedLog {
	#worker: Worker;
	#united: Promise<UnionReport>;
	#written: Promise<void>;
	#settle: {united?: [(r: UnionReport) => void, (e: Error) => void]; written?: [() => void, (e: Error) => void]} = {};

	constructor(plan: MergedLogPlan) {
		this.#united = new Promise((resolve, reject) => (this.#settle.united = [resolve, reject]));
		this.#written = new Promise((resolve, reject) => (this.#settle.written = [resolve, reject]));
		// Both are awaited in turn; a failure before the first is awaited is not an unhandled rejection.
		this.#united.catch(() => undefined);
		this.#written.catch(() => undefined);
		this.#worker = new Worker(WORKER_FILE, {workerData: plan, resourceLimits: {maxYoungGenerationSizeMb: 4}});
		this.#worker.on('message', (message: FromWorker) => {
			if (message.kind === 'united') this.#settle.united![0](message.report);
			else if (message.kind === 'written') this.#settle.written![0]();
			else this.#fail(message.kind === 'refused' ? new UserError(message.issues) : new Error(`uniting the change logs failed: ${message.message}`));
		});
		this.#worker.on('error', error => this.#fail(error));
		this.#worker.on('exit', code => this.#fail(new Error(`the worker uniting the change logs stopped (exit code ${code})`)));
	}

	#fail(error: Error): void {
		// Whatever is still awaited fails with it (a promise already settled stays as it is).
		this.#settle.united![1](error);
		this.#settle.written![1](error);
	}

	united(): Promise<UnionReport> {
		return this.#united;
	}

	async write(events: readonly EventLine[]): Promise<void> {
		await this.#united;
		this.#worker.postMessage({kind: 'write', events} satisfies ToWorker);
		await this.#written;
	}

	async close(): Promise<void> {
		await this.#worker.terminate();
	}
}

// The worker thread of a merge that unites the inputs' change logs (source/storage/merged-log.ts),
// bundled apart as dist/merged-log-worker.cjs: it reads and checks the logs while the merge reads
// the workspaces, holds the union, and writes the output's log when the merge says the workspace
// is on disk. It writes nothing before that: a merge that stops earlier ends it unwritten.
import {parentPort, workerData} from 'node:worker_threads';
import {uniteLogs} from './change-log.js';
import {ValidationCache} from './validation-cache.js';
import {BUILD_ID} from './cache-folder.js';
import {UserError} from './user-error.js';
import {writeMergedLog, type MergedLogPlan, type ToWorker, type FromWorker} from './merged-log.js';

const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
const failure = (error: unknown): FromWorker =>
	error instanceof UserError ? {kind: 'refused', issues: [...error.issues]} : {kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error)};

const plan = workerData as MergedLogPlan;
try {
	const union = uniteLogs(plan.logs, plan.cacheFolder && BUILD_ID ? new ValidationCache(plan.cacheFolder, BUILD_ID) : undefined);
	send({kind: 'united', report: {warnings: union.warnings, problems: union.problems}});
	port.once('message', (message: ToWorker) => {
		writeMergedLog(plan, union, message.events).then(
			() => send({kind: 'written'}),
			error => send(failure(error)),
		);
	});
} catch (error) {
	send(failure(error));
}

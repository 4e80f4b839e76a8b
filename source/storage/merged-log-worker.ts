// The worker thread of a merge that unites the inputs' change logs (source/storage/merged-log.ts),
// bundled apart as dist/merged-log-worker.cjs: it reads and checks the logs while the merge reads
// the workspaces, writes the union into the merge's scratch file, sends back what the merge needs
// (the report, the ids) and ends. The merge makes the scratch file the log once the workspace is
// on disk, or removes it.
import {parentPort, workerData} from 'node:worker_threads';
import {UserError} from './user-error.js';
import {uniteIntoScratch, type MergedLogPlan, type FromWorker} from './merged-log.js';

const send = (message: FromWorker) => parentPort!.postMessage(message);
try {
	const {union, inScratch} = uniteIntoScratch(workerData as MergedLogPlan);
	send({kind: 'united', report: {warnings: union.warnings, problems: union.problems}, ids: [...union.ids].sort().join(''), inScratch, chunks: union.chunks, first: union.first});
} catch (error) {
	send(error instanceof UserError ? {kind: 'refused', issues: [...error.issues]} : {kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error)});
}

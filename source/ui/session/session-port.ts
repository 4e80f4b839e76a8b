import type {Workspace, Evidence} from '../../domain/workspace/workspace-schema.js';
import type {SystemIndex} from '../../domain/system/system-index.js';
import type {Region} from '../../domain/regions/region-schema.js';
import type {ServiceItem} from '../../domain/catalog/catalog-schema.js';
import type {LockHolder} from '../../storage/workspace-lock.js';
import type {SamplePlan} from '../../domain/sample-plan/sample-plan.js';
import type {LoadedWeights} from '../../storage/load-files.js';

/** `loaded`: the file as read (its digest too), which an export names in 说明. */
export type WeightsUpdate = {ok: true; weights: Record<string, number>; file: string; loaded?: LoadedWeights} | {ok: false; problem: string};

/**
 * What a save reports. `merged`: another program had changed the file since our last read or
 * save; the save merged the disk's version with ours (the semantic merge of `assess merge`)
 * and wrote that. `fromDisk` counts the findings taken from the disk, `conflicts` the new ones.
 * `warnings`: what the save did not do but did not stop for (a backups folder that is a
 * symbolic link skipped, a change log that could not be appended), in the user's language.
 */
export type SaveResult = {merged?: {ws: Workspace; fromDisk: number; conflicts: number}; warnings?: readonly string[]};

/** A save the file refused; `invalid` when it refused the data itself (not the disk). */
export type SaveError = Error & {invalid?: boolean};

/** Where an assessor was in a workspace, to come back to it next time. */
export type Position = {region: string; node: string};

/**
 * What the TUI needs from the world outside it: saving, evidence files, the weights file, the
 * workspace file and its lock. The real one wraps storage (run-tui.tsx); tests pass an
 * in-memory one, so the UI never touches files.
 */
export type SessionPort = {
	readOnly: boolean;
	lockedBy: LockHolder | undefined;
	/** Saves a new state; resolves when it is on disk, rejects with a SaveError. */
	save(ws: Workspace): Promise<SaveResult>;
	/** Writes the workspace to a new file (refuses an existing one); the session's file is unchanged. */
	saveAs(file: string, ws: Workspace): Promise<string>;
	/** Turns what the assessor typed (URL, quote:…, a file path) into evidence; throws a UserError. */
	evidence(spec: string, by: string, at: string): Evidence;
	/** Opens evidence (a URL, a stored file) with the system's opener. */
	openEvidence(evidence: Evidence): Promise<void>;
	/** Calls back whenever the shared weights file changes on disk; returns a stop function. */
	watchWeights(onChange: (update: WeightsUpdate) => void): () => void;
	/** Read-only sessions: calls back with the workspace each time its file changes on disk. */
	watchWorkspace(onChange: (ws: Workspace) => void): () => void;
	/** Read-only sessions: calls back when the lock's holder changes (undefined: the lock is free). */
	watchLock(onChange: (holder: LockHolder | undefined) => void): () => void;
	/** Takes the lock once it is free; the session becomes writable (its data is re-read first). */
	takeOver(): Promise<boolean>;
	/**
	 * Exports the workspace as an xlsx workbook scored with `weights` (the live weights; default:
	 * those it was opened with); a draft when `draft` (it is not final), as the workbook then says.
	 */
	exportWorkbook(ws: Workspace, output: string, options: {draft: boolean; weights?: LoadedWeights}): Promise<{file: string}>;
	/** Where `x` proposes to export to, and "save to another file" to save to. */
	defaultExportFile: string;
	defaultSaveAsFile: string;
	/** Where this user left off in this workspace last time, and remembering it. */
	lastPosition: Position | undefined;
	rememberPosition(position: Position): void;
	/** Lets go of the lock after the last save. */
	close(): Promise<void>;
};

/** Everything the TUI shows that does not change while it runs. */
export type AppModel = {
	index: SystemIndex;
	regions: readonly Region[];
	/** May be read from disk when first asked for (a getter): ask only when it is needed. */
	catalog: readonly ServiceItem[];
	workspace: Workspace;
	weights: Record<string, number>;
	/** Who records findings in this session (the person at the keyboard: `--by`, or the workspace's assessor). */
	user: string;
	/** Review mode (`assess open --review --by <name>`): the user walks and reviews the findings waiting for them. */
	review?: boolean;
	/** The sample plan the workspace refers to; `samplePlanProblem`: why it could not be read. */
	samplePlan?: SamplePlan;
	samplePlanProblem?: string;
};

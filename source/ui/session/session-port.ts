import type {Workspace, Evidence} from '../../domain/workspace/workspace-schema.js';
import type {SystemIndex} from '../../domain/system/system-index.js';
import type {Region} from '../../domain/regions/region-schema.js';
import type {ServiceItem} from '../../domain/catalog/catalog-schema.js';
import type {LockHolder} from '../../storage/workspace-lock.js';

export type WeightsUpdate = {ok: true; weights: Record<string, number>; file: string} | {ok: false; problem: string};

/**
 * What the TUI needs from the world outside it: saving, evidence files, the weights file.
 * The real one wraps storage; tests pass an in-memory one, so the UI never touches files.
 */
export type SessionPort = {
	readOnly: boolean;
	lockedBy: LockHolder | undefined;
	/** Saves a new state; resolves when it is on disk. */
	save(ws: Workspace): Promise<void>;
	/** Turns what the assessor typed (URL, quote:…, a file path) into evidence; throws a UserError. */
	evidence(spec: string, by: string, at: string): Evidence;
	/** Calls back whenever the shared weights file changes on disk; returns a stop function. */
	watchWeights(onChange: (update: WeightsUpdate) => void): () => void;
	/** Exports the workspace as an xlsx workbook; a draft when `draft` (unscored leaves or conflicts). */
	exportWorkbook(ws: Workspace, output: string, draft: boolean): Promise<{file: string; draft: string | undefined}>;
	/** Where `x` proposes to export to. */
	defaultExportFile: string;
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
	weightsFile: string;
	workspaceFile: string;
	/** Who records findings in this session. */
	user: string;
};

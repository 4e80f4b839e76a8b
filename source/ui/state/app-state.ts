import type {Workspace, Evidence, Finding} from '../../domain/workspace/workspace-schema.js';
import type {SystemIndex} from '../../domain/system/system-index.js';
import type {Region} from '../../domain/regions/region-schema.js';
import type {ServiceItem} from '../../domain/catalog/catalog-schema.js';
import type {SearchEntry, SearchHit} from '../../domain/search/search-index.js';
import type {Lang} from '../../domain/text.js';
import type {LockHolder} from '../../storage/workspace-lock.js';
import type {LoadedWeights} from '../../storage/load-files.js';
import {initialNav, type NavState} from './nav-state.js';
import {initialSession, type SessionState} from '../session/session-state.js';
import type {FieldState} from '../fields/field-state.js';
import type {InputEvent} from '../input/split-keys.js';
import type {SamplePlan} from '../../domain/sample-plan/sample-plan.js';

/** What a text prompt asks for; what Enter (or Ctrl+S) does with its text depends on it. */
export type PromptPurpose = 'note' | 'sample-note' | 'evidence' | 'value' | 'flag' | 'na' | 'done-reason' | 'settle-value' | 'settle-reason' | 'export' | 'save-as' | 'review-return';

/** A settlement chosen and waiting for its (optional) reason. */
export type PendingSettle = {region: string; indicator: string; chosen: Pick<Finding, 'value' | 'status' | 'reason' | 'note'>};

/** A question answered with y or n. */
export type Confirm =
	| {kind: 'remove-evidence'; region: string; indicator: string; key: string; label: string}
	| {kind: 'remove-sample'; region: string; indicator: string; item: string}
	| {kind: 'add-region'; region: string; name: string}
	/** A value typed on a leaf in conflict: settle the conflict with it? */
	| {kind: 'settle-typed'; settle: PendingSettle}
	/** The sample plan's items for an empty sampled leaf; `then`: what n does (search the catalog, or nothing). */
	| {kind: 'plan'; region: string; indicator: string; items: number; then: 'search' | 'stay'};

export type Overlay =
	| {kind: 'help'; scroll: number}
	/** `pending`: Enter came before the index was built; the keys after it wait with it (`held`). */
	| {kind: 'search'; purpose: 'jump' | 'sample'; field: FieldState; selected: number; pending?: boolean}
	| {kind: 'prompt'; purpose: PromptPurpose; field: FieldState; initial: string; multiline: boolean; error?: string; confirmDiscard?: boolean; settle?: PendingSettle}
	| {kind: 'choice'; purpose: 'level' | 'yesno'; selected: number}
	| {kind: 'confirm'; confirm: Confirm}
	/** `q` with changes not on disk: retry, save elsewhere, or quit and lose them. */
	| {kind: 'quit'};

export type Flash = {text: string; kind: 'info' | 'error'};

export type SaveState = {
	/** The newest version known to be on disk (0: the file as opened). */
	saved: number;
	/** When it got there (ISO time). */
	at?: string;
	/** The last save that failed, shown as a banner until a save succeeds. */
	failed?: {version: number; problem: string};
	/** Bumped to save the current version again (retry). */
	attempt: number;
};

/** The live weights: what the screen scores with and `x` exports with (`loaded`: their file and digest, once the file changed). */
export type WeightsState = {weights: Readonly<Record<string, number>>; loaded?: LoadedWeights; error?: string; rankBefore?: ReadonlyMap<string, number | null>};

/** Read-only sessions: who holds the lock (undefined once it is free: then `T` takes over). */
export type ReadOnlyState = {holder: LockHolder | undefined; free: boolean; refreshedAt?: string};

/** What the pure state asks the world to do; the store's runner does it (see use-effects). */
export type Effect =
	/** `draft`: what keeps it from being final, in words (undefined: final); `weights`: the live weights (undefined: as opened). */
	| {type: 'export'; file: string; draft: string | undefined; ws: Workspace; weights: LoadedWeights | undefined}
	| {type: 'open-evidence'; evidence: Evidence}
	/** Turns what was typed into evidence (a file is copied into the evidence folder). */
	| {type: 'add-evidence'; spec: string}
	| {type: 'save-as'; file: string; ws: Workspace}
	| {type: 'take-over'}
	/** `losing`: the user chose to quit with changes that are not on disk. */
	| {type: 'quit'; losing?: boolean};

export type AppState = {
	nav: NavState;
	/** Review mode (`assess open --review --by <name>`): who reviews. The keys walk and review findings instead of recording them. */
	reviewer: string | undefined;
	session: SessionState;
	overlay: Overlay | undefined;
	flash: Flash | undefined;
	save: SaveState;
	weights: WeightsState;
	readOnly: ReadOnlyState | undefined;
	quitting: boolean;
	/** Quit as soon as every change is on disk (the quit dialog's retry). */
	quitWhenSaved: boolean;
	/** Keys that came while a search pick waits for the index, applied in order after it. */
	held: readonly InputEvent[];
	/** Effects not yet run; the store takes them after every event. */
	outbox: readonly Effect[];
};

/**
 * What the pure state functions read besides the state: the system and catalogs, who is
 * recording, the terminal's height, the clock, and search (once its index is built).
 */
export type AppEnv = {
	index: SystemIndex;
	regions: readonly Region[];
	catalog: Pick<ReadonlyMap<string, ServiceItem>, 'get'>;
	user: string;
	lang: Lang;
	rows: number;
	columns: number;
	defaultExportFile: string;
	/** What "save to another file" proposes. */
	defaultSaveAsFile: string;
	now: () => string;
	search: ((query: string, kinds: readonly SearchEntry['kind'][], limit: number) => SearchHit[]) | undefined;
	/** The team's sample plan the workspace refers to (pre-fills sampled leaves), when it has one. */
	samplePlan: SamplePlan | undefined;
	/** Why the sample plan the workspace names could not be read (shown as a banner; the TUI works without it). */
	samplePlanProblem: string | undefined;
};

export function initialState(index: SystemIndex, ws: Workspace, weights: Readonly<Record<string, number>>, readOnly: ReadOnlyState | undefined, reviewer?: string): AppState {
	return {
		nav: initialNav(index),
		reviewer,
		session: initialSession(ws),
		overlay: undefined,
		flash: undefined,
		save: {saved: 0, attempt: 0},
		weights: {weights},
		readOnly,
		quitting: false,
		quitWhenSaved: false,
		held: [],
		outbox: [],
	};
}

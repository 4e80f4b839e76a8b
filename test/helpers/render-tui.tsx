import React from 'react';
import {render} from 'ink-testing-library';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {App} from '../../source/ui/app.js';
import type {AppModel, SessionPort, WeightsUpdate, SaveResult, Position} from '../../source/ui/session/session-port.js';
import type {Workspace, Evidence} from '../../source/domain/workspace/workspace-schema.js';
import {loadSystem, loadRegions, loadCatalog, loadBundledWeights} from '../../source/storage/load-files.js';
import {createWorkspace} from '../../source/domain/workspace/workspace-ops.js';
import {parseEvidence} from '../../source/storage/evidence-spec.js';
import {themeFor} from '../../source/ui/theme.js';
import {bindingById} from '../../source/ui/keymap/bindings.js';
import type {Lang} from '../../source/domain/text.js';
import type {LockHolder} from '../../source/storage/workspace-lock.js';
import type {SamplePlan} from '../../source/domain/sample-plan/sample-plan.js';
import {waitFor} from './wait-for.js';

/** What a terminal sends for each key name of the key table. */
const SEQUENCES: Record<string, string> = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	'shift+tab': '\u001B[Z',
	backspace: '\u007F',
	delete: '\u001B[3~',
	pageup: '\u001B[5~',
	pagedown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	space: ' ',
	'alt+backspace': '\u001B\u007F',
};

/** The bytes of a key, by the key table's name for it (`up`, `ctrl+s`, `y`). */
export function sequenceOf(name: string): string {
	if (SEQUENCES[name]) return SEQUENCES[name];
	const ctrl = /^ctrl\+([a-z])$/.exec(name);
	if (ctrl) return String.fromCharCode(ctrl[1]!.charCodeAt(0) - 96);
	if ([...name].length === 1) return name;
	throw new Error(`no sequence for key "${name}"`);
}

/** The bytes of a binding's key, by the binding's id: its first key, or the one asked for. */
export function keyOf(id: string, which?: string): string {
	const b = bindingById(id);
	const name = which ?? b.keys[0]!;
	if (!b.keys.includes(name)) throw new Error(`binding "${id}" has no key "${name}" (it has ${b.keys.join(', ')})`);
	return sequenceOf(name);
}

export const KEYS = {up: SEQUENCES.up!, down: SEQUENCES.down!, right: SEQUENCES.right!, left: SEQUENCES.left!, enter: '\r', esc: '\u001B', tab: '\t', backspace: '\u007F', ctrlS: '\u0013', ctrlC: '\u0003'};

/** Text as a terminal sends a paste with bracketed paste on. */
export const pasted = (text: string) => `\u001B[200~${text}\u001B[201~`;

const system = loadSystem('2020-province');
export const index = system.index;
export const systemDigest = system.digest;
const regions = loadRegions().regions;
const catalog = loadCatalog().items;
const weights = loadBundledWeights(index).weights.weights;

export const leafOf = (type: string) => index.leaves.find(l => l.rule!.type === type)!;

export function testWorkspace(codes = ['110000', '310000', '320000']): Workspace {
	return createWorkspace({id: 'tui-test', index, systemDigest: system.digest, assessor: '张三', createdAt: '2026-11-23T08:00:00.000Z', regions: codes});
}

export type FakePortOptions = {
	readOnly?: boolean;
	lockedBy?: LockHolder;
	/** Every save fails with this message (or the function's, which may say the data is invalid). */
	failSaves?: string | ((ws: Workspace) => {problem: string; invalid?: boolean} | undefined);
	/** What each save reports (a merge with the disk, say). */
	saveResult?: (ws: Workspace, n: number) => SaveResult;
	/** Saves fail with this error (what the file port passes on: a UserError, a system error). */
	saveError?: (ws: Workspace) => unknown;
	lastPosition?: Position;
	takeOver?: boolean;
};

/** An in-memory session: saves are recorded, not written; file and lock changes are pushed by the test. */
export function fakePort(options: FakePortOptions = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'assess-tui-'));
	const saves: Workspace[] = [];
	const savedAs: {file: string; ws: Workspace}[] = [];
	const opened: Evidence[] = [];
	const positions: Position[] = [];
	const exports: {output: string; draft: boolean; regions: number; weights: string | undefined}[] = [];
	let weightsListener: ((u: WeightsUpdate) => void) | undefined;
	let diskListener: ((ws: Workspace) => void) | undefined;
	let lockListener: ((h: LockHolder | undefined) => void) | undefined;
	let closed = false;
	let afterClose = 0;
	let readOnly = options.readOnly ?? false;
	let fail = options.failSaves;
	const port: SessionPort = {
		get readOnly() {
			return readOnly;
		},
		lockedBy: options.lockedBy,
		async save(ws) {
			if (closed) afterClose++;
			const failure = typeof fail === 'function' ? fail(ws) : fail ? {problem: fail} : undefined;
			if (failure) throw Object.assign(new Error(failure.problem), {invalid: failure.invalid ?? false});
			const error = options.saveError?.(ws);
			if (error) throw error;
			saves.push(ws);
			return options.saveResult?.(ws, saves.length) ?? {};
		},
		async saveAs(file, ws) {
			if (savedAs.some(s => s.file === file)) throw new Error(`${file}: already exists; choose a new name (nothing was written)`);
			savedAs.push({file, ws});
			return join(dir, file);
		},
		evidence: (spec, by, at) => parseEvidence(spec, join(dir, 'ws.json'), dir, by, at, {source: 'evidence', home: () => dir}),
		async openEvidence(e) {
			opened.push(e);
		},
		watchWeights(listener) {
			weightsListener = listener;
			return () => (weightsListener = undefined);
		},
		watchWorkspace(listener) {
			diskListener = listener;
			return () => (diskListener = undefined);
		},
		watchLock(listener) {
			lockListener = listener;
			return () => (lockListener = undefined);
		},
		async takeOver() {
			if (!options.takeOver) return false;
			readOnly = false;
			return true;
		},
		defaultExportFile: 'exports/ws.xlsx',
		defaultSaveAsFile: 'ws-rescued.json',
		lastPosition: options.lastPosition,
		rememberPosition: p => positions.push(p),
		async exportWorkbook(ws, output, {draft, weights}) {
			exports.push({output, draft, regions: ws.regions.length, weights: weights?.digest});
			return {file: join(dir, output)};
		},
		async close() {
			closed = true;
		},
	};
	return {
		port,
		saves,
		savedAs,
		opened,
		positions,
		exports,
		dir,
		pushWeights: (u: WeightsUpdate) => weightsListener?.(u),
		pushDisk: (ws: Workspace) => diskListener?.(ws),
		pushLock: (h: LockHolder | undefined) => lockListener?.(h),
		setFailSaves: (f: FakePortOptions['failSaves']) => (fail = f),
		isClosed: () => closed,
		/** Saves asked for after the session was closed (the lock let go): there must be none. */
		savesAfterClose: () => afterClose,
	};
}

export const plain = (frame: string | undefined) => (frame ?? '').replace(/\u001B\[[0-9;]*[A-Za-z]/g, '');

export {waitFor};

/** Renders the whole TUI at a given size, with helpers to press keys (by binding) and read the screen. */
export async function renderTui(options: {workspace?: Workspace; columns?: number; rows?: number; lang?: Lang; env?: NodeJS.ProcessEnv; port?: ReturnType<typeof fakePort>; samplePlan?: SamplePlan; user?: string; review?: boolean; weights?: Record<string, number>} = {}) {
	const fake = options.port ?? fakePort();
	const model: AppModel = {index, regions, catalog, workspace: options.workspace ?? testWorkspace(), weights: options.weights ?? weights, user: options.user ?? '张三', review: options.review ?? false, ...(options.samplePlan ? {samplePlan: options.samplePlan} : {})};
	const r = render(<App model={model} port={fake.port} lang={options.lang ?? 'en'} theme={themeFor(options.env ?? {NO_COLOR: '1'})} />);
	// ink-testing-library fixes 100 columns and no rows; give the terminal the size under test.
	const resize = (columns: number, rows: number) => {
		Object.defineProperty(r.stdout, 'columns', {value: columns, configurable: true});
		Object.defineProperty(r.stdout, 'rows', {value: rows, configurable: true});
		r.stdout.emit('resize');
	};
	resize(options.columns ?? 120, options.rows ?? 30);
	const frame = () => plain(r.lastFrame());
	await waitFor(frame, t => t.startsWith('assess  '), 'the first frame');
	/** Sends chunks one at a time, letting the app render in between (each chunk is one read of the terminal). */
	const press = async (...chunks: string[]) => {
		for (const chunk of chunks) {
			const before = r.frames.length;
			r.stdin.write(chunk);
			// A lone Esc is held back by Ink until the next turn (it may start a sequence).
			const until = Date.now() + 60;
			while (Date.now() < until && r.frames.length === before) await new Promise(res => setTimeout(res, 2));
			await new Promise(res => setTimeout(res, 2));
		}
	};
	/** Presses bindings by id (`'yes'`, or `['level', '2']` for one of its keys), one read each. */
	const act = async (...ids: (string | [string, string])[]) => press(...ids.map(id => (typeof id === 'string' ? keyOf(id) : keyOf(id[0], id[1]))));
	return {...r, ...fake, frame, press, act, resize, waitFor: (test: (t: string) => boolean, what?: string) => waitFor(frame, test, what)};
}

export type Tui = Awaited<ReturnType<typeof renderTui>>;

/** Lines wider than the terminal: there must be none. */
export function overflowing(text: string, columns: number): string[] {
	return text.split('\n').filter(line => stringWidth(line) > columns);
}

/** Walks to a leaf via search by its code (from any screen), and waits for its guide. */
export async function openLeaf(tui: Tui, code: string) {
	await tui.act('search');
	await tui.press(code);
	await tui.waitFor(t => /(indic\.|指标) +/.test(t) && t.includes(` ${code} `), `search result ${code}`);
	await tui.act('searchPick');
	await tui.waitFor(t => t.split('\n').some(l => l.startsWith('>') && l.includes(` ${code} `)), `leaf ${code} selected`);
}

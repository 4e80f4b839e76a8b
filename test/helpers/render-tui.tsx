import React from 'react';
import {render} from 'ink-testing-library';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {App} from '../../source/ui/app.js';
import type {AppModel, SessionPort, WeightsUpdate} from '../../source/ui/session/session-port.js';
import type {Workspace} from '../../source/domain/workspace/workspace-schema.js';
import {loadSystem, loadRegions, loadCatalog, loadBundledWeights} from '../../source/storage/load-files.js';
import {createWorkspace} from '../../source/domain/workspace/workspace-ops.js';
import {parseEvidence} from '../../source/cli/evidence-args.js';
import {themeFor} from '../../source/ui/theme.js';
import type {Lang} from '../../source/domain/text.js';
import type {LockHolder} from '../../source/storage/workspace-lock.js';
import {waitFor} from './wait-for.js';

export const KEYS = {up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', enter: '\r', esc: '\u001B', tab: '\t', backspace: '\u007F', ctrlS: '\u0013', ctrlC: '\u0003'};

const system = loadSystem('2020-province');
export const index = system.index;
const regions = loadRegions().regions;
const catalog = loadCatalog().items;
const weights = loadBundledWeights(index).weights.weights;

export const leafOf = (type: string) => index.leaves.find(l => l.rule!.type === type)!;

export function testWorkspace(codes = ['110000', '310000', '320000']): Workspace {
	return createWorkspace({id: 'tui-test', index, systemDigest: system.digest, assessor: '张三', createdAt: '2026-11-23T08:00:00.000Z', regions: codes});
}

/** An in-memory session: saves are recorded, not written; weights changes are pushed by the test. */
export function fakePort(options: {readOnly?: boolean; lockedBy?: LockHolder; failSaves?: string} = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'assess-tui-'));
	const saves: Workspace[] = [];
	const exports: {output: string; draft: boolean; regions: number}[] = [];
	let weightsListener: ((u: WeightsUpdate) => void) | undefined;
	let closed = false;
	const port: SessionPort = {
		readOnly: options.readOnly ?? false,
		lockedBy: options.lockedBy,
		async save(ws) {
			if (options.failSaves) throw new Error(options.failSaves);
			saves.push(ws);
		},
		evidence: (spec, by, at) => parseEvidence(spec, join(dir, 'ws.json'), dir, by, at),
		watchWeights(listener) {
			weightsListener = listener;
			return () => (weightsListener = undefined);
		},
		defaultExportFile: 'exports/ws.xlsx',
		async exportWorkbook(ws, output, draft) {
			exports.push({output, draft, regions: ws.regions.length});
			return {file: join(dir, output), draft: draft ? '192 项未评' : undefined};
		},
		async close() {
			closed = true;
		},
	};
	return {port, saves, exports, dir, pushWeights: (u: WeightsUpdate) => weightsListener?.(u), isClosed: () => closed};
}

export const plain = (frame: string | undefined) => (frame ?? '').replace(/\u001B\[[0-9;]*[A-Za-z]/g, '');

export {waitFor};

/** Renders the whole TUI at a given size, with helpers to press keys and read the screen. */
export async function renderTui(options: {workspace?: Workspace; columns?: number; rows?: number; lang?: Lang; env?: NodeJS.ProcessEnv; port?: ReturnType<typeof fakePort>} = {}) {
	const fake = options.port ?? fakePort();
	const model: AppModel = {index, regions, catalog, workspace: options.workspace ?? testWorkspace(), weights, weightsFile: 'weights.json', workspaceFile: 'ws.json', user: '张三'};
	const r = render(<App model={model} port={fake.port} lang={options.lang ?? 'en'} theme={themeFor(options.env ?? {NO_COLOR: '1'})} />);
	// ink-testing-library fixes 100 columns and no rows; give the terminal the size under test.
	const resize = (columns: number, rows: number) => {
		Object.defineProperty(r.stdout, 'columns', {value: columns, configurable: true});
		Object.defineProperty(r.stdout, 'rows', {value: rows, configurable: true});
		r.stdout.emit('resize');
	};
	resize(options.columns ?? 120, options.rows ?? 30);
	const frame = () => plain(r.lastFrame());
	await waitFor(frame, t => t.includes('assess ·'), 'the first frame');
	/** Types one chunk at a time, letting the app render in between (each is one key or one paste). */
	const press = async (...chunks: string[]) => {
		for (const chunk of chunks) {
			const before = r.frames.length;
			r.stdin.write(chunk);
			// A lone Esc is held back by Ink for a moment (it may start a sequence).
			const until = Date.now() + (chunk === KEYS.esc ? 200 : 60);
			while (Date.now() < until && r.frames.length === before) await new Promise(res => setTimeout(res, 2));
			await new Promise(res => setTimeout(res, 2));
		}
	};
	return {...r, ...fake, frame, press, resize, waitFor: (test: (t: string) => boolean, what?: string) => waitFor(frame, test, what)};
}

/** Lines wider than the terminal: there must be none. */
export function overflowing(text: string, columns: number): string[] {
	return text.split('\n').filter(line => stringWidth(line) > columns);
}

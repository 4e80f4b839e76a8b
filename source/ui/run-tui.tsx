import React from 'react';
import {render} from 'ink';
import {watchFile, unwatchFile, statSync} from 'node:fs';
import {basename, extname, join, resolve} from 'node:path';
import {runExport} from '../export/run-export.js';
import {App} from './app.js';
import type {AppModel, SessionPort, WeightsUpdate} from './session/session-port.js';
import {OpenWorkspace} from '../storage/workspace-store.js';
import {ValidationCache} from '../storage/validation-cache.js';
import {loadWeights, loadCatalog} from '../storage/load-files.js';
import {UserError} from '../storage/user-error.js';
import {parseEvidence} from '../cli/evidence-args.js';
import type {Lang} from '../domain/text.js';
import {themeFor} from './theme.js';
import {loadLayoutEngine} from './yoga-loader.js';

export type TuiOptions = {file: string; weights?: string; lang: Lang; env: NodeJS.ProcessEnv; cwd: string; by?: string};

/**
 * Opens a workspace in the TUI: takes the lock (or opens read-only, naming who holds it),
 * wires saving, evidence files and the weights watcher, and waits until the user quits.
 */
export async function runTui(options: TuiOptions): Promise<number> {
	// Keys typed while the TUI starts are kept for it. Ink puts the terminal in raw mode only
	// after its first frame; until then the terminal would echo a key (scrolling the screen by a
	// line) and hand Enter over as a newline, which is not Enter to Ink.
	const {stdin} = process;
	const raw = Boolean(stdin.isTTY);
	if (raw) stdin.setRawMode(true);
	try {
		return await openAndRun(options);
	} finally {
		if (raw) stdin.setRawMode(false);
	}
}

async function openAndRun(options: TuiOptions): Promise<number> {
	// Ink's layout engine compiles (off this thread) while the workspace is read.
	const layout = loadLayoutEngine();
	// Awaited below; if opening fails first, a failure here is not left unhandled.
	layout.catch(() => undefined);
	const ws = await OpenWorkspace.open(options.file, {write: true, fallbackToReadOnly: true, weights: options.weights, validationCache: ValidationCache.fromEnvironment(options.env)});
	const {context} = ws;
	const loadedStamp = stampOf(context.weights.file);
	let catalog: AppModel['catalog'] | undefined;
	const model: AppModel = {
		index: context.system.index,
		regions: context.regions.regions,
		// Read just after the first frame (below), not before it.
		get catalog() {
			return (catalog ??= loadCatalog().items);
		},
		workspace: ws.data,
		weights: context.weights.weights.weights,
		weightsFile: context.weights.file,
		workspaceFile: options.file,
		user: options.by ?? ws.data.assessor,
	};
	const port: SessionPort = {
		readOnly: ws.readOnly,
		lockedBy: ws.lockedBy,
		save: async next => void (await ws.save(next)),
		evidence: (spec, by, at) => parseEvidence(spec, options.file, options.cwd, by, at),
		watchWeights(onChange: (u: WeightsUpdate) => void) {
			const file = context.weights.file;
			if (file.startsWith('(')) return () => undefined;
			// Polling survives editors that save by renaming a new file over the old one.
			const listener = () => {
				try {
					onChange({ok: true, weights: loadWeights(file, context.system.index).weights.weights, file});
				} catch (error) {
					onChange({ok: false, problem: error instanceof UserError ? error.message : String(error)});
				}
			};
			watchFile(file, {interval: 300}, listener);
			// A change made between loading and watching would otherwise go unseen.
			if (stampOf(file) !== loadedStamp) listener();
			return () => unwatchFile(file, listener);
		},
		defaultExportFile: join('exports', `${basename(options.file, extname(options.file))}.xlsx`),
		async exportWorkbook(data, output, draft) {
			const target = resolve(options.cwd, output);
			const result = await runExport({ws: data, context, workspaceFile: options.file, inputs: [ws.realFile], output: target, format: 'xlsx', detail: true, allowIncomplete: draft, allowConflicts: draft, now: new Date()});
			return {file: target, draft: result.draft};
		},
		close: () => ws.close(),
	};
	await layout;
	// The alternate screen keeps the user's scrollback intact and is left on exit.
	process.stdout.write('\u001B[?1049h');
	try {
		const instance = render(<App model={model} port={port} lang={options.lang} theme={themeFor(options.env)} />, {exitOnCtrlC: false, patchConsole: true});
		// The first frame is on the screen: now the catalog, so that a broken one is still
		// reported at start-up, like any other file, and not when search first opens.
		try {
			void model.catalog;
		} catch (error) {
			instance.unmount();
			throw error;
		}
		// A closed terminal or a kill: finish the pending save and let go of the lock first.
		const stop = () => instance.unmount();
		process.once('SIGHUP', stop);
		process.once('SIGTERM', stop);
		await instance.waitUntilExit();
		process.off('SIGHUP', stop);
		process.off('SIGTERM', stop);
	} finally {
		process.stdout.write('\u001B[?1049l');
		await ws.close();
	}
	return 0;
}

function stampOf(file: string): string {
	try {
		const s = statSync(file);
		return `${s.size}:${s.mtimeMs}`;
	} catch {
		return 'missing';
	}
}

import React from 'react';
import {render} from 'ink';
import {App} from './app.js';
import type {AppModel} from './session/session-port.js';
import {filePort} from './session/file-port.js';
import {OpenWorkspace} from '../storage/workspace-store.js';
import {ValidationCache} from '../storage/validation-cache.js';
import {loadCatalog} from '../storage/load-files.js';
import type {Lang} from '../domain/text.js';
import {themeFor} from './theme.js';
import {loadLayoutEngine} from '../runtime/yoga-loader.js';
import {loadSamplePlan} from '../storage/load-sample-plan.js';
import {relativeToWorkspace} from '../storage/bundled-paths.js';
import {problemText} from './problem-text.js';
import {RENDER_OPTIONS} from './render-options.js';

export type TuiOptions = {file: string; weights?: string; lang: Lang; env: NodeJS.ProcessEnv; cwd: string; by?: string; review?: boolean};

/** The terminal's modes the TUI uses: the alternate screen (scrollback stays intact) and bracketed paste. */
const ENTER = '\u001B[?1049h\u001B[?2004h';
const LEAVE = '\u001B[?2004l\u001B[?1049l';

/**
 * Opens a workspace in the TUI: takes the lock (or opens read-only, naming who holds it),
 * wires saving, evidence files and the watchers, and waits until the user quits.
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

/** The team's sample plan the workspace names (relative to it), or why it cannot be used. */
function samplePlanOf(plan: string | undefined, file: string, index: AppModel['index'], lang: Lang): Pick<AppModel, 'samplePlan' | 'samplePlanProblem'> {
	if (!plan) return {};
	try {
		return {samplePlan: loadSamplePlan(relativeToWorkspace(file, plan), index).plan};
	} catch (error) {
		return {samplePlanProblem: problemText(lang, error)};
	}
}

async function openAndRun(options: TuiOptions): Promise<number> {
	// Ink's layout engine compiles (off this thread) while the workspace is read.
	const layout = loadLayoutEngine();
	// Awaited below; if opening fails first, a failure here is not left unhandled.
	layout.catch(() => undefined);
	const ws = await OpenWorkspace.open(options.file, {write: true, fallbackToReadOnly: true, weights: options.weights, validationCache: ValidationCache.fromEnvironment(options.env), actor: options.by});
	const {context} = ws;
	const user = options.by ?? ws.data.assessor;
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
		user,
		review: options.review ?? false,
		...samplePlanOf(ws.data.samplePlan, options.file, context.system.index, options.lang),
	};
	const port = filePort(ws, {file: options.file, weights: options.weights, env: options.env, cwd: options.cwd, user, lang: options.lang});
	await layout;
	process.stdout.write(ENTER);
	try {
		const instance = render(<App model={model} port={port} lang={options.lang} theme={themeFor(options.env)} />, {...RENDER_OPTIONS, exitOnCtrlC: false, patchConsole: true});
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
		process.stdout.write(LEAVE);
		await port.close();
	}
	return 0;
}

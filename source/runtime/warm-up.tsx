import React from 'react';
import {render} from 'ink';
import {App} from '../ui/app.js';
import type {AppModel} from '../ui/session/session-port.js';
import {quietPort} from '../ui/session/quiet-port.js';
import {HeadlessInput, HeadlessOutput} from './headless-terminal.js';
import {loadLayoutEngine} from './yoga-loader.js';
import {themeFor} from '../ui/theme.js';
import {readWorkspace} from '../storage/workspace-store.js';
import {loadCatalog} from '../storage/load-files.js';
import {demoWorkspaceFile} from '../storage/bundled-paths.js';
import {RENDER_OPTIONS} from '../ui/render-options.js';

/** Keys a first session presses: open a region, move, walk, switch panes, scoreboard, help. */
const KEYS = ['\r', 'j', 'j', 'k', 'n', '\t', 'j', '\t', '\u001B', 's', 'j', '\u001B', '?', '\u001B', '/', 'bszn', '\u001B[B', '\u001B', 'j', '\r', '\u001B'];

/**
 * What the TUI runs when it starts, run once by the build with no screen (`assess __warm-up`):
 * the bundled demo read and validated in full, the App rendered, a few keys pressed. The build
 * keeps the code V8 compiled for it (dist/code-open.bin), so that even the first start of a
 * new build finds compiled code (see source/boot.ts). Nothing is written: the session is read-only.
 */
export async function warmUp(): Promise<void> {
	const layout = loadLayoutEngine();
	const file = demoWorkspaceFile();
	const {data, context} = await readWorkspace(file);
	await layout;
	const port = quietPort();
	const model: AppModel = {
		index: context.system.index,
		regions: context.regions.regions,
		catalog: loadCatalog().items,
		workspace: data,
		weights: context.weights.weights.weights,
		user: data.assessor,
	};
	const stdout = new HeadlessOutput();
	const stdin = new HeadlessInput();
	const instance = render(<App model={model} port={port} lang="zh" theme={themeFor({})} />, {stdout: stdout as never, stdin: stdin as never, stderr: stdout as never, ...RENDER_OPTIONS, exitOnCtrlC: false, patchConsole: false});
	for (const key of KEYS) {
		stdin.press(key);
		await new Promise(resolve => setTimeout(resolve, 15));
	}
	instance.unmount();
}

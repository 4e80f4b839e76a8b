import {existsSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

let root: string | undefined;

/**
 * The folder the program was installed in (it holds `indicators/` and `workspaces/demo.json`).
 * Found by walking up from this module, so it works from the bundle and from the sources.
 */
export function installRoot(): string {
	if (root) return root;
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		if (existsSync(join(dir, 'indicators', 'regions.json')) && existsSync(join(dir, 'package.json'))) return (root = dir);
		const up = dirname(dir);
		if (up === dir) throw new Error('cannot find the bundled indicators/ folder next to the program');
		dir = up;
	}
}

export const bundledDir = () => join(installRoot(), 'indicators');
export const bundledSystemFile = (id: string) => join(bundledDir(), `${id}.json`);
export const bundledWeightsFile = (id: string) => join(bundledDir(), `${id}.weights.json`);
export const regionsFile = () => join(bundledDir(), 'regions.json');
export const catalogFile = () => join(bundledDir(), 'service-items.json');
export const demoWorkspaceFile = () => join(installRoot(), 'workspaces', 'demo.json');

/** A path written inside a workspace, taken relative to the workspace's folder. */
export function relativeToWorkspace(workspaceFile: string, path: string): string {
	return resolve(dirname(workspaceFile), path);
}

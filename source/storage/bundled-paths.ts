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

/** What a bundled file is, when a path is one: the program's own files are named by what they are, not where they are installed. */
export function bundledName(file: string): {kind: 'system' | 'weights' | 'regions' | 'catalog' | 'demo' | 'schema'; id: string} | undefined {
	let root: string;
	try {
		root = installRoot();
	} catch {
		return undefined;
	}
	if (file === demoWorkspaceFile()) return {kind: 'demo', id: 'demo'};
	const dir = bundledDir();
	if (dirname(file) === join(dir, 'schemas')) return {kind: 'schema', id: file.slice(join(dir, 'schemas').length + 1)};
	if (dirname(file) !== dir || !root) return undefined;
	const name = file.slice(dir.length + 1);
	if (name === 'regions.json') return {kind: 'regions', id: 'regions'};
	if (name === 'service-items.json') return {kind: 'catalog', id: 'service-items'};
	if (name.endsWith('.weights.json')) return {kind: 'weights', id: name.slice(0, -'.weights.json'.length)};
	if (name.endsWith('.json')) return {kind: 'system', id: name.slice(0, -'.json'.length)};
	return undefined;
}

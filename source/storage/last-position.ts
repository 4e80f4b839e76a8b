import {mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {createHash} from 'node:crypto';
import {cacheFolder} from './cache-folder.js';

export type LastPosition = {region: string; node: string};

/**
 * Where each assessor left off in each workspace, so that opening it again returns them there.
 * Kept in the user's cache folder (ASSESS_CACHE_DIR to move or turn off), one small file for
 * all workspaces, by the workspace's real path and the assessor's name: nothing is written
 * beside the workspace, and losing it loses only the convenience.
 */
export class LastPositions {
	readonly #file: string | undefined;

	constructor(folder: string | undefined) {
		this.#file = folder ? join(folder, 'positions.json') : undefined;
	}

	static fromEnvironment(env: NodeJS.ProcessEnv): LastPositions {
		return new LastPositions(cacheFolder(env));
	}

	get(workspace: string, user: string): LastPosition | undefined {
		const at = this.#all()[keyOf(workspace, user)];
		return at && typeof at.region === 'string' && typeof at.node === 'string' ? {region: at.region, node: at.node} : undefined;
	}

	set(workspace: string, user: string, position: LastPosition): void {
		if (!this.#file) return;
		try {
			const all = this.#all();
			const key = keyOf(workspace, user);
			delete all[key];
			all[key] = {region: position.region, node: position.node};
			// Only the last 500 workspaces are remembered.
			const kept = Object.fromEntries(Object.entries(all).slice(-500));
			mkdirSync(resolve(this.#file, '..'), {recursive: true});
			const tmp = `${this.#file}.${process.pid}.tmp`;
			writeFileSync(tmp, JSON.stringify(kept));
			renameSync(tmp, this.#file);
		} catch {
			// A cache: if it cannot be written, the next start opens at the regions list.
		}
	}

	#all(): Record<string, LastPosition> {
		if (!this.#file) return {};
		try {
			const data = JSON.parse(readFileSync(this.#file, 'utf8')) as unknown;
			return data && typeof data === 'object' && !Array.isArray(data) ? Object.assign(Object.create(null), data) : {};
		} catch {
			return {};
		}
	}
}

function keyOf(workspace: string, user: string): string {
	let real = resolve(workspace);
	try {
		real = realpathSync(workspace);
	} catch {
		// Not there (any more): its path will do.
	}
	return createHash('sha256').update(`${real}\0${user}`).digest('hex').slice(0, 32);
}

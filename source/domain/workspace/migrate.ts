import {WORKSPACE_FORMAT} from './workspace-schema.js';
import {type Result, ok, fail} from '../issues.js';

/**
 * Upgrades a workspace written by an older version of the program, one format step at a time.
 * Each step takes the raw data of format N and returns format N + 1; old files are never
 * rewritten until the upgraded data has validated.
 */
export const MIGRATIONS: Readonly<Record<number, (data: Record<string, unknown>) => Record<string, unknown>>> = {
	// Format 1 is the first released format; steps for later formats go here (1: v1 → v2, …).
};

export function migrateWorkspace(raw: unknown, migrations = MIGRATIONS, current = WORKSPACE_FORMAT): Result<unknown> {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail({path: [], message: 'a workspace is a JSON object'});
	let data = raw as Record<string, unknown>;
	const version = data.formatVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return fail({path: ['formatVersion'], message: `expected a format version number (this program writes ${current})`});
	}
	if (version > current) {
		return fail({path: ['formatVersion'], message: `format ${version} was written by a newer version of assess (this one reads up to ${current}); please upgrade`});
	}
	for (let v = version; v < current; v++) {
		const step = migrations[v];
		if (!step) return fail({path: ['formatVersion'], message: `no upgrade from format ${v} is known`});
		data = {...step(data), formatVersion: v + 1};
	}
	return ok(data);
}

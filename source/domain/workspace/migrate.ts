import {WORKSPACE_FORMAT} from './workspace-schema.js';
import {type Result, ok, fail, issue} from '../issues.js';
import {WORKSPACE_ISSUES as W} from './workspace-words.js';

/**
 * Upgrades a workspace written by an older version of the program, one format step at a time.
 * Each step takes the raw data of format N and returns format N + 1; old files are never
 * rewritten until the upgraded data has validated.
 */
export const MIGRATIONS: Readonly<Record<number, (data: Record<string, unknown>) => Record<string, unknown>>> = {
	// Format 1 is the first released format; steps for later formats go here (1: v1 → v2, …).
};

export function migrateWorkspace(raw: unknown, migrations = MIGRATIONS, current = WORKSPACE_FORMAT): Result<unknown> {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(issue([], W.notObject()));
	let data = raw as Record<string, unknown>;
	const version = data.formatVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return fail(issue(['formatVersion'], W.noFormat({current})));
	}
	if (version > current) {
		return fail(issue(['formatVersion'], W.newerFormat({version, current})));
	}
	for (let v = version; v < current; v++) {
		const step = migrations[v];
		if (!step) return fail(issue(['formatVersion'], W.noUpgrade({version: v})));
		data = {...step(data), formatVersion: v + 1};
	}
	return ok(data);
}

import {workspace as workspaceSchema, finding as findingSchema, findingKey, type Workspace, type Finding} from '../domain/workspace/workspace-schema.js';
import {checkFinding} from '../domain/workspace/workspace-ops.js';
import type {SystemIndex} from '../domain/system/system-index.js';
import type {Issue} from '../domain/issues.js';
import {zodIssues} from './load-files.js';

/**
 * Validates a workspace before it is saved, exactly as the full schema and the system check
 * would, but skipping findings it has already validated: the TUI changes one finding at a time
 * and keeps every other finding object as it was, so a save validates what changed, not 4,096
 * findings. (Objects are never mutated after validation; the reducers make new ones.)
 */
export class WorkspaceValidator {
	readonly #index: SystemIndex;
	readonly #validated = new WeakSet<Finding>();

	constructor(index: SystemIndex) {
		this.#index = index;
	}

	/** Issues with the workspace; none means it may be written. */
	check(ws: Workspace): Issue[] {
		const issues: Issue[] = [];
		// The shell (everything but the findings) with the full schema.
		const shell = workspaceSchema.safeParse({...ws, findings: {}});
		if (!shell.success) issues.push(...zodIssues(shell.error));
		const regions = new Set(ws.regions);
		for (const [key, f] of Object.entries(ws.findings)) {
			if (this.#validated.has(f)) continue;
			const parsed = findingSchema.safeParse(f);
			if (!parsed.success) {
				issues.push(...zodIssues(parsed.error).map(i => ({...i, path: ['findings', key, ...i.path]})));
				continue;
			}
			const own: Issue[] = [];
			if (key !== findingKey(f.region, f.indicator)) own.push({path: ['findings', key], message: `the key should be "${findingKey(f.region, f.indicator)}"`});
			if (!regions.has(f.region)) own.push({path: ['findings', key, 'region'], message: `region "${f.region}" is not in this workspace's regions`});
			own.push(...checkFinding(this.#index, f, ['findings', key]));
			if (own.length === 0) this.#validated.add(f);
			issues.push(...own);
		}
		for (const [key, c] of Object.entries(ws.conflicts)) c.candidates.forEach((f, i) => issues.push(...checkFinding(this.#index, f, ['conflicts', key, 'candidates', i])));
		return issues;
	}

	/** Marks the findings of a workspace just loaded and fully validated. */
	trust(ws: Workspace): void {
		for (const f of Object.values(ws.findings)) this.#validated.add(f);
	}
}

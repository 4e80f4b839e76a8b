import {workspace as workspaceSchema, finding as findingSchema, conflictShell, findingKey, type Workspace, type Finding} from '../domain/workspace/workspace-schema.js';
import {checkFinding} from '../domain/workspace/workspace-ops.js';
import type {SystemIndex} from '../domain/system/system-index.js';
import {issue, type Issue} from '../domain/issues.js';
import {WORKSPACE_ISSUES as W} from '../domain/workspace/workspace-words.js';
import {zodIssues} from './load-files.js';

/**
 * Validates a workspace before it is written, exactly as the full schema and the system check
 * (`checkWorkspace`) would, but skipping findings it has already validated: the TUI changes one
 * finding at a time and keeps every other finding object as it was, so a save validates what
 * changed, not 4,096 findings; a merge validates the findings it made, not the ones it read.
 * (Findings are never mutated after validation; the reducers and the merge make new ones.)
 */
export class WorkspaceValidator {
	readonly #index: SystemIndex;
	readonly #knownRegions: ReadonlySet<string>;
	readonly #validated = new WeakSet<Finding>();
	/**
	 * Findings found whole under a key (valid, the key theirs, their region listed), for the
	 * regions they were checked against: a save after one change looks each finding up once,
	 * instead of making its key again (4,096 strings a save).
	 */
	#placed = new WeakMap<Finding, string>();
	#placedFor: unknown;

	constructor(index: SystemIndex, knownRegions: ReadonlySet<string>) {
		this.#index = index;
		this.#knownRegions = knownRegions;
	}

	/** Issues with the workspace; none means it may be written. */
	check(ws: Workspace): Issue[] {
		const issues: Issue[] = [];
		// The shell (everything but the findings and conflicts) with the full schema.
		const shell = workspaceSchema.safeParse({...ws, findings: {}, conflicts: {}});
		if (!shell.success) issues.push(...zodIssues(shell.error));
		if (ws.system?.id !== this.#index.system.id) issues.push(issue(['system', 'id'], W.otherSystem({was: String(ws.system?.id), now: this.#index.system.id})));
		if (Array.isArray(ws.regions)) {
			ws.regions.forEach((code, i) => this.#knownRegions.has(code) || issues.push(issue(['regions', i], W.unknownRegion({code}))));
		}
		const regions = new Set(ws.regions);
		if (this.#placedFor !== ws.regions) {
			this.#placed = new WeakMap();
			this.#placedFor = ws.regions;
		}
		const findings = record(ws.findings, 'findings', issues);
		for (const key of Object.keys(findings)) {
			const f = findings[key]!;
			if (this.#placed.get(f) === key) continue;
			const own = this.#checkFinding(f, ['findings', key]);
			if (own.length === 0) {
				if (key !== findingKey(f.region, f.indicator)) own.push(issue(['findings', key], W.keyShouldBe({key: findingKey(f.region, f.indicator)})));
				if (!regions.has(f.region)) own.push(issue(['findings', key, 'region'], W.regionNotListed({region: f.region})));
			}
			if (own.length === 0) this.#placed.set(f, key);
			issues.push(...own);
		}
		for (const [key, c] of Object.entries(record(ws.conflicts, 'conflicts', issues))) {
			const parsed = conflictShell.safeParse(c);
			if (!parsed.success) {
				issues.push(...zodIssues(parsed.error).map(i => ({...i, path: ['conflicts', key, ...i.path]})));
				continue;
			}
			if (key !== findingKey(c.region, c.indicator)) issues.push(issue(['conflicts', key], W.keyShouldBe({key: findingKey(c.region, c.indicator)})));
			c.candidates.forEach((f, i) => issues.push(...this.#checkFinding(f, ['conflicts', key, 'candidates', i])));
		}
		return issues;
	}

	/** Marks the findings and conflict candidates of a workspace that was fully validated (loaded, or checked here). */
	trust(ws: Workspace): void {
		for (const f of Object.values(ws.findings)) this.#validated.add(f);
		for (const c of Object.values(ws.conflicts)) for (const f of c.candidates) this.#validated.add(f);
	}

	/** One finding with the schema and against the system, unless it was validated before. */
	#checkFinding(f: Finding, path: (string | number)[]): Issue[] {
		if (typeof f === 'object' && f !== null && this.#validated.has(f)) return [];
		const parsed = findingSchema.safeParse(f);
		if (!parsed.success) return zodIssues(parsed.error).map(i => ({...i, path: [...path, ...i.path]}));
		const issues = checkFinding(this.#index, f, path);
		if (issues.length === 0) this.#validated.add(f);
		return issues;
	}
}

/** A record to check; an empty one, and an issue, when it is not one (absent conflicts mean none). */
function record<T>(value: Record<string, T> | undefined, name: 'findings' | 'conflicts', issues: Issue[]): Record<string, T> {
	if (value === undefined && name === 'conflicts') return {};
	if (value && typeof value === 'object' && !Array.isArray(value)) return value;
	issues.push(issue([name], W.objectByKey({name})));
	return {};
}

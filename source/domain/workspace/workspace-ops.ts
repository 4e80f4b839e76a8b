import type {SystemIndex} from '../system/system-index.js';
import {issue, type Issue} from '../issues.js';
import {WORKSPACE_ISSUES as W} from './workspace-words.js';
import {checkValue} from '../rules/parse-value.js';
import {type Workspace, type Finding, WORKSPACE_KIND, WORKSPACE_FORMAT, findingKey} from './workspace-schema.js';
import {scoreRecord, type WorkspaceScore} from '../scoring/score-workspace.js';
import {type FindingChange, recordFinding} from './record-finding.js';
import {hasValue} from './finality.js';

export type NewWorkspace = {
	id: string;
	index: SystemIndex;
	systemDigest: string;
	systemFile?: string;
	weights?: string;
	/** SHA-256 of the weights file the workspace starts with. */
	weightsDigest?: string;
	/** A shared sample plan, relative to the workspace. */
	samplePlan?: string;
	assessor: string;
	createdAt: string;
	regions: readonly string[];
};

export function createWorkspace(input: NewWorkspace): Workspace {
	const ws: Workspace = {
		kind: WORKSPACE_KIND,
		formatVersion: WORKSPACE_FORMAT,
		id: input.id,
		system: {id: input.index.system.id, version: input.index.system.version, digest: input.systemDigest},
		assessor: input.assessor,
		createdAt: input.createdAt,
		regions: [...input.regions],
		findings: {},
		conflicts: {},
	};
	if (input.systemFile) ws.system.file = input.systemFile;
	if (input.weights) ws.weights = input.weights;
	if (input.weightsDigest) ws.weightsDigest = input.weightsDigest;
	if (input.samplePlan) ws.samplePlan = input.samplePlan;
	return ws;
}

/**
 * Checks a workspace against its indicator system and the known regions: every finding is on
 * a leaf of the system, for a known region, with a value its rule accepts.
 */
export function checkWorkspace(index: SystemIndex, ws: Workspace, knownRegions: ReadonlySet<string>): Issue[] {
	const issues: Issue[] = [];
	if (ws.system.id !== index.system.id) issues.push(issue(['system', 'id'], W.otherSystem({was: ws.system.id, now: index.system.id})));
	for (const [i, code] of ws.regions.entries()) {
		if (!knownRegions.has(code)) issues.push(issue(['regions', i], W.unknownRegion({code})));
	}
	for (const [key, f] of Object.entries(ws.findings)) issues.push(...checkFinding(index, f, ['findings', key]));
	for (const [key, c] of Object.entries(ws.conflicts)) c.candidates.forEach((f, i) => issues.push(...checkFinding(index, f, ['conflicts', key, 'candidates', i])));
	return issues;
}

/** One finding against the system: on a leaf, with a value its rule accepts. */
export function checkFinding(index: SystemIndex, f: Finding, path: (string | number)[]): Issue[] {
	const node = index.nodes.get(f.indicator);
	if (!node) return [issue([...path, 'indicator'], W.notIndicator({code: f.indicator, system: index.system.id}))];
	if (!node.rule) return [issue([...path, 'indicator'], W.notLeaf({code: f.indicator}))];
	if (f.value) {
		const problem = checkValue(node.rule, f.value);
		if (problem) return [issue([...path, 'value'], problem)];
	}
	return [];
}

/** Scores a workspace with the given weights. */
export function scoreOf(index: SystemIndex, weights: Readonly<Record<string, number>>, ws: Workspace): WorkspaceScore {
	return scoreRecord(index, weights, ws.regions, ws.findings);
}

/** Applies one change to many regions at once (a bulk edit), returning a new workspace. */
export function applyChange(ws: Workspace, regions: readonly string[], indicator: string, change: FindingChange, by: string, at: string): Workspace {
	const findings = {...ws.findings};
	for (const region of regions) {
		const key = findingKey(region, indicator);
		findings[key] = recordFinding(findings[key], region, indicator, change, by, at);
	}
	return {...ws, findings};
}

/** Leaves not yet scored (no value and not marked not applicable) of one region, in tree order. */
export function unscoredLeaves(index: SystemIndex, ws: Workspace, region: string): string[] {
	return index.leaves
		.filter(leaf => {
			const f = ws.findings[findingKey(region, leaf.code)];
			if (ws.conflicts[findingKey(region, leaf.code)]) return true;
			if (!f) return true;
			return f.status !== 'na' && !hasValue(leaf.rule!, f);
		})
		.map(l => l.code);
}

import type {Workspace, Finding, Conflict} from '../workspace/workspace-schema.js';
import {findingKey} from '../workspace/workspace-schema.js';
import {type Result, ok, fail, issue} from '../issues.js';
import {messages} from '../words/message.js';

const S = messages('domain/merge', {
	nothing: {zh: '没有可合并的内容', en: 'nothing to merge'},
	otherSystem: {zh: '属于指标体系 "{system}"，而第一个文件属于 "{first}"；只能合并同一指标体系的工作区', en: 'is for indicator system "{system}", but the first is for "{first}"; only workspaces of one system can be merged'},
	otherVersion: {zh: '使用 {system} 的版本 {version}，而第一个文件使用 {first}；请先统一到同一版本', en: 'uses version {version} of {system}, but the first uses {first}; bring them to one version first'},
});
import {mergeFindingVersions} from './merge-findings.js';
import {mergeEvidence, revOf, versionOf} from '../workspace/record-finding.js';
import {mergeReviewPolicies} from '../review/review-policy.js';
import type {SpotCheck} from '../workspace/workspace-schema.js';

export type RegionSummary = {region: string; added: number; updated: number; unchanged: number; conflicts: number};

export type MergeResult = {
	workspace: Workspace;
	/** Per region, compared with the first input. */
	summary: RegionSummary[];
	conflicts: number;
};

export type MergeOptions = {id: string; assessor: string; createdAt: string};

/**
 * Merges workspaces of one indicator system into one: regions united, every finding merged by
 * `mergeFindingVersions`. Refuses workspaces of different systems or system versions.
 */
export function mergeWorkspaces(inputs: readonly Workspace[], options: MergeOptions): Result<MergeResult> {
	const first = inputs[0];
	if (!first) return fail(issue([], S.nothing()));
	for (const [i, ws] of inputs.entries()) {
		if (ws.system.id !== first.system.id) return fail(issue([i, 'system', 'id'], S.otherSystem({system: ws.system.id, first: first.system.id})));
		if (ws.system.version !== first.system.version) return fail(issue([i, 'system', 'version'], S.otherVersion({version: ws.system.version, system: ws.system.id, first: first.system.version})));
	}
	const regions = [...new Set(inputs.flatMap(ws => ws.regions))];
	const versions = new Map<string, Finding[]>();
	const add = (key: string, f: Finding) => {
		const list = versions.get(key);
		if (list) list.push(f);
		else versions.set(key, [f]);
	};
	for (const ws of inputs) {
		for (const [key, f] of Object.entries(ws.findings)) add(key, f);
		for (const [key, c] of Object.entries(ws.conflicts)) for (const f of c.candidates) add(key, f);
	}
	const findings: Record<string, Finding> = {};
	const conflicts: Record<string, Conflict> = {};
	for (const key of [...versions.keys()].sort()) {
		const outcome = mergeFindingVersions(versions.get(key)!);
		if (outcome.kind === 'finding') findings[key] = outcome.finding;
		else conflicts[key] = outcome.conflict;
	}
	const workspace: Workspace = {
		...(first.$schema ? {$schema: first.$schema} : {}),
		kind: first.kind,
		formatVersion: first.formatVersion,
		id: options.id,
		system: first.system,
		...(first.weights ? {weights: first.weights} : {}),
		...(first.weightsDigest ? {weightsDigest: first.weightsDigest} : {}),
		...(first.samplePlan ? {samplePlan: first.samplePlan} : {}),
		assessor: options.assessor,
		createdAt: options.createdAt,
		regions,
		findings,
		conflicts,
	};
	// Who required review and assigned reviewers, and every spot check drawn, from every input.
	const reviewPolicy = mergeReviewPolicies(inputs);
	if (reviewPolicy) workspace.reviewPolicy = reviewPolicy;
	const spotChecks = mergeSpotChecks(inputs);
	if (spotChecks.length) workspace.spotChecks = spotChecks;
	return ok({workspace, summary: summarise(first, workspace), conflicts: Object.keys(conflicts).length});
}

/** Spot checks of several workspaces: each draw once, in the order they were drawn. */
function mergeSpotChecks(inputs: readonly Workspace[]): SpotCheck[] {
	const byId = new Map<string, SpotCheck>();
	for (const ws of inputs) for (const s of ws.spotChecks ?? []) if (!byId.has(s.id)) byId.set(s.id, s);
	return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

function summarise(base: Workspace, merged: Workspace): RegionSummary[] {
	const byRegion = new Map(merged.regions.map(region => [region, {region, added: 0, updated: 0, unchanged: 0, conflicts: 0}]));
	for (const [key, f] of Object.entries(merged.findings)) {
		const s = byRegion.get(f.region);
		if (!s) continue;
		const before = base.findings[key];
		if (!before) s.added++;
		else if (before.rev === f.rev) s.unchanged++;
		else s.updated++;
	}
	for (const c of Object.values(merged.conflicts)) {
		const s = byRegion.get(c.region);
		if (s) s.conflicts++;
	}
	return [...byRegion.values()];
}

/**
 * Settles a conflict with a chosen (or newly edited) verdict. The result descends from every
 * candidate (they are its history), keeps all their evidence, records who settled it, when and
 * (optionally) why, and keeps every candidate whole (value, note, evidence, who, when) so the
 * export can show what each assessor said.
 */
export function settleConflict(ws: Workspace, region: string, indicator: string, chosen: Pick<Finding, 'value' | 'status' | 'reason' | 'note'>, by: string, at: string, why?: string): Workspace {
	const key = findingKey(region, indicator);
	const conflict = ws.conflicts[key];
	if (!conflict) return ws;
	const candidates = conflict.candidates;
	const evidence = mergeEvidence(...candidates.map(c => c.evidence));
	const version = {value: chosen.value, status: chosen.status, note: chosen.note, by, at, ...(chosen.reason ? {reason: chosen.reason} : {})};
	const settledWhy = why?.trim();
	const finding: Finding = {
		region,
		indicator,
		...version,
		rev: revOf(version, evidence, candidates.map(c => c.rev)),
		evidence,
		history: candidates.map(versionOf),
		settled: {by, at, from: candidates.map(c => c.rev), ...(settledWhy ? {reason: settledWhy} : {}), candidates: candidates.map(c => ({...versionOf(c), evidence: c.evidence}))},
	};
	const conflicts = {...ws.conflicts};
	delete conflicts[key];
	return {...ws, findings: {...ws.findings, [key]: finding}, conflicts};
}

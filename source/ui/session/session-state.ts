import type {Workspace, Finding, Conflict, Evidence} from '../../domain/workspace/workspace-schema.js';
import {findingKey, finding as findingSchema} from '../../domain/workspace/workspace-schema.js';
import {settleConflict, mergeWorkspaces} from '../../domain/merge/merge-workspaces.js';
import {recordFinding, evidenceKey, type FindingChange} from '../../domain/workspace/record-finding.js';
import {checkFinding} from '../../domain/workspace/workspace-ops.js';
import type {SystemIndex} from '../../domain/system/system-index.js';
import {checkRecording} from '../../domain/workspace/recording-rules.js';
import type {Lang} from '../../domain/text.js';
import {applyReview, type ReviewDecision} from '../../domain/review/review-finding.js';
import {say} from '../../domain/words/message.js';
import {zodIssues} from '../../domain/words/zod-issues.js';
import {WORKSPACE_ISSUES as W} from '../../domain/workspace/workspace-words.js';

/** What a change touched, for "undone: the note of 1.1.1 in 北京市". */
export type ChangeWhat = 'value' | 'samples' | 'note' | 'evidence' | 'status' | 'settle' | 'region' | 'review';

/** One key's content: a finding, a conflict, or nothing yet. */
type Snapshot = {finding?: Finding; conflict?: Conflict};

/** One step that undo takes back and redo puts again. */
export type Step =
	| {kind: 'finding'; what: ChangeWhat; region: string; indicator: string; before: Snapshot; after: Snapshot}
	| {kind: 'region'; what: 'region'; region: string; before: readonly string[]; after: readonly string[]};

export type SessionState = {
	ws: Workspace;
	undo: readonly Step[];
	redo: readonly Step[];
	/** Bumped on every change; the saver writes the newest one. */
	version: number;
	/**
	 * What the last change touched: the workspace before it and the regions whose findings or
	 * conflicts it changed (a step touches one). Views that judge region by region judge only
	 * those again; a change from outside (a merge from disk, a refresh) leaves it unset.
	 */
	changed?: {from: Workspace; regions: readonly string[]};
};

/**
 * A session after an action, or the same one and why not. `step` is what changed, for messages;
 * `demoted`: a done leaf went back to draft, since its new value cannot be done (an item not judged yet).
 */
export type SessionResult = {state: SessionState; problem?: string; step?: Step; demoted?: string};

export const UNDO_LIMIT = 200;

export function initialSession(ws: Workspace): SessionState {
	return {ws, undo: [], redo: [], version: 0};
}

const snapshotOf = (ws: Workspace, key: string): Snapshot => ({finding: ws.findings[key], conflict: ws.conflicts[key]});

function withStep(state: SessionState, ws: Workspace, step: Step): SessionResult {
	return {state: {ws, undo: [...state.undo, step].slice(-UNDO_LIMIT), redo: [], version: state.version + 1, changed: {from: state.ws, regions: [step.region]}}, step};
}

/**
 * The same checks a save makes, for one finding, before it enters the session: a change the
 * file would refuse is refused here, with the reason, and never blocks the saves after it.
 */
export function findingProblem(index: SystemIndex, ws: Workspace, f: Finding, lang: Lang = 'en'): string | undefined {
	if (!ws.regions.includes(f.region)) return say(lang, W.regionNotListed({region: f.region}));
	const issue = checkFinding(index, f, [])[0];
	if (issue) return say(lang, issue.said);
	const parsed = findingSchema.safeParse(f);
	const schemaIssue = parsed.success ? undefined : zodIssues(parsed.error)[0];
	return schemaIssue && say(lang, schemaIssue.said);
}

/**
 * A change to one finding, under the recording rules (`checkRecording`, as `assess record`):
 * not applicable and flagged need a reason, done needs a value, every item judged and enough
 * items (or a reason). A new value a done leaf cannot keep (an item added, not judged yet) puts
 * the leaf back to draft, and says why, rather than refusing the value.
 */
export function changeFinding(state: SessionState, index: SystemIndex, at: {region: string; indicator: string}, change: FindingChange, what: ChangeWhat, by: string, time: string, lang: Lang = 'en'): SessionResult {
	const key = findingKey(at.region, at.indicator);
	const previous = state.ws.findings[key];
	let next = recordFinding(previous, at.region, at.indicator, change, by, time);
	if (next === previous) return {state};
	const rule = index.nodes.get(at.indicator)?.rule;
	let broken = rule ? checkRecording(rule, next, change, lang) : undefined;
	let demoted: string | undefined;
	if (broken && rule && change.value !== undefined && change.status === undefined && next.status === 'done') {
		demoted = broken.message;
		next = recordFinding(previous, at.region, at.indicator, {...change, status: 'draft'}, by, time);
		broken = checkRecording(rule, next, {...change, status: 'draft'}, lang);
	}
	if (broken) return {state, problem: broken.message};
	const problem = findingProblem(index, state.ws, next, lang);
	if (problem) return {state, problem};
	const ws = {...state.ws, findings: {...state.ws.findings, [key]: next}};
	const result = withStep(state, ws, {kind: 'finding', what, ...at, before: snapshotOf(state.ws, key), after: snapshotOf(ws, key)});
	return demoted ? {...result, demoted} : result;
}

/** Settles a conflict with a chosen verdict, recording who settled it, when and (optionally) why. */
export function settle(state: SessionState, at: {region: string; indicator: string}, chosen: Pick<Finding, 'value' | 'status' | 'reason' | 'note'>, by: string, time: string, why?: string): SessionResult {
	const key = findingKey(at.region, at.indicator);
	if (!state.ws.conflicts[key]) return {state};
	const ws = settleConflict(state.ws, at.region, at.indicator, chosen, by, time, why);
	return withStep(state, ws, {kind: 'finding', what: 'settle', ...at, before: snapshotOf(state.ws, key), after: snapshotOf(ws, key)});
}

/**
 * A reviewer's decision on a finding (or on a conflict between reviews, which it settles): the
 * domain's `applyReview`. The review rules (`checkReview`) are checked before, by the caller.
 */
export function review(state: SessionState, at: {region: string; indicator: string}, decision: ReviewDecision, by: string, time: string, note?: string): SessionResult {
	const key = findingKey(at.region, at.indicator);
	const ws = applyReview(state.ws, at.region, at.indicator, decision, by, time, note);
	if (ws === state.ws) return {state};
	return withStep(state, ws, {kind: 'finding', what: 'review', ...at, before: snapshotOf(state.ws, key), after: snapshotOf(ws, key)});
}

/** Adds a region to the workspace's regions (an undoable change, saved like any other). */
export function addRegion(state: SessionState, region: string): SessionResult {
	if (state.ws.regions.includes(region)) return {state};
	const regions = [...state.ws.regions, region];
	return withStep(state, {...state.ws, regions}, {kind: 'region', what: 'region', region, before: state.ws.regions, after: regions});
}

/**
 * Undo does not rewind history: it records the old content again as a new version, so that a
 * later merge sees it as the newest word. Evidence comes back in its place in the list.
 */
export function undo(state: SessionState, by: string, time: string): SessionResult {
	const step = state.undo.at(-1);
	if (!step) return {state};
	const ws = restore(state.ws, step, 'before', by, time);
	if (typeof ws === 'string') return {state, problem: ws};
	return {state: {ws, undo: state.undo.slice(0, -1), redo: [...state.redo, step], version: state.version + 1, changed: {from: state.ws, regions: [step.region]}}, step};
}

export function redo(state: SessionState, by: string, time: string): SessionResult {
	const step = state.redo.at(-1);
	if (!step) return {state};
	const ws = restore(state.ws, step, 'after', by, time);
	if (typeof ws === 'string') return {state, problem: ws};
	return {state: {ws, undo: [...state.undo, step], redo: state.redo.slice(0, -1), version: state.version + 1, changed: {from: state.ws, regions: [step.region]}}, step};
}

function restore(ws: Workspace, step: Step, side: 'before' | 'after', by: string, time: string): Workspace | string {
	if (step.kind === 'region') {
		const regions = step[side];
		const dropped = ws.regions.filter(r => !regions.includes(r));
		// A region leaves only empty: findings undone to nothing are dropped with it.
		const findings = {...ws.findings};
		for (const [key, f] of Object.entries(ws.findings)) {
			if (!dropped.includes(f.region)) continue;
			if (f.value !== null || f.note !== '' || f.evidence.length > 0 || f.status !== 'draft') return `region ${f.region} holds findings now; it stays in the workspace`;
			delete findings[key];
		}
		if (Object.values(ws.conflicts).some(c => dropped.includes(c.region))) return 'the region holds conflicts now; it stays in the workspace';
		return {...ws, regions: [...regions], findings};
	}
	const key = findingKey(step.region, step.indicator);
	const target = step[side];
	const current = ws.findings[key];
	const findings = {...ws.findings};
	const conflicts = {...ws.conflicts};
	// A review undone (or redone): the version it was given on comes back as it was, so the undo
	// is logged as one (by whoever undid it). Only while the finding is what the review left.
	if (step.what === 'review' && !target.conflict && !ws.conflicts[key] && target.finding) {
		if (current !== step[side === 'before' ? 'after' : 'before'].finding) return 'the finding changed since the review; review it again instead';
		findings[key] = target.finding;
		return {...ws, findings};
	}
	if (target.conflict) {
		// Taking back a settlement puts the conflict back as it was, every candidate intact.
		delete findings[key];
		conflicts[key] = target.conflict;
	} else if (ws.conflicts[key] || !current) {
		delete conflicts[key];
		if (target.finding) findings[key] = target.finding;
		else delete findings[key];
	} else {
		const content = target.finding;
		const change: FindingChange = content
			? {value: content.value, status: content.status, reason: content.reason, note: content.note, addEvidence: content.evidence, removeEvidence: current.evidence.map(evidenceKey).filter(k => !content.evidence.some(e => evidenceKey(e) === k))}
			: {value: null, status: 'draft', reason: undefined, note: '', removeEvidence: current.evidence.map(evidenceKey)};
		const next = recordFinding(current, current.region, current.indicator, change, by, time);
		findings[key] = content ? {...next, evidence: inOrderOf(next.evidence, content.evidence)} : next;
	}
	return {...ws, findings, conflicts};
}

/** `items` in the order of `like` (the order a list had before), the others after. */
function inOrderOf(items: readonly Evidence[], like: readonly Evidence[]): Evidence[] {
	const rank = new Map(like.map((e, i) => [evidenceKey(e), i]));
	return [...items].sort((a, b) => (rank.get(evidenceKey(a)) ?? Infinity) - (rank.get(evidenceKey(b)) ?? Infinity));
}

/**
 * Takes in what another program wrote to the file (the save merged it with the disk): the
 * disk's version merged into the session's current one by the same semantic merge as
 * `assess merge`, keeping the session's id and assessor. A change, so it is saved again.
 */
export function mergeFromDisk(state: SessionState, disk: Workspace, lang: Lang = 'en'): SessionResult {
	const ws = state.ws;
	const merged = mergeWorkspaces([ws, disk], {id: ws.id, assessor: ws.assessor, createdAt: ws.createdAt});
	const refused = merged.ok ? undefined : merged.issues[0];
	if (!merged.ok) return {state, problem: refused ? say(lang, refused.said) : lang === 'zh' ? '磁盘上的文件无法合并' : 'the file on disk cannot be merged'};
	const next = {...merged.value.workspace, ...(ws.weights ? {weights: ws.weights} : {})};
	return {state: {...state, ws: next, version: state.version + 1, changed: undefined}};
}

/** A read-only session follows the file: what is on disk replaces what is shown. */
export function refresh(state: SessionState, ws: Workspace): SessionState {
	return {...state, ws, changed: undefined};
}

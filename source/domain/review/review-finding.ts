import type {Conflict, Finding, FindingVersion, Review, Workspace} from '../workspace/workspace-schema.js';
import {findingKey} from '../workspace/workspace-schema.js';
import type {Rule} from '../rules/rule-schema.js';
import {revOf, versionOf, mergeEvidence, HISTORY_LIMIT} from '../workspace/record-finding.js';
import {leafBlockers} from '../workspace/finality.js';
import {canonicalJson} from '../canonical-json.js';
import type {ReviewPolicy} from './review-policy.js';
import {recordersOf} from './review-stage.js';

export type ReviewDecision = 'accept' | 'return';

/** Why a reviewer may not make a decision on a finding, or undefined when they may. */
export type ReviewProblem = {code: 'nothing-recorded' | 'not-submitted' | 'flagged' | 'incomplete' | 'own-finding' | 'return-needs-note'; message: string};

/**
 * The review rules: only a submitted finding (done, or not applicable) is reviewed; one with
 * anything else that keeps it from being final (items not judged, not applicable without a
 * reason, …) can be returned but not accepted; a reviewer who recorded it may not review it
 * unless the workspace allows self-review; a return says why.
 */
export function checkReview(rule: Rule, f: Finding | undefined, decision: ReviewDecision, reviewer: string, policy: ReviewPolicy, note?: string): ReviewProblem | undefined {
	if (!f) return {code: 'nothing-recorded', message: 'nothing is recorded here yet; there is nothing to review'};
	if (f.status === 'draft') return {code: 'not-submitted', message: 'is still a draft: the assessor has not submitted it (done) yet'};
	if (f.status === 'flagged') return {code: 'flagged', message: `is flagged${f.reason ? ` (${f.reason})` : ''}: the assessor asks for a decision; record the answer (assess record) rather than review it`};
	if (!policy.selfReview && recordersOf(f).includes(reviewer)) {
		return {code: 'own-finding', message: `was recorded by ${reviewer}; a finding is reviewed by someone else (the workspace does not allow self-review: assess review-policy --self-review allowed)`};
	}
	if (decision === 'return' && !note?.trim()) return {code: 'return-needs-note', message: 'returning a finding needs a note that tells the assessor what to fix (--note "…")'};
	if (decision === 'accept') {
		const open = leafBlockers(rule, f, false);
		if (open.length) return {code: 'incomplete', message: `cannot be accepted as it stands (${open.join(', ')}); return it with a note instead`};
	}
	return undefined;
}

/**
 * The version a review makes: the same content (value, status, reason, note, evidence, recorder)
 * with the decision on it, descending from the version reviewed. Reviewing a finding that has
 * exactly this decision by this reviewer already returns it unchanged.
 */
export function reviewFinding(f: Finding, decision: ReviewDecision, by: string, at: string, note?: string): Finding {
	const review: Review = {state: decision === 'accept' ? 'accepted' : 'returned', by, at, ...(note?.trim() ? {note: note.trim()} : {})};
	if (f.review && f.review.state === review.state && f.review.by === by && (f.review.note ?? '') === (review.note ?? '')) return f;
	const version = {value: f.value, status: f.status, ...(f.reason !== undefined ? {reason: f.reason} : {}), note: f.note, by: f.by, at: f.at, review};
	return {
		region: f.region,
		indicator: f.indicator,
		...version,
		rev: revOf(version, f.evidence),
		evidence: f.evidence,
		history: [versionOf(f), ...f.history].slice(0, HISTORY_LIMIT),
		// Who settled it, and the versions it united, stay: the content is theirs.
		...(f.settled ? {settled: f.settled} : {}),
		...(f.combined ? {combined: f.combined} : {}),
	};
}

/** The content of a version without its review: two reviews of one content differ only there. */
const contentOf = (f: Finding) => canonicalJson({value: f.value, status: f.status, reason: f.reason ?? null});

/**
 * A conflict between reviews only: every candidate gives the same verdict, and they differ in
 * their review (one reviewer accepted what another returned). A reviewer's decision settles it.
 */
export function isReviewConflict(c: Conflict): boolean {
	const first = contentOf(c.candidates[0]!);
	return c.candidates.every(f => contentOf(f) === first) && new Set(c.candidates.map(f => f.review?.state ?? 'none')).size > 1;
}

/**
 * Settles a conflict between reviews with a decision: the result unites the candidates (their
 * notes and evidence; it descends from every one of them) and carries this reviewer's decision.
 */
export function settleReviewConflict(c: Conflict, decision: ReviewDecision, by: string, at: string, note?: string): Finding {
	const sorted = [...c.candidates].sort((a, b) => b.at.localeCompare(a.at) || a.by.localeCompare(b.by) || a.rev.localeCompare(b.rev));
	const newest = sorted[0]!;
	const evidence = mergeEvidence(...sorted.map(f => f.evidence));
	const notes = [...new Set(sorted.map(f => f.note.trim()).filter(Boolean))].join('\n');
	const review: Review = {state: decision === 'accept' ? 'accepted' : 'returned', by, at, ...(note?.trim() ? {note: note.trim()} : {})};
	const version = {value: newest.value, status: newest.status, ...(newest.reason !== undefined ? {reason: newest.reason} : {}), note: notes, by: newest.by, at: newest.at, review};
	const history = [...sorted.map(versionOf), ...sorted.flatMap(f => f.history)].filter((v, i, all) => all.findIndex(w => w.rev === v.rev) === i).slice(0, Math.max(HISTORY_LIMIT, sorted.length));
	return {region: c.region, indicator: c.indicator, ...version, rev: revOf(version, evidence, sorted.map(f => f.rev)), evidence, history, combined: {from: sorted.map(f => f.rev)}};
}

/** Applies a review to a workspace: the finding's new version, or a review conflict settled. */
export function applyReview(ws: Workspace, region: string, indicator: string, decision: ReviewDecision, by: string, at: string, note?: string): Workspace {
	const key = findingKey(region, indicator);
	const conflict = ws.conflicts[key];
	if (conflict) {
		if (!isReviewConflict(conflict)) return ws;
		const conflicts = {...ws.conflicts};
		delete conflicts[key];
		return {...ws, findings: {...ws.findings, [key]: settleReviewConflict(conflict, decision, by, at, note)}, conflicts};
	}
	const f = ws.findings[key];
	if (!f) return ws;
	const next = reviewFinding(f, decision, by, at, note);
	return next === f ? ws : {...ws, findings: {...ws.findings, [key]: next}};
}

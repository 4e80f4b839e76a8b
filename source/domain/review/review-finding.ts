import type {Conflict, Finding, FindingVersion, Review, Workspace} from '../workspace/workspace-schema.js';
import {findingKey} from '../workspace/workspace-schema.js';
import type {Rule} from '../rules/rule-schema.js';
import {revOf, versionOf, mergeEvidence, HISTORY_LIMIT} from '../workspace/record-finding.js';
import {leafBlockers, blockerKindWords} from '../workspace/finality.js';
import {messages, say, type Message} from '../words/message.js';

const S = messages('domain/review', {
	nothing: {zh: '此处尚无记录，无可审核', en: 'nothing is recorded here yet; there is nothing to review'},
	draft: {zh: '仍是草稿：评估人尚未提交（完成）', en: 'is still a draft: the assessor has not submitted it (done) yet'},
	flagged: {zh: '已标为待复核：评估人请求作出决定；请记录答复（assess record），而不是审核它', en: 'is flagged: the assessor asks for a decision; record the answer (assess record) rather than review it'},
	flaggedWhy: {zh: '已标为待复核（{reason}）：评估人请求作出决定；请记录答复（assess record），而不是审核它', en: 'is flagged ({reason}): the assessor asks for a decision; record the answer (assess record) rather than review it'},
	own: {zh: '由 {reviewer} 记录；评估结论应由他人审核（本工作区不允许自审：assess review-policy --self-review allowed）', en: 'was recorded by {reviewer}; a finding is reviewed by someone else (the workspace does not allow self-review: assess review-policy --self-review allowed)'},
	needsNote: {zh: '退回评估结论需要附上备注，告诉评估人要改什么（--note "…"）', en: 'returning a finding needs a note that tells the assessor what to fix (--note "…")'},
	incomplete: {zh: '按现状不能通过（{open}）；请附备注退回', en: 'cannot be accepted as it stands ({open}); return it with a note instead'},
});

const problem = (code: ReviewProblem['code'], said: Message): ReviewProblem => ({code, message: say('en', said), said});
import {canonicalJson} from '../canonical-json.js';
import type {ReviewPolicy} from './review-policy.js';
import {recordersOf} from './review-stage.js';

export type ReviewDecision = 'accept' | 'return';

/** Why a reviewer may not make a decision on a finding, or undefined when they may. */
export type ReviewProblem = {code: 'nothing-recorded' | 'not-submitted' | 'flagged' | 'incomplete' | 'own-finding' | 'return-needs-note'; message: string; said: Message};

/**
 * The review rules: only a submitted finding (done, or not applicable) is reviewed; one with
 * anything else that keeps it from being final (items not judged, not applicable without a
 * reason, …) can be returned but not accepted; a reviewer who recorded it may not review it
 * unless the workspace allows self-review; a return says why.
 */
export function checkReview(rule: Rule, f: Finding | undefined, decision: ReviewDecision, reviewer: string, policy: ReviewPolicy, note?: string): ReviewProblem | undefined {
	if (!f) return problem('nothing-recorded', S.nothing());
	if (f.status === 'draft') return problem('not-submitted', S.draft());
	if (f.status === 'flagged') return problem('flagged', f.reason ? S.flaggedWhy({reason: f.reason}) : S.flagged());
	if (!policy.selfReview && recordersOf(f).includes(reviewer)) return problem('own-finding', S.own({reviewer}));
	if (decision === 'return' && !note?.trim()) return problem('return-needs-note', S.needsNote());
	if (decision === 'accept') {
		const open = leafBlockers(rule, f, false);
		if (open.length) return problem('incomplete', S.incomplete({open: blockerKindWords(open)}));
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

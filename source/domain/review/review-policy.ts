import type {PolicyChange, Workspace} from '../workspace/workspace-schema.js';
import {canonicalJson} from '../canonical-json.js';
import {messages, say, both, type Message} from '../words/message.js';
import type {Lang} from '../text.js';

/** The review policy in force: what a final result asks of reviews, and who reviews where. */
export type ReviewPolicy = {
	/** Final needs every finding (done or not applicable) accepted by a reviewer. */
	reviewRequired: boolean;
	/** A reviewer may review a finding they recorded themselves (default: no). */
	selfReview: boolean;
	/** Assigned reviewers by region code. */
	reviewers: Readonly<Record<string, string>>;
};

export const NO_REVIEW: ReviewPolicy = {reviewRequired: false, selfReview: false, reviewers: {}};

/** Changes in the order they apply: by time, then by who, then by content (an order that does not depend on the files'). */
export function orderedChanges(changes: readonly PolicyChange[]): PolicyChange[] {
	const seen = new Set<string>();
	const unique: {change: PolicyChange; text: string}[] = [];
	for (const change of changes) {
		const text = canonicalJson(change);
		if (seen.has(text)) continue;
		seen.add(text);
		unique.push({change, text});
	}
	return unique.sort((a, b) => a.change.at.localeCompare(b.change.at) || a.change.by.localeCompare(b.change.by) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)).map(u => u.change);
}

/** The policy that a list of recorded changes comes to. */
export function policyFrom(changes: readonly PolicyChange[]): ReviewPolicy {
	let policy: ReviewPolicy = NO_REVIEW;
	for (const change of orderedChanges(changes)) {
		const reviewers = {...policy.reviewers};
		for (const [region, name] of Object.entries(change.reviewers ?? {})) {
			if (name.trim()) reviewers[region] = name.trim();
			else delete reviewers[region];
		}
		policy = {
			reviewRequired: change.reviewRequired ?? policy.reviewRequired,
			selfReview: change.selfReview ?? policy.selfReview,
			reviewers,
		};
	}
	return policy;
}

/** The policy a workspace is under (a workspace that never recorded one does not require review). */
export function reviewPolicyOf(ws: Pick<Workspace, 'reviewPolicy'>): ReviewPolicy {
	return ws.reviewPolicy ? policyFrom(ws.reviewPolicy.changes) : NO_REVIEW;
}

/**
 * A workspace with one more recorded change of its policy. A change that changes nothing is
 * not recorded (the workspace comes back as it was).
 */
export function changeReviewPolicy(ws: Workspace, change: Omit<PolicyChange, 'by' | 'at'>, by: string, at: string): Workspace {
	const before = reviewPolicyOf(ws);
	const recorded: PolicyChange = {by, at, ...change};
	const changes = [...(ws.reviewPolicy?.changes ?? []), recorded];
	const after = policyFrom(changes);
	if (canonicalJson(after) === canonicalJson(before)) return ws;
	return {...ws, reviewPolicy: {changes}};
}

/** Policies of several workspaces as one: their changes united, applied in time order. */
export function mergeReviewPolicies(workspaces: readonly Pick<Workspace, 'reviewPolicy'>[]): Workspace['reviewPolicy'] {
	const all = workspaces.flatMap(ws => ws.reviewPolicy?.changes ?? []);
	return all.length ? {changes: orderedChanges(all)} : undefined;
}

/** The reviewer assigned to a region, if any. */
export function reviewerOf(policy: ReviewPolicy, region: string): string | undefined {
	return policy.reviewers[region];
}

const P = messages('domain/review-policy', {
	required: {zh: '须经审核', en: 'review required'},
	notRequired: {zh: '无须审核', en: 'review not required'},
	selfAllowed: {zh: '允许自审', en: 'self-review allowed'},
	selfRefused: {zh: '不允许自审', en: 'self-review refused'},
	reviewer: {zh: '{regions} 的审核人为 {name}', en: 'reviewer {name} for {regions}'},
	noReviewer: {zh: '{regions} 不设审核人', en: 'no reviewer for {regions}'},
	note: {zh: '（{note}）', en: '({note})'},
	none: {zh: '无改动', en: 'no change'},
});

/** One change in both languages, for the log and messages: "review required; reviewer 王五 for 110000, 310000". */
export function policyChangeWords(change: Omit<PolicyChange, 'by' | 'at'>): Message {
	const parts: Message[] = [];
	if (change.reviewRequired !== undefined) parts.push(change.reviewRequired ? P.required() : P.notRequired());
	if (change.selfReview !== undefined) parts.push(change.selfReview ? P.selfAllowed() : P.selfRefused());
	const byName = new Map<string, string[]>();
	for (const [region, name] of Object.entries(change.reviewers ?? {})) byName.set(name.trim(), [...(byName.get(name.trim()) ?? []), region]);
	for (const [name, regions] of byName) parts.push(name ? P.reviewer({name, regions}) : P.noReviewer({regions}));
	if (change.note?.trim()) parts.push(P.note({note: change.note.trim()}));
	if (parts.length === 0) return P.none();
	return both(lang => parts.map(p => say(lang, p)).join(lang === 'zh' ? '；' : '; '));
}

/** The same in words of one language. */
export function describePolicyChange(change: Omit<PolicyChange, 'by' | 'at'>, lang: Lang = 'en'): string {
	return say(lang, policyChangeWords(change));
}

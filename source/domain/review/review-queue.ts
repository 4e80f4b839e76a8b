import type {SystemIndex} from '../system/system-index.js';
import type {Workspace} from '../workspace/workspace-schema.js';
import {findingKey} from '../workspace/workspace-schema.js';
import {unscoredLeaves} from '../workspace/workspace-ops.js';
import {reviewStageOf, recordersOf} from './review-stage.js';
import {reviewPolicyOf, type ReviewPolicy} from './review-policy.js';
import {isReviewConflict} from './review-finding.js';

/** A finding waiting for a reviewer's decision. */
export type QueueItem = {
	region: string;
	indicator: string;
	/** In a region assigned to this reviewer. */
	mine: boolean;
	/** Reviewers disagree on it (a conflict between reviews): a decision settles it. */
	conflict: boolean;
	/** Its place in the walk: a reviewer's own regions first, then the workspace's region order, then the published leaf order. */
	place: number;
};

export type QueueOptions = {
	/** Whose queue: their assigned regions come first, and findings they recorded are left out (unless self-review is allowed). */
	reviewer?: string;
	/** The policy (default: the workspace's). */
	policy?: ReviewPolicy;
};

/**
 * What a reviewer walks (the TUI's review mode, `assess status`): every submitted finding not
 * reviewed yet (done or not applicable) and every conflict between reviews, in walking order.
 * A finding the reviewer recorded is not theirs to review, so it is not offered.
 */
export function reviewQueue(index: SystemIndex, ws: Workspace, options: QueueOptions = {}): QueueItem[] {
	const policy = options.policy ?? reviewPolicyOf(ws);
	const reviewer = options.reviewer;
	const out: QueueItem[] = [];
	ws.regions.forEach((region, r) => {
		const mine = reviewer !== undefined && policy.reviewers[region] === reviewer;
		for (const leaf of index.leaves) {
			const key = findingKey(region, leaf.code);
			const conflict = ws.conflicts[key];
			const f = ws.findings[key];
			const place = (mine ? 0 : 1) * 1e9 + r * 1e5 + leaf.order;
			if (conflict) {
				if (isReviewConflict(conflict) && !(reviewer && !policy.selfReview && conflict.candidates.some(c => recordersOf(c).includes(reviewer)))) out.push({region, indicator: leaf.code, mine, conflict: true, place});
				continue;
			}
			if (!f || reviewStageOf(f) !== 'waiting') continue;
			if (reviewer && !policy.selfReview && recordersOf(f).includes(reviewer)) continue;
			out.push({region, indicator: leaf.code, mine, conflict: false, place});
		}
	});
	return out.sort((a, b) => a.place - b.place);
}

/** Where a leaf would stand in a reviewer's walk (for `nextWaiting` from a leaf no longer in the queue). */
export function reviewPlace(index: SystemIndex, ws: Workspace, region: string, indicator: string, options: QueueOptions = {}): number {
	const policy = options.policy ?? reviewPolicyOf(ws);
	const mine = options.reviewer !== undefined && policy.reviewers[region] === options.reviewer;
	const r = ws.regions.indexOf(region);
	return (mine ? 0 : 1) * 1e9 + Math.max(0, r) * 1e5 + (index.nodes.get(indicator)?.order ?? 0);
}

/**
 * The next finding waiting after the one at hand (the review mode's "next waiting" key): the
 * next in walking order, round to the first; undefined when nothing else waits. Give `place`
 * (see `reviewPlace`) when the current leaf has just left the queue.
 */
export function nextWaiting(queue: readonly QueueItem[], current: {region: string; indicator: string; place?: number}): QueueItem | undefined {
	const here = queue.findIndex(q => q.region === current.region && q.indicator === current.indicator);
	if (here >= 0) return queue.length > 1 ? queue[(here + 1) % queue.length] : undefined;
	if (queue.length === 0) return undefined;
	if (current.place === undefined) return queue[0];
	return queue.find(q => q.place > current.place!) ?? queue[0];
}

/** What the assessor's walk offers in a region: returned findings first (with the reviewer's note), then what is not scored yet. */
export type WalkItem = {indicator: string; why: 'returned'; note: string; by: string} | {indicator: string; why: 'unscored' | 'conflict'};

/** The assessor's walk of one region: returned findings first, then leaves not scored (or in conflict), in published order. */
export function assessorWalk(index: SystemIndex, ws: Workspace, region: string): WalkItem[] {
	const returned: WalkItem[] = [];
	for (const leaf of index.leaves) {
		const f = ws.findings[findingKey(region, leaf.code)];
		if (f && !ws.conflicts[findingKey(region, leaf.code)] && reviewStageOf(f) === 'returned') returned.push({indicator: leaf.code, why: 'returned', note: f.review!.note ?? '', by: f.review!.by});
	}
	const rest: WalkItem[] = unscoredLeaves(index, ws, region).map(indicator => ({indicator, why: ws.conflicts[findingKey(region, indicator)] ? 'conflict' : 'unscored'}));
	return [...returned, ...rest];
}

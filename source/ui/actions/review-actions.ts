import {findingKey} from '../../domain/workspace/workspace-schema.js';
import {checkReview, isReviewConflict, type ReviewDecision, type ReviewProblem} from '../../domain/review/review-finding.js';
import {nextWaiting, reviewPlace, type QueueItem} from '../../domain/review/review-queue.js';
import {leafBlockers} from '../../domain/workspace/finality.js';
import type {AppEnv, AppState} from '../state/app-state.js';
import {currentFinding, currentLeaf} from '../state/derive.js';
import {policyOf, reviewQueueOf} from '../state/review-derive.js';
import {applySession, nav, say} from '../state/act.js';
import {review} from '../session/session-state.js';
import {openPrompt} from './leaf-actions.js';
import {t, type StringId} from '../strings.js';
import {alreadyReviewedText, incompleteText, reviewedText} from '../review-messages.js';

/**
 * Review mode (`assess open --review --by <name>`): walking the findings that wait for this
 * reviewer (the domain's `reviewQueue`: their assigned regions first) and accepting or returning
 * them under the review rules of `assess review` (`checkReview`).
 */

/** Where a leaf is, in the reviewer's walk. */
function here(state: AppState, env: AppEnv): {region: string; indicator: string; place: number} | undefined {
	const leaf = currentLeaf(env, state);
	const region = state.nav.region;
	if (!leaf || !region) return undefined;
	return {region, indicator: leaf.code, place: reviewPlace(env.index, state.session.ws, region, leaf.code, {reviewer: state.reviewer, policy: policyOf(state)})};
}

/** The waiting finding before the one at hand, round to the last. */
function previousWaiting(queue: readonly QueueItem[], at: {region: string; indicator: string; place: number} | undefined): QueueItem | undefined {
	if (!at) return queue.at(-1);
	const i = queue.findIndex(q => q.region === at.region && q.indicator === at.indicator);
	if (i >= 0) return queue.length > 1 ? queue[(i - 1 + queue.length) % queue.length] : undefined;
	return [...queue].reverse().find(q => q.place < at.place) ?? queue.at(-1);
}

/** To a finding, its item panel in focus: what the reviewer reads (value, note, samples, evidence). */
function goToFinding(state: AppState, env: AppEnv, item: QueueItem): AppState {
	const regions = state.session.ws.regions;
	return nav(nav(state, {type: 'goto', region: item.region, node: item.indicator, regions, index: env.index}), {type: 'pane', pane: 'item'});
}

/** n / N in review mode: the next (previous) finding waiting, round to the first (last). From the regions list, the selected region's first. */
export function walkReview(state: AppState, env: AppEnv, direction: 1 | -1): AppState {
	const queue = reviewQueueOf(env, state);
	if (queue.length === 0) return say(state, t(env.lang, 'nothingWaits'));
	const at = here(state, env);
	let next: QueueItem | undefined;
	if (!at && state.nav.screen === 'regions') {
		const region = state.session.ws.regions[state.nav.regionCursor];
		const inRegion = queue.filter(q => q.region === region);
		next = (direction === 1 ? inRegion[0] : inRegion.at(-1)) ?? (direction === 1 ? queue[0] : queue.at(-1));
	} else next = direction === 1 ? (at ? nextWaiting(queue, at) : queue[0]) : previousWaiting(queue, at);
	if (!next) return say(state, t(env.lang, 'onlyThisWaits'));
	return goToFinding(state, env, next);
}

/** Review mode starts at the first finding waiting (the reviewer's own regions first), or says nothing waits. */
export function startReview(state: AppState, env: AppEnv): AppState {
	const first = reviewQueueOf(env, state)[0];
	return first ? goToFinding(state, env, first) : say(state, t(env.lang, 'nothingWaits'));
}

const PROBLEM: Record<Exclude<ReviewProblem['code'], 'incomplete'>, StringId> = {
	'nothing-recorded': 'reviewNothingRecorded',
	'not-submitted': 'reviewDraft',
	flagged: 'reviewFlagged',
	'own-finding': 'reviewOwn',
	'return-needs-note': 'returnNeedsNote',
};

/**
 * Why this reviewer may not give this decision here, in the chosen language (the rules of
 * `checkReview`); on a conflict between reviews, for every candidate, as `assess review` does.
 * `note` undefined: the note is not asked for yet (a return asks for it next).
 */
function refusal(state: AppState, env: AppEnv, decision: ReviewDecision, note: string | undefined): string | undefined {
	const leaf = currentLeaf(env, state)!;
	const key = findingKey(state.nav.region!, leaf.code);
	const conflict = state.session.ws.conflicts[key];
	if (conflict && !isReviewConflict(conflict)) return t(env.lang, 'reviewInConflict');
	const reviewer = state.reviewer ?? env.user;
	for (const f of conflict ? conflict.candidates : [state.session.ws.findings[key]]) {
		const problem = checkReview(leaf.rule, f, decision, reviewer, policyOf(state), note);
		if (!problem || (problem.code === 'return-needs-note' && note === undefined)) continue;
		if (problem.code === 'incomplete') return incompleteText(env.lang, leafBlockers(leaf.rule, f, false));
		return t(env.lang, PROBLEM[problem.code]);
	}
	return undefined;
}

function decide(state: AppState, env: AppEnv, decision: ReviewDecision, note?: string): AppState {
	const leaf = currentLeaf(env, state);
	const region = state.nav.region;
	if (!leaf || !region) return say(state, t(env.lang, 'leafOnly'));
	if (state.readOnly) return say(state, t(env.lang, 'readOnlyNothing'), 'error');
	const problem = refusal(state, env, decision, decision === 'return' ? (note ?? '') : undefined);
	if (problem) return say(state, problem, 'error');
	const result = review(state.session, {region, indicator: leaf.code}, decision, state.reviewer ?? env.user, env.now(), note);
	if (result.state === state.session && !result.problem) return say(state, alreadyReviewedText(env.lang, decision));
	const next = applySession(state, env, result);
	if (next.flash?.kind === 'error') return next;
	return say(next, reviewedText(env, decision, region, leaf.code, reviewQueueOf(env, next).length));
}

/** `a`: accepts the finding at hand. */
export function acceptFinding(state: AppState, env: AppEnv): AppState {
	return decide(state, env, 'accept');
}

/** `R`: asks what the assessor should fix (a return needs a note), unless the finding cannot be returned by this reviewer. */
export function askReturn(state: AppState, env: AppEnv): AppState {
	if (!currentLeaf(env, state) || !state.nav.region) return say(state, t(env.lang, 'leafOnly'));
	if (state.readOnly) return say(state, t(env.lang, 'readOnlyNothing'), 'error');
	const problem = refusal(state, env, 'return', undefined);
	if (problem) return say(state, problem, 'error');
	const mine = currentFinding(state)?.review;
	return openPrompt(state, 'review-return', mine?.state === 'returned' && mine.by === state.reviewer ? (mine.note ?? '') : '');
}

/** Enter in the return prompt: returns the finding with the note (an empty one keeps the prompt open). */
export function returnFinding(state: AppState, env: AppEnv, note: string): AppState {
	return decide(state, env, 'return', note.trim());
}

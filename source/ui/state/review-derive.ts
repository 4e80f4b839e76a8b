import type {Workspace} from '../../domain/workspace/workspace-schema.js';
import {reviewQueue, type QueueItem} from '../../domain/review/review-queue.js';
import {reviewPolicyOf, type ReviewPolicy} from '../../domain/review/review-policy.js';
import {teamStatus, type TeamStatus} from '../../domain/team/team-status.js';
import type {AppEnv, AppState} from './app-state.js';
import {regionNames} from './derive.js';

/** What review mode and the team screen derive from the workspace, once per version of it. */

const queues = new WeakMap<Workspace, {reviewer: string; queue: QueueItem[]}>();

/** The findings waiting for this session's reviewer, in walking order (empty outside review mode). */
export function reviewQueueOf(env: AppEnv, state: AppState): QueueItem[] {
	const reviewer = state.reviewer;
	if (!reviewer) return [];
	const ws = state.session.ws;
	let cached = queues.get(ws);
	if (!cached || cached.reviewer !== reviewer) queues.set(ws, (cached = {reviewer, queue: reviewQueue(env.index, ws, {reviewer})}));
	return cached.queue;
}

const policies = new WeakMap<Workspace, ReviewPolicy>();

/** The review policy in force in the workspace shown. */
export function policyOf(state: AppState): ReviewPolicy {
	const ws = state.session.ws;
	let policy = policies.get(ws);
	if (!policy) policies.set(ws, (policy = reviewPolicyOf(ws)));
	return policy;
}

const teams = new WeakMap<Workspace, TeamStatus>();

/** The team's progress over the open workspace (a merged team file): `assess status` of it. */
export function teamStatusOf(env: AppEnv, state: AppState): TeamStatus {
	const ws = state.session.ws;
	let status = teams.get(ws);
	if (!status) {
		const names = regionNames(env);
		teams.set(ws, (status = teamStatus(env.index, ws, code => names.get(code) ?? code)));
	}
	return status;
}

import type {FindingValue} from '../../domain/workspace/workspace-schema.js';
import {findingKey} from '../../domain/workspace/workspace-schema.js';
import {checkRecording} from '../../domain/workspace/recording-rules.js';
import type {AppEnv, AppState, PendingSettle} from '../state/app-state.js';
import {selectedConflict} from '../state/derive.js';
import {applySession, close, open, say} from '../state/act.js';
import {settle} from '../session/session-state.js';
import {openPrompt} from './leaf-actions.js';
import {t} from '../strings.js';
import {settledText} from '../messages.js';

/**
 * Settling a conflict: from the conflicts screen (a candidate, or a new value) or by typing a
 * value on a leaf in conflict (after asking). Every way ends in the same optional reason, which
 * the settled finding keeps (`settleConflict`'s `why`), as `assess record --settle-reason` does.
 */

/** The notes of every candidate, once each: a settlement with a new value keeps what they said. */
function candidateNotes(state: AppState, region: string, indicator: string): string {
	const c = state.session.ws.conflicts[findingKey(region, indicator)];
	return [...new Set((c?.candidates ?? []).map(x => x.note.trim()).filter(Boolean))].join('\n');
}

/** A new value settles as done, as `record --settle` does, unless done cannot hold it (an item not judged). */
export function newValueSettlement(state: AppState, env: AppEnv, region: string, indicator: string, value: FindingValue): PendingSettle {
	const note = candidateNotes(state, region, indicator);
	const rule = env.index.nodes.get(indicator)?.rule;
	const done = {region, indicator, value, status: 'done' as const, note, by: env.user, at: env.now(), rev: '', evidence: [], history: []};
	const status = rule && checkRecording(rule, done, {value, status: 'done'}) ? ('draft' as const) : ('done' as const);
	return {region, indicator, chosen: {value, status, note}};
}

/** A value typed (or picked) on a leaf in conflict: asks whether it settles the conflict. */
export function askSettleTyped(state: AppState, env: AppEnv, region: string, indicator: string, value: FindingValue): AppState {
	if (state.readOnly) return say(state, t(env.lang, 'readOnlyNothing'), 'error');
	return open(state, {kind: 'confirm', confirm: {kind: 'settle-typed', settle: newValueSettlement(state, env, region, indicator, value)}});
}

/** The reason, optional: Enter with nothing settles without one; Esc settles nothing. */
export function askSettleReason(state: AppState, pending: PendingSettle): AppState {
	return openPrompt(state, 'settle-reason', '', {settle: pending});
}

/** Enter in the reason field: settles, with the reason when one was typed. */
export function settleWithReason(state: AppState, env: AppEnv, pending: PendingSettle, why: string): AppState {
	const at = {region: pending.region, indicator: pending.indicator};
	const next = applySession(close(state), env, settle(state.session, at, pending.chosen, env.user, env.now(), why.trim() || undefined));
	return next.session === state.session ? next : say(next, settledText(env, pending.region, pending.indicator, why.trim()));
}

/** 1–9 on the conflicts screen: that candidate's verdict, then the reason. */
export function settleWith(state: AppState, env: AppEnv, n: number): AppState {
	const c = selectedConflict(env, state);
	if (!c) return state;
	if (state.readOnly) return say(state, t(env.lang, 'readOnlyNothing'), 'error');
	const candidate = c.candidates[n - 1];
	if (!candidate) return say(state, env.lang === 'zh' ? `没有第 ${n} 个候选` : `there is no candidate ${n}`);
	return askSettleReason(state, {region: c.region, indicator: c.indicator, chosen: {value: candidate.value, status: candidate.status, reason: candidate.reason, note: candidate.note}});
}

/** v on the conflicts screen: a new value (its field), then the reason. */
export function settleNew(state: AppState, env: AppEnv): AppState {
	if (!selectedConflict(env, state)) return state;
	if (state.readOnly) return say(state, t(env.lang, 'readOnlyNothing'), 'error');
	return openPrompt(state, 'settle-value', '');
}

import type {FindingValue} from '../../domain/workspace/workspace-schema.js';
import type {FindingChange} from '../../domain/workspace/record-finding.js';
import {evidenceKey} from '../../domain/workspace/record-finding.js';
import {changeFinding, type ChangeWhat} from '../session/session-state.js';
import type {AppEnv, AppState, PendingSettle, PromptPurpose} from '../state/app-state.js';
import {findingKey} from '../../domain/workspace/workspace-schema.js';
import {checkRecording} from '../../domain/workspace/recording-rules.js';
import {reviewStageOf} from '../../domain/review/review-stage.js';
import {askSettleTyped} from './settle-actions.js';
import {offerPlan, planFor} from './plan-actions.js';
import {currentFinding, currentLeaf, samplesOf} from '../state/derive.js';
import {applySession, emit, open, say} from '../state/act.js';
import {fieldFrom} from '../fields/field-state.js';
import {t} from '../strings.js';
import {removeQuestion} from '../messages.js';
import {evidenceLine} from '../screens/evidence-line.js';

/** What the keys on a leaf do: record values, open the prompts for notes, evidence, reasons. */

/**
 * A change to the selected leaf, under the recording rules. A leaf in conflict takes no change
 * beside the conflict (it would stay open): a value settles it (see recordValue), anything else
 * says to settle it first, as `assess record` does.
 */
export function change(state: AppState, env: AppEnv, c: FindingChange, what: ChangeWhat): AppState {
	const leaf = currentLeaf(env, state);
	if (!leaf || !state.nav.region) return say(state, t(env.lang, 'leafOnly'));
	if (state.readOnly) return say(state, t(env.lang, 'readOnlyNothing'), 'error');
	if (inConflict(state, env)) return say(state, t(env.lang, 'settleFirst'), 'error');
	const result = changeFinding(state.session, env.index, {region: state.nav.region, indicator: leaf.code}, c, what, env.user, env.now(), env.lang);
	const next = applySession(state, env, result);
	// A reviewed finding changed: the new content waits for review again (submitted, unless it went back to draft).
	const before = currentFinding(state);
	const after = currentFinding(next);
	if (before?.review && after && after !== before && reviewStageOf(after) === 'waiting' && !next.flash) return say(next, t(env.lang, 'resubmitted'));
	return next;
}

/** Whether the selected leaf is in conflict (its notes, reasons and evidence wait for the settlement). */
export function inConflict(state: AppState, env: AppEnv): boolean {
	const leaf = currentLeaf(env, state);
	return Boolean(leaf && state.nav.region && state.session.ws.conflicts[findingKey(state.nav.region, leaf.code)]);
}

/** Opens a field for the selected leaf, unless what it would record cannot be recorded there (in conflict). */
export function openLeafPrompt(state: AppState, env: AppEnv, purpose: PromptPurpose, text: string): AppState {
	if (inConflict(state, env)) return say(state, t(env.lang, 'settleFirst'), 'error');
	return openPrompt(state, purpose, text);
}

/** A value recorded on a leaf marked not applicable makes it a draft again; on a leaf in conflict, it asks to settle it. */
export function recordValue(state: AppState, env: AppEnv, value: FindingValue): AppState {
	const leaf = currentLeaf(env, state);
	const region = state.nav.region;
	if (leaf && region && state.session.ws.conflicts[findingKey(region, leaf.code)]) return askSettleTyped(state, env, region, leaf.code, value);
	return change(state, env, {value, status: currentFinding(state)?.status === 'na' ? 'draft' : undefined}, 'value');
}

/** `v`: the editor the rule needs, with the current value proposed. */
export function openValueEditor(state: AppState, env: AppEnv): AppState {
	const leaf = currentLeaf(env, state);
	if (!leaf) return say(state, t(env.lang, 'leafOnly'));
	const value = currentFinding(state)?.value ?? null;
	switch (leaf.rule.type) {
		case 'yesno':
			return open(state, {kind: 'choice', purpose: 'yesno', selected: value?.type === 'yesno' && !value.met ? 1 : 0});
		case 'levels': {
			const at = value?.type === 'levels' ? leaf.rule.levels.findIndex(l => l.id === value.level) : 0;
			return open(state, {kind: 'choice', purpose: 'level', selected: Math.max(0, at)});
		}
		case 'measure':
		case 'direct': {
			const current = value?.type === 'measure' ? String(value.amount) : value?.type === 'direct' ? String(value.score) : '';
			return openPrompt(state, 'value', current, {selected: true});
		}
		case 'sampled':
			return openSampleSearch(state, env);
	}
}

/** A digit on a number rule opens the value field with that digit typed. */
export function startNumber(state: AppState, digit: string): AppState {
	return openPrompt(state, 'value', digit, {initial: ''});
}

export function openPrompt(state: AppState, purpose: PromptPurpose, text: string, options: {selected?: boolean; initial?: string; settle?: PendingSettle} = {}): AppState {
	const multiline = purpose === 'note' || purpose === 'sample-note';
	return open(state, {kind: 'prompt', purpose, field: fieldFrom(text, {selected: options.selected}), initial: options.initial ?? text, multiline, ...(options.settle ? {settle: options.settle} : {})});
}

/** `+`: the catalog search for a sampled item; on an empty leaf the sample plan has items for, those are offered first. */
export function openSampleSearch(state: AppState, env: AppEnv, options: {offer?: boolean} = {}): AppState {
	if (!currentLeaf(env, state)) return say(state, t(env.lang, 'leafOnly'));
	if (inConflict(state, env)) return say(state, t(env.lang, 'settleFirst'), 'error');
	if (options.offer !== false && planFor(state, env)) return offerPlan(state, env, 'search');
	return open(state, {kind: 'search', purpose: 'sample', field: fieldFrom(''), selected: 0});
}

export function openReason(state: AppState, env: AppEnv, purpose: 'flag' | 'na'): AppState {
	const f = currentFinding(state);
	const status = purpose === 'flag' ? 'flagged' : 'na';
	return openLeafPrompt(state, env, purpose, f?.status === status ? (f.reason ?? '') : '');
}

/**
 * `d`: done, or back to draft, by the recording rules (`checkRecording`): a leaf with no value
 * is not done, nor a sampled one with items not judged; a sampled leaf with fewer items than
 * its rule asks for is done only with a reason, which `d` asks for.
 */
export function toggleDone(state: AppState, env: AppEnv): AppState {
	const f = currentFinding(state);
	const leaf = currentLeaf(env, state);
	if (f?.status === 'done') return change(state, env, {status: 'draft', reason: undefined}, 'status');
	if (!leaf || !state.nav.region) return say(state, t(env.lang, 'leafOnly'));
	if (inConflict(state, env)) return say(state, t(env.lang, 'settleFirst'), 'error');
	if (!f) return say(state, t(env.lang, 'doneNeedsValue'), 'error');
	const doneChange = {status: 'done' as const, reason: undefined};
	const broken = checkRecording(leaf.rule, {...f, status: 'done', reason: undefined}, doneChange, env.lang);
	if (broken?.code === 'done-short-sample' && !state.readOnly) return openPrompt(state, 'done-reason', '');
	return change(state, env, doneChange, 'status');
}

export function setSamples(state: AppState, env: AppEnv, samples: ReturnType<typeof samplesOf>): AppState {
	return change(state, env, {value: {type: 'sampled', samples: [...samples]}}, 'samples');
}

/** The selected row of the item panel: a sampled item (by index) or evidence. */
export function selectedRow(state: AppState): {sample: number} | {evidence: number} | undefined {
	const f = currentFinding(state);
	const samples = samplesOf(f).length;
	const row = state.nav.itemRow;
	if (state.nav.pane !== 'item' || row < 0) return undefined;
	if (row < samples) return {sample: row};
	if (row < samples + (f?.evidence.length ?? 0)) return {evidence: row - samples};
	return undefined;
}

/** Space on a sampled item: pass, fail, not judged, pass again (a new item starts not judged). */
export function toggleSample(state: AppState, env: AppEnv): AppState {
	const row = selectedRow(state);
	if (!row || !('sample' in row)) return say(state, t(env.lang, 'nothingSelected'));
	const next = (pass: boolean | null) => (pass === null ? true : pass ? false : null);
	return setSamples(state, env, samplesOf(currentFinding(state)).map((s, i) => (i === row.sample ? {...s, pass: next(s.pass)} : s)));
}

/** `e`: the note of the selected sampled item, else the finding's note. */
export function editNote(state: AppState, env: AppEnv): AppState {
	if (!currentLeaf(env, state)) return say(state, t(env.lang, 'leafOnly'));
	const row = selectedRow(state);
	if (row && 'sample' in row) return openPrompt(state, 'sample-note', samplesOf(currentFinding(state))[row.sample]!.note ?? '');
	return openLeafPrompt(state, env, 'note', currentFinding(state)?.note ?? '');
}

/** Del: asks before removing the selected sampled item or evidence (and undo brings it back in place). */
export function askRemove(state: AppState, env: AppEnv): AppState {
	const row = selectedRow(state);
	const f = currentFinding(state);
	if (!row || !f || !state.nav.region) return say(state, t(env.lang, 'nothingSelected'));
	if (state.readOnly) return say(state, t(env.lang, 'readOnlyNothing'), 'error');
	if ('sample' in row) {
		const item = samplesOf(f)[row.sample]!.item;
		return open(state, {kind: 'confirm', confirm: {kind: 'remove-sample', region: f.region, indicator: f.indicator, item}});
	}
	const e = f.evidence[row.evidence]!;
	return open(state, {kind: 'confirm', confirm: {kind: 'remove-evidence', region: f.region, indicator: f.indicator, key: evidenceKey(e), label: evidenceLine(e, env.lang)}});
}

export function removeText(state: AppState, env: AppEnv): string {
	const c = state.overlay?.kind === 'confirm' ? state.overlay.confirm : undefined;
	if (c?.kind === 'remove-evidence') return removeQuestion(env.lang, c.label);
	if (c?.kind === 'remove-sample') return removeQuestion(env.lang, c.item);
	return '';
}

/** `o` / Enter on evidence: opens the URL or the stored file with the system's opener. */
export function openEvidence(state: AppState, env: AppEnv): AppState {
	const row = selectedRow(state);
	const f = currentFinding(state);
	if (!row || !('evidence' in row) || !f) return say(state, t(env.lang, 'noEvidenceSelected'));
	return emit(state, {type: 'open-evidence', evidence: f.evidence[row.evidence]!});
}

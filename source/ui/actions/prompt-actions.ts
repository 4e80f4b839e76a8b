import {parseValue} from '../../domain/rules/parse-value.js';
import type {AppEnv, AppState, Overlay} from '../state/app-state.js';
import {currentFinding, currentLeaf, exportDraft, samplesOf, selectedConflict} from '../state/derive.js';
import {close, emit, say} from '../state/act.js';
import {askSettleReason, newValueSettlement, settleWithReason} from './settle-actions.js';
import {fieldReducer, fieldText, type FieldAction} from '../fields/field-state.js';
import {change, recordValue, selectedRow, setSamples} from './leaf-actions.js';
import {t} from '../strings.js';
import {exportingText} from '../messages.js';
import {returnFinding} from './review-actions.js';
import {issueText} from '../problem-text.js';

type Prompt = Extract<Overlay, {kind: 'prompt'}>;

/** A key applied to the open text field (a prompt's, or search's query). */
export function editField(state: AppState, action: FieldAction): AppState {
	const o = state.overlay;
	if (o?.kind === 'prompt') {
		const field = fieldReducer(o.field, action);
		return field === o.field ? state : {...state, overlay: {...o, field, error: undefined}};
	}
	if (o?.kind === 'search') {
		const field = fieldReducer(o.field, action);
		if (field === o.field) return state;
		// A new query starts at its first result; moving the cursor keeps the selection.
		return {...state, overlay: {...o, field, selected: fieldText(field) === fieldText(o.field) ? o.selected : 0}};
	}
	return state;
}

/** Text typed or pasted into the open field. */
export function typeText(state: AppState, text: string): AppState {
	const o = state.overlay;
	const multiline = o?.kind === 'prompt' && o.multiline;
	return editField(state, {type: 'insert', text, multiline});
}

const keepOpen = (state: AppState, o: Prompt, error: string): AppState => ({...state, overlay: {...o, error}});

/** Esc: closes a field with nothing typed; asks first when the text was changed. */
export function cancelPrompt(state: AppState): AppState {
	const o = state.overlay;
	if (o?.kind !== 'prompt') return close(state);
	if (fieldText(o.field) === o.initial || o.purpose === 'export') return close(state);
	return {...state, overlay: {...o, confirmDiscard: true}};
}

export function keepEditing(state: AppState): AppState {
	const o = state.overlay;
	return o?.kind === 'prompt' ? {...state, overlay: {...o, confirmDiscard: false}} : state;
}

/**
 * Enter (one-line) or Ctrl+S: what the prompt was for. A text the prompt cannot take keeps the
 * field open with the reason, and the text as typed.
 */
export function submitPrompt(state: AppState, env: AppEnv): AppState {
	const o = state.overlay;
	if (o?.kind !== 'prompt') return state;
	const text = fieldText(o.field);
	switch (o.purpose) {
		case 'export': {
			if (!text.trim()) return keepOpen(state, o, env.lang === 'zh' ? '请输入文件名' : 'a file name is needed');
			// Not final: a draft, which the workbook says it is (as --allow-incomplete --allow-conflicts would).
			const draft = exportDraft(env, state)?.summary;
			const next = say(close(state), exportingText(env.lang, state.session.ws.regions.length, draft));
			// The weights on screen: the live ones after a weights-file edit, which the workbook's 说明 names.
			return emit(next, {type: 'export', file: text.trim(), draft, ws: state.session.ws, weights: state.weights.loaded});
		}
		case 'save-as':
			if (!text.trim()) return keepOpen(state, o, env.lang === 'zh' ? '请输入文件名' : 'a file name is needed');
			return emit(state, {type: 'save-as', file: text.trim(), ws: state.session.ws});
		case 'settle-value': {
			const conflict = selectedConflict(env, state);
			const rule = conflict ? env.index.nodes.get(conflict.indicator)?.rule : undefined;
			if (!conflict || !rule) return close(state);
			const parsed = parseValue(rule, text);
			if (!parsed.ok) return keepOpen(state, o, issueText(env.lang, parsed.issues[0]!));
			return askSettleReason(close(state), newValueSettlement(state, env, conflict.region, conflict.indicator, parsed.value));
		}
		case 'settle-reason':
			return o.settle ? settleWithReason(state, env, o.settle, text) : close(state);
	}
	const leaf = currentLeaf(env, state);
	if (!leaf) return close(state);
	switch (o.purpose) {
		case 'note':
			return change(close(state), env, {note: text}, 'note');
		case 'value': {
			const parsed = parseValue(leaf.rule, text);
			if (!parsed.ok) return keepOpen(state, o, issueText(env.lang, parsed.issues[0]!));
			return recordValue(close(state), env, parsed.value);
		}
		case 'review-return':
			if (!text.trim()) return keepOpen(state, o, t(env.lang, 'returnNeedsNote'));
			return returnFinding(close(state), env, text);
		case 'done-reason':
			if (!text.trim()) return keepOpen(state, o, t(env.lang, 'reasonRequired'));
			return change(close(state), env, {status: 'done', reason: text.trim()}, 'status');
		case 'flag':
		case 'na':
			if (!text.trim()) return keepOpen(state, o, t(env.lang, 'reasonRequired'));
			return change(close(state), env, {status: o.purpose === 'flag' ? 'flagged' : 'na', reason: text.trim()}, 'status');
		case 'evidence':
			// Turning a path into stored evidence touches files: the effect does it, and answers
			// with `evidence-added` (closing the field) or `evidence-failed` (keeping it open).
			if (!text.trim()) return close(state);
			return emit(state, {type: 'add-evidence', spec: text});
		case 'sample-note': {
			const row = selectedRow(state);
			if (!row || !('sample' in row)) return close(state);
			const samples = samplesOf(currentFinding(state)).map((s, i) => (i === row.sample ? (text.trim() ? {...s, note: text.trim()} : {item: s.item, pass: s.pass}) : s));
			return setSamples(close(state), env, samples);
		}
	}
	return state;
}

/** The answer to `add-evidence`. */
export function evidenceAnswered(state: AppState, env: AppEnv, answer: {evidence: Parameters<typeof change>[2]['addEvidence']} | {problem: string}): AppState {
	const o = state.overlay;
	if ('problem' in answer) return o?.kind === 'prompt' ? keepOpen(state, o, answer.problem) : say(state, answer.problem, 'error');
	return change(close(state), env, {addEvidence: answer.evidence}, 'evidence');
}

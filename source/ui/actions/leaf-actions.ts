import type {FindingValue} from '../../domain/workspace/workspace-schema.js';
import type {FindingChange} from '../../domain/workspace/record-finding.js';
import {evidenceKey} from '../../domain/workspace/record-finding.js';
import {changeFinding, type ChangeWhat} from '../session/session-state.js';
import type {AppEnv, AppState} from '../state/app-state.js';
import {currentFinding, currentLeaf, samplesOf} from '../state/derive.js';
import {applySession, emit, open, say} from '../state/act.js';
import {fieldFrom} from '../fields/field-state.js';
import {t} from '../strings.js';
import {removeQuestion} from '../messages.js';
import {evidenceLine} from '../screens/evidence-line.js';

/** What the keys on a leaf do: record values, open the prompts for notes, evidence, reasons. */

export function change(state: AppState, env: AppEnv, c: FindingChange, what: ChangeWhat): AppState {
	const leaf = currentLeaf(env, state);
	if (!leaf || !state.nav.region) return say(state, t(env.lang, 'leafOnly'));
	if (state.readOnly) return say(state, t(env.lang, 'readOnlyNothing'), 'error');
	const result = changeFinding(state.session, env.index, {region: state.nav.region, indicator: leaf.code}, c, what, env.user, env.now());
	return applySession(state, env, result);
}

/** A value recorded on a leaf marked not applicable makes it a draft again. */
export function recordValue(state: AppState, env: AppEnv, value: FindingValue): AppState {
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

export function openPrompt(state: AppState, purpose: Extract<AppState['overlay'], {kind: 'prompt'}>['purpose'], text: string, options: {selected?: boolean; initial?: string} = {}): AppState {
	const multiline = purpose === 'note' || purpose === 'sample-note';
	return open(state, {kind: 'prompt', purpose, field: fieldFrom(text, {selected: options.selected}), initial: options.initial ?? text, multiline});
}

export function openSampleSearch(state: AppState, env: AppEnv): AppState {
	if (!currentLeaf(env, state)) return say(state, t(env.lang, 'leafOnly'));
	return open(state, {kind: 'search', purpose: 'sample', field: fieldFrom(''), selected: 0});
}

export function openReason(state: AppState, purpose: 'flag' | 'na'): AppState {
	const f = currentFinding(state);
	const status = purpose === 'flag' ? 'flagged' : 'na';
	return openPrompt(state, purpose, f?.status === status ? (f.reason ?? '') : '');
}

/** `d`: done, or back to draft. A leaf with no value is not done (nor is a sampled one with no items). */
export function toggleDone(state: AppState, env: AppEnv): AppState {
	const f = currentFinding(state);
	if (f?.status === 'done') return change(state, env, {status: 'draft', reason: undefined}, 'status');
	const scored = f?.value && !(f.value.type === 'sampled' && f.value.samples.length === 0);
	if (!scored) return say(state, t(env.lang, 'doneNeedsValue'), 'error');
	return change(state, env, {status: 'done', reason: undefined}, 'status');
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

export function toggleSample(state: AppState, env: AppEnv): AppState {
	const row = selectedRow(state);
	if (!row || !('sample' in row)) return say(state, t(env.lang, 'nothingSelected'));
	return setSamples(state, env, samplesOf(currentFinding(state)).map((s, i) => (i === row.sample ? {...s, pass: !s.pass} : s)));
}

/** `e`: the note of the selected sampled item, else the finding's note. */
export function editNote(state: AppState, env: AppEnv): AppState {
	if (!currentLeaf(env, state)) return say(state, t(env.lang, 'leafOnly'));
	const row = selectedRow(state);
	if (row && 'sample' in row) return openPrompt(state, 'sample-note', samplesOf(currentFinding(state))[row.sample]!.note ?? '');
	return openPrompt(state, 'note', currentFinding(state)?.note ?? '');
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
	return open(state, {kind: 'confirm', confirm: {kind: 'remove-evidence', region: f.region, indicator: f.indicator, key: evidenceKey(e), label: evidenceLine(e)}});
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

import type {Workspace, Finding, Conflict} from '../../domain/workspace/workspace-schema.js';
import {settleConflict} from '../../domain/merge/merge-workspaces.js';
import {findingKey} from '../../domain/workspace/workspace-schema.js';
import {recordFinding, evidenceKey, type FindingChange} from '../../domain/workspace/record-finding.js';

/** One step that `u` can take back: the findings (and a settled conflict) as they were before it. */
type UndoStep = {before: Record<string, Finding | undefined>; label: string; conflict?: Conflict};

export type SessionState = {
	ws: Workspace;
	undo: readonly UndoStep[];
	/** Bumped on every change; the saver writes the newest one. */
	version: number;
};

export type SessionAction =
	| {type: 'change'; region: string; indicator: string; change: FindingChange; by: string; at: string; label: string}
	| {type: 'settle'; region: string; indicator: string; chosen: Pick<Finding, 'value' | 'status' | 'reason' | 'note'>; by: string; at: string}
	| {type: 'undo'; by: string; at: string};

export const UNDO_LIMIT = 200;

export function initialSession(ws: Workspace): SessionState {
	return {ws, undo: [], version: 0};
}

/**
 * The assessor's changes as a pure reducer. Undo does not rewind history: it records the old
 * content again as a new version, so that a later merge sees it as the newest word.
 */
export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
	switch (action.type) {
		case 'change': {
			const key = findingKey(action.region, action.indicator);
			const previous = state.ws.findings[key];
			const next = recordFinding(previous, action.region, action.indicator, action.change, action.by, action.at);
			if (next === previous) return state;
			return {
				ws: {...state.ws, findings: {...state.ws.findings, [key]: next}},
				undo: [...state.undo, {before: {[key]: previous}, label: action.label}].slice(-UNDO_LIMIT),
				version: state.version + 1,
			};
		}
		case 'settle': {
			const key = findingKey(action.region, action.indicator);
			const conflict = state.ws.conflicts[key];
			if (!conflict) return state;
			return {
				ws: settleConflict(state.ws, action.region, action.indicator, action.chosen, action.by, action.at),
				undo: [...state.undo, {before: {[key]: state.ws.findings[key]}, label: 'settle', conflict}].slice(-UNDO_LIMIT),
				version: state.version + 1,
			};
		}
		case 'undo': {
			const step = state.undo.at(-1);
			if (!step) return state;
			if (step.conflict) {
				// Taking back a settlement puts the conflict back as it was, every candidate intact.
				const key = findingKey(step.conflict.region, step.conflict.indicator);
				const findings = {...state.ws.findings};
				delete findings[key];
				return {ws: {...state.ws, findings, conflicts: {...state.ws.conflicts, [key]: step.conflict}}, undo: state.undo.slice(0, -1), version: state.version + 1};
			}
			const findings = {...state.ws.findings};
			for (const [key, before] of Object.entries(step.before)) {
				const current = findings[key];
				if (!current) continue;
				const restore: FindingChange = before
					? {value: before.value, status: before.status, reason: before.reason, note: before.note, addEvidence: before.evidence, removeEvidence: current.evidence.map(evidenceKey).filter(k => !before.evidence.some(e => evidenceKey(e) === k))}
					: {value: null, status: 'draft', reason: undefined, note: '', removeEvidence: current.evidence.map(evidenceKey)};
				findings[key] = recordFinding(current, current.region, current.indicator, restore, action.by, action.at);
			}
			return {ws: {...state.ws, findings}, undo: state.undo.slice(0, -1), version: state.version + 1};
		}
	}
}

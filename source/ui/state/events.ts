import type {Workspace, Evidence} from '../../domain/workspace/workspace-schema.js';
import type {LockHolder} from '../../storage/workspace-lock.js';
import type {AppEnv, AppState} from './app-state.js';
import type {InputEvent} from '../input/split-keys.js';
import type {WeightsUpdate, SaveResult} from '../session/session-port.js';
import {handleKey} from '../keymap/dispatch.js';
import {applySession, emit, nav, open, say} from './act.js';
import {mergeFromDisk, refresh, undo} from '../session/session-state.js';
import {evidenceAnswered} from '../actions/prompt-actions.js';
import {pickSearch} from '../actions/overlay-actions.js';
import {scoresOf, unsavedChanges} from './derive.js';
import {exportedText, mergedText, refusedText} from '../messages.js';
import {t} from '../strings.js';

/** Everything that changes the state: keys, and what the world answers (saves, files, timers). */
export type AppEvent =
	| {type: 'key'; key: InputEvent}
	/** The search index is built: a pick that waited for it is made, then the keys held behind it. */
	| {type: 'search-ready'}
	| {type: 'saved'; version: number; at: string; result: SaveResult}
	| {type: 'save-failed'; version: number; problem: string; invalid: boolean}
	| {type: 'weights'; update: WeightsUpdate}
	| {type: 'disk'; ws: Workspace}
	| {type: 'lock'; holder: LockHolder | undefined}
	| {type: 'took-over'; ok: boolean}
	| {type: 'evidence-added'; evidence: Evidence}
	| {type: 'evidence-failed'; problem: string}
	| {type: 'exported'; file: string; draft: string | undefined}
	| {type: 'saved-as'; file: string}
	| {type: 'failed'; problem: string}
	| {type: 'quit-blocked'}
	| {type: 'restore'; region: string; node: string};

export function reduce(state: AppState, env: AppEnv, event: AppEvent): AppState {
	switch (event.type) {
		case 'key':
			if (state.overlay?.kind === 'search' && state.overlay.pending && event.key.name !== 'ctrl+c') return {...state, held: [...state.held, event.key]};
			return handleKey(state, env, event.key);
		case 'search-ready': {
			if (state.overlay?.kind !== 'search' || !state.overlay.pending) return state;
			let next = pickSearch({...state, overlay: {...state.overlay, pending: false}, held: []}, env);
			for (const key of state.held) next = reduce(next, env, {type: 'key', key});
			return next;
		}
		case 'saved': {
			const saved = Math.max(state.save.saved, event.version);
			let next: AppState = {...state, save: {...state.save, saved, at: event.at, failed: undefined}};
			const merged = event.result.merged;
			if (merged) {
				next = applySession(next, env, mergeFromDisk(next.session, merged.ws, env.lang));
				next = say(next, mergedText(env.lang, merged.fromDisk, merged.conflicts));
			}
			// Not an error (the change is on disk), but nothing a person should miss: it stays until the next message.
			if (event.result.warnings?.length) next = say(next, event.result.warnings.join('; '), 'error');
			if (next.quitWhenSaved && unsavedChanges(next) === 0) return emit({...next, quitWhenSaved: false, quitting: true}, {type: 'quit'});
			return next;
		}
		case 'save-failed': {
			let next: AppState = {...state, save: {...state.save, failed: {version: event.version, problem: event.problem}}, quitWhenSaved: false};
			// The file refuses the newest change itself: take it back, so later saves are not refused too.
			if (event.invalid && event.version === state.session.version && state.session.undo.length > 0) {
				next = applySession(next, env, undo(next.session, env.user, env.now()), {say: 'undone'});
				return say(next, refusedText(env.lang, event.problem), 'error');
			}
			return state.quitWhenSaved ? open(next, {kind: 'quit'}) : next;
		}
		case 'weights': {
			const u = event.update;
			if (!u.ok) return {...state, weights: {...state.weights, error: u.problem}};
			const rankBefore = new Map(scoresOf(env, state).regions.map(r => [r.code, r.rank]));
			return say({...state, weights: {weights: u.weights, loaded: u.loaded, rankBefore}}, t(env.lang, 'weightsChanged'));
		}
		case 'disk':
			// Read-only: the holder saved; show what is on disk now.
			return state.readOnly ? {...state, session: refresh(state.session, event.ws), readOnly: {...state.readOnly, refreshedAt: env.now()}} : state;
		case 'lock':
			return state.readOnly ? {...state, readOnly: {...state.readOnly, holder: event.holder, free: event.holder === undefined}} : state;
		case 'took-over':
			return event.ok ? say({...state, readOnly: undefined}, t(env.lang, 'tookOver')) : say(state, t(env.lang, 'takeOverFailed'), 'error');
		case 'evidence-added':
			return evidenceAnswered(state, env, {evidence: [event.evidence]});
		case 'evidence-failed':
			return evidenceAnswered(state, env, {problem: event.problem});
		case 'exported':
			return say(state, exportedText(env.lang, event.file, event.draft));
		case 'saved-as':
			return emit(say({...state, overlay: undefined, quitting: true}, `${t(env.lang, 'savedAs')} ${event.file}`), {type: 'quit', losing: true});
		case 'failed':
			return state.overlay?.kind === 'prompt' ? {...state, overlay: {...state.overlay, error: event.problem}} : say(state, event.problem, 'error');
		case 'quit-blocked':
			return open({...state, quitting: false}, {kind: 'quit'});
		case 'restore': {
			// Where this assessor left off last time, unless a key has already moved them.
			const regions = state.session.ws.regions;
			if (!regions.includes(event.region) || !env.index.nodes.has(event.node) || state.nav.region) return state;
			return nav(state, {type: 'goto', region: event.region, node: event.node, regions, index: env.index});
		}
	}
}

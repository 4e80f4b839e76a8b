import type {AppEnv, AppState, Effect, Flash, Overlay} from './app-state.js';
import {navReducer, type NavAction} from './nav-state.js';
import type {SessionResult, Step} from '../session/session-state.js';
import {demotedText, stepText} from '../messages.js';

/** Small steps the key handlers are made of; each returns a new state. */

export const say = (state: AppState, text: string, kind: Flash['kind'] = 'info'): AppState => ({...state, flash: {text, kind}});

export const emit = (state: AppState, effect: Effect): AppState => ({...state, outbox: [...state.outbox, effect]});

export const nav = (state: AppState, action: NavAction): AppState => {
	const next = navReducer(state.nav, action);
	return next === state.nav ? state : {...state, nav: next};
};

export const open = (state: AppState, overlay: Overlay | undefined): AppState => ({...state, overlay});

export const close = (state: AppState): AppState => ({...state, overlay: undefined});

/**
 * A session change taken in: refused changes say why (and change nothing); undo and redo go to
 * where the change was and say what it was.
 */
export function applySession(state: AppState, env: AppEnv, result: SessionResult, options: {say?: 'undone' | 'redone'; quiet?: boolean} = {}): AppState {
	if (result.problem) return say(state, result.problem, 'error');
	if (result.state === state.session) return state;
	let next: AppState = {...state, session: result.state};
	if (options.say && result.step) {
		next = goToStep(next, env, result.step);
		next = say(next, stepText(env, options.say, result.step));
	}
	if (result.demoted) next = say(next, demotedText(env.lang, result.demoted));
	return next;
}

function goToStep(state: AppState, env: AppEnv, step: Step): AppState {
	const regions = state.session.ws.regions;
	if (step.kind === 'region') return regions.includes(step.region) ? state : nav(state, {type: 'regions', regions});
	if (state.nav.screen === 'conflicts' && step.what === 'settle') return state;
	return nav(state, {type: 'goto', region: step.region, node: step.indicator, regions, index: env.index});
}

/** A read-only session records nothing: the key says so instead. */
export function writable(state: AppState): boolean {
	return !state.readOnly;
}

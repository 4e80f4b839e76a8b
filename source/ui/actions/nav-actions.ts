import type {AppEnv, AppState} from '../state/app-state.js';
import {boardRows, conflictList, itemRows, selectedConflict} from '../state/derive.js';
import {applySession, emit, nav, open, say} from '../state/act.js';
import {fieldFrom} from '../fields/field-state.js';
import {walkTodo} from '../view-model.js';
import {returnedText} from '../review-messages.js';
import {teamSelectable, compareList} from './board-actions.js';
import {undo, redo} from '../session/session-state.js';
import {offerPlan} from './plan-actions.js';
import {openPrompt} from './leaf-actions.js';
import {t} from '../strings.js';
import {helpLayout} from '../components/help-overlay.js';

/** What the keys that move do, on whichever list has the focus. */

function listLength(state: AppState, env: AppEnv): number {
	switch (state.nav.screen) {
		case 'regions':
			return state.session.ws.regions.length;
		case 'scoreboard':
			return boardRows(env, state).length;
		case 'conflicts':
			return conflictList(env.index, state.session.ws).length;
		case 'team':
			return teamSelectable(env, state).length;
		case 'compare':
			return compareList(env, state).length;
		case 'tree': {
			const rows = itemRows(state);
			return rows.samples + rows.evidence;
		}
	}
}

export const page = (env: AppEnv) => Math.max(1, env.rows - 8);

export function move(state: AppState, env: AppEnv, by: number): AppState {
	return nav(state, {type: 'move', by, count: listLength(state, env), index: env.index});
}

export function moveTo(state: AppState, env: AppEnv, to: 'first' | 'last'): AppState {
	return nav(state, {type: 'moveTo', to, count: listLength(state, env), index: env.index});
}

export function openSelected(state: AppState, env: AppEnv): AppState {
	const {nav: n} = state;
	const regions = state.session.ws.regions;
	if (n.screen === 'conflicts') {
		const c = selectedConflict(env, state);
		return c ? nav(state, {type: 'goto', region: c.region, node: c.indicator, regions, index: env.index}) : state;
	}
	if (n.screen === 'scoreboard') {
		const row = boardRows(env, state)[n.scoreboardCursor];
		return row ? nav(state, {type: 'goto', region: row.code, regions, index: env.index}) : state;
	}
	return arrived(state, nav(state, {type: 'open', regions, index: env.index}), env);
}

/**
 * Into the item panel of a leaf (from the tree, or to another leaf or region while in it): an
 * empty sampled leaf the sample plan has items for is offered them.
 */
function arrived(before: AppState, after: AppState, env: AppEnv): AppState {
	const b = before.nav;
	const a = after.nav;
	const moved = b.pane !== 'item' || b.screen !== 'tree' || b.region !== a.region || b.node !== a.node;
	return moved && a.pane === 'item' && a.screen === 'tree' ? offerPlan(after, env, 'stay') : after;
}

export function back(state: AppState, env: AppEnv): AppState {
	return nav(state, {type: 'back', index: env.index});
}

/**
 * n / N: the next (previous) leaf to do in this region, wrapping around: findings a reviewer
 * returned first (saying who returned it and why), then leaves with no value yet.
 */
export function walk(state: AppState, env: AppEnv, direction: 1 | -1): AppState {
	const ws = state.session.ws;
	const region = state.nav.screen === 'tree' ? state.nav.region : state.nav.screen === 'regions' ? ws.regions[state.nav.regionCursor] : undefined;
	if (!region) return say(state, t(env.lang, 'openRegionFirst'));
	const next = walkTodo(env.index, ws, region, state.nav.screen === 'tree' ? state.nav.node : undefined, direction);
	if (!next) return say(nav(state, {type: 'goto', region, regions: ws.regions, index: env.index}), t(env.lang, 'allScored'));
	const moved = arrived(state, nav(state, {type: 'goto', region, node: next.indicator, regions: ws.regions, index: env.index}), env);
	return next.why === 'returned' ? say(moved, returnedText(env.lang, next.by, next.note)) : moved;
}

/** ] / [: the same indicator in the next (previous) region of the workspace. */
export function otherRegion(state: AppState, env: AppEnv, by: 1 | -1): AppState {
	const regions = state.session.ws.regions;
	const at = state.nav.region ? regions.indexOf(state.nav.region) : state.nav.regionCursor;
	const region = regions[(at + by + regions.length) % regions.length]!;
	return arrived(state, nav(state, {type: 'goto', region, node: state.nav.node, regions, index: env.index}), env);
}

export function toRegions(state: AppState): AppState {
	return nav(state, {type: 'regions', regions: state.session.ws.regions});
}

/** s, c: a screen, or back from it when it is already shown. */
export function toggleScreen(state: AppState, screen: 'scoreboard' | 'conflicts' | 'team'): AppState {
	if (state.nav.screen === screen) return nav(state, {type: 'screen', screen: state.nav.region ? 'tree' : 'regions'});
	return nav(state, {type: 'screen', screen});
}

export function openSearch(state: AppState): AppState {
	return open(state, {kind: 'search', purpose: 'jump', field: fieldFrom(''), selected: 0});
}

export function openHelp(state: AppState): AppState {
	return open(state, {kind: 'help', scroll: 0});
}

/** Scrolls the help, never past its last page (as laid out in the body: the screen less header and status lines). */
export function scrollHelp(state: AppState, env: AppEnv, by: number): AppState {
	const o = state.overlay;
	if (o?.kind !== 'help') return state;
	const {lastScroll} = helpLayout(env.lang, env.columns, Math.max(3, env.rows - 4));
	return {...state, overlay: {...o, scroll: Math.max(0, Math.min(lastScroll, o.scroll + by))}};
}

/** x: the proposed file is selected, so typing replaces it (and End or an arrow edits it). */
export function openExport(state: AppState, env: AppEnv): AppState {
	return openPrompt(state, 'export', env.defaultExportFile, {selected: true});
}

export function undoStep(state: AppState, env: AppEnv): AppState {
	if (state.readOnly) return say(state, t(env.lang, 'readOnlyNothing'), 'error');
	if (state.session.undo.length === 0) return say(state, t(env.lang, 'nothingToUndo'));
	return applySession(state, env, undo(state.session, env.user, env.now()), {say: 'undone'});
}

export function redoStep(state: AppState, env: AppEnv): AppState {
	if (state.readOnly) return say(state, t(env.lang, 'readOnlyNothing'), 'error');
	if (state.session.redo.length === 0) return say(state, t(env.lang, 'nothingToRedo'));
	return applySession(state, env, redo(state.session, env.user, env.now()), {say: 'redone'});
}

export function takeOver(state: AppState): AppState {
	return emit(state, {type: 'take-over'});
}

export function switchPane(state: AppState, env: AppEnv): AppState {
	if (state.nav.screen !== 'tree') return state;
	return arrived(state, nav(state, {type: 'pane', pane: state.nav.pane === 'tree' ? 'item' : 'tree'}), env);
}

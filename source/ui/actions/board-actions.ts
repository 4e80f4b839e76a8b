import type {AppEnv, AppState} from '../state/app-state.js';
import {boardRows, regionNames, scoresOf} from '../state/derive.js';
import {teamStatusOf} from '../state/review-derive.js';
import {nav, say} from '../state/act.js';
import {teamView, type TeamLine, type TeamView} from '../screens/team-rows.js';
import {compareRows, type CompareRow} from '../screens/compare-rows.js';
import {t} from '../strings.js';

/** What the keys of the team screen and of the scoreboard's comparison do. */

let lastTeam: {status: object; lang: string; columns: number; view: TeamView} | undefined;

/** The team screen's lines for the terminal's width (the keys and the view use the same). */
export function teamLines(env: AppEnv, state: AppState): TeamView {
	const status = teamStatusOf(env, state);
	if (lastTeam && lastTeam.status === status && lastTeam.lang === env.lang && lastTeam.columns === env.columns) return lastTeam.view;
	const view = teamView(status, env.lang, env.columns);
	lastTeam = {status, lang: env.lang, columns: env.columns, view};
	return view;
}

/** The rows the team screen's cursor moves over (every table row). */
export function teamSelectable(env: AppEnv, state: AppState): TeamLine[] {
	return teamLines(env, state).lines.filter(l => l.kind === 'row');
}

/** Enter on the team screen: the selected region's tree (an assessor's or a reviewer's row opens nothing, and says so). */
export function openTeamRow(state: AppState, env: AppEnv): AppState {
	const rows = teamSelectable(env, state);
	const row = rows[Math.min(state.nav.teamCursor, rows.length - 1)];
	if (!row?.region) return say(state, t(env.lang, 'teamOpenRegion'));
	return nav(state, {type: 'goto', region: row.region, regions: state.session.ws.regions, index: env.index});
}

/**
 * m (or Space) on the scoreboard: marks the selected region; on another region, shows the two
 * side by side; on the marked one, unmarks it.
 */
export function markForCompare(state: AppState, env: AppEnv): AppState {
	const row = boardRows(env, state)[state.nav.scoreboardCursor];
	if (!row) return state;
	if (state.session.ws.regions.length < 2) return say(state, t(env.lang, 'compareOnlyOne'));
	const marked = state.nav.marked;
	if (marked === row.code) return say(nav(state, {type: 'mark', region: undefined}), t(env.lang, 'unmarked'));
	if (!marked || !state.session.ws.regions.includes(marked)) return say(nav(state, {type: 'mark', region: row.code}), `${row.name}: ${t(env.lang, 'markedHint')}`);
	return nav(state, {type: 'compare', with: row.code});
}

/** ] / [ on the compare screen: the marked region beside the next (previous) region of the scoreboard. */
export function compareOther(state: AppState, env: AppEnv, by: 1 | -1): AppState {
	const {marked, compareWith} = state.nav;
	const codes = boardRows(env, state)
		.map(r => r.code)
		.filter(c => c !== marked);
	if (!marked || !compareWith || codes.length === 0) return state;
	const at = codes.indexOf(compareWith);
	return nav(state, {type: 'compare', with: codes[(at + by + codes.length) % codes.length]!});
}

let lastCompare: {scores: object; a: string; b: string; lang: string; rows: CompareRow[]} | undefined;

/** The rows of the comparison shown (empty when none is). */
export function compareList(env: AppEnv, state: AppState): CompareRow[] {
	const {marked: a, compareWith: b} = state.nav;
	if (!a || !b) return [];
	const scores = scoresOf(env, state);
	if (lastCompare && lastCompare.scores === scores && lastCompare.a === a && lastCompare.b === b && lastCompare.lang === env.lang) return lastCompare.rows;
	const rows = compareRows(env.index, scores, a, b, env.lang);
	lastCompare = {scores, a, b, lang: env.lang, rows};
	return rows;
}

/** The names of the two regions compared. */
export function comparedNames(env: AppEnv, state: AppState): [string, string] {
	const names = regionNames(env);
	const {marked, compareWith} = state.nav;
	return [names.get(marked ?? '') ?? marked ?? '', names.get(compareWith ?? '') ?? compareWith ?? ''];
}

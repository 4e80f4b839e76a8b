import type {SearchEntry, SearchHit} from '../../domain/search/search-index.js';
import type {AppEnv, AppState, Overlay} from '../state/app-state.js';
import {currentFinding, currentLeaf, samplesOf, unsavedChanges, regionNames} from '../state/derive.js';
import {applySession, close, emit, nav, open, say} from '../state/act.js';
import {fieldText} from '../fields/field-state.js';
import {addRegion, changeFinding} from '../session/session-state.js';
import {recordValue, setSamples, openPrompt, openSampleSearch} from './leaf-actions.js';
import {askSettleReason} from './settle-actions.js';
import {planSamples} from './plan-actions.js';
import {localized} from '../display.js';
import {t} from '../strings.js';
import {addedRegionText} from '../messages.js';

type Search = Extract<Overlay, {kind: 'search'}>;

const KINDS: Record<Search['purpose'], readonly SearchEntry['kind'][]> = {jump: ['indicator', 'region', 'service-item'], sample: ['service-item']};

/** How many results the search overlay lists (the keys and the view use the same list). */
export const searchLimit = (env: AppEnv) => Math.max(3, env.rows - 9);

let last: {query: string; purpose: string; limit: number; search: AppEnv['search']; hits: SearchHit[]} | undefined;

/** The results for the query typed; regions only of the kind the system assesses. */
export function searchResults(env: AppEnv, o: Search): SearchHit[] | undefined {
	if (!env.search) return undefined;
	const query = fieldText(o.field);
	const limit = searchLimit(env);
	if (last && last.query === query && last.purpose === o.purpose && last.limit === limit && last.search === env.search) return last.hits;
	const level = env.index.system.regionKind;
	const byCode = new Map(env.regions.map(r => [r.code, r]));
	const hits = env.search(query, KINDS[o.purpose], limit * 2)
		.filter(h => h.entry.kind !== 'region' || level === 'other' || byCode.get(h.entry.id)?.level === level)
		.slice(0, limit);
	last = {query, purpose: o.purpose, limit, search: env.search, hits};
	return hits;
}

export function moveSearch(state: AppState, env: AppEnv, by: number): AppState {
	const o = state.overlay;
	if (o?.kind !== 'search') return state;
	const hits = searchResults(env, o);
	// Before the index is built, Down is counted and the list is clamped to it when it comes.
	const selected = hits ? Math.min(hits.length - 1, o.selected + by) : o.selected + by;
	return {...state, overlay: {...o, selected: Math.max(0, selected)}};
}

/** Enter in search: the selected result of the query as typed (every key before it counted). */
export function pickSearch(state: AppState, env: AppEnv): AppState {
	const o = state.overlay;
	if (o?.kind !== 'search') return state;
	const hits = searchResults(env, o);
	// Enter before the index is built: the pick waits for it, and the keys after it too.
	if (!hits) return {...state, overlay: {...o, pending: true}};
	const hit = hits[Math.min(o.selected, hits.length - 1)];
	if (!hit) return state;
	const entry = hit.entry;
	const ws = state.session.ws;
	if (o.purpose === 'sample') {
		const samples = samplesOf(currentFinding(state));
		if (samples.some(s => s.item === entry.id)) return say(close(state), env.lang === 'zh' ? `${entry.id} 已在抽查事项中` : `${entry.id} is already sampled`);
		// A new item is not judged yet: Space judges it (pass, fail, not judged).
		return setSamples(close(state), env, [...samples, {item: entry.id, pass: null}]);
	}
	if (entry.kind === 'region') {
		if (!ws.regions.includes(entry.id)) {
			if (state.readOnly) return say(close(state), t(env.lang, 'readOnlyNothing'), 'error');
			return open(state, {kind: 'confirm', confirm: {kind: 'add-region', region: entry.id, name: entry.title}});
		}
		return nav(close(state), {type: 'goto', region: entry.id, regions: ws.regions, index: env.index});
	}
	if (entry.kind === 'indicator') {
		const region = state.nav.region ?? ws.regions[state.nav.regionCursor];
		if (!region || !env.index.nodes.has(entry.id)) return close(state);
		return nav(close(state), {type: 'goto', region, node: entry.id, regions: ws.regions, index: env.index});
	}
	return say(close(state), `${entry.id} ${entry.title}: ${entry.detail}`);
}

/** The options of the open choice (levels, or yes and no). */
export function choiceOptions(env: AppEnv, state: AppState): string[] {
	const o = state.overlay;
	const rule = currentLeaf(env, state)?.rule;
	if (o?.kind !== 'choice' || !rule) return [];
	if (o.purpose === 'yesno') return [t(env.lang, 'yes'), t(env.lang, 'no')];
	return rule.type === 'levels' ? rule.levels.map(l => `${localized(l.label, env.lang)} (${l.points})`) : [];
}

export function moveChoice(state: AppState, env: AppEnv, by: number): AppState {
	const o = state.overlay;
	if (o?.kind !== 'choice') return state;
	const n = choiceOptions(env, state).length;
	return {...state, overlay: {...o, selected: Math.max(0, Math.min(n - 1, o.selected + by))}};
}

export function pickChoice(state: AppState, env: AppEnv, at?: number): AppState {
	const o = state.overlay;
	const rule = currentLeaf(env, state)?.rule;
	if (o?.kind !== 'choice' || !rule) return close(state);
	const i = at ?? o.selected;
	if (o.purpose === 'yesno') return recordValue(close(state), env, {type: 'yesno', met: i === 0});
	if (rule.type !== 'levels') return close(state);
	const level = rule.levels[i];
	return level ? recordValue(close(state), env, {type: 'levels', level: level.id}) : say(state, t(env.lang, 'notForRule'));
}

/** y to a question. */
export function confirmYes(state: AppState, env: AppEnv): AppState {
	const o = state.overlay;
	if (o?.kind !== 'confirm') return state;
	const c = o.confirm;
	const closed = close(state);
	if (c.kind === 'settle-typed') return askSettleReason(closed, c.settle);
	if (c.kind === 'plan') return setSamples(closed, env, planSamples(env, c.indicator));
	if (c.kind === 'add-region') {
		const next = applySession(closed, env, addRegion(state.session, c.region));
		if (next.flash?.kind === 'error') return next;
		const regions = next.session.ws.regions;
		return say(nav(next, {type: 'goto', region: c.region, regions, index: env.index}), addedRegionText(env.lang, regionNames(env).get(c.region) ?? c.name));
	}
	const at = {region: c.region, indicator: c.indicator};
	const before = state.nav.itemRow;
	let next: AppState;
	if (c.kind === 'remove-evidence') {
		next = applySession(closed, env, changeFinding(state.session, env.index, at, {removeEvidence: [c.key]}, 'evidence', env.user, env.now()));
	} else {
		const samples = samplesOf(currentFinding(state)).filter(s => s.item !== c.item);
		next = applySession(closed, env, changeFinding(state.session, env.index, at, {value: {type: 'sampled', samples}}, 'samples', env.user, env.now()));
	}
	// The cursor stays on the row that took the removed one's place (or the one above at the end).
	const f = currentFinding(next);
	const rows = samplesOf(f).length + (f?.evidence.length ?? 0);
	return nav(next, {type: 'itemRow', row: Math.min(before, rows - 1)});
}

/** n (or Esc) to a question; to the sample plan's offer from +, n searches the catalog instead. */
export function confirmNo(state: AppState, env: AppEnv): AppState {
	const o = state.overlay;
	if (o?.kind === 'confirm' && o.confirm.kind === 'plan' && o.confirm.then === 'search') return openSampleSearch(close(state), env, {offer: false});
	return close(state);
}

/** q: quits once everything is on disk; with changes that could not be saved, asks first. */
export function quit(state: AppState): AppState {
	if (state.quitting) return state;
	if (!state.readOnly && state.save.failed && unsavedChanges(state) > 0) return open(state, {kind: 'quit'});
	return emit({...state, quitting: true}, {type: 'quit'});
}

export function quitRetry(state: AppState): AppState {
	return {...close(state), quitWhenSaved: true, save: {...state.save, attempt: state.save.attempt + 1}};
}

export function quitSaveAs(state: AppState, env: AppEnv): AppState {
	return openPrompt(close(state), 'save-as', env.defaultSaveAsFile, {selected: true});
}

export function quitLosing(state: AppState): AppState {
	return emit({...close(state), quitting: true}, {type: 'quit', losing: true});
}

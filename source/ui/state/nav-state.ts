import type {SystemIndex} from '../../domain/system/system-index.js';
import {visibleTreeRows, withAncestorsExpanded} from './tree-rows.js';

export type Screen = 'regions' | 'tree' | 'scoreboard' | 'conflicts' | 'team' | 'compare';
export type Pane = 'tree' | 'item';

export type ScoreColumn = 'rank' | 'name' | 'total' | 'coverage' | 'p1' | 'p2' | 'p3' | 'p4' | 'p5';
export const SCORE_COLUMNS: readonly ScoreColumn[] = ['rank', 'name', 'total', 'coverage', 'p1', 'p2', 'p3', 'p4', 'p5'];

/** Where the user is: the screen, the region and node, the focused pane, each list's cursor. */
export type NavState = {
	screen: Screen;
	regionCursor: number;
	region: string | undefined;
	/** The selected node of the tree, by code. */
	node: string;
	expanded: ReadonlySet<string>;
	pane: Pane;
	/** The selected row inside the item panel (a sampled item or evidence), -1 for none. */
	itemRow: number;
	scoreboardCursor: number;
	conflictCursor: number;
	sortBy: ScoreColumn;
	/** The team screen's selected row (of the rows it lists: assessors, reviewers, spot checks, regions). */
	teamCursor: number;
	/** The scoreboard's region marked for a comparison, and the one it is compared with (the compare screen). */
	marked: string | undefined;
	compareWith: string | undefined;
	/** The compare screen's selected indicator row. */
	compareCursor: number;
};

export function initialNav(index: SystemIndex): NavState {
	return {
		screen: 'regions',
		regionCursor: 0,
		region: undefined,
		node: index.primaries[0]!,
		expanded: new Set(index.primaries),
		pane: 'tree',
		itemRow: -1,
		scoreboardCursor: 0,
		conflictCursor: 0,
		sortBy: 'rank',
		teamCursor: 0,
		marked: undefined,
		compareWith: undefined,
		compareCursor: 0,
	};
}

export type NavAction =
	/** `count`: the rows of the list in focus (regions, scoreboard, conflicts, item rows). */
	| {type: 'move'; by: number; count: number; index: SystemIndex}
	| {type: 'moveTo'; to: 'first' | 'last'; count: number; index: SystemIndex}
	| {type: 'open'; regions: readonly string[]; index: SystemIndex}
	| {type: 'back'; index: SystemIndex}
	| {type: 'goto'; region: string; node?: string; regions: readonly string[]; index: SystemIndex}
	| {type: 'regions'; regions: readonly string[]}
	| {type: 'pane'; pane: Pane}
	| {type: 'itemRow'; row: number}
	| {type: 'screen'; screen: Screen}
	| {type: 'sort'; by: 1 | -1}
	/** Marks a region of the scoreboard for a comparison (undefined: none). */
	| {type: 'mark'; region: string | undefined}
	/** The compare screen: the marked region beside this one. */
	| {type: 'compare'; with: string};

/**
 * Navigation as a pure reducer: keys become actions, and the same action always leads to the
 * same state (tests drive it without a terminal).
 */
export function navReducer(state: NavState, action: NavAction): NavState {
	switch (action.type) {
		case 'move':
			return moveBy(state, action.by, action.count, action.index);
		case 'moveTo':
			return moveBy(state, action.to === 'first' ? -Infinity : Infinity, action.count, action.index);
		case 'open': {
			if (state.screen === 'regions') {
				const region = action.regions[state.regionCursor];
				return region ? {...state, screen: 'tree', region, pane: 'tree', itemRow: -1} : state;
			}
			if (state.screen !== 'tree') return state;
			const node = action.index.nodes.get(state.node)!;
			if (node.children.length === 0) return {...state, pane: 'item'};
			if (!state.expanded.has(state.node)) return {...state, expanded: new Set([...state.expanded, state.node])};
			return {...state, node: node.children[0]!};
		}
		case 'back': {
			// Back from a comparison: the scoreboard, the first region still marked (mark another to compare it with).
			if (state.screen === 'compare') return {...state, screen: 'scoreboard', compareWith: undefined};
			if (state.screen === 'scoreboard' || state.screen === 'conflicts' || state.screen === 'team') return {...state, screen: state.region ? 'tree' : 'regions'};
			if (state.screen === 'regions') return state;
			if (state.pane === 'item') return {...state, pane: 'tree', itemRow: -1};
			const node = action.index.nodes.get(state.node)!;
			if (node.children.length > 0 && state.expanded.has(state.node)) {
				const expanded = new Set(state.expanded);
				expanded.delete(state.node);
				return {...state, expanded};
			}
			if (node.parent) return {...state, node: node.parent};
			return {...state, screen: 'regions'};
		}
		case 'goto': {
			const node = action.node ?? state.node;
			return {
				...state,
				screen: 'tree',
				region: action.region,
				regionCursor: Math.max(0, action.regions.indexOf(action.region)),
				node,
				expanded: withAncestorsExpanded(action.index, state.expanded, node),
				pane: action.node && state.pane === 'item' && action.index.nodes.get(node)?.rule ? 'item' : 'tree',
				itemRow: -1,
			};
		}
		case 'regions':
			return {...state, screen: 'regions', regionCursor: state.region ? Math.max(0, action.regions.indexOf(state.region)) : state.regionCursor};
		case 'pane':
			if (state.screen !== 'tree' || state.pane === action.pane) return state;
			return {...state, pane: action.pane, itemRow: -1};
		case 'itemRow':
			return {...state, itemRow: action.row};
		case 'screen':
			return {...state, screen: action.screen};
		case 'sort': {
			const i = SCORE_COLUMNS.indexOf(state.sortBy);
			const next = SCORE_COLUMNS[(i + action.by + SCORE_COLUMNS.length) % SCORE_COLUMNS.length]!;
			return {...state, sortBy: next, scoreboardCursor: 0};
		}
		case 'mark':
			return {...state, marked: action.region, compareWith: undefined};
		case 'compare':
			return state.marked && state.marked !== action.with ? {...state, screen: 'compare', compareWith: action.with} : state;
	}
}

function moveBy(state: NavState, by: number, count: number, index: SystemIndex): NavState {
	const clamp = (i: number, n: number, min = 0) => Math.max(min, Math.min(n - 1, i));
	if (state.screen === 'regions') return {...state, regionCursor: clamp(state.regionCursor + by, count)};
	if (state.screen === 'scoreboard') return {...state, scoreboardCursor: clamp(state.scoreboardCursor + by, count)};
	if (state.screen === 'conflicts') return {...state, conflictCursor: clamp(state.conflictCursor + by, count)};
	if (state.screen === 'team') return {...state, teamCursor: clamp(state.teamCursor + by, count)};
	if (state.screen === 'compare') return {...state, compareCursor: clamp(state.compareCursor + by, count)};
	// In the item panel, -1 is "no row" (above the first sampled item or evidence).
	if (state.pane === 'item') return {...state, itemRow: count === 0 ? -1 : clamp(state.itemRow + by, count, -1)};
	const rows = visibleTreeRows(index, state.expanded);
	const at = rows.findIndex(r => r.code === state.node);
	const next = rows[clamp(at + by, rows.length)];
	return next ? {...state, node: next.code, itemRow: -1} : state;
}

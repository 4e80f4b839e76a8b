import type {SystemIndex} from '../../domain/system/system-index.js';
import {visibleTreeRows, withAncestorsExpanded} from './tree-rows.js';

export type Screen = 'regions' | 'tree' | 'scoreboard' | 'conflicts';
export type Pane = 'tree' | 'item';

/** What a one-line or multi-line prompt is asking for; its text is kept by the editor widget. */
export type PromptPurpose = 'note' | 'evidence' | 'value' | 'flag' | 'na' | 'sample-add' | 'sample-note' | 'settle-value' | 'export';

export type Overlay =
	| {kind: 'help'}
	| {kind: 'search'; query: string; selected: number}
	| {kind: 'prompt'; purpose: PromptPurpose; initial: string; multiline: boolean}
	| {kind: 'levels'; selected: number};

export type ScoreColumn = 'rank' | 'name' | 'total' | 'coverage' | 'p1' | 'p2' | 'p3' | 'p4' | 'p5';
export const SCORE_COLUMNS: readonly ScoreColumn[] = ['rank', 'name', 'total', 'coverage', 'p1', 'p2', 'p3', 'p4', 'p5'];

export type UiState = {
	screen: Screen;
	regionCursor: number;
	region: string | undefined;
	/** The selected node of the tree, by code. */
	node: string;
	expanded: ReadonlySet<string>;
	pane: Pane;
	/** The selected row inside the item panel (evidence or sample), -1 for none. */
	itemRow: number;
	scoreboardCursor: number;
	conflictCursor: number;
	sortBy: ScoreColumn;
	overlay: Overlay | undefined;
};

export function initialUiState(index: SystemIndex): UiState {
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
		overlay: undefined,
	};
}

export type UiAction =
	| {type: 'move'; by: number; regionCount: number; index: SystemIndex}
	| {type: 'open'; regions: readonly string[]; index: SystemIndex}
	| {type: 'back'; index: SystemIndex}
	| {type: 'openRegion'; region: string; regions: readonly string[]}
	| {type: 'goto'; region: string; node: string; regions: readonly string[]; index: SystemIndex}
	| {type: 'nextPane'}
	| {type: 'itemRow'; row: number}
	| {type: 'screen'; screen: Screen}
	| {type: 'sortNext'}
	| {type: 'overlay'; overlay: Overlay | undefined};

/**
 * Navigation state of the TUI as a pure reducer: keys become actions, and the same action
 * always leads to the same state (tests drive it without a terminal).
 */
export function uiReducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'move': {
			if (state.screen === 'regions') {
				return {...state, regionCursor: clamp(state.regionCursor + action.by, action.regionCount)};
			}
			if (state.screen === 'scoreboard') {
				return {...state, scoreboardCursor: clamp(state.scoreboardCursor + action.by, action.regionCount)};
			}
			if (state.screen === 'conflicts') {
				return {...state, conflictCursor: clamp(state.conflictCursor + action.by, action.regionCount)};
			}
			if (state.pane === 'item') return {...state, itemRow: Math.max(-1, state.itemRow + action.by)};
			const rows = visibleTreeRows(action.index, state.expanded);
			const at = rows.findIndex(r => r.code === state.node);
			const next = rows[clamp(at + action.by, rows.length)];
			return next ? {...state, node: next.code, itemRow: -1} : state;
		}
		case 'open': {
			if (state.screen === 'regions' || state.screen === 'scoreboard' || state.screen === 'conflicts') {
				const region = state.screen === 'regions' ? action.regions[state.regionCursor] : undefined;
				return region ? {...state, screen: 'tree', region, pane: 'tree'} : state;
			}
			const node = action.index.nodes.get(state.node)!;
			if (node.children.length === 0) return {...state, pane: 'item'};
			if (!state.expanded.has(state.node)) {
				const expanded = new Set(state.expanded);
				expanded.add(state.node);
				return {...state, expanded};
			}
			return {...state, node: node.children[0]!};
		}
		case 'back': {
			if (state.overlay) return {...state, overlay: undefined};
			if (state.screen === 'scoreboard' || state.screen === 'conflicts') return {...state, screen: state.region ? 'tree' : 'regions'};
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
		case 'openRegion':
			return {...state, screen: 'tree', region: action.region, regionCursor: Math.max(0, action.regions.indexOf(action.region)), pane: 'tree', itemRow: -1};
		case 'goto':
			return {
				...state,
				screen: 'tree',
				region: action.region,
				regionCursor: Math.max(0, action.regions.indexOf(action.region)),
				node: action.node,
				expanded: withAncestorsExpanded(action.index, state.expanded, action.node),
				pane: 'tree',
				itemRow: -1,
				overlay: undefined,
			};
		case 'nextPane':
			if (state.screen !== 'tree') return state;
			return {...state, pane: state.pane === 'tree' ? 'item' : 'tree', itemRow: -1};
		case 'itemRow':
			return {...state, itemRow: action.row};
		case 'screen':
			return {...state, screen: action.screen, overlay: undefined};
		case 'sortNext': {
			const i = SCORE_COLUMNS.indexOf(state.sortBy);
			return {...state, sortBy: SCORE_COLUMNS[(i + 1) % SCORE_COLUMNS.length]!, scoreboardCursor: 0};
		}
		case 'overlay':
			return {...state, overlay: action.overlay};
	}
}

function clamp(i: number, count: number): number {
	return Math.max(0, Math.min(count - 1, i));
}

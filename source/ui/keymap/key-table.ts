import type {Lang} from '../../domain/text.js';
import type {AppEnv, AppState} from '../state/app-state.js';
import type {KeyPress} from '../input/key-press.js';

/**
 * Where a binding works. The contexts active at a moment (see `activeContexts`) decide what a
 * key does, which hints the bar shows and how the help is grouped; a key means one thing in a
 * context.
 */
export type Context = 'always' | 'global' | 'move' | 'regions' | 'tree' | 'leaf' | 'item' | 'review' | 'scoreboard' | 'compare' | 'conflicts' | 'team' | 'read-only' | 'help' | 'search' | 'field' | 'discard' | 'choice' | 'confirm' | 'quit';

/**
 * One line of the key table: the real keys (`up`, `k`, `ctrl+s`: as `KeyPress.name` gives
 * them), when the binding applies, what it does, and its words. Dispatch, the hint bar, the
 * help overlay and the README's key table are all made from these lines.
 */
export type Binding = {
	id: string;
	context: Context;
	keys: readonly string[];
	label: Record<Lang, string>;
	/** Shown in the hint bar (with this shorter label, or the label) when it applies. */
	hint?: Record<Lang, string> | true;
	/** It changes the workspace: a read-only session's hint bar leaves it out (the key says why it does nothing). */
	edits?: boolean;
	/** Whether the binding applies now; when not, the key falls through to other contexts. */
	when?: (state: AppState, env: AppEnv) => boolean;
	run: (state: AppState, env: AppEnv, key: KeyPress) => AppState;
};

/** The help's sections, in order, with their titles. */
export const SECTIONS: readonly {context: Context; title: Record<Lang, string>}[] = [
	{context: 'move', title: {zh: '移动（所有列表）', en: 'Moving (every list)'}},
	{context: 'global', title: {zh: '全局', en: 'Everywhere'}},
	{context: 'regions', title: {zh: '地区列表', en: 'Regions list'}},
	{context: 'tree', title: {zh: '指标树', en: 'Indicator tree'}},
	{context: 'leaf', title: {zh: '三级指标（树或详情中选中时）', en: 'On a leaf (tree or item panel)'}},
	{context: 'item', title: {zh: '详情面板', en: 'Item panel'}},
	{context: 'review', title: {zh: '审核模式（assess open --review）', en: 'Review mode (assess open --review)'}},
	{context: 'scoreboard', title: {zh: '排行榜', en: 'Scoreboard'}},
	{context: 'compare', title: {zh: '两地区对比', en: 'Two regions side by side'}},
	{context: 'conflicts', title: {zh: '冲突', en: 'Conflicts'}},
	{context: 'team', title: {zh: '团队进度', en: 'Team progress'}},
	{context: 'read-only', title: {zh: '只读时', en: 'Read-only'}},
	{context: 'search', title: {zh: '搜索', en: 'Search'}},
	{context: 'field', title: {zh: '输入框', en: 'Text fields'}},
	{context: 'discard', title: {zh: '放弃输入？', en: 'Throw away typed text?'}},
	{context: 'choice', title: {zh: '选择档次 / 是否', en: 'Level and yes/no pickers'}},
	{context: 'confirm', title: {zh: '确认', en: 'Questions'}},
	{context: 'quit', title: {zh: '退出时有未保存的改动', en: 'Quitting with changes not on disk'}},
	{context: 'help', title: {zh: '帮助', en: 'This help'}},
	{context: 'always', title: {zh: '任何时候', en: 'Any time'}},
];

/** The contexts that take keys now, the most specific first. Overlays are modal. */
export function activeContexts(state: AppState): Context[] {
	const o = state.overlay;
	if (o) {
		switch (o.kind) {
			case 'help':
				return ['always', 'help'];
			case 'search':
				return ['always', 'search', 'field'];
			case 'prompt':
				return o.confirmDiscard ? ['always', 'discard'] : ['always', 'field'];
			case 'choice':
				return ['always', 'choice'];
			case 'confirm':
				return ['always', 'confirm'];
			case 'quit':
				return ['always', 'quit'];
		}
	}
	const screen = state.nav.screen;
	let own: Context[] = screen === 'tree' ? (state.nav.pane === 'item' ? ['item', 'leaf'] : ['tree', 'leaf']) : [screen];
	// Review mode reviews, and records nothing: its keys come first, and a leaf's recording keys are not there.
	if (state.reviewer && (screen === 'tree' || screen === 'regions')) own = ['review', ...own.filter(c => c !== 'leaf')];
	return ['always', ...(state.readOnly ? (['read-only'] as const) : []), ...own, 'move', 'global'];
}

/** The context whose keys the hint bar shows first: the focused panel or the open overlay. */
export function focusContext(state: AppState): Context {
	return activeContexts(state).find(c => c !== 'always' && c !== 'read-only')!;
}

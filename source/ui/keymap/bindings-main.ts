import type {Binding} from './key-table.js';
import {digits} from './key-labels.js';
import {close} from '../state/act.js';
import {conflictList} from '../state/derive.js';
import * as go from '../actions/nav-actions.js';
import {quit} from '../actions/overlay-actions.js';
import {cancelPrompt} from '../actions/prompt-actions.js';
import {settleWith, settleNew} from '../actions/settle-actions.js';
import {fieldText} from '../fields/field-state.js';
import {nav} from '../state/act.js';

/** The keys of the screens: everywhere, moving, the regions list, the tree, scoreboard, conflicts. */
export const MAIN_BINDINGS: readonly Binding[] = [
	{
		id: 'interrupt',
		context: 'always',
		keys: ['ctrl+c'],
		label: {zh: '退出（输入框有内容时先询问）', en: 'quit (asks first when a field holds typed text)'},
		run: (s, env) => (s.overlay?.kind === 'prompt' && fieldText(s.overlay.field) !== s.overlay.initial ? cancelPrompt(s) : s.overlay?.kind === 'quit' ? s : quit(close(s))),
	},

	{id: 'help', context: 'global', keys: ['?'], label: {zh: '按键帮助', en: 'help: every key'}, hint: {zh: '帮助', en: 'help'}, run: go.openHelp},
	{id: 'search', context: 'global', keys: ['/'], label: {zh: '搜索指标、地区、事项', en: 'search indicators, regions, items'}, hint: {zh: '搜索', en: 'search'}, run: go.openSearch},
	{id: 'regions', context: 'global', keys: ['r'], label: {zh: '地区列表（换到别的地区）', en: 'regions list (go to another region)'}, hint: {zh: '地区', en: 'regions'}, when: s => s.nav.screen !== 'regions', run: s => go.toRegions(s)},
	{id: 'scoreboard', context: 'global', keys: ['s'], label: {zh: '排行榜', en: 'scoreboard'}, hint: {zh: '排行', en: 'scores'}, run: s => go.toggleScreen(s, 'scoreboard')},
	{id: 'conflicts', context: 'global', keys: ['c'], label: {zh: '冲突列表', en: 'conflicts'}, hint: {zh: '冲突', en: 'conflicts'}, when: (s, env) => s.nav.screen === 'conflicts' || conflictList(env.index, s.session.ws).length > 0, run: s => go.toggleScreen(s, 'conflicts')},
	// t: free in every context, and the team's word in both languages (团队, tuan).
	{id: 'team', context: 'global', keys: ['t'], label: {zh: '团队进度：每位评估人、每个地区的已评、已提交、已通过、已退回、冲突', en: 'team progress: per assessor and region, scored, submitted, accepted, returned, conflicts'}, hint: {zh: '团队', en: 'team'}, run: s => go.toggleScreen(s, 'team')},
	{id: 'export', context: 'global', keys: ['x'], label: {zh: '导出 Excel', en: 'export to Excel'}, run: go.openExport},
	{id: 'undo', edits: true, context: 'global', keys: ['u'], label: {zh: '撤销（并跳到撤销处）', en: 'undo (and go to where it was)'}, hint: {zh: '撤销', en: 'undo'}, run: go.undoStep},
	{id: 'redo', edits: true, context: 'global', keys: ['ctrl+r', 'U'], label: {zh: '重做', en: 'redo'}, run: go.redoStep},
	{id: 'quit', context: 'global', keys: ['q'], label: {zh: '退出（改动已自动保存）', en: 'quit (changes are saved as you go)'}, hint: {zh: '退出', en: 'quit'}, run: s => quit(s)},

	{id: 'down', context: 'move', keys: ['down', 'j'], label: {zh: '下移', en: 'down'}, run: (s, env) => go.move(s, env, 1)},
	{id: 'up', context: 'move', keys: ['up', 'k'], label: {zh: '上移', en: 'up'}, run: (s, env) => go.move(s, env, -1)},
	{id: 'pageDown', context: 'move', keys: ['pagedown', 'ctrl+f'], label: {zh: '下一页', en: 'page down'}, run: (s, env) => go.move(s, env, go.page(env))},
	{id: 'pageUp', context: 'move', keys: ['pageup', 'ctrl+b'], label: {zh: '上一页', en: 'page up'}, run: (s, env) => go.move(s, env, -go.page(env))},
	{id: 'first', context: 'move', keys: ['home', 'g'], label: {zh: '第一行', en: 'first row'}, run: (s, env) => go.moveTo(s, env, 'first')},
	{id: 'last', context: 'move', keys: ['end', 'G'], label: {zh: '最后一行', en: 'last row'}, run: (s, env) => go.moveTo(s, env, 'last')},

	{id: 'openRegion', context: 'regions', keys: ['enter', 'right', 'l'], label: {zh: '打开地区', en: 'open the region'}, hint: {zh: '打开', en: 'open'}, run: go.openSelected},
	{id: 'walkRegion', context: 'regions', keys: ['n'], label: {zh: '该地区第一个待办项（先是被退回的）', en: "the region's first leaf to do (returned ones first)"}, hint: {zh: '待办', en: 'to do'}, run: (s, env) => go.walk(s, env, 1)},
	{id: 'walkRegionBack', context: 'regions', keys: ['N'], label: {zh: '该地区最后一个待办项', en: "the region's last leaf to do"}, run: (s, env) => go.walk(s, env, -1)},

	{id: 'expand', context: 'tree', keys: ['enter', 'right', 'l'], label: {zh: '展开；在三级指标上进入详情', en: 'expand; on a leaf, into the item panel'}, hint: {zh: '展开', en: 'open'}, run: go.openSelected},
	{id: 'collapse', context: 'tree', keys: ['left', 'h', 'escape'], label: {zh: '折叠 / 上一层 / 回到地区列表', en: 'collapse / up a level / back to the regions'}, run: go.back},
	{id: 'toItem', context: 'tree', keys: ['tab', 'shift+tab'], label: {zh: '切换到详情面板', en: 'focus the item panel'}, hint: {zh: '详情', en: 'item'}, run: go.switchPane},
	...(['tree', 'item'] as const).flatMap((context): Binding[] => [
		{id: `next-${context}`, context, keys: ['n'], label: {zh: '下一个待办项：先是被退回的，再是未评的', en: 'next leaf to do: returned ones first, then unscored'}, hint: {zh: '下一待办', en: 'next to do'}, run: (s, env) => go.walk(s, env, 1)},
		{id: `prev-${context}`, context, keys: ['N'], label: {zh: '上一个待办项', en: 'previous leaf to do'}, run: (s, env) => go.walk(s, env, -1)},
		{id: `nextRegion-${context}`, context, keys: [']'], label: {zh: '下一个地区的同一指标', en: 'same indicator, next region'}, run: (s, env) => go.otherRegion(s, env, 1)},
		{id: `prevRegion-${context}`, context, keys: ['['], label: {zh: '上一个地区的同一指标', en: 'same indicator, previous region'}, run: (s, env) => go.otherRegion(s, env, -1)},
	]),

	{id: 'openRow', context: 'scoreboard', keys: ['enter'], label: {zh: '打开该地区', en: 'open the region'}, hint: {zh: '打开', en: 'open'}, run: go.openSelected},
	{id: 'sortNext', context: 'scoreboard', keys: ['>'], label: {zh: '按下一列排序', en: 'sort by the next column'}, hint: {zh: '排序', en: 'sort'}, run: s => nav(s, {type: 'sort', by: 1})},
	{id: 'sortPrev', context: 'scoreboard', keys: ['<'], label: {zh: '按上一列排序', en: 'sort by the previous column'}, run: s => nav(s, {type: 'sort', by: -1})},
	{id: 'boardBack', context: 'scoreboard', keys: ['escape', 'left', 'h'], label: {zh: '返回', en: 'back'}, hint: {zh: '返回', en: 'back'}, run: go.back},

	{id: 'settle', edits: true, context: 'conflicts', keys: digits(1, 9), label: {zh: '采用第 N 个候选裁定（可填理由）', en: 'settle with candidate N (a reason is asked, optional)'}, hint: {zh: '采用候选', en: 'settle'}, run: (s, env, key) => settleWith(s, env, Number(key.name))},
	{id: 'settleNew', edits: true, context: 'conflicts', keys: ['v'], label: {zh: '输入新分值裁定（可填理由）', en: 'settle with a new value (and an optional reason)'}, hint: {zh: '新分值', en: 'new value'}, run: settleNew},
	{id: 'gotoConflict', context: 'conflicts', keys: ['enter'], label: {zh: '跳到该指标', en: 'go to the leaf'}, run: go.openSelected},
	{id: 'conflictsBack', context: 'conflicts', keys: ['escape', 'left', 'h'], label: {zh: '返回', en: 'back'}, hint: {zh: '返回', en: 'back'}, run: go.back},

	{id: 'takeOver', context: 'read-only', keys: ['T'], label: {zh: '锁已释放时接手编辑', en: 'take over when the lock is free'}, hint: {zh: '接手编辑', en: 'take over'}, when: s => Boolean(s.readOnly?.free), run: go.takeOver},
];

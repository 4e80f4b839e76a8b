import type {Binding} from './key-table.js';
import type {AppEnv, AppState} from '../state/app-state.js';
import type {Rule} from '../../domain/rules/rule-schema.js';
import {digits} from './key-labels.js';
import {currentLeaf} from '../state/derive.js';
import * as leaf from '../actions/leaf-actions.js';
import {back, switchPane} from '../actions/nav-actions.js';

const ruleIs =
	(...types: Rule['type'][]) =>
	(s: AppState, env: AppEnv) => {
		const l = currentLeaf(env, s);
		return Boolean(l && types.includes(l.rule.type));
	};
const onLeaf = (s: AppState, env: AppEnv) => currentLeaf(env, s) !== undefined;
const row = (kind: 'sample' | 'evidence') => (s: AppState) => {
	const r = leaf.selectedRow(s);
	return Boolean(r && kind in r);
};

/** The keys on a leaf (in the tree or the item panel), and those of the item panel's rows. */
export const LEAF_BINDINGS: readonly Binding[] = [
	{id: 'yes', edits: true, context: 'leaf', keys: ['y', '1'], label: {zh: '是（达标）', en: 'yes (met)'}, hint: {zh: '是', en: 'yes'}, when: ruleIs('yesno'), run: (s, env) => leaf.recordValue(s, env, {type: 'yesno', met: true})},
	{id: 'no', edits: true, context: 'leaf', keys: ['0'], label: {zh: '否（不达标）', en: 'no (not met)'}, hint: {zh: '否', en: 'no'}, when: ruleIs('yesno'), run: (s, env) => leaf.recordValue(s, env, {type: 'yesno', met: false})},
	{
		id: 'level',
		edits: true,
		context: 'leaf',
		keys: digits(1, 9),
		label: {zh: '选择第 N 档', en: 'level N'},
		hint: {zh: '档次', en: 'level'},
		when: ruleIs('levels'),
		run: (s, env, key) => {
			const l = currentLeaf(env, s)!;
			const level = l.rule.type === 'levels' ? l.rule.levels[Number(key.name) - 1] : undefined;
			return level ? leaf.recordValue(s, env, {type: 'levels', level: level.id}) : leaf.openValueEditor(s, env);
		},
	},
	{id: 'number', edits: true, context: 'leaf', keys: digits(0, 9), label: {zh: '开始输入数值', en: 'start typing a number'}, hint: {zh: '输入数值', en: 'type a value'}, when: ruleIs('measure', 'direct'), run: (s, _env, key) => leaf.startNumber(s, key.name)},
	{id: 'addSample', edits: true, context: 'leaf', keys: ['+'], label: {zh: '添加抽查事项（从目录中搜索；空时先提供抽查计划的事项）', en: 'add a sampled item (search the catalog; on an empty leaf, the sample plan first)'}, hint: {zh: '添加事项', en: 'add item'}, when: ruleIs('sampled'), run: (s, env) => leaf.openSampleSearch(s, env)},
	{id: 'editValue', edits: true, context: 'leaf', keys: ['v'], label: {zh: '按规则编辑分值（选择、输入或添加事项）', en: "edit the value (the rule's picker or field)"}, hint: {zh: '编辑分值', en: 'value'}, when: onLeaf, run: leaf.openValueEditor},
	{id: 'note', edits: true, context: 'leaf', keys: ['e'], label: {zh: '编辑备注（选中事项时为事项备注）', en: "edit the note (a selected item's own)"}, hint: {zh: '备注', en: 'note'}, when: onLeaf, run: leaf.editNote},
	{id: 'evidence', edits: true, context: 'leaf', keys: ['a'], label: {zh: '添加证据：网址、引文或文件', en: 'add evidence: URL, quote or file'}, hint: {zh: '证据', en: 'evidence'}, when: onLeaf, run: (s, env) => leaf.openLeafPrompt(s, env, 'evidence', '')},
	{id: 'flag', edits: true, context: 'leaf', keys: ['f'], label: {zh: '标记待复核（需填原因）', en: 'flag for review (with a reason)'}, hint: {zh: '待复核', en: 'flag'}, when: onLeaf, run: (s, env) => leaf.openReason(s, env, 'flag')},
	{id: 'done', edits: true, context: 'leaf', keys: ['d'], label: {zh: '标记完成 / 改回草稿（抽查不足时需填原因）', en: 'mark done / back to draft (too few sampled items: asks why)'}, hint: {zh: '完成', en: 'done'}, when: onLeaf, run: leaf.toggleDone},
	{id: 'na', edits: true, context: 'leaf', keys: ['-'], label: {zh: '不适用（需填原因）', en: 'not applicable (with a reason)'}, hint: {zh: '不适用', en: 'n/a'}, when: onLeaf, run: (s, env) => leaf.openReason(s, env, 'na')},

	{id: 'toggleSample', edits: true, context: 'item', keys: ['space'], label: {zh: '所选事项：通过 / 不通过 / 未判定', en: 'selected item: pass / fail / not judged'}, hint: {zh: '判定', en: 'judge'}, when: s => !s.reviewer && row('sample')(s), run: leaf.toggleSample},
	{id: 'openEvidence', context: 'item', keys: ['o', 'enter'], label: {zh: '用系统程序打开所选证据', en: 'open the selected evidence (system opener)'}, hint: {zh: '打开', en: 'open'}, when: row('evidence'), run: leaf.openEvidence},
	{id: 'remove', edits: true, context: 'item', keys: ['delete'], label: {zh: '删除所选事项或证据（先询问）', en: 'remove the selected item or evidence (asks)'}, hint: {zh: '删除', en: 'remove'}, when: s => !s.reviewer && leaf.selectedRow(s) !== undefined, run: leaf.askRemove},
	{id: 'toTree', context: 'item', keys: ['escape', 'left', 'h', 'tab', 'shift+tab'], label: {zh: '回到指标树', en: 'back to the tree'}, hint: {zh: '指标树', en: 'tree'}, run: (s, env) => (s.nav.pane === 'item' ? switchPane(s, env) : back(s, env))},
];

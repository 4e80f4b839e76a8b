import type {Key} from 'ink';
import type {Lang} from '../../domain/text.js';

/**
 * Every command the TUI knows, in one table: it drives key dispatch, the status bar hints and
 * the help overlay, so the three can never disagree (the gemini-cli / lazygit pattern).
 */
export type CommandId =
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'open'
	| 'back'
	| 'nextPane'
	| 'search'
	| 'help'
	| 'nextUnscored'
	| 'prevUnscored'
	| 'editNote'
	| 'addEvidence'
	| 'removeEvidence'
	| 'flag'
	| 'markDone'
	| 'notApplicable'
	| 'editValue'
	| 'scoreboard'
	| 'sortNext'
	| 'conflicts'
	| 'export'
	| 'settlePick'
	| 'settleNew'
	| 'undo'
	| 'quit';

export type Scope = 'global' | 'navigation' | 'item' | 'scoreboard' | 'conflicts';

export type Binding = {
	id: CommandId;
	/** Key names as shown to people; the matcher below reads the same names. */
	keys: readonly string[];
	scope: Scope;
	label: Record<Lang, string>;
	/** Shown in the status bar when the scope is active. */
	hint?: boolean;
};

export const BINDINGS: readonly Binding[] = [
	{id: 'up', keys: ['↑', 'k'], scope: 'navigation', label: {zh: '上移', en: 'move up'}},
	{id: 'down', keys: ['↓', 'j'], scope: 'navigation', label: {zh: '下移', en: 'move down'}},
	{id: 'pageUp', keys: ['PgUp'], scope: 'navigation', label: {zh: '上一页', en: 'page up'}},
	{id: 'pageDown', keys: ['PgDn'], scope: 'navigation', label: {zh: '下一页', en: 'page down'}},
	{id: 'open', keys: ['→', 'l', 'Enter'], scope: 'navigation', label: {zh: '打开/展开', en: 'open / expand'}},
	{id: 'back', keys: ['←', 'h', 'Esc'], scope: 'navigation', label: {zh: '返回/折叠', en: 'back / collapse'}},
	{id: 'nextPane', keys: ['Tab'], scope: 'global', label: {zh: '切换窗格', en: 'next pane'}},
	{id: 'search', keys: ['/'], scope: 'global', label: {zh: '搜索', en: 'search'}, hint: true},
	{id: 'help', keys: ['?'], scope: 'global', label: {zh: '帮助', en: 'help'}, hint: true},
	{id: 'nextUnscored', keys: ['n'], scope: 'global', label: {zh: '下一未评项', en: 'next unscored'}, hint: true},
	{id: 'prevUnscored', keys: ['N'], scope: 'global', label: {zh: '上一未评项', en: 'previous unscored'}},
	{id: 'editValue', keys: ['0–9', 'y/n', 'v'], scope: 'item', label: {zh: '记录分值', en: 'record a value'}, hint: true},
	{id: 'editNote', keys: ['e'], scope: 'item', label: {zh: '编辑备注', en: 'edit note'}, hint: true},
	{id: 'addEvidence', keys: ['a'], scope: 'item', label: {zh: '添加证据', en: 'add evidence'}, hint: true},
	{id: 'removeEvidence', keys: ['Del'], scope: 'item', label: {zh: '删除所选证据', en: 'remove the selected evidence'}},
	{id: 'flag', keys: ['f'], scope: 'item', label: {zh: '标记待复核', en: 'flag for review'}, hint: true},
	{id: 'markDone', keys: ['d'], scope: 'item', label: {zh: '标记完成/草稿', en: 'mark done / draft'}, hint: true},
	{id: 'notApplicable', keys: ['-'], scope: 'item', label: {zh: '不适用', en: 'not applicable'}},
	{id: 'scoreboard', keys: ['s'], scope: 'global', label: {zh: '排行榜', en: 'scoreboard'}, hint: true},
	{id: 'sortNext', keys: ['o'], scope: 'scoreboard', label: {zh: '切换排序列', en: 'sort by next column'}, hint: true},
	{id: 'conflicts', keys: ['c'], scope: 'global', label: {zh: '冲突', en: 'conflicts'}, hint: true},
	{id: 'settlePick', keys: ['1–9'], scope: 'conflicts', label: {zh: '采用第 N 个候选', en: 'settle with candidate N'}, hint: true},
	{id: 'settleNew', keys: ['v'], scope: 'conflicts', label: {zh: '输入新分值并裁定', en: 'settle with a new value'}, hint: true},
	{id: 'export', keys: ['x'], scope: 'global', label: {zh: '导出 Excel', en: 'export to Excel'}},
	{id: 'undo', keys: ['u'], scope: 'global', label: {zh: '撤销', en: 'undo'}, hint: true},
	{id: 'quit', keys: ['q', 'Ctrl+C'], scope: 'global', label: {zh: '退出（已自动保存）', en: 'quit (all is saved)'}, hint: true},
];

/** The name of a key press, in the vocabulary of the table above. */
export function keyName(input: string, key: Key): string | undefined {
	if (key.upArrow) return '↑';
	if (key.downArrow) return '↓';
	if (key.leftArrow) return '←';
	if (key.rightArrow) return '→';
	if (key.pageUp) return 'PgUp';
	if (key.pageDown) return 'PgDn';
	if (key.return) return 'Enter';
	if (key.escape) return 'Esc';
	if (key.tab) return 'Tab';
	if (key.delete || key.backspace) return 'Del';
	if (key.ctrl && input === 'c') return 'Ctrl+C';
	if (key.ctrl || key.meta) return undefined;
	// One printable character; a longer chunk is typed or pasted text, not a command.
	return [...input].length === 1 ? input : undefined;
}

/** The command a key press means in the given scopes, if any. */
export function commandFor(name: string | undefined, scopes: readonly Scope[]): CommandId | undefined {
	if (name === undefined) return undefined;
	for (const b of BINDINGS) {
		if (!scopes.includes(b.scope)) continue;
		if (b.keys.includes(name)) return b.id;
	}
	return undefined;
}

import type {Binding} from './key-table.js';
import type {AppEnv, AppState} from '../state/app-state.js';
import {helpLayout} from '../components/help-overlay.js';
import type {FieldAction} from '../fields/field-state.js';
import {digits} from './key-labels.js';
import {close} from '../state/act.js';
import {scrollHelp} from '../actions/nav-actions.js';
import {editField, submitPrompt, cancelPrompt, keepEditing} from '../actions/prompt-actions.js';
import {moveSearch, pickSearch, moveChoice, pickChoice, confirmYes, confirmNo, quitRetry, quitSaveAs, quitLosing} from '../actions/overlay-actions.js';

const multiline = (s: AppState) => s.overlay?.kind === 'prompt' && s.overlay.multiline;
const edit = (action: FieldAction) => (s: AppState) => editField(s, action);
/** A page of help: the lines one screen of it shows. */
const helpPage = (env: AppEnv) => helpLayout(env.lang, env.columns, Math.max(3, env.rows - 4)).perPage;
const isYesNo = (s: AppState) => s.overlay?.kind === 'choice' && s.overlay.purpose === 'yesno';

/** The keys of what opens over the screen: help, search, text fields, pickers, questions. */
export const OVERLAY_BINDINGS: readonly Binding[] = [
	{id: 'helpClose', context: 'help', keys: ['?', 'escape', 'q'], label: {zh: '关闭帮助', en: 'close the help'}, hint: {zh: '关闭', en: 'close'}, run: close},
	{id: 'helpDown', context: 'help', keys: ['down', 'j'], label: {zh: '向下滚动', en: 'scroll down'}, hint: {zh: '滚动', en: 'scroll'}, run: (s, env) => scrollHelp(s, env, 1)},
	{id: 'helpUp', context: 'help', keys: ['up', 'k'], label: {zh: '向上滚动', en: 'scroll up'}, run: (s, env) => scrollHelp(s, env, -1)},
	{id: 'helpPageDown', context: 'help', keys: ['pagedown', 'space'], label: {zh: '向下翻页', en: 'page down'}, run: (s, env) => scrollHelp(s, env, helpPage(env))},
	{id: 'helpPageUp', context: 'help', keys: ['pageup'], label: {zh: '向上翻页', en: 'page up'}, run: (s, env) => scrollHelp(s, env, -helpPage(env))},

	{id: 'searchPick', context: 'search', keys: ['enter'], label: {zh: '跳转到所选结果（地区不在本工作区时询问是否加入）', en: 'go to the selected result (a region outside the workspace: asks to add it)'}, hint: {zh: '选定', en: 'pick'}, run: pickSearch},
	{id: 'searchDown', context: 'search', keys: ['down', 'ctrl+n'], label: {zh: '下一个结果', en: 'next result'}, hint: {zh: '选择', en: 'select'}, run: (s, env) => moveSearch(s, env, 1)},
	{id: 'searchUp', context: 'search', keys: ['up', 'ctrl+p'], label: {zh: '上一个结果', en: 'previous result'}, run: (s, env) => moveSearch(s, env, -1)},
	{id: 'searchClose', context: 'search', keys: ['escape'], label: {zh: '关闭搜索', en: 'close the search'}, hint: {zh: '关闭', en: 'close'}, run: close},

	{id: 'fieldSubmit', context: 'field', keys: ['enter'], label: {zh: '保存（单行输入框）', en: 'save (one-line fields)'}, hint: {zh: '保存', en: 'save'}, when: s => !multiline(s), run: submitPrompt},
	{id: 'fieldNewline', context: 'field', keys: ['enter'], label: {zh: '换行（备注）', en: 'new line (notes)'}, when: multiline, run: edit({type: 'insert', text: '\n', multiline: true})},
	{id: 'fieldSave', context: 'field', keys: ['ctrl+s'], label: {zh: '保存（任何输入框）', en: 'save (any field)'}, hint: {zh: '保存', en: 'save'}, when: s => s.overlay?.kind === 'prompt', run: submitPrompt},
	{id: 'fieldCancel', context: 'field', keys: ['escape'], label: {zh: '取消（有改动时先询问）', en: 'cancel (asks when the text was changed)'}, hint: {zh: '取消', en: 'cancel'}, run: cancelPrompt},
	{id: 'fieldLeft', context: 'field', keys: ['left'], label: {zh: '光标左移', en: 'cursor left'}, run: edit({type: 'left'})},
	{id: 'fieldRight', context: 'field', keys: ['right'], label: {zh: '光标右移', en: 'cursor right'}, run: edit({type: 'right'})},
	{id: 'fieldUp', context: 'field', keys: ['up'], label: {zh: '上一行（备注）', en: 'line up (notes)'}, when: multiline, run: edit({type: 'up'})},
	{id: 'fieldDown', context: 'field', keys: ['down'], label: {zh: '下一行（备注）', en: 'line down (notes)'}, when: multiline, run: edit({type: 'down'})},
	{id: 'fieldHome', context: 'field', keys: ['home', 'ctrl+a'], label: {zh: '行首', en: 'start of the line'}, run: edit({type: 'home'})},
	{id: 'fieldEnd', context: 'field', keys: ['end', 'ctrl+e'], label: {zh: '行尾', en: 'end of the line'}, run: edit({type: 'end'})},
	{id: 'fieldBackspace', context: 'field', keys: ['backspace'], label: {zh: '删除前一个字', en: 'delete back'}, run: edit({type: 'backspace'})},
	{id: 'fieldDelete', context: 'field', keys: ['delete', 'ctrl+d'], label: {zh: '删除后一个字', en: 'delete forward'}, run: edit({type: 'delete'})},
	{id: 'fieldKillWord', context: 'field', keys: ['ctrl+w', 'alt+backspace'], label: {zh: '删除前一个词', en: 'delete the word before'}, run: edit({type: 'kill-word'})},
	{id: 'fieldKillBefore', context: 'field', keys: ['ctrl+u'], label: {zh: '删除到行首', en: 'delete to the start of the line'}, run: edit({type: 'kill-before'})},
	{id: 'fieldKillAfter', context: 'field', keys: ['ctrl+k'], label: {zh: '删除到行尾', en: 'delete to the end of the line'}, run: edit({type: 'kill-after'})},

	{id: 'discardYes', context: 'discard', keys: ['y'], label: {zh: '放弃输入的内容', en: 'throw the text away'}, hint: {zh: '放弃', en: 'discard'}, run: close},
	{id: 'discardNo', context: 'discard', keys: ['n', 'escape'], label: {zh: '继续编辑', en: 'go on editing'}, hint: {zh: '继续编辑', en: 'keep editing'}, run: keepEditing},

	{id: 'choiceDown', context: 'choice', keys: ['down', 'j'], label: {zh: '下一项', en: 'next option'}, run: (s, env) => moveChoice(s, env, 1)},
	{id: 'choiceUp', context: 'choice', keys: ['up', 'k'], label: {zh: '上一项', en: 'previous option'}, run: (s, env) => moveChoice(s, env, -1)},
	{id: 'choicePick', context: 'choice', keys: ['enter'], label: {zh: '选定', en: 'pick'}, hint: {zh: '选定', en: 'pick'}, run: (s, env) => pickChoice(s, env)},
	{id: 'choiceYes', context: 'choice', keys: ['y'], label: {zh: '是', en: 'yes'}, hint: {zh: '是', en: 'yes'}, when: isYesNo, run: (s, env) => pickChoice(s, env, 0)},
	{id: 'choiceNo', context: 'choice', keys: ['0', 'n'], label: {zh: '否', en: 'no'}, hint: {zh: '否', en: 'no'}, when: isYesNo, run: (s, env) => pickChoice(s, env, 1)},
	{id: 'choiceNumber', context: 'choice', keys: digits(1, 9), label: {zh: '第 N 档', en: 'level N'}, hint: {zh: '档次', en: 'level'}, when: s => !isYesNo(s), run: (s, env, key) => pickChoice(s, env, Number(key.name) - 1)},
	{id: 'choiceCancel', context: 'choice', keys: ['escape'], label: {zh: '取消', en: 'cancel'}, hint: {zh: '取消', en: 'cancel'}, run: close},

	{id: 'confirmYes', context: 'confirm', keys: ['y'], label: {zh: '是', en: 'yes'}, hint: {zh: '是', en: 'yes'}, run: confirmYes},
	{id: 'confirmNo', context: 'confirm', keys: ['n', 'escape'], label: {zh: '否', en: 'no'}, hint: {zh: '否', en: 'no'}, run: confirmNo},

	{id: 'quitRetry', context: 'quit', keys: ['r'], label: {zh: '重试保存，成功后退出', en: 'try saving again, then quit'}, hint: {zh: '重试', en: 'retry'}, run: quitRetry},
	{id: 'quitSaveAs', context: 'quit', keys: ['w'], label: {zh: '另存为新文件后退出', en: 'save to another file, then quit'}, hint: {zh: '另存为', en: 'save as'}, run: quitSaveAs},
	{id: 'quitLose', context: 'quit', keys: ['Q'], label: {zh: '退出并丢弃未保存的改动', en: 'quit and LOSE the changes not on disk'}, hint: {zh: '丢弃并退出', en: 'quit, losing them'}, run: quitLosing},
	{id: 'quitStay', context: 'quit', keys: ['escape'], label: {zh: '返回继续工作', en: 'back to work'}, hint: {zh: '返回', en: 'back'}, run: close},
];

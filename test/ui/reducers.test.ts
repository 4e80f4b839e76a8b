import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {editorReducer, editorFrom, editorText, tokenize} from '../../source/ui/components/text-editor-state.js';
import {uiReducer, initialUiState} from '../../source/ui/state/ui-state.js';
import {visibleTreeRows, windowStart} from '../../source/ui/state/tree-rows.js';
import {sessionReducer, initialSession} from '../../source/ui/session/session-state.js';
import {quickIntent} from '../../source/ui/intents.js';
import {walkUnscored, bar} from '../../source/ui/view-model.js';
import {keyName, commandFor, BINDINGS} from '../../source/ui/keymap/commands.js';
import {index, leafOf, testWorkspace} from '../helpers/render-tui.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';

describe('text editor state', () => {
	it('inserts a whole IME phrase and deletes by code point, not UTF-16 unit', () => {
		let s = editorFrom('');
		s = editorReducer(s, {type: 'insert', text: '办事指南𠀀', multiline: false});
		expect(s.cursor).toBe(5);
		s = editorReducer(s, {type: 'backspace'});
		expect(editorText(s)).toBe('办事指南');
		s = editorReducer(s, {type: 'left'});
		s = editorReducer(s, {type: 'insert', text: '的', multiline: false});
		expect(editorText(s)).toBe('办事指的南');
	});

	it('turns line ends into spaces in a one-line field and keeps them in a note', () => {
		expect(editorText(editorReducer(editorFrom(''), {type: 'insert', text: 'a\r\nb', multiline: false}))).toBe('a b');
		expect(editorText(editorReducer(editorFrom(''), {type: 'insert', text: 'a\r\nb\rc', multiline: true}))).toBe('a\nb\nc');
	});

	it('never inserts control characters (no terminal escapes in notes)', () => {
		expect(editorText(editorReducer(editorFrom(''), {type: 'insert', text: 'x\u001B[2Jy\u0007', multiline: true}))).toBe('x[2Jy');
	});

	it('moves between lines keeping the column', () => {
		let s = editorFrom('第一行\n二');
		s = editorReducer(s, {type: 'up'});
		expect(s.cursor).toBe(1);
		s = editorReducer(s, {type: 'end'});
		expect(s.cursor).toBe(3);
		s = editorReducer(s, {type: 'down'});
		expect(s.cursor).toBe(5);
	});

	it('keeps the cursor inside the text whatever happens (property)', () => {
		const action = fc.oneof(
			fc.string().map(text => ({type: 'insert' as const, text, multiline: true})),
			fc.constantFrom(...(['backspace', 'delete', 'left', 'right', 'home', 'end', 'up', 'down'] as const)).map(type => ({type})),
		);
		fc.assert(
			fc.property(fc.array(action, {maxLength: 40}), actions => {
				const s = actions.reduce(editorReducer, editorFrom(''));
				expect(s.cursor).toBeGreaterThanOrEqual(0);
				expect(s.cursor).toBeLessThanOrEqual(s.chars.length);
			}),
		);
	});

	it('splits a chunk into text, Enter and Backspace', () => {
		expect(tokenize('ab\rc\u007F\u007F')).toEqual([{type: 'text', text: 'ab'}, {type: 'return'}, {type: 'text', text: 'c'}, {type: 'backspace'}, {type: 'backspace'}]);
		expect(tokenize('x\r\ny')).toEqual([{type: 'text', text: 'x'}, {type: 'return'}, {type: 'text', text: 'y'}]);
		// Text and Ctrl+S in one chunk (typed fast, or the machine was busy): the save is not lost.
		expect(tokenize('备注\u0013')).toEqual([{type: 'text', text: '备注'}, {type: 'save'}]);
	});
});

describe('navigation state', () => {
	const regions = ['110000', '310000'];
	it('opens a region, expands, walks into children and back out', () => {
		let s = initialUiState(index);
		s = uiReducer(s, {type: 'move', by: 1, regionCount: 2, index});
		s = uiReducer(s, {type: 'open', regions, index});
		expect(s).toMatchObject({screen: 'tree', region: '310000', node: '1'});
		s = uiReducer(s, {type: 'open', regions, index}); // 1 is expanded: go to its first child
		expect(s.node).toBe('1.1');
		s = uiReducer(s, {type: 'open', regions, index}); // expand 1.1
		s = uiReducer(s, {type: 'open', regions, index});
		expect(s.node).toBe('1.1.1');
		s = uiReducer(s, {type: 'open', regions, index}); // a leaf: focus the item pane
		expect(s.pane).toBe('item');
		s = uiReducer(s, {type: 'back', index});
		expect(s.pane).toBe('tree');
		s = uiReducer(s, {type: 'back', index});
		expect(s.node).toBe('1.1');
	});

	it('goes to any node, expanding its ancestors', () => {
		const s = uiReducer(initialUiState(index), {type: 'goto', region: '110000', node: '5.4.2', regions, index});
		expect(visibleTreeRows(index, s.expanded).some(r => r.code === '5.4.2')).toBe(true);
	});

	it('never moves the selection off the list', () => {
		let s = uiReducer(initialUiState(index), {type: 'openRegion', region: '110000', regions});
		for (let i = 0; i < 200; i++) s = uiReducer(s, {type: 'move', by: 7, regionCount: 2, index});
		expect(visibleTreeRows(index, s.expanded).some(r => r.code === s.node)).toBe(true);
	});

	it('keeps the selected row in a window that moves as little as possible', () => {
		expect(windowStart(0, 0, 10, 100)).toBe(0);
		expect(windowStart(15, 0, 10, 100)).toBe(6);
		expect(windowStart(12, 6, 10, 100)).toBe(6);
		expect(windowStart(3, 6, 10, 100)).toBe(3);
		expect(windowStart(99, 0, 10, 5)).toBe(0);
	});
});

describe('session state', () => {
	const at = '2026-11-23T09:00:00.000Z';
	it('undo records the old content again as a new version (so merges see it as newest)', () => {
		const leaf = leafOf('yesno').code;
		let s = initialSession(testWorkspace());
		s = sessionReducer(s, {type: 'change', region: '110000', indicator: leaf, change: {value: {type: 'yesno', met: true}}, by: 'a', at, label: 'v'});
		s = sessionReducer(s, {type: 'change', region: '110000', indicator: leaf, change: {value: {type: 'yesno', met: false}, note: 'x'}, by: 'a', at: '2026-11-23T09:01:00.000Z', label: 'v'});
		s = sessionReducer(s, {type: 'undo', by: 'a', at: '2026-11-23T09:02:00.000Z'});
		const f = s.ws.findings[`110000/${leaf}`]!;
		expect(f).toMatchObject({value: {type: 'yesno', met: true}, note: ''});
		expect(f.history).toHaveLength(2);
		s = sessionReducer(s, {type: 'undo', by: 'a', at: '2026-11-23T09:03:00.000Z'});
		expect(s.ws.findings[`110000/${leaf}`]).toMatchObject({value: null, status: 'draft'});
		expect(sessionReducer(s, {type: 'undo', by: 'a', at})).toBe(s);
	});
});

describe('quick keys and the walk', () => {
	it('maps quick keys by rule, with n meaning no only in the item pane', () => {
		const yesno = leafOf('yesno').rule!;
		expect(quickIntent(yesno, 'y', false)).toEqual({kind: 'value', value: {type: 'yesno', met: true}});
		expect(quickIntent(yesno, 'n', false)).toBeUndefined();
		expect(quickIntent(yesno, 'n', true)).toEqual({kind: 'value', value: {type: 'yesno', met: false}});
		expect(quickIntent(leafOf('direct').rule!, '7', false)).toEqual({kind: 'prompt', initial: '7'});
		expect(quickIntent(leafOf('levels').rule!, '9', false)).toBeUndefined();
		expect(quickIntent(leafOf('sampled').rule!, '1', false)).toBeUndefined();
	});

	it('walks to the next and previous unscored leaf, wrapping, skipping scored ones', () => {
		const [a, b, c] = index.leaves;
		let ws = testWorkspace();
		ws = applyChange(ws, ['110000'], b!.code, {status: 'na'}, 'x', '2026-11-23T09:00:00.000Z');
		expect(walkUnscored(index, ws, '110000', a!.code, 1)).toBe(c!.code);
		expect(walkUnscored(index, ws, '110000', a!.code, -1)).toBe(index.leaves.at(-1)!.code);
		expect(walkUnscored(index, ws, '110000', '1', 1)).toBe(a!.code);
	});

	it('draws ASCII bars', () => {
		expect(bar(0.5, 10)).toBe('#####.....');
		expect(bar(2, 4)).toBe('####');
	});
});

describe('the key table', () => {
	it('gives every command a distinct key within its scopes', () => {
		const seen = new Map<string, string>();
		for (const b of BINDINGS) {
			for (const k of b.keys) {
				const key = `${b.scope}:${k}`;
				expect(seen.get(key), key).toBeUndefined();
				seen.set(key, b.id);
			}
		}
	});

	it('names keys and finds their commands', () => {
		const none = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false};
		expect(keyName('', {...none, downArrow: true})).toBe('↓');
		expect(keyName('c', {...none, ctrl: true})).toBe('Ctrl+C');
		expect(keyName('你好', none)).toBeUndefined();
		expect(commandFor('j', ['navigation'])).toBe('down');
		expect(commandFor('o', ['global', 'navigation'])).toBeUndefined();
		expect(commandFor('o', ['scoreboard'])).toBe('sortNext');
	});
});

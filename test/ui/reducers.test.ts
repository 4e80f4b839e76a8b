import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {fieldReducer, fieldFrom, fieldText, type FieldAction} from '../../source/ui/fields/field-state.js';
import {navReducer, initialNav} from '../../source/ui/state/nav-state.js';
import {visibleTreeRows, windowStart} from '../../source/ui/state/tree-rows.js';
import {initialSession, changeFinding, undo, redo, addRegion, mergeFromDisk, settle} from '../../source/ui/session/session-state.js';
import {walkUnscored, bar} from '../../source/ui/view-model.js';
import {KeySplitter} from '../../source/ui/input/split-keys.js';
import {index, leafOf, testWorkspace} from '../helpers/render-tui.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';
import type {Evidence} from '../../source/domain/workspace/workspace-schema.js';

const apply = (text: string, ...actions: FieldAction[]) => actions.reduce(fieldReducer, fieldFrom(text));

describe('text field state', () => {
	it('inserts a whole IME phrase and deletes by code point, not UTF-16 unit', () => {
		let s = apply('', {type: 'insert', text: '办事指南𠀀', multiline: false});
		expect(s.cursor).toBe(5);
		s = fieldReducer(s, {type: 'backspace'});
		expect(fieldText(s)).toBe('办事指南');
		s = apply('办事指南', {type: 'left'}, {type: 'insert', text: '的', multiline: false});
		expect(fieldText(s)).toBe('办事指的南');
	});

	it('turns line ends into spaces in a one-line field and keeps them in a note', () => {
		expect(fieldText(apply('', {type: 'insert', text: 'a\r\nb', multiline: false}))).toBe('a b');
		expect(fieldText(apply('', {type: 'insert', text: 'a\r\nb\rc', multiline: true}))).toBe('a\nb\nc');
	});

	it('never inserts control characters (no terminal escapes in notes)', () => {
		expect(fieldText(apply('', {type: 'insert', text: 'x\u001B[2Jy\u0007', multiline: true}))).toBe('x[2Jy');
	});

	it('moves between lines keeping the column, Home and End by line', () => {
		let s = fieldFrom('第一行\n二');
		s = fieldReducer(s, {type: 'up'});
		expect(s.cursor).toBe(1);
		s = fieldReducer(s, {type: 'end'});
		expect(s.cursor).toBe(3);
		s = fieldReducer(s, {type: 'down'});
		expect(s.cursor).toBe(5);
		expect(fieldReducer(fieldFrom('a\nbc'), {type: 'home'}).cursor).toBe(2);
	});

	it('Home at the start of the first line stays there (the first line starts at 0)', () => {
		const s = apply('ab\ncd', {type: 'home'}, {type: 'up'}, {type: 'home'});
		expect(s.cursor).toBe(0);
		expect(fieldReducer({...s, cursor: 0}, {type: 'home'}).cursor).toBe(0);
	});

	it('Ctrl+U, Ctrl+K and Ctrl+W delete to the line start, the line end, and the word before', () => {
		expect(fieldText(apply('hello world', {type: 'kill-word'}))).toBe('hello ');
		expect(fieldText(apply('hello world  ', {type: 'kill-word'}))).toBe('hello ');
		expect(fieldText(apply('one\ntwo three', {type: 'kill-before'}))).toBe('one\n');
		expect(fieldText(apply('abc', {type: 'home'}, {type: 'right'}, {type: 'kill-after'}))).toBe('a');
		expect(fieldText(apply('abc', {type: 'home'}, {type: 'delete'}))).toBe('bc');
	});

	it('a proposal is replaced by typing, and edited after a movement key', () => {
		const proposed = fieldFrom('exports/city.xlsx', {selected: true});
		expect(fieldText(fieldReducer(proposed, {type: 'insert', text: 'x', multiline: false}))).toBe('x');
		expect(fieldText(fieldReducer(proposed, {type: 'backspace'}))).toBe('');
		const edited = [{type: 'end'}, {type: 'backspace'}, {type: 'insert', text: 'X', multiline: false}].reduce((s, a) => fieldReducer(s, a as FieldAction), proposed);
		expect(fieldText(edited)).toBe('exports/city.xlsX');
	});

	it('keeps the cursor inside the text whatever happens (property)', () => {
		const action = fc.oneof(
			fc.string().map(text => ({type: 'insert' as const, text, multiline: true})),
			fc.constantFrom(...(['backspace', 'delete', 'left', 'right', 'home', 'end', 'up', 'down', 'kill-before', 'kill-after', 'kill-word'] as const)).map(type => ({type})),
		);
		fc.assert(
			fc.property(fc.string(), fc.boolean(), fc.array(action, {maxLength: 40}), (start, selected, actions) => {
				const s = actions.reduce(fieldReducer, fieldFrom(start, {selected}));
				expect(s.cursor).toBeGreaterThanOrEqual(0);
				expect(s.cursor).toBeLessThanOrEqual(s.chars.length);
			}),
		);
	});
});

describe('splitting terminal input into keys', () => {
	const names = (...pieces: string[]) => {
		const s = new KeySplitter();
		return pieces.flatMap(p => s.push(p)).map(k => (k.name === 'paste' ? `paste:${'text' in k ? k.text : ''}` : k.name));
	};

	it('makes every character of a run a key of its own, control keys included', () => {
		expect(names('yn')).toEqual(['y', 'n']);
		expect(names('jjj')).toEqual(['j', 'j', 'j']);
		expect(names('ab\rc\u007F\u007F')).toEqual(['a', 'b', 'enter', 'c', 'backspace', 'backspace']);
		expect(names('备注\u0013')).toEqual(['备', '注', 'ctrl+s']);
		expect(names('x\r\ny')).toEqual(['x', 'enter', 'y']);
		expect(names('𠀀 ')).toEqual(['𠀀', 'space']);
	});

	it('names escape sequences, modified keys included', () => {
		expect(names('\u001B[A', '\u001B[B', '\u001BOC', '\u001B[3~', '\u001B[Z', '\u001B[5~', '\u001B[1;5A', '\u001B')).toEqual(['up', 'down', 'right', 'delete', 'shift+tab', 'pageup', 'ctrl+up', 'escape']);
	});

	it('reads ESC and a character (Ink’s Alt+key) as Esc, then the key', () => {
		expect(names('\u001Bj')).toEqual(['escape', 'j']);
	});

	it('keeps a bracketed paste whole, however it is cut into pieces', () => {
		expect(names('\u001B[200~', 'q\rjk', '\u001B[201~', 'j')).toEqual(['paste:q\rjk', 'j']);
		expect(names('a\u001B[200~', 'x', '\u001B[A', 'y', '\u001B[201~')).toEqual(['a', 'paste:x\u001B[Ay']);
	});
});

describe('navigation state', () => {
	const regions = ['110000', '310000'];
	it('opens a region, expands, walks into children and back out', () => {
		let s = initialNav(index);
		s = navReducer(s, {type: 'move', by: 1, count: 2, index});
		s = navReducer(s, {type: 'open', regions, index});
		expect(s).toMatchObject({screen: 'tree', region: '310000', node: '1'});
		s = navReducer(s, {type: 'open', regions, index}); // 1 is expanded: go to its first child
		expect(s.node).toBe('1.1');
		s = navReducer(s, {type: 'open', regions, index}); // expand 1.1
		s = navReducer(s, {type: 'open', regions, index});
		expect(s.node).toBe('1.1.1');
		s = navReducer(s, {type: 'open', regions, index}); // a leaf: focus the item pane
		expect(s.pane).toBe('item');
		s = navReducer(s, {type: 'back', index});
		expect(s.pane).toBe('tree');
		s = navReducer(s, {type: 'back', index});
		expect(s.node).toBe('1.1');
	});

	it('goes to any node, expanding its ancestors; back to the regions list on the region', () => {
		let s = navReducer(initialNav(index), {type: 'goto', region: '310000', node: '5.4.2', regions, index});
		expect(visibleTreeRows(index, s.expanded).some(r => r.code === '5.4.2')).toBe(true);
		s = navReducer(s, {type: 'regions', regions});
		expect(s).toMatchObject({screen: 'regions', regionCursor: 1});
	});

	it('never moves the selection off the list', () => {
		let s = navReducer(initialNav(index), {type: 'goto', region: '110000', regions, index});
		for (let i = 0; i < 200; i++) s = navReducer(s, {type: 'move', by: 7, count: 2, index});
		expect(visibleTreeRows(index, s.expanded).some(r => r.code === s.node)).toBe(true);
		s = navReducer(s, {type: 'moveTo', to: 'first', count: 0, index});
		expect(s.node).toBe('1');
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
	const at = (m: number) => `2026-11-23T09:${String(m).padStart(2, '0')}:00.000Z`;
	const leaf = leafOf('yesno').code;
	const where = {region: '110000', indicator: leaf};
	const url = (u: string): Evidence => ({kind: 'url', url: u, seenAt: at(0), by: 'a'});

	it('undo records the old content again as a new version (so merges see it as newest); redo puts it back', () => {
		let s = initialSession(testWorkspace());
		s = changeFinding(s, index, where, {value: {type: 'yesno', met: true}}, 'value', 'a', at(0)).state;
		s = changeFinding(s, index, where, {value: {type: 'yesno', met: false}, note: 'x'}, 'note', 'a', at(1)).state;
		const undone = undo(s, 'a', at(2));
		expect(undone.step).toMatchObject({what: 'note', region: '110000', indicator: leaf});
		s = undone.state;
		const f = s.ws.findings[`110000/${leaf}`]!;
		expect(f).toMatchObject({value: {type: 'yesno', met: true}, note: ''});
		expect(f.history).toHaveLength(2);
		s = redo(s, 'a', at(3)).state;
		expect(s.ws.findings[`110000/${leaf}`]).toMatchObject({value: {type: 'yesno', met: false}, note: 'x'});
		s = undo(undo(s, 'a', at(4)).state, 'a', at(5)).state;
		expect(s.ws.findings[`110000/${leaf}`]).toMatchObject({value: null, status: 'draft'});
		expect(undo(s, 'a', at(6)).state).toBe(s);
	});

	it('undoing the removal of evidence brings it back in its place, not at the end', () => {
		let s = initialSession(testWorkspace());
		s = changeFinding(s, index, where, {addEvidence: [url('https://a'), url('https://b'), url('https://c')]}, 'evidence', 'a', at(0)).state;
		s = changeFinding(s, index, where, {removeEvidence: ['url:https://a']}, 'evidence', 'a', at(1)).state;
		s = undo(s, 'a', at(2)).state;
		expect(s.ws.findings[`110000/${leaf}`]!.evidence.map(e => (e.kind === 'url' ? e.url : ''))).toEqual(['https://a', 'https://b', 'https://c']);
	});

	it('refuses a change the file would refuse (a region outside the workspace), and changes nothing', () => {
		const s = initialSession(testWorkspace(['110000']));
		const r = changeFinding(s, index, {region: '310000', indicator: leaf}, {value: {type: 'yesno', met: true}}, 'value', 'a', at(0));
		expect(r.problem).toMatch(/"310000" is not in this workspace's regions/);
		expect(r.state).toBe(s);
	});

	it('adds a region as an undoable change; undo takes it out again with its emptied findings', () => {
		let s = initialSession(testWorkspace(['110000']));
		s = addRegion(s, '310000').state;
		expect(s.ws.regions).toEqual(['110000', '310000']);
		s = changeFinding(s, index, {region: '310000', indicator: leaf}, {value: {type: 'yesno', met: true}}, 'value', 'a', at(0)).state;
		s = undo(s, 'a', at(1)).state;
		s = undo(s, 'a', at(2)).state;
		expect(s.ws.regions).toEqual(['110000']);
		expect(Object.keys(s.ws.findings)).toEqual([]);
	});

	it('takes in the disk’s version with the semantic merge, keeping the session’s own changes', () => {
		const base = testWorkspace();
		let s = initialSession(base);
		s = changeFinding(s, index, where, {value: {type: 'yesno', met: true}}, 'value', 'a', at(0)).state;
		const other = leafOf('direct').code;
		const disk = applyChange(base, ['310000'], other, {value: {type: 'direct', score: 70}}, 'b', at(1));
		const merged = mergeFromDisk(s, {...disk, id: 'someone-else', assessor: 'b'});
		expect(merged.state.ws.findings[`110000/${leaf}`]).toMatchObject({value: {type: 'yesno', met: true}});
		expect(merged.state.ws.findings[`310000/${other}`]).toMatchObject({value: {type: 'direct', score: 70}});
		expect(merged.state.ws).toMatchObject({id: base.id, assessor: base.assessor});
		expect(merged.state.version).toBe(s.version + 1);
	});

	it('undo of a settlement brings the conflict back whole; redo settles it again', () => {
		const a = applyChange(testWorkspace(), ['110000'], leaf, {value: {type: 'yesno', met: true}}, 'a', at(0));
		const b = applyChange(testWorkspace(), ['110000'], leaf, {value: {type: 'yesno', met: false}}, 'b', at(1));
		const m = mergeWorkspaces([a, b], {id: 'm', assessor: 'lead', createdAt: at(2)});
		if (!m.ok) throw new Error('merge');
		let s = initialSession(m.value.workspace);
		s = settle(s, where, {value: {type: 'yesno', met: true}, status: 'done', note: ''}, 'lead', at(3)).state;
		expect(s.ws.conflicts).toEqual({});
		s = undo(s, 'lead', at(4)).state;
		expect(s.ws.conflicts[`110000/${leaf}`]).toEqual(m.value.workspace.conflicts[`110000/${leaf}`]);
		s = redo(s, 'lead', at(5)).state;
		expect(s.ws.conflicts).toEqual({});
		expect(s.ws.findings[`110000/${leaf}`]!.settled?.by).toBe('lead');
	});
});

describe('the walk and bars', () => {
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

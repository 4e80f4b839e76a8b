import {describe, it, expect, afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {renderTui, leafOf, keyOf, pasted, KEYS, index, openLeaf} from '../helpers/render-tui.js';
import {BINDINGS} from '../../source/ui/keymap/bindings.js';
import {SECTIONS} from '../../source/ui/keymap/key-table.js';

afterEach(() => cleanup());

/** Keys that arrive in one read of the terminal (fast typing, a busy laptop, SSH) are each applied, in order. */
describe('keys that arrive together', () => {
	it('jjj moves three rows and kk two back', async () => {
		const tui = await renderTui();
		await tui.act('openRegion');
		await tui.press('jjj');
		await tui.waitFor(t => /^>\s+\+ 1\.3 /m.test(t), 'three rows down, at 1.3');
		await tui.press('kk');
		await tui.waitFor(t => /^>\s+\+ 1\.1 /m.test(t), 'two rows back up, at 1.1');
	});

	it('y then d in one read records yes and marks it done; a whole walk in one read lands', async () => {
		const tui = await renderTui();
		const [first, second] = index.leaves;
		expect([first!.rule!.type, second!.rule!.type]).toEqual(['yesno', 'levels']);
		await tui.act('openRegion');
		await tui.press(`n${keyOf('yes')}${keyOf('done')}n${keyOf('level', '2')}`);
		await tui.waitFor(() => tui.saves.some(ws => ws.findings[`110000/${second!.code}`]?.value !== undefined), 'both values saved');
		const ws = tui.saves.at(-1)!;
		expect(ws.findings[`110000/${first!.code}`]).toMatchObject({value: {type: 'yesno', met: true}, status: 'done'});
		expect(ws.findings[`110000/${second!.code}`]).toMatchObject({value: {type: 'levels'}});
	});

	it('in the sample picker, Down Down Enter adds the third result', async () => {
		const tui = await renderTui({columns: 160});
		await openLeaf(tui, leafOf('sampled').code);
		await tui.act('addSample');
		await tui.press('gjj');
		const list = await tui.waitFor(t => (t.match(/item\s+SI-\d{4}/g) ?? []).length >= 3, 'three catalog hits');
		const third = list.match(/item\s+(SI-\d{4})/g)![2]!.replace(/item\s+/, '');
		await tui.press(`${KEYS.down}${KEYS.down}\r`);
		await tui.waitFor(t => t.includes(`[ ?? ] ${third}`), `the third hit, ${third}, added`);
	});

	it('in search, typing, Down and Enter in one read picks the second result of what was typed', async () => {
		const tui = await renderTui();
		await tui.act('search');
		await tui.waitFor(t => t.includes('Search'));
		// The index is built in the background; wait for results to know what the second one is.
		await tui.press('bszn');
		const list = await tui.waitFor(t => (t.match(/indic\.\s+[\d.]+/g) ?? []).length >= 2, 'two indicator hits');
		const second = list.match(/indic\.\s+[\d.]+/g)![1]!.replace(/indic\.\s+/, '');
		await tui.press(`${KEYS.esc}`);
		await tui.press(`/bszn${KEYS.down}\r`);
		await tui.waitFor(t => t.split('\n').some(l => l.startsWith('>') && l.includes(` ${second} `)), `the second hit, ${second}`);
	});

	it('Esc and a key in one read (what Ink reads as Alt+key) is Esc, then the key', async () => {
		const tui = await renderTui();
		await tui.act('openRegion');
		await tui.act('help');
		await tui.waitFor(t => t.includes('Keys '));
		await tui.press('\u001Bj');
		await tui.waitFor(t => !t.includes('Keys ') && /^>\s+\+ 1\.1 /m.test(t));
	});

	it('a note typed and saved in one read is saved whole', async () => {
		const tui = await renderTui();
		await openLeaf(tui, leafOf('yesno').code);
		await tui.press(`e第一行\r第二行${KEYS.ctrlS}`);
		await tui.waitFor(() => tui.saves.length > 0, 'the note saved');
		expect(Object.values(tui.saves.at(-1)!.findings)[0]!.note).toBe('第一行\n第二行');
	});
});

describe('a paste', () => {
	it('outside a text field does nothing, and says so', async () => {
		const tui = await renderTui();
		await tui.press(pasted('qjjy'));
		await tui.waitFor(t => t.includes('a paste goes into a text field only'));
		expect(tui.isClosed()).toBe(false);
		expect(tui.frame()).toMatch(/^> 北京市/m);
	});

	it('inside a field is text, whatever keys it holds', async () => {
		const tui = await renderTui();
		await openLeaf(tui, leafOf('yesno').code);
		await tui.act('note');
		await tui.press(pasted('q\u001B第一行\r\n第二行'), KEYS.ctrlS);
		await tui.waitFor(() => tui.saves.length > 0);
		expect(Object.values(tui.saves.at(-1)!.findings)[0]!.note).toBe('q第一行\n第二行');
	});
});

describe('the key table', () => {
	it('has real key names, words in both languages, and a help section for every context', () => {
		const known = /^(up|down|left|right|enter|escape|tab|shift\+tab|pageup|pagedown|home|end|delete|backspace|space|alt\+backspace|ctrl\+[a-z]|.)$/u;
		for (const b of BINDINGS) {
			for (const k of b.keys) expect(k, b.id).toMatch(known);
			expect(b.label.zh && b.label.en, b.id).toBeTruthy();
			expect(SECTIONS.some(s => s.context === b.context), b.id).toBe(true);
		}
		expect(new Set(BINDINGS.map(b => b.id)).size).toBe(BINDINGS.length);
	});

	it('gives a key one meaning in a context: bindings that share a key never apply at once', async () => {
		// Every pair sharing a key in a context must have a `when` that tells them apart.
		for (const a of BINDINGS) {
			for (const b of BINDINGS) {
				if (a === b || a.context !== b.context || !a.keys.some(k => b.keys.includes(k))) continue;
				expect(a.when && b.when, `${a.id} and ${b.id} share a key in ${a.context}`).toBeTruthy();
			}
		}
	});
});

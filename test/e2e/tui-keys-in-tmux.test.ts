import {describe, it, expect} from 'vitest';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {runCli, tempDir, bin} from '../helpers/run-cli.js';
import {hasTmux, tmuxSessions, quitAndWait} from '../helpers/tmux.js';

/** The TUI under test (another build can be checked against these tests: ASSESS_E2E_BIN=…/bin/assess.js). */
const program = process.env.ASSESS_E2E_BIN ?? bin;

const start = tmuxSessions();
const open = (dir: string, args: string, size = {x: 120, y: 32}) => start(dir, `env LANG=C.UTF-8 NO_COLOR=1 ${process.execPath} ${program} ${args}`, size);

function init(regions = '110000,310000') {
	const dir = tempDir('assess-e2e-');
	expect(runCli(['init', join(dir, 'w.json'), '--system', '2020-province', '--assessor', '张三', '--regions', regions]).code).toBe(0);
	return {dir, file: join(dir, 'w.json'), data: () => JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8'))};
}

describe.skipIf(!hasTmux)('keys as a real terminal sends them (tmux)', () => {
	it('keys that arrive in one write are all applied, in order', async () => {
		const ws = init();
		const tui = open(ws.dir, 'open w.json --lang en');
		await tui.waitFor(t => t.includes('北京市'), 'the regions screen');
		// Open the region, walk to the first unscored leaf, yes, done, next, level 2: one write.
		tui.send('Enter', 'n', 'y', 'd', 'n', '2');
		await tui.waitFor(t => t.includes('1.1.2 City and county services') && t.includes('Value: Cities only'), 'the second leaf recorded');
		// Esc and kkk in one write (Esc up to 1.1, then up to the top), then jjj.
		tui.send('Escape', 'k', 'k', 'k');
		await tui.waitFor(t => /^>\s*- 1 Service/m.test(t), 'Esc then three rows up, at the top');
		tui.send('j', 'j', 'j');
		await tui.waitFor(t => /^>\s+\[~\] 1\.1\.2 /m.test(t), 'three rows down, at 1.1.2');
		await quitAndWait(tui);
		const data = ws.data();
		expect(data.findings['110000/1.1.1']).toMatchObject({value: {type: 'yesno', met: true}, status: 'done'});
		expect(data.findings['110000/1.1.2']).toMatchObject({value: {type: 'levels', level: 'cities'}});
	});

	it('in search, a query, Down and Enter in one write open the second result', async () => {
		const ws = init();
		const tui = open(ws.dir, 'open w.json --lang en');
		await tui.waitFor(t => t.includes('北京市'), 'the regions screen');
		tui.send('/');
		await tui.type('bszn');
		const list = await tui.waitFor(t => (t.match(/indic\.\s+[\d.]+/g) ?? []).length >= 2, 'the results');
		const second = list.match(/indic\.\s+[\d.]+/g)![1]!.replace(/indic\.\s+/, '');
		tui.send('Escape', '/', 'b', 's', 'z', 'n', 'Down', 'Enter');
		await tui.waitFor(t => t.split('\n').some(l => l.startsWith('>') && l.includes(` ${second} `)), `the second result, ${second}`);
	});

	it('a paste outside a text field does nothing and says so; inside the note it is text', async () => {
		const ws = init();
		const tui = open(ws.dir, 'open w.json --lang en');
		await tui.waitFor(t => t.includes('北京市'), 'the regions screen');
		await tui.paste('q\rjjy');
		await tui.waitFor(t => t.includes('a paste goes into a text field only'), 'the message');
		expect(tui.alive()).toBe(true);
		tui.send('Enter', 'n', 'e');
		await tui.waitFor(t => t.includes('Ctrl+S saves'), 'the note field');
		await tui.paste('第一行\nq 第二行');
		tui.send('C-s');
		await tui.waitFor(t => t.includes('Note: 第一行'), 'the note');
		await quitAndWait(tui);
		expect(ws.data().findings['110000/1.1.1'].note).toBe('第一行\nq 第二行');
	});

	it('follows a resize, every line within the terminal', async () => {
		const ws = init();
		const tui = open(ws.dir, 'open w.json --lang zh', {x: 140, y: 45});
		await tui.waitFor(t => t.includes('北京市'), 'the regions screen');
		tui.send('Enter', 'n');
		await tui.waitFor(t => t.includes('检查'), 'both panes');
		tui.resize(70, 20);
		const small = await tui.waitFor(t => !t.includes('检查') && t.includes('1.1.1'), 'one pane at 70 columns');
		expect(small.split('\n').filter(l => stringWidth(l) > 70)).toEqual([]);
		expect(small.split('\n').find(l => l.includes('? 帮助'))).toContain('q 退出');
		tui.resize(200, 50);
		await tui.waitFor(t => t.includes('检查') && t.includes('1.1.1'), 'both panes again at 200 columns');
	});

	it('the issue 11 reproduction: a region outside the workspace, then changes elsewhere, all on disk after q', async () => {
		const ws = init('110000');
		const tui = open(ws.dir, 'open w.json --lang en');
		await tui.waitFor(t => t.includes('北京市'), 'the regions screen');
		tui.send('/');
		await tui.type('shanghai');
		tui.send('Enter');
		await tui.waitFor(t => t.includes('is not in this workspace'), 'the question');
		tui.send('y');
		await tui.waitFor(t => t.includes('上海市 310000'), 'Shanghai, added');
		await tui.keys('n', 'y');
		tui.send('/');
		await tui.type('beijing');
		tui.send('Enter');
		await tui.waitFor(t => t.includes('北京市 110000'), 'Beijing');
		await tui.keys('y');
		await tui.waitFor(t => /saved \d\d:/.test(t), 'saved');
		await quitAndWait(tui);
		const data = ws.data();
		expect(data.regions).toEqual(['110000', '310000']);
		expect(Object.keys(data.findings).sort()).toEqual(['110000/1.1.1', '310000/1.1.1']);
	});

	it('a read-only window follows the holder’s saves, and takes over when the holder quits', async () => {
		const ws = init();
		const holder = open(ws.dir, 'open w.json --lang en');
		await holder.waitFor(t => t.includes('北京市'), 'the holder');
		const reader = open(ws.dir, 'open w.json --lang en --by 李四');
		await reader.waitFor(t => t.includes('READ-ONLY: being edited by'), 'the read-only window');
		reader.send('Enter', 'n');
		await reader.waitFor(t => t.includes('[ ] not yet'), 'the reader on 1.1.1');
		holder.send('Enter', 'n', 'y');
		await reader.waitFor(t => t.includes('Value: yes') && t.includes('refreshed from disk'), 'the holder’s value, in the reader');
		await quitAndWait(holder);
		await reader.waitFor(t => t.includes('the lock is free: T takes over'), 'the offer to take over');
		reader.send('T');
		await reader.waitFor(t => t.includes('taken over') && !t.includes('READ-ONLY'), 'taken over');
		reader.send('0');
		await reader.waitFor(t => /saved \d\d:/.test(t), 'the reader’s change saved');
		await quitAndWait(reader);
		expect(ws.data().findings['110000/1.1.1']).toMatchObject({value: {type: 'yesno', met: false}, by: '李四'});
	});
});

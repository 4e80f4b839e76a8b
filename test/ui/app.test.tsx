import {describe, it, expect, afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import stringWidth from 'string-width';
import {renderTui, KEYS, leafOf, testWorkspace, fakePort, overflowing, index} from '../helpers/render-tui.js';
import {BINDINGS} from '../../source/ui/keymap/commands.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {themeFor} from '../../source/ui/theme.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';

afterEach(() => cleanup());

/** Opens the first region and walks to a leaf of the given rule kind via search by code. */
async function openLeaf(tui: Awaited<ReturnType<typeof renderTui>>, code: string) {
	await tui.press('/');
	await tui.waitFor(t => t.includes('Search'));
	await tui.press(code);
	await tui.waitFor(t => t.includes(`indic. ${code}`), `search result ${code}`);
	await tui.press(KEYS.enter);
	await tui.waitFor(t => t.includes(`${code} ${index.nodes.get(code)!.node.name.en}`), `leaf ${code} selected`);
}

describe('regions screen', () => {
	it('lists every region with progress, total, tier and rank, Chinese names aligned', async () => {
		const tui = await renderTui();
		const text = tui.frame();
		for (const name of ['北京市', '上海市', '江苏省']) expect(text).toContain(name);
		const rows = text.split('\n').filter(l => /[北上江].{2}\s+\[/.test(l));
		expect(rows).toHaveLength(3);
		expect(new Set(rows.map(r => stringWidth(r.slice(0, r.indexOf('['))))).size).toBe(1);
		expect(text).toContain('0/64');
	});

	it('opens a region with Enter and walks to the next unscored leaf with n', async () => {
		const tui = await renderTui();
		await tui.press(KEYS.enter);
		await tui.waitFor(t => t.includes('北京市 110000'));
		await tui.press('n');
		const first = index.leaves[0]!;
		const text = await tui.waitFor(t => t.includes(`${first.code} ${first.node.name.en}`) && t.includes('Check:'), 'the first leaf in the item panel');
		expect(text).toContain(first.node.guide!.check.slice(0, 10));
		expect(text).toContain('[ ] not yet');
	});
});

describe('recording findings', () => {
	it('records yes with y, updates the score on screen at once and saves', async () => {
		const tui = await renderTui();
		const leaf = leafOf('yesno');
		await tui.press(KEYS.enter);
		await openLeaf(tui, leaf.code);
		expect(tui.frame()).toMatch(/Total —/);
		await tui.press('y');
		await tui.waitFor(t => /Total 100\.00 #1/.test(t), 'the total to move');
		await tui.waitFor(t => /saved \d\d:\d\d:\d\d/.test(t), 'the save time');
		expect(tui.saves.at(-1)!.findings[`110000/${leaf.code}`]).toMatchObject({value: {type: 'yesno', met: true}, by: '张三'});
	});

	it('picks a level by its number, and by the picker', async () => {
		const tui = await renderTui();
		const leaf = leafOf('levels');
		const rule = leaf.rule as Extract<typeof leaf.rule, {type: 'levels'}>;
		await tui.press(KEYS.enter);
		await openLeaf(tui, leaf.code);
		await tui.press('2');
		await tui.waitFor(t => t.includes(`Value: ${rule.levels[1]!.label.zh}`));
		await tui.press('v');
		await tui.waitFor(t => t.includes('Pick a level'));
		await tui.press(KEYS.up, KEYS.enter);
		await tui.waitFor(t => t.includes(`Value: ${rule.levels[0]!.label.zh}`));
	});

	it('takes a direct score typed after a digit, and refuses a wrong one with the rule', async () => {
		const tui = await renderTui();
		const leaf = leafOf('direct');
		await tui.press(KEYS.enter);
		await openLeaf(tui, leaf.code);
		await tui.press('7');
		await tui.waitFor(t => t.includes('Value\n') || t.includes('│ Value'));
		await tui.press('5', KEYS.enter);
		await tui.waitFor(t => t.includes('Value: 75'));
		await tui.press('9', '9', '9', KEYS.enter);
		const text = await tui.waitFor(t => t.includes('999 is outside 0–100'));
		expect(text).toContain('Value: 75');
	});

	it('edits a multi-line note with Chinese IME chunks, a held Backspace and a paste', async () => {
		const tui = await renderTui();
		await tui.press(KEYS.enter);
		await openLeaf(tui, leafOf('yesno').code);
		await tui.press('e');
		await tui.waitFor(t => t.includes('Note (Enter: new line'));
		await tui.press('你好世界', '\u007F\u007F', '，第一行', KEYS.enter, 'pasted\rtext');
		await tui.waitFor(t => t.includes('pasted'));
		await tui.press(KEYS.ctrlS);
		await tui.waitFor(t => t.includes('Note: 你好，第一行'));
		await tui.waitFor(() => tui.saves.length > 0, 'the note to be saved');
		const f = Object.values(tui.saves.at(-1)!.findings)[0]!;
		expect(f.note).toBe('你好，第一行\npasted\ntext');
	});

	it('adds URL and quote evidence with the time and who, and removes one', async () => {
		const tui = await renderTui();
		await tui.press(KEYS.enter);
		await openLeaf(tui, leafOf('yesno').code);
		await tui.press('a');
		await tui.waitFor(t => t.includes('Evidence: a URL'));
		await tui.press('https://banshi.beijing.gov.cn/guide', KEYS.enter);
		await tui.waitFor(t => t.includes('url   https://banshi.beijing.gov.cn/guide'));
		await tui.press('a', 'quote:办理时限：5个工作日', KEYS.enter);
		const text = await tui.waitFor(t => t.includes('quote “办理时限：5个工作日”'));
		expect(text).toMatch(/Evidence: 2/);
		expect(text).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d 张三/);
		await tui.press(KEYS.tab, KEYS.down, KEYS.backspace);
		await tui.waitFor(t => t.includes('Evidence: 1'));
		expect(tui.frame()).not.toContain('banshi.beijing');
	});

	it('refuses evidence that is neither URL, quote nor file, and says so', async () => {
		const tui = await renderTui();
		await tui.press(KEYS.enter);
		await openLeaf(tui, leafOf('yesno').code);
		await tui.press('a', 'not evidence', KEYS.enter);
		await tui.waitFor(t => t.includes('is not a URL (http…), a quote (quote:…) or an existing file'));
		expect(tui.saves).toHaveLength(0);
	});

	it('flags with a reason, marks done, marks not applicable, and undoes', async () => {
		const tui = await renderTui();
		const leaf = leafOf('yesno');
		await tui.press(KEYS.enter);
		await openLeaf(tui, leaf.code);
		await tui.press('f', '页面无法访问', KEYS.enter);
		await tui.waitFor(t => t.includes('[!] flagged — 页面无法访问'));
		await tui.press('d');
		await tui.waitFor(t => t.includes('[x] done'));
		await tui.press('-', '本地区无此服务', KEYS.enter);
		await tui.waitFor(t => t.includes('[-] n/a — 本地区无此服务'));
		await tui.press('u');
		await tui.waitFor(t => t.includes('[x] done') && t.includes('undone'));
		await tui.waitFor(() => tui.saves.at(-1)!.findings[`110000/${leaf.code}`]!.status === 'done', 'the undo to be saved');
		const f = tui.saves.at(-1)!.findings[`110000/${leaf.code}`]!;
		expect(f.status).toBe('done');
		expect(f.history.length).toBeGreaterThanOrEqual(3);
	});

	it('records a sampled ratio: items picked from the catalog by pinyin, pass/fail toggled', async () => {
		const tui = await renderTui();
		const leaf = leafOf('sampled');
		await tui.press(KEYS.enter);
		await openLeaf(tui, leaf.code);
		await tui.press('+');
		await tui.waitFor(t => t.includes('Pick a sampled item'));
		await tui.press('yyzz');
		await tui.waitFor(t => /item\s+SI-\d{4}/.test(t), 'catalog hits');
		await tui.press(KEYS.enter);
		await tui.waitFor(t => t.includes('[pass] SI-'));
		await tui.press('+', 'gjjtq');
		await tui.waitFor(t => t.includes('公积金'), 'housing fund items');
		await tui.press(KEYS.enter);
		await tui.waitFor(t => t.includes('Sampled items: 2/2'));
		await tui.press(KEYS.tab, KEYS.down, ' ');
		const text = await tui.waitFor(t => t.includes('Sampled items: 1/2'));
		expect(text).toContain('[fail] SI-');
		expect(text).toMatch(/Score: 50\.00/);
	});
});

describe('search, scoreboard, help', () => {
	it('finds 办事指南 by its initials as you type and jumps to it', async () => {
		const tui = await renderTui();
		await tui.press('/');
		await tui.waitFor(t => t.includes('Search'));
		await tui.press('b', 's', 'z', 'n');
		const text = await tui.waitFor(t => t.includes('办事指南'));
		expect(text).toContain('indic.');
		await tui.press(KEYS.enter);
		await tui.waitFor(t => /Total/.test(t) && t.includes('北京市 110000'));
	});

	it('shows the scoreboard with tiers and primary bars, sortable by column', async () => {
		let ws = testWorkspace();
		ws = applyChange(ws, ['310000'], leafOf('yesno').code, {value: {type: 'yesno', met: true}}, '张三', '2026-11-23T09:00:00.000Z');
		ws = applyChange(ws, ['110000'], leafOf('yesno').code, {value: {type: 'yesno', met: false}}, '张三', '2026-11-23T09:00:00.000Z');
		const tui = await renderTui({workspace: ws});
		await tui.press('s');
		const text = await tui.waitFor(t => t.includes('Rank*'));
		const lines = text.split('\n');
		expect(lines.findIndex(l => l.includes('上海市'))).toBeLessThan(lines.findIndex(l => l.includes('北京市')));
		expect(text).toContain('Very high');
		await tui.press('o');
		await tui.waitFor(t => t.includes('Region*'));
	});

	it('shows every key of the key table in the help overlay, at 80×24', async () => {
		const tui = await renderTui({columns: 80, rows: 24});
		await tui.press('?');
		const text = await tui.waitFor(t => t.includes('Keys (? / Esc)'));
		for (const b of BINDINGS) expect(text, b.id).toContain(b.label.en.slice(0, 20));
		expect(overflowing(text, 80)).toEqual([]);
		await tui.press(KEYS.esc);
		await tui.waitFor(t => !t.includes('Keys (? / Esc)'));
	});

	it('speaks Chinese with --lang zh, rules included', async () => {
		const tui = await renderTui({lang: 'zh'});
		expect(tui.frame()).toContain('总得分');
		expect(tui.frame()).toContain('q 退出（已自动保存）');
		await tui.press(KEYS.enter, 'n');
		await tui.waitFor(t => t.includes('规则: 是或否（y/n）'), 'the rule in Chinese');
	});
});

describe('layout and robustness', () => {
	it('stays within a terminal narrower than the content, and follows a resize', async () => {
		const tui = await renderTui({columns: 60, rows: 20});
		await tui.press(KEYS.enter, 'n');
		await tui.waitFor(t => t.includes('[ ]'));
		expect(overflowing(tui.frame(), 60)).toEqual([]);
		await tui.press(KEYS.tab);
		const item = await tui.waitFor(t => t.includes('Check:'));
		expect(overflowing(item, 60)).toEqual([]);
		tui.resize(140, 30);
		await tui.waitFor(t => t.includes('Check:') && t.includes('[-] 1 '), 'both panes side by side');
	});

	it('opens read-only when another process holds the lock, and names the holder', async () => {
		const port = fakePort({readOnly: true, lockedBy: {user: '李四', host: 'laptop-7', pid: 4242, since: '2026-11-23T09:00:00Z', program: 'assess'}});
		const tui = await renderTui({port});
		expect(tui.frame()).toContain('READ-ONLY — being edited by 李四@laptop-7 pid 4242');
		await tui.press(KEYS.enter);
		await openLeaf(tui, leafOf('yesno').code);
		await tui.press('y');
		await tui.waitFor(t => t.includes('NOT SAVED'));
		expect(tui.saves).toHaveLength(0);
	});

	it('says when a save failed', async () => {
		const tui = await renderTui({port: fakePort({failSaves: 'ws.json: could not be saved: the disk is full'})});
		await tui.press(KEYS.enter);
		await openLeaf(tui, leafOf('yesno').code);
		await tui.press('y');
		await tui.waitFor(t => t.includes('NOT SAVED: ws.json: could not be saved: the disk is full'));
	});

	it('re-scores when the weights file changes, shows rank moves, and keeps good weights on a bad edit', async () => {
		let ws = testWorkspace();
		const [a, b] = [index.leaves.find(l => l.code.startsWith('1.') && l.rule!.type === 'yesno')!, index.leaves.find(l => l.code.startsWith('2.') && l.rule!.type === 'yesno')!];
		ws = applyChange(ws, ['110000'], a.code, {value: {type: 'yesno', met: true}}, 'x', '2026-11-23T09:00:00.000Z');
		ws = applyChange(ws, ['110000'], b.code, {value: {type: 'yesno', met: false}}, 'x', '2026-11-23T09:00:00.000Z');
		ws = applyChange(ws, ['310000'], a.code, {value: {type: 'yesno', met: false}}, 'x', '2026-11-23T09:00:00.000Z');
		ws = applyChange(ws, ['310000'], b.code, {value: {type: 'yesno', met: true}}, 'x', '2026-11-23T09:00:00.000Z');
		const c = index.leaves.find(l => l.code.startsWith('3.') && l.rule!.type === 'yesno')!;
		ws = applyChange(ws, ['310000'], c.code, {value: {type: 'yesno', met: true}}, 'x', '2026-11-23T09:00:00.000Z');
		const tui = await renderTui({workspace: ws});
		await tui.press('s');
		await tui.waitFor(t => t.includes('Rank*'));
		const weights = Object.fromEntries(index.ordered.map(n => [n.code, 1]));
		weights['1'] = 0.9;
		weights['2'] = 0.1;
		tui.pushWeights({ok: true, weights, file: 'w.json'});
		expect(tui.frame()).toMatch(/1\s+上海市/);
		const text = await tui.waitFor(t => t.includes('weights file changed'));
		expect(text).toMatch(/1 \+1\s+北京市\s+90\.00/);
		expect(text).toMatch(/2 -1\s+上海市\s+55\.00/);
		tui.pushWeights({ok: false, problem: 'w.json: $.weights: the weights of the primaries sum to 2, not 1'});
		const after = await tui.waitFor(t => t.includes('keeping the last good weights'));
		expect(after).toMatch(/1 \+1\s+北京市/);
	});

	it('ignores keys that mean nothing, and survives a burst of random keys', async () => {
		const tui = await renderTui();
		const keys = ['x', 'Z', '\u001B[5~', '\u001B[6~', KEYS.tab, '!', '你', KEYS.enter, 'n', 'N', KEYS.left, KEYS.right, 'j', 'k', 'o', 's', 's', '?', KEYS.esc, '/', KEYS.esc, KEYS.down, KEYS.up];
		for (let i = 0; i < 3; i++) await tui.press(...keys);
		expect(tui.frame()).toContain('assess ·');
	});

	it('uses no colour with NO_COLOR', async () => {
		expect(Object.values(themeFor({NO_COLOR: '1'})).every(c => c === undefined)).toBe(true);
		expect(themeFor({}).accent).toBeDefined();
		const mono = await renderTui({env: {NO_COLOR: '1'}});
		expect(mono.lastFrame()).not.toMatch(/\u001B\[(3[0-7]|9[0-7])m/);
	});

	it('exports to Excel with x, warning that an incomplete workspace makes a draft', async () => {
		const tui = await renderTui();
		await tui.press('x');
		const text = await tui.waitFor(t => t.includes('Export to Excel at'));
		expect(text).toContain('this will be a DRAFT: 192 unscored');
		expect(text).toContain('exports/ws.xlsx');
		await tui.press(KEYS.enter);
		await tui.waitFor(t => t.includes('exported') && t.includes('exports/ws.xlsx (192 项未评)'));
		expect(tui.exports).toEqual([{output: 'exports/ws.xlsx', draft: true, regions: 3}]);
	});

	it('quits with q after the last save, through the one exit', async () => {
		const tui = await renderTui();
		await tui.press('q');
		await tui.waitFor(() => tui.isClosed(), 'the session to close');
	});
});

describe('conflicts', () => {
	it('lists conflicts, shows candidates side by side, settles with one, and undo brings the conflict back', async () => {
		const leaf = leafOf('yesno').code;
		const a = applyChange(testWorkspace(), ['310000'], leaf, {value: {type: 'yesno', met: true}, note: '张：有入口', addEvidence: [{kind: 'url', url: 'https://a.gov.cn', seenAt: '2026-11-23T09:00:00.000Z', by: '张三'}]}, '张三', '2026-11-23T09:00:00.000Z');
		const b = applyChange(testWorkspace(), ['310000'], leaf, {value: {type: 'yesno', met: false}, note: '李：无入口'}, '李四', '2026-11-23T10:00:00.000Z');
		const merged = mergeWorkspaces([a, b], {id: 'm', assessor: '组长', createdAt: '2026-11-23T11:00:00.000Z'});
		if (!merged.ok) throw new Error('merge failed');
		const tui = await renderTui({workspace: merged.value.workspace});
		expect(tui.frame()).toContain('1 conflict (c)');
		expect(tui.frame()).toMatch(/上海市.*1 conflict/);
		await tui.press('c');
		const text = await tui.waitFor(t => t.includes('Conflicts to settle (1)'));
		expect(text).toContain('assessors agreed on 0.0% (0/1)');
		expect(text).toContain('1 Candidate · 李四');
		expect(text).toContain('2 Candidate · 张三');
		expect(text).toContain('李：无入口');
		expect(text).toContain('url   https://a.gov.cn');
		await tui.press('2');
		await tui.waitFor(t => t.includes('No conflicts') && t.includes('assessors agreed on 0.0% (0/1)'));
		await tui.waitFor(() => tui.saves.length > 0, 'the settlement to be saved');
		const settled = tui.saves.at(-1)!;
		expect(settled.conflicts).toEqual({});
		expect(settled.findings[`310000/${leaf}`]).toMatchObject({value: {type: 'yesno', met: true}, note: '张：有入口', settled: {by: '张三'}});
		expect(settled.findings[`310000/${leaf}`]!.history).toHaveLength(2);
		await tui.press('u');
		await tui.waitFor(t => t.includes('Conflicts to settle (1)'));
	});

	it('settles with a new value typed by the lead, keeping every note', async () => {
		const leaf = leafOf('direct').code;
		const a = applyChange(testWorkspace(), ['110000'], leaf, {value: {type: 'direct', score: 60}, note: 'A'}, '张三', '2026-11-23T09:00:00.000Z');
		const b = applyChange(testWorkspace(), ['110000'], leaf, {value: {type: 'direct', score: 90}, note: 'B'}, '李四', '2026-11-23T10:00:00.000Z');
		const merged = mergeWorkspaces([a, b], {id: 'm', assessor: '组长', createdAt: '2026-11-23T11:00:00.000Z'});
		if (!merged.ok) throw new Error('merge failed');
		const tui = await renderTui({workspace: merged.value.workspace});
		await tui.press('c', 'v');
		await tui.waitFor(t => t.includes('The settled value'));
		await tui.press('75', KEYS.enter);
		await tui.waitFor(() => tui.saves.length > 0, 'the settlement to be saved');
		expect(tui.saves.at(-1)!.findings[`110000/${leaf}`]).toMatchObject({value: {type: 'direct', score: 75}, status: 'done', note: 'B\nA'});
	});
});

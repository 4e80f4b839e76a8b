import {describe, it, expect, afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import stringWidth from 'string-width';
import {renderTui, leafOf, testWorkspace, overflowing, index, keyOf, openLeaf} from '../helpers/render-tui.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {themeFor} from '../../source/ui/theme.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';

afterEach(() => cleanup());

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

	it('opens a region and walks to the next unscored leaf with n', async () => {
		const tui = await renderTui();
		await tui.act('openRegion');
		await tui.waitFor(t => t.includes('北京市 110000'));
		await tui.act('next-tree');
		const first = index.leaves[0]!;
		const text = await tui.waitFor(t => t.includes(`${first.code} ${first.node.name.en}`) && t.includes('Check:'), 'the first leaf in the item panel');
		expect(text).toContain(first.node.guide!.check.slice(0, 10));
		expect(text).toContain('[ ] not yet');
	});
});

describe('recording findings', () => {
	it('records yes, updates the score on screen at once and saves', async () => {
		const tui = await renderTui();
		const leaf = leafOf('yesno');
		await openLeaf(tui, leaf.code);
		expect(tui.frame()).toMatch(/Total -/);
		await tui.act('yes');
		// One leaf of 64 scored: a provisional total, with its coverage; rank and tier marked.
		const moved = await tui.waitFor(t => /Total 100\.00 \(provisional, [\d.]+% scored\) #1\* Very high\*/.test(t), 'the total to move, provisional');
		expect(moved).not.toMatch(/Total 100\.00 #1 /);
		await tui.waitFor(t => /saved \d\d:\d\d:\d\d/.test(t), 'the save time');
		expect(tui.saves.at(-1)!.findings[`110000/${leaf.code}`]).toMatchObject({value: {type: 'yesno', met: true}, by: '张三'});
		await tui.act('no');
		await tui.waitFor(t => t.includes('Value: no'));
	});

	it('v on a yes/no leaf opens its picker (it does not flip the value)', async () => {
		const tui = await renderTui();
		await openLeaf(tui, leafOf('yesno').code);
		await tui.act('yes');
		await tui.waitFor(t => t.includes('Value: yes'));
		await tui.act('editValue');
		await tui.waitFor(t => t.includes('Met or not'));
		expect(tui.frame()).toContain('Value: yes');
		await tui.act('choiceDown', 'choicePick');
		await tui.waitFor(t => t.includes('Value: no') && !t.includes('Met or not'));
	});

	it('picks a level by its number, and by the picker', async () => {
		const tui = await renderTui();
		const leaf = leafOf('levels');
		const rule = leaf.rule as Extract<typeof leaf.rule, {type: 'levels'}>;
		await openLeaf(tui, leaf.code);
		await tui.act(['level', '2']);
		await tui.waitFor(t => t.includes(`Value: ${rule.levels[1]!.label.en ?? rule.levels[1]!.label.zh}`));
		await tui.act('editValue');
		await tui.waitFor(t => t.includes('Pick a level'));
		await tui.act('choiceUp', 'choicePick');
		await tui.waitFor(t => t.includes(`Value: ${rule.levels[0]!.label.en ?? rule.levels[0]!.label.zh}`));
	});

	it('takes a direct score typed after a digit; a wrong one keeps the field open, the number and the reason shown', async () => {
		const tui = await renderTui();
		await openLeaf(tui, leafOf('direct').code);
		await tui.act(['number', '7']);
		await tui.waitFor(t => t.includes('Enter saves, Esc cancels'));
		await tui.press('5');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('Value: 75'));
		await tui.act(['number', '1']);
		await tui.press('50');
		await tui.act('fieldSubmit');
		const text = await tui.waitFor(t => t.includes('150 is outside'));
		expect(text).toMatch(/│ 150/);
		expect(text).toContain('Value: 75');
		await tui.act('fieldBackspace', 'fieldBackspace');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('Value: 1') && !t.includes('150 is outside'));
	});

	it('edits a multi-line note with Chinese IME chunks, a held Backspace and a paste; Ctrl+S saves', async () => {
		const tui = await renderTui();
		await openLeaf(tui, leafOf('yesno').code);
		await tui.act('note');
		await tui.waitFor(t => t.includes('Ctrl+S saves, Enter is a new line, Esc cancels'));
		await tui.press('你好世界', '\u007F\u007F', '，第一行', keyOf('fieldNewline'), 'pasted\rtext');
		await tui.waitFor(t => t.includes('pasted'));
		await tui.act('fieldSave');
		await tui.waitFor(t => t.includes('Note: 你好，第一行'));
		await tui.waitFor(() => tui.saves.length > 0, 'the note to be saved');
		expect(Object.values(tui.saves.at(-1)!.findings)[0]!.note).toBe('你好，第一行\npasted\ntext');
	});

	it('adds URL and quote evidence with the time and who; removing asks, Backspace never removes, undo puts it back in place', async () => {
		const tui = await renderTui({columns: 160});
		await openLeaf(tui, leafOf('yesno').code);
		await tui.act('evidence');
		await tui.waitFor(t => t.includes('Evidence: a URL'));
		await tui.press('https://banshi.beijing.gov.cn/guide');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('url   https://banshi.beijing.gov.cn/guide'));
		await tui.act('evidence');
		await tui.press('quote:办理时限：5个工作日');
		await tui.act('fieldSubmit');
		const text = await tui.waitFor(t => t.includes('quote "办理时限：5个工作日"'));
		expect(text).toMatch(/Evidence: 2/);
		expect(text).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d 张三/);
		await tui.act('toItem', 'down');
		await tui.press('\u007F');
		expect(tui.frame()).toContain('Evidence: 2');
		await tui.act('remove');
		await tui.waitFor(t => t.includes('Remove url   https://banshi.beijing.gov.cn/guide'));
		await tui.act('confirmYes');
		await tui.waitFor(t => t.includes('Evidence: 1'));
		expect(tui.frame()).not.toContain('banshi.beijing');
		await tui.act('undo');
		const back = await tui.waitFor(t => t.includes('Evidence: 2') && t.includes('undone: the evidence of'));
		expect(back.indexOf('banshi.beijing')).toBeLessThan(back.indexOf('quote "办理时限'));
	});

	it('refuses evidence that is neither URL, quote nor file in the field, naming no command-line option', async () => {
		const tui = await renderTui();
		await openLeaf(tui, leafOf('yesno').code);
		await tui.act('evidence');
		await tui.press('not evidence');
		await tui.act('fieldSubmit');
		const text = await tui.waitFor(t => t.includes('is not a URL'));
		expect(text).not.toContain('--evidence');
		expect(text).toMatch(/│ not evidence/);
		expect(tui.saves).toHaveLength(0);
	});

	it('flags and marks not applicable with a reason (an empty one is refused), marks done, and undo says what it undid and where', async () => {
		const tui = await renderTui();
		const leaf = leafOf('yesno');
		await openLeaf(tui, leaf.code);
		await tui.act('done');
		await tui.waitFor(t => t.includes('not scored yet: it cannot be marked done'));
		await tui.act('flag', 'fieldSubmit');
		await tui.waitFor(t => t.includes('a reason is required'));
		await tui.press('页面无法访问');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('[!] flagged: 页面无法访问'));
		await tui.act('yes', 'done');
		await tui.waitFor(t => t.includes('[x] done'));
		await tui.act('na');
		await tui.press('  ');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('a reason is required'));
		await tui.press('本地区无此服务');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('[/] n/a: 本地区无此服务'));
		await tui.act('search');
		await tui.press('1.1.1');
		await tui.act('searchPick');
		await tui.act('undo');
		await tui.waitFor(t => t.includes(`undone: the status of ${leaf.code} ${leaf.node.name.en} in 北京市`) && t.includes('[x] done'));
		await tui.waitFor(() => tui.saves.at(-1)!.findings[`110000/${leaf.code}`]!.status === 'done', 'the undo to be saved');
		await tui.act('redo');
		await tui.waitFor(t => t.includes('redone: the status of') && t.includes('[/] n/a'));
	});

	it('records a sampled ratio: items picked from the catalog by pinyin start unjudged, Space cycles pass, fail, unjudged, removal asked', async () => {
		// Wide enough that the item panel's count line is one line.
		const tui = await renderTui({columns: 180});
		await openLeaf(tui, leafOf('sampled').code);
		expect(tui.frame()).not.toContain('0-9');
		await tui.act('addSample');
		await tui.waitFor(t => t.includes('Pick a sampled item'));
		await tui.press('yyzz');
		await tui.waitFor(t => /item\s+SI-\d{4}/.test(t), 'catalog hits');
		await tui.act('searchPick');
		const size = leafOf('sampled').rule!.type === 'sampled' ? (leafOf('sampled').rule as {sampleSize: number}).sampleSize : 0;
		await tui.waitFor(t => t.includes('[ ?? ] SI-') && t.includes(`Sampled items: 0/${size} judged (0 pass, 0 fail), 1 not judged, ${size - 1} more needed`), 'a new item, not judged');
		expect(tui.saves.at(-1)!.findings[`110000/${leafOf('sampled').code}`]!.value).toMatchObject({type: 'sampled', samples: [{pass: null}]});
		await tui.act('addSample');
		await tui.press('gjjtq');
		await tui.waitFor(t => t.includes('公积金'), 'housing fund items');
		await tui.act('searchPick');
		await tui.waitFor(t => t.includes(`Sampled items: 0/${size} judged (0 pass, 0 fail), 2 not judged`));
		expect(tui.frame()).toMatch(/Score: -/);
		await tui.act('toItem', 'down', 'toggleSample', 'down', 'toggleSample', 'toggleSample');
		const text = await tui.waitFor(t => t.includes(`Sampled items: 2/${size} judged (1 pass, 1 fail)`));
		expect(text).toContain('[pass] SI-');
		expect(text).toContain('[fail] SI-');
		expect(text).toMatch(/Score: 50\.00/);
		await tui.act('toggleSample');
		await tui.waitFor(t => t.includes(`Sampled items: 1/${size} judged (1 pass, 0 fail), 1 not judged`), 'fail, then not judged again');
		await tui.act('toggleSample');
		await tui.act('remove');
		await tui.waitFor(t => t.includes('Remove SI-'));
		await tui.act('confirmNo');
		await tui.waitFor(t => !t.includes('Remove SI-'));
		expect(tui.frame()).toContain(`Sampled items: 2/${size} judged (2 pass, 0 fail)`);
	});
});

describe('search, scoreboard, help', () => {
	it('finds 办事指南 by its initials as you type and jumps to it', async () => {
		const tui = await renderTui();
		await tui.act('search');
		await tui.press('b', 's', 'z', 'n');
		const text = await tui.waitFor(t => t.includes('办事指南'));
		expect(text).toContain('indic.');
		await tui.act('searchPick');
		await tui.waitFor(t => /Total/.test(t) && t.includes('北京市 110000'));
	});

	it('shows the scoreboard with tiers, primary scores as numbers and bars, sortable by column', async () => {
		let ws = testWorkspace();
		ws = applyChange(ws, ['310000'], leafOf('yesno').code, {value: {type: 'yesno', met: true}}, '张三', '2026-11-23T09:00:00.000Z');
		ws = applyChange(ws, ['110000'], leafOf('yesno').code, {value: {type: 'yesno', met: false}}, '张三', '2026-11-23T09:00:00.000Z');
		const tui = await renderTui({workspace: ws});
		await tui.act('scoreboard');
		const text = await tui.waitFor(t => t.includes('Rank*'));
		const lines = text.split('\n');
		expect(lines.findIndex(l => l.includes('上海市'))).toBeLessThan(lines.findIndex(l => l.includes('北京市')));
		expect(text).toContain('Very high');
		expect(lines.find(l => l.includes('上海市'))).toMatch(/100\.0 #+/);
		const header = lines.find(l => l.includes('Rank*'))!;
		await tui.act('sortNext');
		const sorted = await tui.waitFor(t => t.includes('Region*'));
		const header2 = sorted.split('\n').find(l => l.includes('Region*'))!;
		// The header does not move when the sort mark does.
		expect(header2.replace('*', ' ').replace('Rank ', 'Rank*')).toBe(header);
	});

	it('lists every binding of the key table in the help, which scrolls and keeps its footnote at 80×24', async () => {
		const {BINDINGS} = await import('../../source/ui/keymap/bindings.js');
		const tui = await renderTui({columns: 80, rows: 24});
		await tui.act('help');
		let seen = '';
		for (let page = 0; page < 20; page++) {
			const text = await tui.waitFor(t => t.includes('Keys '));
			expect(overflowing(text, 80)).toEqual([]);
			expect(text).toContain('j/k scroll, ? or Esc closes');
			seen += text;
			if (/(\d+)-(\d+) \/ \2\b/.test(text)) break;
			await tui.act('helpPageDown');
		}
		// At the end, one more page changes nothing, and one line up shows a line above.
		const last = tui.frame();
		await tui.act('helpPageDown');
		expect(tui.frame()).toBe(last);
		await tui.act('helpUp');
		await tui.waitFor(t => t !== last, 'one line up');
		const flat = seen.replace(/[│\s]+/g, ' ');
		for (const b of BINDINGS) expect(flat, b.id).toContain(b.label.en.split(' ').slice(0, 2).join(' '));
		await tui.act('helpClose');
		await tui.waitFor(t => !t.includes('j/k scroll'));
	});

	it('speaks Chinese with --lang zh, rules included', async () => {
		const tui = await renderTui({lang: 'zh'});
		expect(tui.frame()).toContain('总得分');
		expect(tui.frame()).toContain('q 退出');
		await tui.act('openRegion', 'next-tree');
		await tui.waitFor(t => t.includes('规则: 是或否（y/n）'), 'the rule in Chinese');
	});
});

describe('robustness', () => {
	it('ignores keys that mean nothing, and survives a burst of random keys', async () => {
		const tui = await renderTui();
		const keys = ['x', 'Z', '\u001B[5~', '\u001B[6~', '\t', '!', '你', '\r', 'n', 'N', '\u001B[D', '\u001B[C', 'j', 'k', '>', 's', 's', '?', '\u001B', '/', '\u001B', '\u001B[B', '\u001B[A', '\u001B[15~', '\u001B[<0;3;4M'];
		for (let i = 0; i < 3; i++) await tui.press(...keys);
		await tui.press(keys.join(''));
		expect(tui.frame()).toMatch(/^assess {2}/);
	});

	it('uses no colour with NO_COLOR', async () => {
		expect(Object.values(themeFor({NO_COLOR: '1'})).every(c => c === undefined)).toBe(true);
		expect(themeFor({}).accent).toBeDefined();
		const mono = await renderTui({env: {NO_COLOR: '1'}});
		expect(mono.lastFrame()).not.toMatch(/\u001B\[(3[0-7]|9[0-7])m/);
	});

	it('exports to Excel with x, warning that an incomplete workspace makes a draft', async () => {
		const tui = await renderTui();
		await tui.act('export');
		const text = await tui.waitFor(t => t.includes('Export to Excel at'));
		expect(text).toContain('this will be a DRAFT (the workbook says so): 192 unscored');
		expect(text).toContain(`北京市 ${index.leaves[0]!.code} `);
		expect(text).toContain('and 189 more (assess export --json lists them all)');
		expect(text).toContain('exports/ws.xlsx');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('exported') && t.includes('exports/ws.xlsx (a draft, and the workbook says so)'));
		expect(tui.exports).toEqual([{output: 'exports/ws.xlsx', draft: true, regions: 3, weights: undefined}]);
	});

	it('quits with q after the last save, through the one exit', async () => {
		const tui = await renderTui();
		await openLeaf(tui, leafOf('yesno').code);
		await tui.press(`${keyOf('yes')}${keyOf('quit')}`);
		await tui.waitFor(() => tui.isClosed(), 'the session to close');
		expect(tui.saves.at(-1)!.findings[`110000/${leafOf('yesno').code}`]).toBeDefined();
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
		await tui.act('conflicts');
		const text = await tui.waitFor(t => t.includes('Conflicts to settle (1)'));
		expect(text).toContain('assessors agreed on 0.0% (0/1)');
		expect(text).toContain('1 Candidate: 李四');
		expect(text).toContain('2 Candidate: 张三');
		expect(text).toContain('李：无入口');
		expect(text).toContain('url   https://a.gov.cn');
		await tui.act(['settle', '2']);
		await tui.waitFor(t => t.includes('Why it is settled this way (optional'), 'the reason, asked');
		await tui.press('张三截图更新');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('No conflicts') && t.includes('assessors agreed on 0.0% (0/1)'));
		await tui.waitFor(() => tui.saves.length > 0, 'the settlement to be saved');
		const settled = tui.saves.at(-1)!;
		expect(settled.conflicts).toEqual({});
		expect(settled.findings[`310000/${leaf}`]).toMatchObject({value: {type: 'yesno', met: true}, note: '张：有入口', settled: {by: '张三', reason: '张三截图更新'}});
		expect(settled.findings[`310000/${leaf}`]!.history).toHaveLength(2);
		await tui.act('undo');
		await tui.waitFor(t => t.includes('Conflicts to settle (1)') && t.includes('undone: the settlement of'));
	});

	it('settles with a new value typed by the lead, keeping every note', async () => {
		const leaf = leafOf('direct').code;
		const a = applyChange(testWorkspace(), ['110000'], leaf, {value: {type: 'direct', score: 60}, note: 'A'}, '张三', '2026-11-23T09:00:00.000Z');
		const b = applyChange(testWorkspace(), ['110000'], leaf, {value: {type: 'direct', score: 90}, note: 'B'}, '李四', '2026-11-23T10:00:00.000Z');
		const merged = mergeWorkspaces([a, b], {id: 'm', assessor: '组长', createdAt: '2026-11-23T11:00:00.000Z'});
		if (!merged.ok) throw new Error('merge failed');
		const tui = await renderTui({workspace: merged.value.workspace});
		await tui.act('conflicts', 'settleNew');
		await tui.waitFor(t => t.includes('The settled value'));
		await tui.press('750');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('750 is outside'));
		await tui.act('fieldBackspace', 'fieldSubmit');
		await tui.waitFor(t => t.includes('Why it is settled this way'), 'the reason, asked');
		expect(tui.saves).toHaveLength(0);
		// No reason: Enter with nothing settles without one.
		await tui.act('fieldSubmit');
		await tui.waitFor(() => tui.saves.length > 0, 'the settlement to be saved');
		const settled = tui.saves.at(-1)!.findings[`110000/${leaf}`]!;
		expect(settled).toMatchObject({value: {type: 'direct', score: 75}, status: 'done', note: 'B\nA'});
		expect(settled.settled!.reason).toBeUndefined();
	});
});

describe('text fields', () => {
	it('Ctrl+W, Home, Delete (forward), End, Ctrl+U edit as in a shell', async () => {
		const tui = await renderTui();
		await openLeaf(tui, leafOf('yesno').code);
		await tui.act('note');
		await tui.press('hello brave world');
		await tui.act('fieldKillWord');
		await tui.act('fieldHome', 'fieldDelete', 'fieldEnd');
		await tui.press('!');
		await tui.act('fieldSave');
		await tui.waitFor(t => t.includes('Note: ello brave !'));
		await tui.act('note', 'fieldKillBefore');
		await tui.press('new');
		await tui.act('fieldSave');
		await tui.waitFor(t => t.includes('Note: new'));
	});

	it('takes evidence paths with ~ and in quotes (as drag and drop gives them), and stores the file', async () => {
		const {writeFileSync} = await import('node:fs');
		const {join} = await import('node:path');
		const tui = await renderTui({columns: 160});
		writeFileSync(join(tui.dir, 'shot.png'), 'png bytes');
		writeFileSync(join(tui.dir, 'my shot.png'), 'other png bytes');
		await openLeaf(tui, leafOf('yesno').code);
		await tui.act('evidence');
		await tui.press('~/shot.png');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('file  shot.png sha256:'));
		await tui.act('evidence');
		await tui.press(`'${join(tui.dir, 'my shot.png')}'`);
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('file  my shot.png sha256:'));
		await tui.waitFor(() => tui.saves.at(-1)?.findings[`110000/${leafOf('yesno').code}`]?.evidence.length === 2, 'both saved');
	});
});

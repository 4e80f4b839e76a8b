import {describe, it, expect, afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {renderTui, leafOf, testWorkspace, index, openLeaf, fakePort} from '../helpers/render-tui.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';
import type {Workspace} from '../../source/domain/workspace/workspace-schema.js';
import type {SamplePlan} from '../../source/domain/sample-plan/sample-plan.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';

/**
 * Issue 12 in the TUI: a result that is not final never passes for one (totals, ranks and
 * tiers everywhere), the recording rules, the live weights and the final rule in `x`, settling
 * a conflict by typing a value, and the sample plan. Each reproduction failed before.
 */

afterEach(() => cleanup());

const yesno = leafOf('yesno');
const sampled = leafOf('sampled');
const sampleSize = (sampled.rule as {sampleSize: number}).sampleSize;
const measure = leafOf('measure');
const at = '2026-11-23T09:00:00.000Z';

/** Two assessors who disagree on one leaf of Beijing, merged: one open conflict. */
function conflicted(leaf = yesno.code): Workspace {
	const a = applyChange(testWorkspace(), ['110000'], leaf, {value: {type: 'yesno', met: true}, note: '张：有入口'}, '张三', at);
	const b = applyChange(testWorkspace(), ['110000'], leaf, {value: {type: 'yesno', met: false}, note: '李：无入口'}, '李四', '2026-11-23T10:00:00.000Z');
	const merged = mergeWorkspaces([a, b], {id: 'm', assessor: '组长', createdAt: at});
	if (!merged.ok) throw new Error('merge failed');
	return merged.value.workspace;
}

describe('provisional scores look provisional (issue 12)', () => {
	it('after one scored leaf: header, regions list, tree, item panel and scoreboard mark the total, rank and tier, with coverage and the footnote', async () => {
		const tui = await renderTui({columns: 140, rows: 40});
		await openLeaf(tui, yesno.code);
		await tui.act('yes');
		const tree = await tui.waitFor(t => t.includes('(provisional, '), 'a provisional header');
		// The reproduction: the header said `Total 100.00 #1 Very high`.
		expect(tree.split('\n')[0]).toMatch(/北京市 110000 {2}Total 100\.00 \(provisional, 1\.\d% scored\) #1\* Very high\*$/);
		expect(tree).toMatch(/1\.1\.1 .+100\.00 +#1\*/);
		expect(tree).toContain('Rank: 1*');
		expect(tree).toContain('Not final: draft');
		await tui.act('regions');
		const regions = await tui.waitFor(t => t.includes('Cover'), 'the regions list');
		expect(regions).toMatch(/北京市 .*100\.00 +1\.\d% Very high\* +1\*/);
		expect(regions).toContain('* provisional: the workspace is not final');
		await tui.act('scoreboard');
		const board = await tui.waitFor(t => t.includes('sorted by'), 'the scoreboard');
		expect(board).toMatch(/ 1\* +北京市 +100\.00 Very high\* +1%/);
		expect(board).toContain('* provisional: the workspace is not final');
	});

	it('a final workspace shows plain totals, ranks and tiers, and no footnote', async () => {
		const {ws} = completeWorkspace(['110000', '310000']);
		const tui = await renderTui({workspace: ws, columns: 140, rows: 40});
		const regions = tui.frame();
		expect(regions).not.toContain('*');
		expect(regions).not.toContain('provisional');
		expect(regions).toMatch(/北京市 .*100% +\S+ +[12]\n/);
		await tui.act('openRegion');
		const header = (await tui.waitFor(t => t.includes('北京市 110000  Total'))).split('\n')[0]!;
		expect(header).toMatch(/Total \d+\.\d\d #[12] \S+$/);
	});

	it('measure scores say what they are relative to: the regions in this file', async () => {
		const ws = applyChange(applyChange(testWorkspace(), ['110000'], measure.code, {value: {type: 'measure', amount: 80}}, '张三', at), ['310000'], measure.code, {value: {type: 'measure', amount: 40}}, '张三', at);
		const tui = await renderTui({workspace: ws, columns: 160, rows: 40});
		expect(tui.frame().replace(/\n/g, ' ')).toContain('are relative to the 3 regions in this file');
		await openLeaf(tui, measure.code);
		await tui.waitFor(t => t.includes('(relative to the 2 regions in this file with a value)'), 'the leaf says so');
		await tui.act('scoreboard');
		await tui.waitFor(t => t.includes(`Measure scores (${index.leaves.filter(l => l.rule!.type === 'measure').map(l => l.code).slice(0, 2).join(', ')}`), 'the scoreboard says so');
	});
});

describe('recording rules (issue 12)', () => {
	it('d refuses an unscored leaf; on a sampled leaf, refuses unjudged items and asks why it is done with fewer items than the guide asks for', async () => {
		const tui = await renderTui({columns: 180, rows: 40});
		await openLeaf(tui, yesno.code);
		await tui.act('done');
		await tui.waitFor(t => t.includes('not scored yet: it cannot be marked done'));
		await openLeaf(tui, sampled.code);
		await tui.act('addSample');
		await tui.press('yyzz');
		await tui.waitFor(t => /item\s+SI-\d{4}/.test(t), 'catalog hits');
		await tui.act('searchPick');
		await tui.waitFor(t => t.includes('[ ?? ] SI-'), 'an item, not judged');
		await tui.act('done');
		await tui.waitFor(t => t.includes('a leaf with no value cannot be marked done'), 'done refused: nothing judged');
		await tui.act('addSample');
		await tui.press('shebaoka');
		await tui.waitFor(t => /item\s+SI-\d{4}/.test(t), 'catalog hits');
		await tui.act('searchPick');
		await tui.act('toItem', 'down', 'toggleSample');
		await tui.waitFor(t => t.includes('[pass] SI-') && t.includes('[ ?? ] SI-'));
		await tui.act('done');
		await tui.waitFor(t => t.includes('1 sampled item is not judged yet'), 'done refused: an item not judged');
		expect(tui.frame()).toContain('[~] draft');
		await tui.act('down', 'toggleSample');
		await tui.waitFor(t => !t.includes('[ ?? ] SI-'));
		await tui.act('done');
		await tui.waitFor(t => t.includes('Fewer sampled items than the guide asks for: why is it done? (required)'), 'the reason asked');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('a reason is required'));
		await tui.press('本省仅公布 2 项');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('[x] done: 本省仅公布 2 项'));
		const f = tui.saves.at(-1)!.findings[`110000/${sampled.code}`]!;
		expect(f).toMatchObject({status: 'done', reason: '本省仅公布 2 项'});
		expect(tui.frame()).not.toContain('Not final');
		// A new item on a done leaf is not judged: the leaf goes back to draft, and says why.
		await tui.act('addSample');
		await tui.press('gjjtq');
		await tui.waitFor(t => t.includes('公积金'), 'housing fund items');
		await tui.act('searchPick');
		await tui.waitFor(t => t.includes('back to draft: 1 sampled item is not judged yet'));
		expect(tui.saves.at(-1)!.findings[`110000/${sampled.code}`]!.status).toBe('draft');
	});
});

describe('x: the live weights and the final rule (issue 12)', () => {
	it('a complete workspace with one draft and one flag exports as a draft, the prompt saying why (it was refused before)', async () => {
		let {ws} = completeWorkspace(['110000', '310000']);
		ws = applyChange(ws, ['110000'], yesno.code, {status: 'draft'}, '张三', at);
		ws = applyChange(ws, ['310000'], yesno.code, {status: 'flagged', reason: '入口待核实'}, '张三', at);
		const tui = await renderTui({workspace: ws, columns: 140, rows: 40});
		await tui.act('export');
		const prompt = await tui.waitFor(t => t.includes('Export to Excel at'));
		expect(prompt).toContain('this will be a DRAFT (the workbook says so): 1 flagged for review, 1 draft');
		expect(prompt).toContain(`北京市 ${yesno.code} `);
		expect(prompt).toContain('flagged for review: 入口待核实');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('(a draft, and the workbook says so)'));
		expect(tui.exports).toEqual([{output: 'exports/ws.xlsx', draft: true, regions: 2, weights: undefined}]);
	});

	it('a final workspace exports as final; after a weights-file edit, with the weights on screen', async () => {
		const {ws} = completeWorkspace(['110000', '310000']);
		const tui = await renderTui({workspace: ws, columns: 140, rows: 40});
		await tui.act('export');
		await tui.waitFor(t => t.includes('a final result: nothing blocks it'));
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('exported') && t.includes('(final)'));
		const weights = Object.fromEntries(index.primaries.map((p, i) => [p, i === 0 ? 0.8 : 0.05]));
		tui.pushWeights({ok: true, weights, file: 'team.weights.json', loaded: {file: 'team.weights.json', digest: 'abc123', weights: {kind: 'assess/weights', formatVersion: 1, system: '2020-province', weights} as never}});
		await tui.waitFor(t => t.includes('weights file changed'));
		await tui.act('export', 'fieldSubmit');
		await tui.waitFor(() => tui.exports.length === 2, 'the second export');
		expect(tui.exports).toEqual([
			{output: 'exports/ws.xlsx', draft: false, regions: 2, weights: undefined},
			{output: 'exports/ws.xlsx', draft: false, regions: 2, weights: 'abc123'},
		]);
	});
});

describe('settling a conflict (issue 12)', () => {
	it('a value typed on a leaf in conflict asks to settle it, then for an optional reason, and settles it (it was recorded beside the conflict before)', async () => {
		const tui = await renderTui({workspace: conflicted(), columns: 140, rows: 40});
		await openLeaf(tui, yesno.code);
		await tui.waitFor(t => t.includes('[?] conflict'));
		await tui.act('note');
		await tui.waitFor(t => t.includes('this leaf is in conflict: settle it first'), 'a note waits for the settlement');
		await tui.act('no');
		await tui.waitFor(t => t.includes('is in conflict (李四: no | 张三: yes). Settle it with no?'), 'the question');
		await tui.act('confirmNo');
		await tui.waitFor(t => !t.includes('Settle it with'));
		expect(tui.saves).toHaveLength(0);
		await tui.act('no', 'confirmYes');
		await tui.waitFor(t => t.includes('Why it is settled this way (optional'));
		await tui.press('复核截图：入口已下线');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('settled ') && t.includes('(why: 复核截图：入口已下线)'));
		expect(tui.frame()).not.toContain('conflict (c)');
		await tui.waitFor(() => tui.saves.length > 0, 'the settlement saved');
		const saved = tui.saves.at(-1)!;
		expect(saved.conflicts).toEqual({});
		expect(saved.findings[`110000/${yesno.code}`]).toMatchObject({value: {type: 'yesno', met: false}, status: 'done', settled: {by: '张三', reason: '复核截图：入口已下线'}});
	});

	it('Esc in the reason field settles nothing', async () => {
		const tui = await renderTui({workspace: conflicted()});
		await tui.act('conflicts', ['settle', '1']);
		await tui.waitFor(t => t.includes('Why it is settled this way'));
		await tui.act('fieldCancel');
		await tui.waitFor(t => t.includes('Conflicts to settle (1)') && !t.includes('Why it is settled'));
		expect(tui.saves).toHaveLength(0);
	});
});

describe('the sample plan (issue 12)', () => {
	const plan: SamplePlan = {kind: 'assess/sample-plan', formatVersion: 1, system: '2020-province', groups: [{indicators: [sampled.code], items: ['SI-0003', 'SI-0001', {name: '社保卡'}]}]};

	it('opening an empty planned leaf offers the plan’s items in its order, not judged; ] offers them in the next region too', async () => {
		const tui = await renderTui({samplePlan: plan, columns: 160, rows: 40});
		await openLeaf(tui, sampled.code);
		await tui.waitFor(t => t.includes('the sample plan lists 3 items for this leaf'), 'the panel says so');
		await tui.act('toItem');
		await tui.waitFor(t => t.includes(`The sample plan lists 3 items for ${sampled.code}. Add them in its order, not yet judged?`));
		await tui.act('confirmYes');
		await tui.waitFor(t => t.includes('[ ?? ] SI-0003') && t.includes('[ ?? ] 社保卡'));
		expect(tui.saves.at(-1)!.findings[`110000/${sampled.code}`]!.value).toEqual({type: 'sampled', samples: [{item: 'SI-0003', pass: null}, {item: 'SI-0001', pass: null}, {item: '社保卡', pass: null}]});
		await tui.act(`nextRegion-item`);
		await tui.waitFor(t => t.includes('上海市 310000') && t.includes('The sample plan lists 3 items'), 'offered in Shanghai');
		await tui.act('confirmNo');
		await tui.waitFor(t => !t.includes('The sample plan lists 3 items') && t.includes('上海市 310000'));
		expect(tui.saves.at(-1)!.findings[`310000/${sampled.code}`]).toBeUndefined();
		// + offers the plan first; n searches the catalog instead.
		await tui.act('addSample');
		await tui.waitFor(t => t.includes('n searches the catalog instead'));
		await tui.act('confirmNo');
		await tui.waitFor(t => t.includes('Pick a sampled item'));
	});

	it('a leaf that has items, or a session without a plan, is not offered anything', async () => {
		const tui = await renderTui({columns: 160, rows: 40});
		await openLeaf(tui, sampled.code);
		await tui.act('toItem');
		await tui.waitFor(t => t.includes('>> Item'));
		expect(tui.frame()).not.toContain('sample plan');
	});
});

describe('errors in the user’s language (issue 13)', () => {
	it('a system error is said in words, its code in brackets, in Chinese too', async () => {
		const port = fakePort({failSaves: () => ({problem: ''})});
		port.setFailSaves(undefined);
		const original = port.port.save;
		port.port.save = async () => {
			throw Object.assign(new Error("ENOTDIR: not a directory, open '/tmp/x/ws.json.tmp'"), {code: 'ENOTDIR', path: '/tmp/x/ws.json.tmp'});
		};
		const tui = await renderTui({port, lang: 'zh', columns: 140, rows: 40});
		await openLeaf(tui, yesno.code);
		await tui.act('yes');
		const text = await tui.waitFor(t => t.includes('未保存：'), 'the failed save');
		expect(text).toContain('/tmp/x/ws.json.tmp: 路径中有一部分不是文件夹 (ENOTDIR)');
		expect(text).not.toContain('ENOTDIR: not a directory');
		port.port.save = original;
	});
});

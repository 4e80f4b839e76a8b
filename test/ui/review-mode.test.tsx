import {describe, it, expect, afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {renderTui, testWorkspace, index, openLeaf, keyOf} from '../helpers/render-tui.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {changeReviewPolicy} from '../../source/domain/review/review-policy.js';
import {reviewFinding} from '../../source/domain/review/review-finding.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';
import {findingKey, type Workspace} from '../../source/domain/workspace/workspace-schema.js';

afterEach(() => cleanup());

/**
 * Issue 15's review mode (`assess open --review --by 组长`), keys in by binding id, frames out:
 * the walk over what waits, accept, return with a note, the review rules of `assess review`,
 * and what the assessor sees of a return.
 */

const at = '2026-11-23T09:00:00.000Z';
const [yesno, levels] = index.leaves;
/** A yes/no leaf further down the tree, after unscored ones. */
const third = index.leaves.find((l, i) => i > 3 && l.rule!.type === 'yesno');
const levelId = (i: number) => (levels!.rule as {levels: {id: string}[]}).levels[i]!.id;

/** 张三 submitted 1.1.1 in 北京 and 上海 and 1.1.2 in 北京; 组长 recorded 1.1.1 in 江苏 himself; 1.1.2 in 江苏 is a draft. 组长 reviews 上海. */
function team(options: {selfReview?: boolean} = {}): Workspace {
	let ws = testWorkspace();
	ws = applyChange(ws, ['110000', '310000'], yesno!.code, {value: {type: 'yesno', met: true}, status: 'done', note: '门户首页可跳转'}, '张三', at);
	ws = applyChange(ws, ['110000'], levels!.code, {value: {type: 'levels', level: levelId(1)}, status: 'done'}, '张三', at);
	ws = applyChange(ws, ['320000'], yesno!.code, {value: {type: 'yesno', met: false}, status: 'done'}, '组长', at);
	ws = applyChange(ws, ['320000'], levels!.code, {value: {type: 'levels', level: levelId(0)}}, '张三', at);
	return changeReviewPolicy(ws, {reviewRequired: true, reviewers: {'310000': '组长'}, ...(options.selfReview ? {selfReview: true} : {})}, '组长', at);
}

const reviewer = (options: Parameters<typeof renderTui>[0] = {}) => renderTui({workspace: team(), review: true, user: '组长', columns: 120, rows: 30, ...options});
/** The tree's selected row (not the focused pane's `>>` title). */
const selected = (frame: string) => frame.split('\n').find(l => /^>\s/.test(l)) ?? '';
const saved = (tui: Awaited<ReturnType<typeof renderTui>>, region: string, code: string) => tui.saves.at(-1)?.findings[findingKey(region, code)];

describe('review mode: the walk', () => {
	it('opens on the first finding waiting, the reviewer’s own region first, with value, note and who recorded it', async () => {
		const tui = await reviewer();
		const text = await tui.waitFor(t => t.includes('review mode 组长: 3 waiting'), 'the review header');
		expect(text).toContain('上海市 310000');
		expect(selected(text)).toContain(`[x] ${yesno!.code}`);
		expect(text).toContain('>> Item');
		expect(text).toContain('Value: yes');
		expect(text).toContain('Note: 门户首页可跳转');
		expect(text).toMatch(/Recorded: 张三 \d{4}-\d\d-\d\d \d\d:\d\d/);
		expect(text).toContain('Review: waiting for review (reviewer 组长)');
	});

	it('n walks the waiting findings one after another and round; N walks back; the reviewer’s own finding and drafts are not offered', async () => {
		const tui = await reviewer();
		await tui.waitFor(t => t.includes('上海市 310000'));
		const seen: string[] = [];
		for (let i = 0; i < 4; i++) {
			await tui.act('reviewNext');
			const text = tui.frame();
			seen.push(`${/(\S+市|\S+省) (\d{6})/.exec(text.split('\n')[0]!)![2]} ${/\[.\] (\d\.\d\.\d)/.exec(selected(text))![1]}`);
		}
		expect(seen).toEqual([`110000 ${yesno!.code}`, `110000 ${levels!.code}`, `310000 ${yesno!.code}`, `110000 ${yesno!.code}`]);
		await tui.act('reviewPrev');
		await tui.waitFor(t => t.includes('上海市 310000'), 'back to 上海');
	});

	it('says so when nothing waits', async () => {
		const tui = await reviewer({workspace: testWorkspace()});
		await tui.waitFor(t => t.includes('nothing is waiting for your review') && t.includes('review mode 组长: 0 waiting'));
		await tui.act('reviewNext');
		expect(tui.frame()).toContain('nothing is waiting for your review');
	});
});

describe('review mode: accept and return', () => {
	it('a accepts: the file records who and when, the tree shows [v], the count goes down', async () => {
		const tui = await reviewer();
		await tui.waitFor(t => t.includes('3 waiting'));
		await tui.act('accept');
		const text = await tui.waitFor(t => t.includes('2 waiting') && t.includes('Status: [v] done, accepted'), 'accepted');
		expect(text).toMatch(/Review: accepted by 组长 \d{4}-/);
		expect(text).toMatch(/^>\s+\[v\] /m);
		expect(text).toContain('accepted 1.1.1');
		await tui.waitFor(() => saved(tui, '310000', yesno!.code)?.review !== undefined, 'saved');
		expect(saved(tui, '310000', yesno!.code)!.review).toMatchObject({state: 'accepted', by: '组长'});
		expect(saved(tui, '310000', yesno!.code)!.by).toBe('张三');
	});

	it('R asks what to fix; an empty note is refused and keeps the field; the note returns the finding, shown [<]', async () => {
		const tui = await reviewer();
		await tui.waitFor(t => t.includes('3 waiting'));
		await tui.act('reviewNext', 'return');
		await tui.waitFor(t => t.includes('Return to the assessor: what should be fixed? (required)'), 'the return prompt');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('a return needs a note that tells the assessor what to fix'), 'an empty note refused');
		expect(tui.saves).toHaveLength(0);
		await tui.press('截图已过期，请重新截取');
		await tui.act('fieldSubmit');
		const text = await tui.waitFor(t => t.includes('Status: [<] done, returned'), 'returned');
		expect(text).toContain('截图已过期，请重新截取');
		expect(text).toMatch(/^>\s+\[<\] /m);
		await tui.waitFor(() => saved(tui, '110000', yesno!.code)?.review !== undefined, 'saved');
		expect(saved(tui, '110000', yesno!.code)!.review).toMatchObject({state: 'returned', by: '组长', note: '截图已过期，请重新截取'});
	});

	it('refuses the reviewer’s own finding, and a draft; records nothing', async () => {
		const tui = await reviewer();
		await tui.waitFor(t => t.includes('3 waiting'));
		await tui.act('regions');
		await tui.act('down', 'down', 'openRegion');
		await openLeaf(tui, yesno!.code);
		await tui.act('accept');
		await tui.waitFor(t => t.includes('you recorded this finding: someone else reviews it'), 'own finding refused');
		await tui.act('return');
		await tui.waitFor(t => t.includes('you recorded this finding'), 'own finding not returned either');
		await openLeaf(tui, levels!.code);
		await tui.act('accept');
		await tui.waitFor(t => t.includes('still a draft: the assessor has not submitted it'), 'a draft refused');
		expect(tui.saves).toHaveLength(0);
	});

	it('with self-review allowed, the reviewer’s own finding waits for them and is accepted', async () => {
		const tui = await reviewer({workspace: team({selfReview: true})});
		await tui.waitFor(t => t.includes('4 waiting'));
		await tui.act('regions', 'down', 'down', 'reviewNext');
		await tui.waitFor(t => t.includes('江苏省 320000') && selected(t).includes(yesno!.code), '江苏’s finding, recorded by 组长');
		await tui.act('accept');
		await tui.waitFor(() => saved(tui, '320000', yesno!.code)?.review?.state === 'accepted', 'accepted');
	});

	it('a sampled finding with items not judged cannot be accepted (it says why), but can be returned', async () => {
		const sampled = index.leaves.find(l => l.rule!.type === 'sampled')!;
		const ws = applyChange(team(), ['310000'], sampled.code, {value: {type: 'sampled', samples: [{item: 'SI-0001', pass: true}, {item: 'SI-0002', pass: null}]}, status: 'na', reason: '暂无'}, '张三', at);
		const withItems = {...ws, findings: {...ws.findings, [findingKey('310000', sampled.code)]: {...ws.findings[findingKey('310000', sampled.code)]!, status: 'done' as const, reason: undefined}}};
		const tui = await reviewer({workspace: withItems});
		await tui.waitFor(t => t.includes('4 waiting'));
		await openLeaf(tui, sampled.code);
		await tui.act('accept');
		await tui.waitFor(t => t.includes('cannot be accepted as it stands (sampled items not judged'), 'refused, with why');
		await tui.act('return');
		await tui.press('第二项未判定');
		await tui.act('fieldSubmit');
		await tui.waitFor(() => saved(tui, '310000', sampled.code)?.review?.state === 'returned', 'returned');
	});

	it('u takes a review back (the finding waits again) and U puts it back', async () => {
		const tui = await reviewer();
		await tui.waitFor(t => t.includes('3 waiting'));
		await tui.act('accept');
		await tui.waitFor(t => t.includes('2 waiting'));
		await tui.act('undo');
		await tui.waitFor(t => t.includes('3 waiting') && t.includes('undone: the review of 1.1.1') && t.includes('Status: [x] done'), 'undone');
		await tui.waitFor(() => tui.saves.length === 2 && saved(tui, '310000', yesno!.code)?.review === undefined, 'the undo saved');
		await tui.act('redo');
		await tui.waitFor(t => t.includes('2 waiting') && t.includes('[v] done, accepted'), 'redone');
	});

	it('recording keys do nothing in review mode, and say so', async () => {
		const tui = await reviewer();
		await tui.waitFor(t => t.includes('3 waiting'));
		for (const id of ['no', 'note', 'done', 'flag']) {
			await tui.act(id);
			await tui.waitFor(t => t.includes('review mode records reviews only: a accepts, R returns'), `${id} refused`);
		}
		expect(tui.saves).toHaveLength(0);
		expect(tui.frame()).not.toContain('Ctrl+S saves');
	});

	it('reviewers who disagreed (two files merged) see both decisions; a decision settles it', async () => {
		const base = team();
		const key = findingKey('110000', yesno!.code);
		const accepted = {...base, findings: {...base.findings, [key]: reviewFinding(base.findings[key]!, 'accept', '王五', '2026-11-24T08:00:00.000Z')}};
		const returned = {...base, findings: {...base.findings, [key]: reviewFinding(base.findings[key]!, 'return', '赵六', '2026-11-24T09:00:00.000Z', '看不清')}};
		const merged = mergeWorkspaces([accepted, returned], {id: 'm', assessor: '组长', createdAt: at});
		if (!merged.ok) throw new Error('merge');
		const tui = await reviewer({workspace: merged.value.workspace});
		await tui.waitFor(t => t.includes('3 waiting'));
		await tui.act('reviewNext');
		const text = await tui.waitFor(t => t.includes('北京市 110000') && t.includes('[?]'), 'the review conflict');
		expect(text).toMatch(/Review: returned by 赵六 [\d: -]+: 看不清 \|/);
		expect(text).toMatch(/\|  accepted by 王五 /);
		expect(text).toContain('Value: yes');
		await tui.act('accept');
		await tui.waitFor(() => saved(tui, '110000', yesno!.code)?.review?.state === 'accepted', 'settled by the decision');
		expect(tui.saves.at(-1)!.conflicts[key]).toBeUndefined();
	});
});

describe('what the assessor sees of a return', () => {
	function returned(): Workspace {
		let ws = team();
		const key = findingKey('110000', third!.code);
		ws = applyChange(ws, ['110000'], third!.code, {value: {type: 'yesno', met: true}, status: 'done'}, '张三', at);
		return {...ws, findings: {...ws.findings, [key]: reviewFinding(ws.findings[key]!, 'return', '组长', '2026-11-24T10:00:00.000Z', '请补充证据截图')}};
	}

	it('n offers the returned finding first, saying who returned it and why; the item panel shows the note; the tree [<]', async () => {
		const tui = await renderTui({workspace: returned(), columns: 120, rows: 30});
		await tui.act('walkRegion');
		const text = await tui.waitFor(t => selected(t).includes(third!.code), 'the returned finding first');
		expect(text).toContain('returned by 组长: 请补充证据截图 (fix it: the change submits it again)');
		expect(text).toMatch(/Review: returned by 组长 \d{4}-\d\d-\d\d \d\d:\d\d:\s*\n.*请补充证据截图/);
		expect(selected(text)).toContain(`[<] ${third!.code}`);
		await tui.act('next-tree');
		await tui.waitFor(t => selected(t).includes(`[ ] ${index.leaves[2]!.code}`), 'then the first unscored leaf');
	});

	it('a change to the returned finding submits it again: it waits for review, and says so', async () => {
		const tui = await renderTui({workspace: returned(), columns: 120, rows: 30});
		await tui.act('walkRegion');
		await tui.waitFor(t => selected(t).includes(third!.code));
		await tui.press(`${keyOf('evidence')}`);
		await tui.press('quote:首页截图');
		await tui.act('fieldSubmit');
		const text = await tui.waitFor(t => t.includes('submitted again: the finding waits for review again'), 'resubmitted');
		expect(text).toContain('Review: waiting for review');
		expect(saved(tui, '110000', third!.code)).toMatchObject({status: 'done', by: '张三'});
		expect(saved(tui, '110000', third!.code)!.review).toBeUndefined();
	});
});

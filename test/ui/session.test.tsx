import {describe, it, expect, afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {renderTui, leafOf, testWorkspace, fakePort, index, openLeaf, KEYS, keyOf} from '../helpers/render-tui.js';
import {applyChange, checkWorkspace} from '../../source/domain/workspace/workspace-ops.js';
import {workspace as workspaceSchema, type Workspace} from '../../source/domain/workspace/workspace-schema.js';
import {loadRegions} from '../../source/storage/load-files.js';

afterEach(() => cleanup());

const known = new Set(loadRegions().regions.map(r => r.code));
/** What OpenWorkspace.save refuses: data that fails the schema or the system check. */
const refuseInvalid = (ws: Workspace) => {
	const schema = workspaceSchema.safeParse(ws);
	const issues = schema.success ? checkWorkspace(index, ws, known) : schema.error.issues;
	return issues.length ? {problem: `ws.json: ${issues[0]!.message}`, invalid: true} : undefined;
};
const yesno = leafOf('yesno');

describe('regions outside the workspace (issue 11)', () => {
	it('search offers only regions of the system’s kind, and one outside the workspace as "add to workspace"', async () => {
		const tui = await renderTui({workspace: testWorkspace(['110000'])});
		await tui.act('search');
		await tui.press('shenyang');
		await tui.waitFor(t => t.includes('nothing matches') || !t.includes('沈阳'), 'no city in a province workspace');
		expect(tui.frame()).not.toContain('沈阳');
		await tui.act('searchClose', 'search');
		await tui.press('shanghai');
		await tui.waitFor(t => t.includes('上海市  [+ add to workspace]'));
	});

	it('the reproduction: after opening a region outside the workspace, every change is still saved, and q leaves them all on disk', async () => {
		const port = fakePort({failSaves: refuseInvalid});
		const tui = await renderTui({workspace: testWorkspace(['110000']), port});
		await tui.act('search');
		await tui.press('shanghai');
		await tui.waitFor(t => t.includes('上海市  [+ add to workspace]'));
		await tui.act('searchPick');
		await tui.waitFor(t => t.includes('上海市 (310000) is not in this workspace'));
		await tui.act('confirmNo');
		expect(tui.frame()).toContain('Regions');
		await tui.act('search');
		await tui.press('shanghai');
		await tui.act('searchPick');
		await tui.act('confirmYes');
		await tui.waitFor(t => t.includes('上海市 310000') && t.includes('added to this workspace'));
		await tui.act('next-tree', 'yes');
		await tui.waitFor(() => tui.saves.some(ws => ws.findings[`310000/${yesno.code}`]), 'the Shanghai finding saved');
		await tui.act('search');
		await tui.press('beijing');
		await tui.act('searchPick');
		// The region opens on the indicator at hand.
		await tui.waitFor(t => t.includes('北京市 110000') && t.split('\n').some(l => l.startsWith('>') && l.includes(` ${yesno.code} `)));
		await tui.act('yes', 'quit');
		await tui.waitFor(() => tui.isClosed(), 'the session to close');
		const last = tui.saves.at(-1)!;
		expect(last.regions).toEqual(['110000', '310000']);
		expect(last.findings[`110000/${yesno.code}`]).toMatchObject({value: {type: 'yesno', met: true}});
		expect(last.findings[`310000/${yesno.code}`]).toMatchObject({value: {type: 'yesno', met: true}});
	});

	it('a search typed and picked before the index is built waits for it, with the keys after it', async () => {
		const tui = await renderTui({workspace: testWorkspace(['110000'])});
		await tui.press(`/shanghai\ryn${'y'}`);
		await tui.waitFor(t => t.includes('上海市 310000') && t.includes('Value: yes'), 'Shanghai added, walked, recorded');
		expect(tui.frame()).toMatch(/^>\s+\[~\] 1\.1\.1 /m);
	});

	it('adding a region is undone like any change', async () => {
		const tui = await renderTui({workspace: testWorkspace(['110000'])});
		await tui.act('search');
		await tui.press('shanghai');
		await tui.act('searchPick', 'confirmYes');
		await tui.waitFor(t => t.includes('上海市 310000'));
		await tui.act('undo');
		await tui.waitFor(t => t.includes('undone: adding the region 上海市'));
		await tui.waitFor(() => tui.saves.at(-1)?.regions.length === 1, 'the region taken out again, saved');
	});

	it('a change the file refuses as invalid is taken back and said, and later changes save', async () => {
		const port = fakePort({failSaves: ws => (ws.findings[`110000/${leafOf('direct').code}`]?.value ? {problem: 'ws.json: refused for this test', invalid: true} : undefined)});
		const tui = await renderTui({port});
		await openLeaf(tui, leafOf('direct').code);
		await tui.act(['number', '5']);
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('the file refused the last change, so it was taken back'));
		await openLeaf(tui, yesno.code);
		await tui.act('yes');
		await tui.waitFor(t => /saved \d\d:/.test(t) && !t.includes('NOT SAVED'));
		expect(tui.saves.at(-1)!.findings[`110000/${yesno.code}`]).toBeDefined();
	});
});

describe('a save that fails (issue 11)', () => {
	it('stays on screen as a banner until a save succeeds', async () => {
		const port = fakePort({failSaves: 'ws.json: could not be saved: the disk is full'});
		const tui = await renderTui({port});
		await openLeaf(tui, yesno.code);
		await tui.act('yes');
		await tui.waitFor(t => t.includes('NOT SAVED: ws.json: could not be saved: the disk is full (shown until a save succeeds)'));
		await tui.act('up', 'down', 'help', 'helpClose');
		await tui.waitFor(t => !t.includes('Keys '));
		expect(tui.frame()).toContain('NOT SAVED: ws.json: could not be saved: the disk is full');
		port.setFailSaves(undefined);
		await tui.act('no');
		await tui.waitFor(t => !t.includes('could not be saved') && /saved \d\d:/.test(t));
	});

	it('q with changes not on disk asks: retry, save to another file, or quit and lose them', async () => {
		const port = fakePort({failSaves: 'ws.json: could not be saved: the disk is full'});
		const tui = await renderTui({port});
		await openLeaf(tui, yesno.code);
		await tui.act('yes');
		await tui.waitFor(t => t.includes('NOT SAVED'));
		await tui.act('quit');
		await tui.waitFor(t => t.includes('Some changes are not on disk') && t.includes('quit and LOSE these changes'));
		expect(tui.isClosed()).toBe(false);
		await tui.act('quitRetry');
		await tui.waitFor(t => t.includes('Some changes are not on disk'), 'the dialog again: the retry failed');
		await tui.act('quitSaveAs');
		await tui.waitFor(t => t.includes('Save to another file') && t.includes('ws-rescued.json'));
		await tui.press('rescue.json');
		await tui.act('fieldSubmit');
		await tui.waitFor(() => tui.isClosed(), 'quit after saving elsewhere');
		expect(tui.savedAs).toHaveLength(1);
		expect(tui.savedAs[0]!.file).toBe('rescue.json');
		expect(tui.savedAs[0]!.ws.findings[`110000/${yesno.code}`]).toMatchObject({value: {type: 'yesno', met: true}});
	});

	it('retry quits once the save succeeds; Q quits losing the changes, said as such', async () => {
		const port = fakePort({failSaves: 'disk full'});
		const tui = await renderTui({port});
		await openLeaf(tui, yesno.code);
		await tui.act('yes', 'quit');
		await tui.waitFor(t => t.includes('Some changes are not on disk'));
		port.setFailSaves(undefined);
		await tui.act('quitRetry');
		await tui.waitFor(() => tui.isClosed(), 'closed after the retry saved');
		expect(tui.saves.at(-1)!.findings[`110000/${yesno.code}`]).toBeDefined();

		cleanup();
		const losing = fakePort({failSaves: 'disk full'});
		const lose = await renderTui({port: losing});
		await openLeaf(lose, yesno.code);
		await lose.act('yes', 'quit');
		await lose.waitFor(t => t.includes('Q  quit and LOSE these changes'));
		await lose.act('quitLose');
		await lose.waitFor(() => lose.isClosed());
		expect(lose.saves).toHaveLength(0);
		// Nothing is written after the session let go of the lock, not even when the screen goes.
		cleanup();
		expect(losing.savesAfterClose()).toBe(0);
	});
});

describe('a TUI closed by its terminal (SIGHUP) or a kill', () => {
	it('saves the change whose save had not started yet', async () => {
		const tui = await renderTui();
		await openLeaf(tui, yesno.code);
		// The key and the unmount in one tick: the change's save was not yet scheduled.
		tui.stdin.write(keyOf('yes'));
		tui.unmount();
		await new Promise(r => setTimeout(r, 20));
		expect(tui.saves.at(-1)?.findings[`110000/${yesno.code}`]).toMatchObject({value: {type: 'yesno', met: true}});
	});
});

describe('the file changed on disk while open (issue 11)', () => {
	it('takes the disk’s findings into the session and says so', async () => {
		const other = leafOf('direct').code;
		const port = fakePort({
			saveResult: (ws, n) => (n === 1 ? {merged: {ws: applyChange(ws, ['310000'], other, {value: {type: 'direct', score: 70}}, '李四', '2026-11-23T09:00:00.000Z'), fromDisk: 1, conflicts: 0}} : {}),
		});
		const tui = await renderTui({port});
		await openLeaf(tui, yesno.code);
		await tui.act('yes');
		await tui.waitFor(t => t.includes('the file was changed by another program: 1 finding taken from it'));
		// The next save holds both the session's change and the disk's.
		await tui.act('done');
		await tui.waitFor(() => tui.saves.at(-1)!.findings[`110000/${yesno.code}`]?.status === 'done', 'a later save');
		const last = tui.saves.at(-1)!;
		expect(last.findings[`310000/${other}`]).toMatchObject({value: {type: 'direct', score: 70}, by: '李四'});
		expect(last.findings[`110000/${yesno.code}`]).toMatchObject({status: 'done'});
	});
});

describe('read-only sessions (issue 14)', () => {
	const holder = {user: '李四', host: 'laptop-7', pid: 4242, since: '2026-11-23T09:00:00Z', program: 'assess'};

	it('name the holder once, refresh when the holder saves, and offer to take over when the lock is free', async () => {
		const port = fakePort({readOnly: true, lockedBy: holder, takeOver: true});
		const tui = await renderTui({port});
		const first = tui.frame();
		expect(first).toContain('READ-ONLY: being edited by 李四@laptop-7 (process 4242)');
		expect(first.match(/READ-ONLY/g)).toHaveLength(1);
		await openLeaf(tui, yesno.code);
		await tui.act('yes');
		await tui.waitFor(t => t.includes('read-only: nothing was changed'));
		expect(tui.saves).toHaveLength(0);
		port.pushDisk(applyChange(testWorkspace(), ['110000'], yesno.code, {value: {type: 'yesno', met: false}, note: '李四的备注'}, '李四', '2026-11-23T09:05:00.000Z'));
		await tui.waitFor(t => t.includes('Note: 李四的备注') && t.includes('refreshed from disk'));
		port.pushLock(undefined);
		await tui.waitFor(t => t.includes('the lock is free: T takes over') && t.includes('T take over'));
		await tui.act('takeOver');
		await tui.waitFor(t => t.includes('taken over: you can edit now') && !t.includes('READ-ONLY'));
		await tui.act('yes');
		await tui.waitFor(() => tui.saves.length > 0);
		expect(tui.saves.at(-1)!.findings[`110000/${yesno.code}`]).toMatchObject({value: {type: 'yesno', met: true}, note: '李四的备注'});
	});
});

describe('finding your way', () => {
	it('returns to where the assessor left off, and remembers it on quit', async () => {
		const port = fakePort({lastPosition: {region: '310000', node: yesno.code}});
		const tui = await renderTui({port});
		await tui.waitFor(t => t.includes('上海市 310000') && t.split('\n').some(l => l.startsWith('>') && l.includes(` ${yesno.code} `)));
		await tui.act('nextRegion-tree');
		await tui.waitFor(t => t.includes('江苏省 320000'));
		await tui.act('quit');
		await tui.waitFor(() => tui.isClosed());
		expect(tui.positions).toEqual([{region: '320000', node: yesno.code}]);
	});

	it('r goes to the regions list, on the region, in one key', async () => {
		const tui = await renderTui();
		await openLeaf(tui, yesno.code);
		await tui.act('nextRegion-tree', 'regions');
		await tui.waitFor(t => /^> 上海市/m.test(t));
	});

	it('o opens the selected evidence with the system’s opener', async () => {
		const tui = await renderTui({columns: 160});
		await openLeaf(tui, yesno.code);
		await tui.act('evidence');
		await tui.press('www.beijing.gov.cn/zwfw');
		await tui.act('fieldSubmit');
		await tui.waitFor(t => t.includes('url   https://www.beijing.gov.cn/zwfw'));
		await tui.act('toItem', 'down', 'openEvidence');
		await tui.waitFor(() => tui.opened.length === 1);
		expect(tui.opened[0]).toMatchObject({kind: 'url', url: 'https://www.beijing.gov.cn/zwfw'});
	});

	it('keeps "using the last good weights (error: …)" on screen until the weights file is fixed', async () => {
		const tui = await renderTui();
		tui.pushWeights({ok: false, problem: 'w.json: line 3: unexpected end'});
		await tui.waitFor(t => t.includes('using the last good weights (error: w.json: line 3: unexpected end)'));
		await tui.act('down', 'up', 'scoreboard', 'boardBack');
		expect(tui.frame()).toContain('using the last good weights (error:');
		// A long error is shown whole (wrapped), not cut.
		const long = `/home/zhang/teams/2026/shared/province.weights.json: $.weights["2.1.3"]: the weights of the children of 2.1 sum to 0.97, not 1`;
		tui.resize(80, 24);
		tui.pushWeights({ok: false, problem: long});
		await tui.waitFor(t => t.replace(/\n/g, '').replace(/ +/g, ' ').includes('sum to 0.97, not 1)'), 'the whole error');
		const weights = Object.fromEntries(index.ordered.map(n => [n.code, 1]));
		tui.pushWeights({ok: true, weights, file: 'w.json'});
		await tui.waitFor(t => !t.includes('using the last good weights') && t.includes('weights file changed'));
	});

	it('export proposes its file as a selection, so typing replaces it; Esc on a changed note asks', async () => {
		const tui = await renderTui();
		await tui.act('export');
		await tui.waitFor(t => t.includes('typing replaces the proposal'));
		await tui.press('out.xlsx');
		await tui.act('fieldSubmit');
		await tui.waitFor(() => tui.exports.length === 1);
		expect(tui.exports[0]!.output).toBe('out.xlsx');
		await openLeaf(tui, yesno.code);
		await tui.act('note');
		await tui.press('半句话');
		await tui.press(KEYS.esc);
		await tui.waitFor(t => t.includes('Throw away what you typed?'));
		await tui.act('discardNo');
		await tui.press('写完', KEYS.ctrlS);
		await tui.waitFor(t => t.includes('Note: 半句话写完'));
	});
});

describe('the port over storage', () => {
	it('maps what OpenWorkspace.save resolves with to a SaveResult: nothing, or the merge it made', async () => {
		const {toSaveResult} = await import('../../source/ui/session/file-port.js');
		expect(toSaveResult(undefined)).toEqual({});
		const ws = testWorkspace();
		expect(toSaveResult({merged: {ws, fromDisk: 3, conflicts: 1}})).toEqual({merged: {ws, fromDisk: 3, conflicts: 1}});
	});
});

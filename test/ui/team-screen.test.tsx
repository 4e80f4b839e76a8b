import {describe, it, expect, afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {renderTui, testWorkspace, index} from '../helpers/render-tui.js';
import {teamWorkspace} from '../helpers/team-fixture.js';
import {teamStatus} from '../../source/domain/team/team-status.js';
import {loadRegions} from '../../source/storage/load-files.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';

afterEach(() => cleanup());

/**
 * Issue 15's team screen (`t`): per assessor and per region — scored, submitted, waiting,
 * accepted, returned, conflicts, last change — from the domain's `teamStatus` over the open
 * (merged) workspace, then reviewers and spot checks. Keys by binding id, frames out.
 */

const names = new Map(loadRegions().regions.map(r => [r.code, r.name]));
/** The numbers of a table row that starts with `name`: scored (as shown), submitted, waiting, accepted, returned, conflicts. */
const numbers = (frame: string, name: string) => {
	const line = frame.split('\n').find(l => l.slice(2).startsWith(`${name} `));
	if (!line) throw new Error(`no row for ${name} in\n${frame}`);
	return line.slice(2 + name.length).trim().split(/\s+/).slice(0, 6);
};

describe('the team screen', () => {
	it('t shows every assessor and region with the counts of teamStatus, the reviewers and the spot check', async () => {
		const ws = teamWorkspace();
		const status = teamStatus(index, ws, c => names.get(c) ?? c);
		const tui = await renderTui({workspace: ws, columns: 140, rows: 45});
		await tui.act('team');
		const text = await tui.waitFor(t => t.includes('Team progress: 2 assessors, 4 regions; review required; not final'), 'the team screen');
		for (const a of status.assessors) expect(numbers(text, a.assessor), a.assessor).toEqual([a.scored, a.submitted, a.waiting, a.accepted, a.returned, a.conflicts].map(String));
		for (const r of status.regions) expect(numbers(text, r.regionName), r.regionName).toEqual([`${r.scored}/${r.leaves}`, ...[r.submitted, r.waiting, r.accepted, r.returned, r.conflicts].map(String)]);
		// The numbers a lead checks by eye: 张三 had one returned, 上海 one accepted and one conflict.
		expect(numbers(text, '张三')[4]).toBe('1');
		expect(numbers(text, '上海市').slice(3)).toEqual(['1', '0', '1']);
		expect(text).toMatch(/^ {2}Assessors +Scored +Submitted +Waiting +Accepted +Returned +Conflicts +Last change$/m);
		expect(text).toMatch(/^ {2}王五 +\d+ +1 +1 +2026-11-24 10:00 {2}北京市, 上海市$/m);
		expect(text).toContain('李四 10% (seed 42): drawn 1, re-checked 1, agree 0, disagree 1');
		expect(text).toMatch(/^ {2}北京市 .* 2026-11-24 10:00 {2}王五$/m);
	});

	it('in Chinese, every word of it', async () => {
		const tui = await renderTui({workspace: teamWorkspace(), lang: 'zh', columns: 80, rows: 24});
		await tui.act('team');
		const text = await tui.waitFor(t => t.includes('团队进度：评估人 2 名，地区 4 个；须经审核；尚非正式结果'));
		expect(text).toMatch(/^ {2}评估人 +已评 +已提交 +待审核 +已通过 +已退回 +冲突 +最近改动$/m);
		expect(text).toMatch(/^ {2}地区 +已评/m);
		expect(text).not.toMatch(/Scored|Waiting|review/);
	});

	it('j/k move over the rows; Enter on a region opens its tree, on an assessor says to pick a region; Esc and t go back', async () => {
		const tui = await renderTui({workspace: teamWorkspace(), columns: 120, rows: 40});
		await tui.act('team');
		await tui.waitFor(t => /^> 李四 /m.test(t), 'the first row selected');
		await tui.act('openTeamRow');
		await tui.waitFor(t => t.includes('select a region to open it with Enter'));
		await tui.act('last', 'up', 'up');
		await tui.waitFor(t => /^> 上海市 /m.test(t), 'on 上海');
		await tui.act('openTeamRow');
		await tui.waitFor(t => t.split('\n')[0]!.includes('上海市 310000  Total'), 'the region opened');
		await tui.act('team');
		await tui.waitFor(t => t.includes('Team progress:'));
		await tui.act('teamBack');
		await tui.waitFor(t => t.split('\n')[0]!.includes('上海市 310000'), 'back to the tree');
		await tui.act('team', 'team');
		await tui.waitFor(t => t.split('\n')[0]!.includes('上海市 310000'), 't again goes back too');
	});

	it('a long list scrolls with the regions table’s header kept on top, at 80×24', async () => {
		const codes = loadRegions().regions.filter(r => r.level === 'province').map(r => r.code);
		const ws = applyChange(testWorkspace(codes), codes.slice(0, 3), index.leaves[0]!.code, {value: {type: 'yesno', met: true}, status: 'done'}, '张三', '2026-11-23T09:00:00.000Z');
		const tui = await renderTui({workspace: ws, columns: 80, rows: 24});
		await tui.act('team', 'last');
		const text = await tui.waitFor(t => /^> \S+ +0\/64/m.test(t) && t.includes(names.get(codes.at(-1)!)!.slice(0, 3)), 'the last region selected');
		const lines = text.split('\n');
		expect(lines[2]).toMatch(/^ {2}Regions +Scored/);
		expect(lines.length).toBeLessThanOrEqual(23);
	});

	it('follows the workspace: a review given in review mode shows at once', async () => {
		const tui = await renderTui({workspace: teamWorkspace(), review: true, user: '赵六', columns: 120, rows: 40});
		await tui.waitFor(t => t.includes('江苏省 320000'), 'at 江苏, 赵六’s region');
		await tui.act('accept', 'team');
		const text = await tui.waitFor(t => t.includes('Team progress:'));
		expect(numbers(text, '江苏省').slice(2, 4)).toEqual(['1', '1']);
	});
});

import {describe, it, expect, afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {renderTui, index, overflowing} from '../helpers/render-tui.js';
import {teamWorkspace} from '../helpers/team-fixture.js';
import {scoreOf, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {loadBundledWeights} from '../../source/storage/load-files.js';
import {pick} from '../../source/domain/text.js';
import stringWidth from 'string-width';

afterEach(() => cleanup());

/**
 * Issue 16: "In the TUI scoreboard, pick two regions and see them side by side, indicator by
 * indicator". m (or Space) marks a region, m on another shows both: each indicator's score and
 * rank in both regions and the difference. Keys by binding id, frames out.
 */

/** The team file, with 1.1.2 (levels) scored apart: 北京 the top level, 上海 the lowest. */
const levels = index.leaves[1]!;
const levelIds = (levels.rule as {levels: {id: string}[]}).levels.map(l => l.id);
const ws = applyChange(applyChange(teamWorkspace(), ['110000'], levels.code, {value: {type: 'levels', level: levelIds.at(-1)!}}, '张三', '2026-11-23T11:00:00.000Z'), ['310000'], levels.code, {value: {type: 'levels', level: levelIds[0]!}}, '张三', '2026-11-23T11:00:00.000Z');
const scores = scoreOf(index, loadBundledWeights(index).weights.weights, ws);
const region = (code: string) => scores.regions.find(r => r.code === code)!;
const two = (n: number | null | undefined) => (n == null ? '-' : n.toFixed(2));

/** The row of an indicator (or the total) on the compare screen, as cells. */
const rowOf = (frame: string, label: string) => {
	const line = frame.split('\n').find(l => l.slice(2).trimStart().startsWith(label));
	if (!line) throw new Error(`no row ${label} in\n${frame}`);
	return line.split(/\s{2,}/).map(c => c.trim()).filter(Boolean).slice(1);
};

async function compare(tui: Awaited<ReturnType<typeof renderTui>>, first: string, second: string) {
	await tui.act('scoreboard');
	const board = await tui.waitFor(t => t.includes(first) && t.includes(second), 'the scoreboard');
	const rows = board.split('\n').slice(2);
	const at = (name: string) => rows.findIndex(l => l.includes(` ${name} `));
	await tui.act('first', ...Array<string>(at(first)).fill('down'), 'compareMark');
	await tui.waitFor(t => t.includes(`= ${first}: `), 'the first marked');
	await tui.act('first', ...Array<string>(at(second)).fill('down'), 'compareMark');
}

describe('two regions side by side', () => {
	it('m marks 北京, m on 上海 shows both, indicator by indicator: scores and ranks as the scorer gives them, and the difference', async () => {
		const tui = await renderTui({workspace: ws, columns: 120, rows: 45});
		await compare(tui, '北京市', '上海市');
		const text = await tui.waitFor(t => t.includes('Compare: 北京市'), 'the compare screen');
		expect(text).toMatch(/Compare: 北京市 \(.+\) {2}vs {2}上海市 \(.+\)/);
		const [a, b] = [region('110000'), region('310000')];
		expect(rowOf(text, 'Total ').slice(0, 4)).toEqual([two(a.total), `#${a.rank}*`, two(b.total), `#${b.rank}*`]);
		expect(levels.code).toBe('1.1.2');
		expect(a.nodes.get('1.1.2')!.score).not.toBe(b.nodes.get('1.1.2')!.score);
		for (const code of ['1', '1.1', '1.1.2', '1.2.1', '1.3.2']) {
			const [na, nb] = [a.nodes.get(code)!, b.nodes.get(code)!];
			const cells = rowOf(text, `${code} ${pick(index.nodes.get(code)!.node.name, 'en')}`.slice(0, 20));
			const diff = na.score !== null && nb.score !== null ? na.score - nb.score : null;
			expect(cells.join(' '), code).toContain([two(na.score), na.rank ? `#${na.rank}*` : '-', two(nb.score), nb.rank ? `#${nb.rank}*` : '-'].join(' '));
			if (diff !== null) expect(cells.at(-1), `${code} diff`).toBe(Math.abs(diff) < 0.005 ? '0.00' : diff > 0 ? `+${diff.toFixed(2)}` : diff.toFixed(2));
		}
		expect(text).toContain('Diff: 北京市 - 上海市');
		// Every indicator of the system is a row: the list scrolls to the last one.
		await tui.act('last');
		await tui.waitFor(t => t.includes(`> ${'    '}${index.leaves.at(-1)!.code} `), 'the last leaf');
	});

	it('] compares with the next region of the scoreboard, Esc goes back with the first still marked; m on it unmarks', async () => {
		const tui = await renderTui({workspace: ws, columns: 100, rows: 30});
		await compare(tui, '北京市', '上海市');
		await tui.waitFor(t => t.includes('Compare: 北京市'));
		await tui.act('compareNextRegion');
		const next = await tui.waitFor(t => !t.includes('vs  上海市') && t.includes('Compare: 北京市'), 'another region');
		expect(next).toMatch(/vs {2}(江苏省|新疆维吾尔自治区)/);
		await tui.act('compareBack');
		await tui.waitFor(t => t.includes('= 北京市: marked') && /^ +\S+ =/m.test(t), 'the scoreboard, 北京 marked');
		const rows = tui.frame().split('\n').slice(2);
		await tui.act('first', ...Array<string>(rows.findIndex(l => l.includes(' 北京市 '))).fill('down'), 'compareMark');
		await tui.waitFor(t => t.includes('unmarked') && !t.includes('= 北京市'), 'unmarked');
	});

	it.each([
		['en', 80, 24],
		['zh', 80, 24],
		['en', 140, 45],
		['zh', 140, 45],
	] as const)('fits %s %i×%i: nothing wider or taller than the terminal, names and numbers in their columns', async (lang, columns, rows) => {
		const tui = await renderTui({workspace: ws, lang, columns, rows});
		await compare(tui, '北京市', '上海市');
		const text = await tui.waitFor(t => t.includes(lang === 'zh' ? '对比：北京市' : 'Compare: 北京市'));
		expect(overflowing(text, columns)).toEqual([]);
		expect(text.split('\n').length).toBeLessThanOrEqual(rows - 1);
		const header = text.split('\n')[3]!;
		expect(header).toMatch(lang === 'zh' ? /评估指标 +得分 +排名 +得分 +排名 +差值$/ : /Indicator +Score +Rank +Score +Rank +Diff$/);
		const total = text.split('\n')[4]!;
		expect(total).toMatch(lang === 'zh' ? /^> 总得分 / : /^> Total /);
		// Number columns line up with the header's right edges.
		expect(stringWidth(total)).toBe(stringWidth(header));
	});
});

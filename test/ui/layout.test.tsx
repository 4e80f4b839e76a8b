import {describe, it, expect, afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import stringWidth from 'string-width';
import {renderTui, testWorkspace, leafOf, openLeaf, overflowing, index, type Tui} from '../helpers/render-tui.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';
import {pick} from '../../source/domain/text.js';
import {teamWorkspace} from '../helpers/team-fixture.js';

afterEach(() => cleanup());

const SIZES = [
	[70, 20],
	[80, 24],
	[140, 45],
	[200, 50],
] as const;

function workspace() {
	const codes = ['110000', '310000', '320000', '650000', '660000'];
	const leaf = leafOf('yesno').code;
	const a = applyChange(testWorkspace(codes), ['110000', '310000'], leaf, {value: {type: 'yesno', met: true}}, '张三', '2026-11-23T09:00:00.000Z');
	const b = applyChange(testWorkspace(codes), ['310000'], leaf, {value: {type: 'yesno', met: false}, note: '李四的看法'}, '李四', '2026-11-23T10:00:00.000Z');
	const m = mergeWorkspaces([a, b], {id: 'm', assessor: '组长', createdAt: '2026-11-23T11:00:00.000Z'});
	if (!m.ok) throw new Error('merge');
	return m.value.workspace;
}

/** What must hold on every screen at every size: nothing wider than the terminal, nothing taller, help and quit in the hint bar. */
function checkScreen(text: string, columns: number, rows: number, what: string, overlay: boolean) {
	const lines = text.split('\n');
	expect(overflowing(text, columns), what).toEqual([]);
	expect(lines.length, what).toBeLessThanOrEqual(rows - 1);
	const hints = lines.at(-1)!;
	// Screens end with help and quit; an overlay's bar says how to leave it.
	expect(hints, what).toMatch(overlay ? /(Esc|\?) \S+$/ : /\? \S+ {2}q \S+$/);
	expect(hints, `${what}: hints end whole`).not.toMatch(/~$/);
}

const screens: [string, (tui: Tui) => Promise<unknown>][] = [
	['regions', async () => undefined],
	['leaf', tui => openLeaf(tui, leafOf('yesno').code)],
	['item panel', async tui => tui.act('toItem')],
	['scoreboard', async tui => (await tui.act('toTree', 'scoreboard'), tui.waitFor(t => /Rank\*|排名\*/.test(t)))],
	['conflicts', async tui => (await tui.act('scoreboard', 'conflicts'), tui.waitFor(t => t.includes('(1)')))],
	['help', async tui => (await tui.act('conflictsBack', 'help'), tui.waitFor(t => / \/ \d+/.test(t)))],
	['search', async tui => (await tui.act('helpClose', 'search'), tui.press('bszn'))],
	['note', async tui => (await tui.act('searchClose'), await openLeaf(tui, leafOf('yesno').code), await tui.act('note'))],
	['team', async tui => (await tui.act('fieldCancel', 'team'), tui.waitFor(t => /Team progress:|团队进度：/.test(t)))],
	['team, scrolled', async tui => (await tui.act('last'), tui.waitFor(t => /^> /m.test(t)))],
	['compare', async tui => (await tui.act('teamBack', 'scoreboard', 'compareMark', 'down', 'compareMark'), tui.waitFor(t => /Compare:|对比：/.test(t)))],
	['compare, scrolled', async tui => (await tui.act('last'), tui.waitFor(t => t.includes(`> ${'    '}${index.leaves.at(-1)!.code} `)))],
];

/** Review mode (`assess open --review --by`): the walk's screen and the return prompt. */
const reviewScreens: [string, (tui: Tui) => Promise<unknown>][] = [
	['review walk', tui => tui.waitFor(t => /review mode 组长|审核模式 组长/.test(t))],
	['review: returned', async tui => (await tui.act('return'), await tui.press('截图已过期，请重新截取'), await tui.act('fieldSubmit'), tui.waitFor(t => t.includes('[<]')))],
	['review: return prompt', async tui => (await tui.act('reviewNext', 'return'), tui.waitFor(t => /Return to the assessor|退回给评估人/.test(t)))],
];

describe.each(['en', 'zh'] as const)('layout in %s', lang => {
	it.each(SIZES)('every screen fits %i×%i, hint bar whole with help and quit', async (columns, rows) => {
		const tui = await renderTui({workspace: workspace(), columns, rows, lang});
		for (const [name, go] of screens) {
			await go(tui);
			await new Promise(r => setTimeout(r, 20));
			checkScreen(tui.frame(), columns, rows, `${name} at ${columns}×${rows}`, ['help', 'search', 'note'].includes(name));
		}
	});

	it.each(SIZES)('review mode fits %i×%i', async (columns, rows) => {
		const tui = await renderTui({workspace: teamWorkspace(), review: true, user: '组长', columns, rows, lang});
		for (const [name, go] of reviewScreens) {
			await go(tui);
			await new Promise(r => setTimeout(r, 20));
			checkScreen(tui.frame(), columns, rows, `${name} at ${columns}×${rows}`, name.includes('prompt'));
		}
	});
});

describe('layout details', () => {
	it('at 140 and 200 columns leaf names are whole, the tree no wider than they need, the panes apart', async () => {
		for (const columns of [140, 200]) {
			const tui = await renderTui({columns, rows: 45});
			await openLeaf(tui, '1.1.3');
			const text = tui.frame();
			const rows = text.split('\n').filter(l => / \[.\] \d\.\d\.\d /.test(l));
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows) {
				const tree = row.slice(0, row.indexOf(' | '));
				const code = /(\d\.\d\.\d)/.exec(tree)![1]!;
				expect(tree, `${code} whole at ${columns}`).toContain(index.nodes.get(code)!.node.name.en!);
				// The rank column and the item panel are apart: a rule between them.
				expect(row).toMatch(/ {2}\| {2}/);
			}
			const widest = Math.max(...index.ordered.map(n => stringWidth(`${'  '.repeat(n.level - 1)}[ ] ${n.code} ${n.node.name.en}`)));
			expect(text.split('\n')[1]!.indexOf('|')).toBeLessThanOrEqual(widest + 18);
			cleanup();
		}
	});

	it('the scoreboard header keeps its place when the sort column changes, and every primary shows its number', async () => {
		const tui = await renderTui({workspace: workspace(), columns: 80, rows: 24, lang: 'zh'});
		await tui.act('scoreboard');
		const headers: string[] = [];
		for (let i = 0; i < 9; i++) {
			const text = await tui.waitFor(t => t.includes('*'));
			headers.push(text.split('\n')[1]!.replace('*', ' ').trimEnd());
			await tui.act('sortNext');
		}
		expect(new Set(headers)).toEqual(new Set([headers[0]]));
		const text = tui.frame();
		expect(text).toMatch(/北京市 .* 100 /);
		// A primary's name that does not fit its column is in the legend, whole.
		for (const p of index.primaries) expect(text.replace(/\s+/g, '')).toContain(pick(index.nodes.get(p)!.node.name, 'zh'));
	});
});

import {describe, it, expect, afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {renderTui, testWorkspace, index, KEYS} from '../helpers/render-tui.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {loadBundledWeights} from '../../source/storage/load-files.js';

/**
 * Issue 11, zero weights: with 1.1.1 weighing all of 1.1 and not applicable, and the scored
 * 1.1.2 weighing 0, 1.1 showed 不适用 although 1.1.2 was scored. It has no score, and says why.
 */
afterEach(() => cleanup());

const at = '2026-11-23T09:00:00.000Z';
const bundled = loadBundledWeights(index).weights.weights;
const weights = {...bundled, ...Object.fromEntries(index.nodes.get('1.1')!.children.map(c => [c, c === '1.1.1' ? 1 : 0]))};
let ws = applyChange(testWorkspace(['110000']), ['110000'], '1.1.1', {status: 'na', reason: '本地区无此事项'}, '张三', at);
ws = applyChange(ws, ['110000'], '1.1.2', {value: {type: 'levels', level: index.nodes.get('1.1.2')!.rule!.type === 'levels' ? (index.nodes.get('1.1.2')!.rule as {levels: {id: string}[]}).levels[0]!.id : ''}}, '张三', at);

describe('a node whose applicable children all weigh 0', () => {
	for (const [lang, short, why] of [['en', 'wt 0', 'no score: everything applicable under it weighs 0'], ['zh', '权重0', '无得分：其下适用的指标权重均为0']] as const) {
		it(`shows no score and says why, not "not applicable" (${lang})`, async () => {
			const tui = await renderTui({workspace: ws, weights, lang, columns: 140, rows: 40});
			await tui.press(KEYS.enter);
			const tree = await tui.waitFor(t => /1\.1 \S+/.test(t), 'the tree');
			const row = tree.split('\n').find(l => l.includes(' 1.1 '))!;
			expect(row).toContain(short);
			expect(row).not.toMatch(/n\/a|不适用/);
			await tui.press(KEYS.down);
			const panel = await tui.waitFor(t => t.includes(why), 'the reason in the item panel');
			expect(panel).toContain(why);
		});
	}
});

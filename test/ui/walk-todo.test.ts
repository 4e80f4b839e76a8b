import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {index, testWorkspace} from '../helpers/render-tui.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {reviewFinding} from '../../source/domain/review/review-finding.js';
import {findingKey, type Workspace} from '../../source/domain/workspace/workspace-schema.js';
import {walkTodo, walkUnscored} from '../../source/ui/view-model.js';

/**
 * The assessor's walk (n / N): findings a reviewer returned come first (issue 15: "returned
 * findings … are offered first by the assessor's walk"), then the unscored leaves as before.
 */

const at = '2026-11-23T09:00:00.000Z';
const codes = index.leaves.map(l => l.code);
const yesno = index.leaves.filter(l => l.rule!.type === 'yesno').map(l => l.code);

function scored(picks: readonly string[]): Workspace {
	return picks.reduce((ws, code) => applyChange(ws, ['110000'], code, {value: {type: 'yesno', met: true}, status: 'done'}, '张三', at), testWorkspace(['110000']));
}

function returned(ws: Workspace, picks: readonly string[]): Workspace {
	const findings = {...ws.findings};
	for (const code of picks) findings[findingKey('110000', code)] = reviewFinding(findings[findingKey('110000', code)]!, 'return', '王五', at, `请修改 ${code}`);
	return {...ws, findings};
}

describe('the assessor’s walk', () => {
	it('with nothing returned, it is the unscored walk it always was (every leaf, both directions)', () => {
		fc.assert(
			fc.property(fc.subarray(yesno), fc.constantFrom(...codes), fc.constantFrom(1 as const, -1 as const), (picks, from, direction) => {
				const ws = scored(picks);
				expect(walkTodo(index, ws, '110000', from, direction)?.indicator).toBe(walkUnscored(index, ws, '110000', from, direction));
			}),
			{numRuns: 200},
		);
	});

	it('offers the returned findings first, with who and the note, then goes on to the unscored leaves and round', () => {
		const picks = yesno.slice(0, 6);
		const ws = returned(scored(picks), [picks[4]!, picks[2]!]);
		const first = walkTodo(index, ws, '110000', undefined, 1);
		expect(first).toEqual({indicator: picks[2], why: 'returned', note: `请修改 ${picks[2]}`, by: '王五'});
		expect(walkTodo(index, ws, '110000', picks[2], 1)?.indicator).toBe(picks[4]);
		const unscored = codes.filter(c => !picks.includes(c));
		expect(walkTodo(index, ws, '110000', picks[4], 1)).toEqual({indicator: unscored[0], why: 'unscored'});
		// From anywhere off the walk (a leaf already done), the first returned one while any is left.
		expect(walkTodo(index, ws, '110000', picks[0], 1)?.indicator).toBe(picks[2]);
		// Round: after the last unscored leaf, the returned ones again; N walks back.
		expect(walkTodo(index, ws, '110000', unscored.at(-1), 1)?.indicator).toBe(picks[2]);
		expect(walkTodo(index, ws, '110000', picks[2], -1)?.indicator).toBe(unscored.at(-1));
	});

	it('a returned finding fixed (changed, so submitted again) leaves the walk', () => {
		const picks = yesno.slice(0, 3);
		let ws = returned(scored(picks), [picks[1]!]);
		ws = applyChange(ws, ['110000'], picks[1]!, {note: '已补充'}, '张三', at);
		expect(walkTodo(index, ws, '110000', undefined, 1)?.why).toBe('unscored');
	});
});

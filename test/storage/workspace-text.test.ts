import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {serializeWorkspace} from '../../source/storage/workspace-text.js';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';
import type {Workspace, FindingValue} from '../../source/domain/workspace/workspace-schema.js';
import {miniIndex} from '../helpers/mini-system.js';

/** The file format as first defined: the whole workspace stringified, findings and conflicts sorted. */
function reference(ws: Workspace): string {
	const sorted = (record: Record<string, unknown>) => Object.fromEntries(Object.keys(record).sort().map(k => [k, record[k]]));
	return JSON.stringify({...ws, findings: sorted(ws.findings), conflicts: sorted(ws.conflicts)}, null, 2) + '\n';
}

const blank = (regions = ['110000', '310000']) => createWorkspace({id: 'w', index: miniIndex, systemDigest: '0'.repeat(64), assessor: '张三', createdAt: '2026-11-01T00:00:00.000Z', regions});
const at = (n: number) => new Date(Date.UTC(2026, 10, 2, 0, n)).toISOString();
const values: FindingValue[] = [{type: 'yesno', met: true}, {type: 'yesno', met: false}, {type: 'levels', level: 'full'}, {type: 'levels', level: 'none'}];

const change = fc.record({
	region: fc.constantFrom('110000', '310000'),
	leaf: fc.constantFrom(...miniIndex.leaves.map(l => l.code)),
	value: fc.option(fc.constantFrom(...values), {nil: undefined}),
	note: fc.option(fc.string({unit: 'binary', maxLength: 20}), {nil: undefined}),
	status: fc.option(fc.constantFrom('draft' as const, 'done' as const), {nil: undefined}),
});

describe('the workspace file text', () => {
	it('is byte for byte the sorted, two-space JSON of the workspace, across any run of changes', () => {
		fc.assert(
			fc.property(fc.array(change, {maxLength: 25}), fc.array(change, {maxLength: 10}), (mine, theirs) => {
				let ws = blank();
				let n = 0;
				for (const c of mine) {
					ws = applyChange(ws, [c.region], c.leaf, {value: c.value, note: c.note, status: c.status}, '张三', at(++n));
					// Every save in a session: the cached texts of unchanged findings are reused.
					expect(serializeWorkspace(ws)).toBe(reference(ws));
				}
				let other = blank();
				for (const c of theirs) other = applyChange(other, [c.region], c.leaf, {value: c.value, note: c.note}, '李四', at(++n));
				const merged = mergeWorkspaces([ws, other], {id: 'm', assessor: 'team', createdAt: at(99)});
				if (merged.ok) expect(serializeWorkspace(merged.value.workspace)).toBe(reference(merged.value.workspace));
			}),
			{numRuns: 300},
		);
	});

	it('matches for odd keys and members too: empty records, keys that look like numbers, undefined members', () => {
		const ws = blank();
		const f = applyChange(ws, ['110000'], miniIndex.leaves[0]!.code, {value: values[0]}, '张三', at(1)).findings;
		const one = Object.values(f)[0]!;
		const odd = {...ws, weights: undefined, findings: {'10': one, b: one, '2': one, a: one, '01': one, 'x/1': one}} as unknown as Workspace;
		expect(serializeWorkspace(odd)).toBe(reference(odd));
		expect(serializeWorkspace(ws)).toBe(reference(ws));
		expect(serializeWorkspace(ws)).toContain('"findings": {}');
	});
});

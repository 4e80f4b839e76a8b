import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {WorkspaceValidator} from '../../source/storage/workspace-validator.js';
import {workspace as workspaceSchema, type Workspace, type Finding} from '../../source/domain/workspace/workspace-schema.js';
import {createWorkspace, applyChange, checkWorkspace} from '../../source/domain/workspace/workspace-ops.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';
import {miniIndex} from '../helpers/mini-system.js';

const KNOWN = new Set(['110000', '310000', '440000']);
const at = (n: number) => new Date(Date.UTC(2026, 10, 2, 0, n)).toISOString();
const blank = () => createWorkspace({id: 'w', index: miniIndex, systemDigest: '0'.repeat(64), assessor: '张三', createdAt: at(0), regions: ['110000', '310000']});

/** What the validator must agree with: the whole schema, then the system check. */
function fullCheckPasses(ws: unknown): boolean {
	const parsed = workspaceSchema.safeParse(ws);
	return parsed.success && checkWorkspace(miniIndex, parsed.data, KNOWN).length === 0;
}

/** A team's workspace: two assessors' edits merged, so it holds findings and conflicts. */
function teamWorkspace(seed: number): Workspace {
	const yes = {type: 'yesno' as const, met: true};
	const no = {type: 'yesno' as const, met: false};
	const base = applyChange(blank(), ['110000', '310000'], '1.1.1', {value: yes}, '张三', at(1));
	const a = applyChange(base, ['110000'], '1.1.1', {value: no, note: `a${seed}`}, '张三', at(2));
	const b = applyChange(applyChange(base, ['110000'], '1.1.1', {value: yes, note: `b${seed}`, status: 'done'}, '李四', at(3)), ['310000'], '1.1.2', {value: {type: 'levels', level: 'full'}}, '李四', at(4));
	const merged = mergeWorkspaces([a, b], {id: 'm', assessor: 'team', createdAt: at(9)});
	if (!merged.ok) throw new Error('merge failed');
	expect(Object.keys(merged.value.workspace.conflicts)).toHaveLength(1);
	return merged.value.workspace;
}

type Fault = (ws: Workspace) => unknown;
const finding = (ws: Workspace, key = '310000/1.1.1') => ws.findings[key]!;
const withFinding = (ws: Workspace, key: string, f: unknown) => ({...ws, findings: {...ws.findings, [key]: f}});
const candidate = (ws: Workspace) => Object.values(ws.conflicts)[0]!.candidates[0]!;
const withCandidate = (ws: Workspace, f: unknown) => {
	const [key, c] = Object.entries(ws.conflicts)[0]!;
	return {...ws, conflicts: {...ws.conflicts, [key]: {...c, candidates: [f, ...c.candidates.slice(1)]}}};
};
const FAULTS: Record<string, Fault> = {
	none: ws => ws,
	'a finding under the wrong key': ws => withFinding(ws, '310000/1.1.2', finding(ws)),
	'a finding of a region not in the workspace': ws => withFinding(ws, '440000/1.1.1', {...finding(ws), region: '440000'}),
	'a finding on an unknown indicator': ws => withFinding(ws, '310000/9.9.9', {...finding(ws), indicator: '9.9.9'}),
	'a finding on an inner indicator': ws => withFinding(ws, '310000/1.1', {...finding(ws), indicator: '1.1'}),
	'a value the rule refuses': ws => withFinding(ws, '310000/1.1.1', {...finding(ws), value: {type: 'levels', level: 'full'}}),
	'a level the rule does not have': ws => withFinding(ws, '310000/1.1.2', {...finding(ws, '310000/1.1.2'), value: {type: 'levels', level: 'most'}}),
	'a finding with an unknown field': ws => withFinding(ws, '310000/1.1.1', {...finding(ws), extra: 1}),
	'a finding without its note': ws => withFinding(ws, '310000/1.1.1', (({note: _, ...rest}: Finding) => rest)(finding(ws))),
	'a finding that is not an object': ws => withFinding(ws, '310000/1.1.1', 'yes'),
	'a bad time': ws => withFinding(ws, '310000/1.1.1', {...finding(ws), at: 'yesterday'}),
	'findings that are a list': ws => ({...ws, findings: Object.values(ws.findings)}),
	'no findings at all': ws => (({findings: _, ...rest}) => rest)(ws),
	'a conflict of one candidate': ws => {
		const [key, c] = Object.entries(ws.conflicts)[0]!;
		return {...ws, conflicts: {[key]: {...c, candidates: c.candidates.slice(0, 1)}}};
	},
	'a conflict under the wrong key': ws => ({...ws, conflicts: {'310000/1.1.2': Object.values(ws.conflicts)[0]}}),
	'a conflict candidate with a value the rule refuses': ws => withCandidate(ws, {...candidate(ws), value: {type: 'direct', score: 50}}),
	'a conflict candidate with an unknown field': ws => withCandidate(ws, {...candidate(ws), extra: true}),
	'a conflict with an unknown field': ws => ({...ws, conflicts: Object.fromEntries(Object.entries(ws.conflicts).map(([k, c]) => [k, {...c, note: 'x'}]))}),
	'no conflicts (the schema reads none)': ws => (({conflicts: _, ...rest}) => rest)(ws),
	'conflicts that are a list': ws => ({...ws, conflicts: Object.values(ws.conflicts)}),
	'a region listed twice': ws => ({...ws, regions: [...ws.regions, ws.regions[0]]}),
	'an unknown region': ws => ({...ws, regions: [...ws.regions, '999999']}),
	'another system': ws => ({...ws, system: {...ws.system, id: 'other'}}),
	'no system': ws => (({system: _, ...rest}) => rest)(ws),
	'a bad kind': ws => ({...ws, kind: 'assess/other'}),
};

describe('the incremental workspace validator', () => {
	it('accepts and refuses exactly what the whole schema and the system check do, trusted findings or not', () => {
		fc.assert(
			fc.property(fc.constantFrom(...Object.keys(FAULTS)), fc.boolean(), fc.integer({min: 0, max: 99}), (fault, trustFirst, seed) => {
				const ws = teamWorkspace(seed);
				const faulty = FAULTS[fault]!(ws) as Workspace;
				const validator = new WorkspaceValidator(miniIndex, KNOWN);
				// Trusting the valid workspace first (as a save or a merge does) must not hide a fault in new objects.
				if (trustFirst) validator.trust(ws);
				expect(validator.check(faulty).length === 0).toBe(fullCheckPasses(faulty));
			}),
			{numRuns: 400},
		);
		for (const [name, fault] of Object.entries(FAULTS)) {
			const faulty = fault(teamWorkspace(1));
			expect(fullCheckPasses(faulty), name).toBe(name === 'none' || name === 'no conflicts (the schema reads none)');
		}
	});

	it('skips the findings it validated before, and only those', () => {
		const ws = teamWorkspace(3);
		const validator = new WorkspaceValidator(miniIndex, KNOWN);
		validator.trust(ws);
		const f = finding(ws);
		// A trusted object is not parsed again (this one was changed behind the validator's back, which the reducers never do).
		(f as {note: unknown}).note = 42;
		expect(validator.check(ws)).toEqual([]);
		// A new object with the same fault is.
		const copy = withFinding(ws, '310000/1.1.1', {...f});
		expect(validator.check(copy as Workspace).map(i => i.path.join('.'))).toEqual(['findings.310000/1.1.1.note']);
	});
});

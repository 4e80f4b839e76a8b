import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {miniIndex, miniWeights} from '../helpers/mini-system.js';
import {scoreOf} from '../../source/domain/workspace/workspace-ops.js';
import {createWorkspace} from '../../source/domain/workspace/workspace-ops.js';
import {recordFinding} from '../../source/domain/workspace/record-finding.js';
import {finalityOf} from '../../source/domain/workspace/finality.js';
import {findingKey, type Conflict, type FindingValue, type Workspace} from '../../source/domain/workspace/workspace-schema.js';
import {finalityByRegion} from '../../source/ui/state/finality-cache.js';

/**
 * The TUI judges finality region by region and only again for the regions a change touched
 * (source/ui/state/finality-cache.ts): it must say exactly what the domain's `finalityOf` says,
 * after any sequence of changes (values, statuses, reasons, removals, conflicts opened and
 * settled), measures open in one region and valued in another included.
 */

const REGIONS = ['110000', '310000', '320000'];
const leaves = miniIndex.leaves;
const at = '2026-11-23T09:00:00.000Z';

function valueOf(code: string, n: number): FindingValue | null {
	const rule = miniIndex.nodes.get(code)!.rule!;
	if (n % 5 === 0) return null;
	switch (rule.type) {
		case 'yesno':
			return {type: 'yesno', met: n % 2 === 0};
		case 'levels':
			return {type: 'levels', level: rule.levels[n % rule.levels.length]!.id};
		case 'sampled':
			return {type: 'sampled', samples: Array.from({length: 1 + (n % 5)}, (_, i) => ({item: `SI-000${i + 1}`, pass: i % 3 === 2 ? null : i % 2 === 0}))};
		case 'measure':
			return {type: 'measure', amount: n % 7};
		case 'direct':
			return {type: 'direct', score: (n * 13) % 101};
	}
}

const step = fc.record({
	kind: fc.constantFrom('record', 'remove', 'conflict', 'settle'),
	region: fc.constantFrom(...REGIONS),
	leaf: fc.constantFrom(...leaves.map(l => l.code)),
	n: fc.nat(40),
	status: fc.constantFrom('draft', 'done', 'flagged', 'na'),
	reason: fc.constantFrom('', '原因'),
});

function apply(ws: Workspace, s: {kind: string; region: string; leaf: string; n: number; status: string; reason: string}): Workspace {
	const key = findingKey(s.region, s.leaf);
	if (s.kind === 'remove') {
		const findings = {...ws.findings};
		delete findings[key];
		return {...ws, findings};
	}
	if (s.kind === 'conflict') {
		const findings = {...ws.findings};
		delete findings[key];
		const conflict = {region: s.region, indicator: s.leaf, candidates: [{rev: 'a'}, {rev: 'b'}]} as unknown as Conflict;
		return {...ws, findings, conflicts: {...ws.conflicts, [key]: conflict}};
	}
	const conflicts = {...ws.conflicts};
	delete conflicts[key];
	const f = recordFinding(ws.findings[key], s.region, s.leaf, {value: valueOf(s.leaf, s.n), status: s.status as 'draft', reason: s.reason || undefined}, '张三', at);
	return {...ws, findings: {...ws.findings, [key]: f}, conflicts: s.kind === 'settle' ? conflicts : ws.conflicts};
}

describe('finality judged region by region (the TUI’s cache)', () => {
	it('equals finalityOf after every change of any sequence', () => {
		const names = (c: string) => `地区${c}`;
		fc.assert(
			fc.property(fc.array(step, {minLength: 1, maxLength: 40}), fc.subarray(REGIONS, {minLength: 1}), (steps, regions) => {
				let ws = createWorkspace({id: 'p', index: miniIndex, systemDigest: 'x', assessor: '张三', createdAt: at, regions});
				expect(finalityByRegion(miniIndex, ws, names)).toEqual(finalityOf(miniIndex, ws, names));
				for (const s of steps) {
					if (!ws.regions.includes(s.region)) continue;
					const before = ws;
					ws = apply(ws, s);
					const whole = finalityOf(miniIndex, ws, names);
					// Told what the step touched (as the session says), or finding it by comparing.
					expect(finalityByRegion(miniIndex, ws, names, s.n % 2 ? {from: before, regions: [s.region]} : undefined)).toEqual(whole);
					// The TUI's short cut (derive.ts, wholeFinal): a leaf the scorer counts unscored is a blocker.
					if (scoreOf(miniIndex, miniWeights, ws).regions.some(r => r.unscored > 0)) expect(whole.final).toBe(false);
				}
			}),
			{numRuns: 150},
		);
	});

	it('a measure open in one region keeps another region moving, unless that one is not applicable there', () => {
		const names = (c: string) => c;
		const done = (region: string, code: string, status: 'done' | 'draft' | 'na' = 'done') => (w: Workspace) => {
			const rule = miniIndex.nodes.get(code)!.rule!;
			const value: FindingValue = rule.type === 'sampled' ? {type: 'sampled', samples: ['SI-0001', 'SI-0002', 'SI-0003', 'SI-0004'].map(item => ({item, pass: true}))} : valueOf(code, 1)!;
			const f = recordFinding(undefined, region, code, {value, status, reason: status === 'na' ? '不适用' : undefined}, '张三', at);
			return {...w, findings: {...w.findings, [findingKey(region, code)]: f}};
		};
		let ws = createWorkspace({id: 'p', index: miniIndex, systemDigest: 'x', assessor: '张三', createdAt: at, regions: ['110000', '310000']});
		for (const r of ['110000', '310000']) for (const l of leaves) ws = done(r, l.code)(ws);
		const measure = leaves.find(l => l.rule!.type === 'measure')!.code;
		ws = done('310000', measure, 'draft')(ws);
		const moving = finalityByRegion(miniIndex, ws, names);
		expect(moving).toEqual(finalityOf(miniIndex, ws, names));
		expect(moving.regions.find(r => r.region === '110000')!.final).toBe(false);
		ws = done('110000', measure, 'na')(ws);
		const still = finalityByRegion(miniIndex, ws, names);
		expect(still).toEqual(finalityOf(miniIndex, ws, names));
		expect(still.regions.find(r => r.region === '110000')!.final).toBe(true);
	});

	it('a workspace whose regions change is judged whole again', () => {
		const names = (c: string) => c;
		let ws = createWorkspace({id: 'p', index: miniIndex, systemDigest: 'x', assessor: '张三', createdAt: at, regions: ['110000']});
		expect(finalityByRegion(miniIndex, ws, names).regions).toHaveLength(1);
		ws = {...ws, regions: ['110000', '310000']};
		expect(finalityByRegion(miniIndex, ws, names)).toEqual(finalityOf(miniIndex, ws, names));
	});
});

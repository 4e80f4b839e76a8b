import {cpSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {repoRoot} from './run-cli.js';
import {loadSystem, loadWeights} from '../../source/storage/load-files.js';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {serializeWorkspace} from '../../source/storage/workspace-text.js';
import type {FindingValue, Workspace} from '../../source/domain/workspace/workspace-schema.js';

export const compareFixtures = join(repoRoot, 'test', 'fixtures', 'compare');
export const oldSystem = () => loadSystem(join(compareFixtures, 'old-system.json'));
export const newSystem = () => loadSystem(join(compareFixtures, 'new-system.json'));
export const oldWeights = () => loadWeights(join(compareFixtures, 'old-system.weights.json'), oldSystem().index).weights.weights;
export const newWeights = () => loadWeights(join(compareFixtures, 'new-system.weights.json'), newSystem().index).weights.weights;

const yes = (met: boolean): FindingValue => ({type: 'yesno', met});
const level = (level: 'full' | 'partial' | 'none'): FindingValue => ({type: 'levels', level});
const direct = (score: number): FindingValue => ({type: 'direct', score});
const sampled = (passed: number, of = 4): FindingValue => ({type: 'sampled', samples: Array.from({length: of}, (_, i) => ({item: `SI-000${i + 1}`, pass: i < passed}))});

/**
 * The findings of each edition, by region: 2019 (old) has 北京, 上海, 江苏, 浙江; 2020 (new) has
 * 北京, 上海, 江苏 and 广东 (浙江 was not assessed again, 广东 is new). Values chosen so the
 * ranks move: 江苏 climbs from last to first.
 */
export const OLD_VALUES: Record<string, Record<string, FindingValue>> = {
	'110000': {'1.1.1': yes(true), '1.1.2': level('full'), '1.2.1': sampled(4), '1.2.2': direct(90), '2.1.1': yes(true), '2.1.2': yes(false), '2.1.3': direct(80), '2.2.1': level('partial'), '3.1.1': level('full'), '3.1.2': yes(true)},
	'310000': {'1.1.1': yes(true), '1.1.2': level('partial'), '1.2.1': sampled(3), '1.2.2': direct(85), '2.1.1': yes(true), '2.1.2': yes(true), '2.1.3': direct(70), '2.2.1': level('full'), '3.1.1': level('partial'), '3.1.2': yes(true)},
	'320000': {'1.1.1': yes(false), '1.1.2': level('partial'), '1.2.1': sampled(2), '1.2.2': direct(60), '2.1.1': yes(false), '2.1.2': yes(true), '2.1.3': direct(50), '2.2.1': level('none'), '3.1.1': level('partial'), '3.1.2': yes(false)},
	'330000': {'1.1.1': yes(true), '1.1.2': level('full'), '1.2.1': sampled(4), '1.2.2': direct(95), '2.1.1': yes(true), '2.1.2': yes(true), '2.1.3': direct(90), '2.2.1': level('full'), '3.1.1': level('full'), '3.1.2': yes(true)},
};
export const NEW_VALUES: Record<string, Record<string, FindingValue>> = {
	'110000': {'1.1.1': yes(true), '1.1.2': level('partial'), '1.2.1': sampled(3), '1.2.2': direct(88), '2.1.1': yes(true), '2.1.2': direct(75), '2.2.1': level('full'), '2.2.2': yes(false), '3.1.1': level('full'), '3.1.2': yes(true)},
	'310000': {'1.1.1': yes(true), '1.1.2': level('full'), '1.2.1': sampled(4), '1.2.2': direct(90), '2.1.1': yes(true), '2.1.2': direct(85), '2.2.1': level('full'), '2.2.2': yes(true), '3.1.1': level('partial'), '3.1.2': yes(true)},
	'320000': {'1.1.1': yes(true), '1.1.2': level('full'), '1.2.1': sampled(4), '1.2.2': direct(97), '2.1.1': yes(true), '2.1.2': direct(95), '2.2.1': level('full'), '2.2.2': yes(true), '3.1.1': level('full'), '3.1.2': yes(true)},
	'440000': {'1.1.1': yes(true), '1.1.2': level('none'), '1.2.1': sampled(1), '1.2.2': direct(70), '2.1.1': yes(false), '2.1.2': direct(60), '2.2.1': level('partial'), '2.2.2': yes(false), '3.1.1': level('none'), '3.1.2': yes(false)},
};

function workspaceOf(which: 'old' | 'new', values: Record<string, Record<string, FindingValue>>): Workspace {
	const {index} = which === 'old' ? oldSystem() : newSystem();
	let ws = createWorkspace({id: `compare-${which}`, index, systemDigest: '0'.repeat(64), systemFile: `${which}-system.json`, assessor: '张三', createdAt: '2026-11-01T00:00:00.000Z', regions: Object.keys(values)});
	for (const [region, byLeaf] of Object.entries(values)) {
		for (const [leaf, value] of Object.entries(byLeaf)) ws = applyChange(ws, [region], leaf, {value, status: 'done'}, '张三', '2026-11-02T00:00:00.000Z');
	}
	return ws;
}

/** A folder with both systems, their weights, the mapping and the two workspaces (old.json, new.json). */
export function compareFolder(): {dir: string; old: string; new: string; mapping: string; oldWs: Workspace; newWs: Workspace} {
	const dir = mkdtempSync(join(tmpdir(), 'assess-compare-'));
	for (const f of ['old-system.json', 'old-system.weights.json', 'new-system.json', 'new-system.weights.json', 'mapping.json']) cpSync(join(compareFixtures, f), join(dir, f));
	const oldWs = workspaceOf('old', OLD_VALUES);
	const newWs = workspaceOf('new', NEW_VALUES);
	writeFileSync(join(dir, 'old.json'), serializeWorkspace(oldWs));
	writeFileSync(join(dir, 'new.json'), serializeWorkspace(newWs));
	return {dir, old: join(dir, 'old.json'), new: join(dir, 'new.json'), mapping: join(dir, 'mapping.json'), oldWs, newWs};
}

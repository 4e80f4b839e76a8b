import {writeFileSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadSystem} from '../../source/storage/load-files.js';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {serializeWorkspace} from '../../source/storage/workspace-text.js';
import type {FindingValue, Workspace} from '../../source/domain/workspace/workspace-schema.js';
import type {Rule} from '../../source/domain/rules/rule-schema.js';

/** A value for every kind of rule, varied by `n` so regions differ (and some tie). */
export function valueFor(rule: Rule, n: number): FindingValue {
	switch (rule.type) {
		case 'yesno':
			return {type: 'yesno', met: n % 3 !== 0};
		case 'levels':
			return {type: 'levels', level: rule.levels[n % rule.levels.length]!.id};
		case 'sampled':
			// As many items as the rule asks for, from the bundled catalog: a sampled leaf that is complete.
			return {type: 'sampled', samples: Array.from({length: rule.sampleSize}, (_, i) => ({item: `SI-${String(i + 1).padStart(4, '0')}`, pass: (n + i) % 3 !== 0}))};
		case 'measure':
			return {type: 'measure', amount: 10 + (n % 5) * 7};
		case 'direct':
			return {type: 'direct', score: 60 + ((n * 7) % 41)};
	}
}

/** Every leaf of every region scored: a workspace ready for a final export. */
export function completeWorkspace(regions: string[], options: {note?: string; system?: string} = {}): {file: string; ws: Workspace; dir: string} {
	const {index, digest} = loadSystem(options.system ?? '2020-province');
	let ws = createWorkspace({id: 'complete', index, systemDigest: digest, assessor: '张三', createdAt: '2026-11-01T00:00:00.000Z', regions});
	regions.forEach((region, r) => {
		index.leaves.forEach((leaf, l) => {
			ws = applyChange(ws, [region], leaf.code, {value: valueFor(leaf.rule!, r + l), status: 'done', note: l === 0 && options.note ? options.note : ''}, '张三', '2026-11-02T00:00:00.000Z');
		});
	});
	const dir = mkdtempSync(join(tmpdir(), 'assess-export-'));
	const file = join(dir, 'complete.json');
	writeFileSync(file, serializeWorkspace(ws));
	return {file, ws, dir};
}

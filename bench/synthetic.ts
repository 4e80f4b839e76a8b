import type {SystemIndex} from '../source/domain/system/system-index.js';
import type {Workspace, FindingValue, Evidence} from '../source/domain/workspace/workspace-schema.js';
import type {Rule} from '../source/domain/rules/rule-schema.js';
import type {ServiceItem} from '../source/domain/catalog/catalog-schema.js';
import type {Region} from '../source/domain/regions/region-schema.js';
import {createWorkspace} from '../source/domain/workspace/workspace-ops.js';
import {recordFinding} from '../source/domain/workspace/record-finding.js';
import {findingKey} from '../source/domain/workspace/workspace-schema.js';

/** A seeded random source, so every run measures the same data. */
export function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 4294967296;
	};
}

const NOTES = ['门户首页可直接进入，功能正常。', '办事指南要素齐全，但收费依据未注明文号。', '移动端可办理，需实名认证后方可提交。', '抽查事项中两项在线申报页面无法提交。', '已与平台运营方核实，按实际情况记录。'];

function valueFor(rule: Rule, rnd: () => number): FindingValue {
	switch (rule.type) {
		case 'yesno':
			return {type: 'yesno', met: rnd() < 0.8};
		case 'levels':
			return {type: 'levels', level: rule.levels[Math.floor(rnd() * rule.levels.length)]!.id};
		case 'sampled':
			return {type: 'sampled', samples: Array.from({length: rule.sampleSize}, (_, i) => ({item: `SI-${String(1 + Math.floor(rnd() * 500)).padStart(4, '0')}-${i}`, pass: rnd() < 0.85}))};
		case 'measure':
			return {type: 'measure', amount: Math.round(rnd() * 1000) / 10};
		case 'direct':
			return {type: 'direct', score: Math.round(600 + rnd() * 400) / 10};
	}
}

/**
 * A team at scale: a base workspace of every region fully scored, and `assessors` workspaces
 * that each re-record a share of it with notes and evidence (so they share history and a few
 * disagree), as a real team's files would.
 */
export function syntheticTeam(index: SystemIndex, regions: readonly string[], assessors: number, seed = 7): {base: Workspace; team: Workspace[]} {
	const rnd = random(seed);
	let base = createWorkspace({id: 'bench-base', index, systemDigest: '0'.repeat(64), assessor: '基线', createdAt: '2026-11-01T00:00:00.000Z', regions});
	let minute = 0;
	const at = () => new Date(Date.UTC(2026, 10, 2) + ++minute * 1000).toISOString();
	const findings = {...base.findings};
	for (const region of regions) {
		for (const leaf of index.leaves) {
			const when = at();
			const evidence: Evidence[] = [{kind: 'url', url: `https://zwfw.example.gov.cn/${region}/${leaf.code}`, seenAt: when, by: '基线'}];
			findings[findingKey(region, leaf.code)] = recordFinding(undefined, region, leaf.code, {value: valueFor(leaf.rule!, rnd), status: 'done', note: NOTES[Math.floor(rnd() * NOTES.length)]!, addEvidence: evidence}, '基线', when);
		}
	}
	base = {...base, findings};
	const team: Workspace[] = [];
	for (let a = 0; a < assessors; a++) {
		const who = `评估员${a + 1}`;
		const mine = {...base.findings};
		for (const region of regions) {
			for (const leaf of index.leaves) {
				if (rnd() > 0.1) continue;
				const when = at();
				const key = findingKey(region, leaf.code);
				mine[key] = recordFinding(mine[key], region, leaf.code, {value: valueFor(leaf.rule!, rnd), note: `${who}：${NOTES[Math.floor(rnd() * NOTES.length)]}`, addEvidence: [{kind: 'quote', text: `${region} ${leaf.code} 页面原文摘录`, seenAt: when, by: who}]}, who, when);
			}
		}
		team.push({...base, id: `bench-${a}`, assessor: who, findings: mine});
	}
	return {base, team};
}

/** A catalog of `size` items: the real ones, and the same services as each region names them. */
export function syntheticCatalog(real: readonly ServiceItem[], regions: readonly Region[], size: number): ServiceItem[] {
	const out: ServiceItem[] = [...real];
	let n = real.length;
	for (let r = 0; out.length < size; r++) {
		const region = regions[r % regions.length]!;
		for (const item of real) {
			if (out.length >= size) break;
			out.push({...item, id: `SX-${String(++n).padStart(5, '0')}`, name: `${region.short}${item.name}`});
		}
	}
	return out;
}

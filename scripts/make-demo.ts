// Writes workspaces/demo.json: a realistic, partly scored workspace so a newcomer sees real
// content at once. Deterministic (fixed seed and times), so regenerating it changes nothing
// unless the bundled system does. usage: node scripts/run-ts.mjs scripts/make-demo.ts
import {writeFileSync} from 'node:fs';
import {loadSystem, loadRegions} from '../source/storage/load-files.js';
import {createWorkspace, applyChange} from '../source/domain/workspace/workspace-ops.js';
import {serializeWorkspace} from '../source/storage/workspace-text.js';
import {demoWorkspaceFile} from '../source/storage/bundled-paths.js';
import type {FindingValue, Workspace, Evidence} from '../source/domain/workspace/workspace-schema.js';
import type {Rule} from '../source/domain/rules/rule-schema.js';
import {loadCatalog} from '../source/storage/load-files.js';

const portals: Record<string, string> = {
	'110000': 'https://banshi.beijing.gov.cn',
	'310000': 'https://zwdt.sh.gov.cn',
	'320000': 'https://www.jszwfw.gov.cn',
	'330000': 'https://www.zjzwfw.gov.cn',
	'440000': 'https://www.gdzwfw.gov.cn',
	'520000': 'https://zwfw.guizhou.gov.cn',
	'620000': 'https://zwfw.gansu.gov.cn',
	'XJBT00': 'https://zwfw.xjbt.gov.cn',
};
// How far each region's assessment has got, and how strong its portal is (for plausible values).
const progress: Record<string, {share: number; strength: number; assessor: string}> = {
	'110000': {share: 1, strength: 0.9, assessor: '张三'},
	'310000': {share: 1, strength: 0.93, assessor: '张三'},
	'320000': {share: 0.85, strength: 0.88, assessor: '李四'},
	'330000': {share: 0.7, strength: 0.95, assessor: '李四'},
	'440000': {share: 0.55, strength: 0.92, assessor: '王五'},
	'520000': {share: 0.4, strength: 0.8, assessor: '王五'},
	'620000': {share: 0.2, strength: 0.7, assessor: '张三'},
	'XJBT00': {share: 0, strength: 0.6, assessor: '张三'},
};

let seed = 20201;
const random = () => {
	seed = (seed * 1103515245 + 12345) % 2147483648;
	return seed / 2147483648;
};

const {index, digest} = loadSystem('2020-province');
const catalog = loadCatalog().items;
const names = new Map(loadRegions().regions.map(r => [r.code, r.short]));
let ws: Workspace = {$schema: '../indicators/schemas/workspace.schema.json', ...createWorkspace({id: 'demo-2020-province', index, systemDigest: digest, assessor: '演示团队', createdAt: '2026-11-02T01:00:00.000Z', regions: Object.keys(progress)})};

let minute = 0;
const at = () => new Date(Date.UTC(2026, 10, 3, 1, 0) + (minute += 7) * 60_000).toISOString();

function valueFor(rule: Rule, strength: number): FindingValue {
	const good = random() < strength;
	switch (rule.type) {
		case 'yesno':
			return {type: 'yesno', met: good};
		case 'levels': {
			const i = good ? 0 : Math.min(rule.levels.length - 1, 1 + Math.floor(random() * (rule.levels.length - 1)));
			return {type: 'levels', level: rule.levels[i]!.id};
		}
		case 'sampled': {
			const n = rule.sampleSize;
			const start = Math.floor(random() * (catalog.length - n));
			const failures = ['办事指南缺少收费依据', '申请材料未注明份数和形式', '在线申报页面无法提交', '承诺时限与法定时限不一致', '未提供空白表格下载'];
			return {
				type: 'sampled',
				samples: catalog.slice(start, start + n).map(item => {
					const pass = random() < strength + 0.05;
					return pass ? {item: item.id, pass} : {item: item.id, pass, note: failures[Math.floor(random() * failures.length)]!};
				}),
			};
		}
		case 'measure': {
			const top = rule.max ?? (rule.better === 'higher' ? 100 : 5);
			const amount = rule.better === 'higher' ? top * (0.5 + 0.5 * strength * random()) : Math.max(rule.min, top * (1.2 - strength) * random());
			return {type: 'measure', amount: Math.round(amount * 10) / 10};
		}
		case 'direct':
			return {type: 'direct', score: Math.round((60 + 40 * strength * (0.7 + 0.3 * random())) * 10) / 10};
	}
}

function noteFor(leafName: string, value: FindingValue, region: string): string {
	const place = names.get(region);
	switch (value.type) {
		case 'yesno':
			return value.met ? `${place}：${leafName}已核实，功能可正常使用。` : `${place}：未找到${leafName}相关入口，已截图留存。`;
		case 'levels':
			return `${place}：${leafName}按评分档次核定。`;
		case 'sampled':
			return `${place}：抽查${value.samples.length}个事项，${value.samples.filter(s => !s.pass).length}个未通过（见各事项备注）。`;
		case 'measure':
			return `${place}：按平台公开数据测算，取评估期末数值。`;
		case 'direct':
			return `${place}：按指南评分细则综合打分。`;
	}
}

for (const [region, p] of Object.entries(progress)) {
	const leaves = index.leaves.slice(0, Math.round(index.leaves.length * p.share));
	for (const [i, leaf] of leaves.entries()) {
		const rule = leaf.rule!;
		const when = at();
		const evidence: Evidence[] = [{kind: 'url', url: `${portals[region]}/`, seenAt: when, by: p.assessor}];
		if (rule.type === 'levels' || rule.type === 'sampled') evidence.push({kind: 'quote', text: `${leaf.node.name.zh}：页面所示内容与办事指南一致`, source: `${portals[region]}/`, seenAt: when, by: p.assessor});
		if (i % 17 === 5) {
			ws = applyChange(ws, [region], leaf.code, {value: null, status: 'na', reason: '本地区未设置此类服务，按不适用处理', note: '经与平台运营方确认。'}, p.assessor, when);
			continue;
		}
		const value = valueFor(rule, p.strength);
		const flagged = i % 23 === 11;
		ws = applyChange(
			ws,
			[region],
			leaf.code,
			{value, note: noteFor(leaf.node.name.zh, value, region), addEvidence: evidence, status: flagged ? 'flagged' : i % 5 === 0 ? 'draft' : 'done', reason: flagged ? '页面打开缓慢，需复核' : undefined},
			p.assessor,
			when,
		);
	}
}

writeFileSync(demoWorkspaceFile(), serializeWorkspace(ws));
console.log(`wrote ${demoWorkspaceFile()}: ${Object.keys(ws.findings).length} findings`);

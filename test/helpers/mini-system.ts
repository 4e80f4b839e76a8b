import {indicatorSystem, type IndicatorSystem} from '../../source/domain/system/system-schema.js';
import {indexSystem} from '../../source/domain/system/system-index.js';

const derived = {kind: 'derived', basis: 'test fixture'} as const;
const guide = {check: '检查', where: '门户', met: '满足'};

/** A small system with one leaf of every rule kind, for unit tests. */
export const miniSystemInput = {
	kind: 'assess/indicator-system',
	formatVersion: 1,
	id: 'mini',
	version: '1',
	title: {zh: '测试体系'},
	edition: {reportYear: 2020, dataYear: 2019},
	regionKind: 'province',
	ranking: 'competition',
	tiers: [
		{id: 'very-high', label: {zh: '非常高'}, min: 90, includesMin: false},
		{id: 'high', label: {zh: '高'}, min: 80, includesMin: true},
		{id: 'medium', label: {zh: '中'}, min: 0, includesMin: true},
	],
	indicators: [
		{
			code: '1',
			name: {zh: '服务方式完备度'},
			provenance: {kind: 'published', source: 'test'},
			children: [
				{
					code: '1.1',
					name: {zh: '一网服务'},
					provenance: derived,
					children: [
						{code: '1.1.1', name: {zh: '统一身份认证'}, provenance: derived, guide, rule: {type: 'yesno'}},
						{
							code: '1.1.2',
							name: {zh: '办事指南完整'},
							provenance: derived,
							guide,
							rule: {type: 'levels', levels: [{id: 'full', label: {zh: '完全满足'}, points: 100}, {id: 'partial', label: {zh: '部分满足'}, points: 60}, {id: 'none', label: {zh: '不满足'}, points: 0}]},
						},
					],
				},
				{
					code: '1.2',
					name: {zh: '一端服务'},
					provenance: derived,
					children: [{code: '1.2.1', name: {zh: '抽查事项'}, provenance: derived, guide, rule: {type: 'sampled', sampleSize: 4}}],
				},
			],
		},
		{
			code: '2',
			name: {zh: '在线办理成熟度'},
			provenance: derived,
			children: [
				{
					code: '2.1',
					name: {zh: '全程网办'},
					provenance: derived,
					children: [
						{code: '2.1.1', name: {zh: '网办占比'}, provenance: derived, guide, rule: {type: 'measure', unit: {zh: '%'}, better: 'higher', min: 0, max: 100}},
						{code: '2.1.2', name: {zh: '跑动次数'}, provenance: derived, guide, rule: {type: 'measure', unit: {zh: '次'}, better: 'lower', min: 0}},
						{code: '2.1.3', name: {zh: '综合评分'}, provenance: derived, guide, rule: {type: 'direct'}},
					],
				},
			],
		},
	],
};

export const miniSystem: IndicatorSystem = indicatorSystem.parse(miniSystemInput);
export const miniIndex = indexSystem(miniSystem);

/** Equal sibling weights for the mini system. */
export const miniWeights: Record<string, number> = {
	'1': 0.5,
	'2': 0.5,
	'1.1': 0.5,
	'1.2': 0.5,
	'1.1.1': 0.5,
	'1.1.2': 0.5,
	'1.2.1': 1,
	'2.1': 1,
	'2.1.1': 1 / 3,
	'2.1.2': 1 / 3,
	'2.1.3': 1 / 3,
};

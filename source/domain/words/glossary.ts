import {words} from './message.js';

/**
 * The terms of the assessment, one Chinese word for each, as the official documents use them
 * (评估指标, 总得分, 排名, 等级 …; /work/shared/research/indicators.md): the CLI's messages and
 * tables and the TUI's words take them from here, so that a team reads one term for one thing
 * everywhere. Lower case in English: they are used inside sentences; a table's header
 * capitalises where it needs to.
 */
export const GLOSSARY = words('glossary', {
	indicator: {zh: '评估指标', en: 'indicator'},
	indicatorSystem: {zh: '指标体系', en: 'indicator system'},
	leaf: {zh: '末级指标', en: 'leaf'},
	primary: {zh: '一级指标', en: 'primary indicator'},
	secondary: {zh: '二级指标', en: 'secondary indicator'},
	tertiary: {zh: '三级指标', en: 'tertiary indicator'},
	score: {zh: '得分', en: 'score'},
	total: {zh: '总得分', en: 'total'},
	rank: {zh: '排名', en: 'rank'},
	tier: {zh: '等级', en: 'tier'},
	coverage: {zh: '覆盖', en: 'coverage'},
	region: {zh: '地区', en: 'region'},
	workspace: {zh: '工作区', en: 'workspace'},
	weights: {zh: '权重', en: 'weights'},
	weightsFile: {zh: '权重文件', en: 'weights file'},
	finding: {zh: '评估结论', en: 'finding'},
	value: {zh: '分值', en: 'value'},
	assessor: {zh: '评估人', en: 'assessor'},
	reviewer: {zh: '审核人', en: 'reviewer'},
	review: {zh: '审核', en: 'review'},
	note: {zh: '备注', en: 'note'},
	reason: {zh: '原因', en: 'reason'},
	evidence: {zh: '证据', en: 'evidence'},
	samples: {zh: '抽查事项', en: 'sampled items'},
	samplePlan: {zh: '抽查计划', en: 'sample plan'},
	catalog: {zh: '政务服务事项目录', en: 'service-item catalog'},
	spotCheck: {zh: '抽样复查', en: 'spot check'},
	changeLog: {zh: '变更记录', en: 'change log'},
	conflict: {zh: '冲突', en: 'conflict'},
	settle: {zh: '裁定', en: 'settle'},
	merge: {zh: '合并', en: 'merge'},
	measure: {zh: '计量类指标', en: 'measure'},
	blocker: {zh: '未完成项', en: 'blocker'},
	final: {zh: '正式', en: 'final'},
	provisional: {zh: '暂定', en: 'provisional'},
	// A finding's status.
	unscored: {zh: '未评', en: 'unscored'},
	draft: {zh: '草稿', en: 'draft'},
	done: {zh: '完成', en: 'done'},
	flagged: {zh: '待复核', en: 'flagged'},
	na: {zh: '不适用', en: 'not applicable'},
	// Review.
	submitted: {zh: '已提交', en: 'submitted'},
	accepted: {zh: '已通过', en: 'accepted'},
	returned: {zh: '已退回', en: 'returned'},
	awaitingReview: {zh: '待审核', en: 'awaiting review'},
	// A sampled item's verdict.
	pass: {zh: '通过', en: 'pass'},
	fail: {zh: '不通过', en: 'fail'},
	unjudged: {zh: '未判定', en: 'not judged'},
	yes: {zh: '是', en: 'yes'},
	no: {zh: '否', en: 'no'},
});

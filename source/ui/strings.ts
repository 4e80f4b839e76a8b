import type {Lang} from '../domain/text.js';

/** The TUI's words in both languages; one table so a missing translation is a type error. */
const STRINGS = {
	regions: {zh: '地区', en: 'Regions'},
	progress: {zh: '进度', en: 'Progress'},
	total: {zh: '总得分', en: 'Total'},
	tier: {zh: '等级', en: 'Tier'},
	rank: {zh: '排名', en: 'Rank'},
	coverage: {zh: '覆盖', en: 'Cover'},
	region: {zh: '地区', en: 'Region'},
	score: {zh: '得分', en: 'Score'},
	rule: {zh: '规则', en: 'Rule'},
	status: {zh: '状态', en: 'Status'},
	value: {zh: '分值', en: 'Value'},
	check: {zh: '检查', en: 'Check'},
	where: {zh: '位置', en: 'Where'},
	met: {zh: '达标', en: 'Met when'},
	note: {zh: '备注', en: 'Note'},
	evidence: {zh: '证据', en: 'Evidence'},
	samples: {zh: '抽查事项', en: 'Sampled items'},
	provenance: {zh: '来源', en: 'Source'},
	noValue: {zh: '（未记录）', en: '(none yet)'},
	none: {zh: '（无）', en: '(none)'},
	readOnly: {zh: '只读', en: 'READ-ONLY'},
	heldBy: {zh: '正在编辑：', en: 'being edited by'},
	saved: {zh: '已保存', en: 'saved'},
	saving: {zh: '保存中…', en: 'saving…'},
	notSaved: {zh: '未保存', en: 'NOT SAVED'},
	unchanged: {zh: '无改动', en: 'no changes yet'},
	scoreboard: {zh: '排行榜', en: 'Scoreboard'},
	sortedBy: {zh: '排序', en: 'sorted by'},
	since: {zh: '权重变更后排名变化', en: 'rank change since the weights changed'},
	help: {zh: '按键帮助', en: 'Keys'},
	search: {zh: '搜索', en: 'Search'},
	searchHint: {zh: '输入中文、拼音或首字母；Enter 跳转，Esc 关闭', en: 'type Chinese, pinyin or initials; Enter jumps, Esc closes'},
	noMatch: {zh: '无匹配结果', en: 'nothing matches'},
	allScored: {zh: '本地区所有指标均已评分', en: 'every leaf of this region is scored'},
	promptNote: {zh: '备注（Enter 换行，Ctrl+S 保存，Esc 取消）', en: 'Note (Enter: new line, Ctrl+S: save, Esc: cancel)'},
	promptEvidence: {zh: '证据：网址、quote:引文，或文件路径（Enter 保存）', en: 'Evidence: a URL, quote:<text>, or a file path (Enter saves)'},
	promptValue: {zh: '分值', en: 'Value'},
	promptFlag: {zh: '待复核原因', en: 'Why it needs review'},
	promptNa: {zh: '不适用原因', en: 'Why it does not apply'},
	promptSampleNote: {zh: '事项备注', en: 'Note on this item'},
	pickSample: {zh: '选择抽查事项（Enter 添加）', en: 'Pick a sampled item (Enter adds it)'},
	pickLevel: {zh: '选择档次（数字键或 Enter）', en: 'Pick a level (number or Enter)'},
	undone: {zh: '已撤销', en: 'undone'},
	nothingToUndo: {zh: '没有可撤销的操作', en: 'nothing to undo'},
	weightsChanged: {zh: '权重文件已更新，已重新计分', en: 'weights file changed: everything re-scored'},
	weightsInvalid: {zh: '权重文件有误，仍使用上次有效权重：', en: 'the weights file is invalid; keeping the last good weights:'},
	conflict: {zh: '冲突', en: 'conflict'},
	conflicts: {zh: '冲突', en: 'Conflicts'},
	settled: {zh: '已裁定', en: 'settled'},
	promptExport: {zh: '导出 Excel 到（Enter 导出，Esc 取消）', en: 'Export to Excel at (Enter exports, Esc cancels)'},
	exportDraft: {zh: '将导出为草稿', en: 'this will be a DRAFT'},
	exporting: {zh: '正在导出…', en: 'exporting…'},
	exported: {zh: '已导出', en: 'exported'},
	promptSettle: {zh: '裁定的新分值（Enter 保存）', en: 'The settled value (Enter saves)'},
	leafOnly: {zh: '请选择一个三级指标', en: 'select a leaf indicator'},
	notForRule: {zh: '此规则不接受该键', en: 'this rule does not take that key'},
	openRegionFirst: {zh: '请先打开一个地区', en: 'open a region first'},
	conflictsTitle: {zh: '待裁定的冲突', en: 'Conflicts to settle'},
	noConflicts: {zh: '没有冲突：合并结果中所有评估人的结论一致。', en: 'No conflicts: every assessor agreed, or every disagreement is settled.'},
	settleHelp: {zh: '数字键采用对应候选；v 输入新分值；所有候选的证据都会保留。', en: 'A number settles with that candidate; v settles with a new value; the evidence of every candidate is kept.'},
	candidate: {zh: '候选', en: 'Candidate'},
	agreement: {zh: '评估人结论重合处的一致率', en: 'assessors agreed on'},
} as const;

export type StringId = keyof typeof STRINGS;

export function t(lang: Lang, id: StringId): string {
	return STRINGS[id][lang];
}

export const STATUS_LABEL = {
	none: {zh: '未评', en: 'not yet'},
	draft: {zh: '草稿', en: 'draft'},
	done: {zh: '完成', en: 'done'},
	flagged: {zh: '待复核', en: 'flagged'},
	na: {zh: '不适用', en: 'n/a'},
	conflict: {zh: '冲突', en: 'conflict'},
} as const;

/** ASCII marks: East-Asian "ambiguous" glyphs (✓ ○ ★) break alignment in CJK terminals. */
export const STATUS_MARK = {none: '[ ]', draft: '[~]', done: '[x]', flagged: '[!]', na: '[-]', conflict: '[?]'} as const;
export type LeafStatus = keyof typeof STATUS_MARK;

/** The UI language: --lang, else the locale (zh_CN… → Chinese), else English. */
export function langFrom(arg: string | undefined, env: NodeJS.ProcessEnv): Lang {
	if (arg === 'zh' || arg === 'en') return arg;
	const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
	return /^zh/i.test(locale) ? 'zh' : 'en';
}

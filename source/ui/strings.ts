import type {Lang} from '../domain/text.js';

/**
 * The TUI's words in both languages; one table so a missing translation is a type error.
 * Only characters every terminal draws one cell wide (or CJK, two): no — … × · “ ” ○ ★ ↑ ↓,
 * whose width depends on the terminal (East Asian "ambiguous" characters).
 */
const STRINGS = {
	/** A node whose applicable children all weigh 0: no score, and why (short in the tree, whole in the item panel). */
	weightless: {zh: '权重0', en: 'wt 0'},
	weightlessWhy: {zh: '无得分：其下适用的指标权重均为0，不计入上级', en: 'no score: everything applicable under it weighs 0, so it counts for nothing above'},
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
	indicators: {zh: '指标', en: 'Indicators'},
	item: {zh: '详情', en: 'Item'},
	noValue: {zh: '（未记录）', en: '(none yet)'},
	none: {zh: '（无）', en: '(none)'},
	readOnly: {zh: '只读', en: 'read-only'},
	saved: {zh: '已保存', en: 'saved'},
	saving: {zh: '保存中', en: 'saving'},
	notSaved: {zh: '未保存', en: 'NOT SAVED'},
	unchanged: {zh: '无改动', en: 'no changes yet'},
	scoreboard: {zh: '排行榜', en: 'Scoreboard'},
	sortedBy: {zh: '排序列', en: 'sorted by'},
	since: {zh: '权重变更后的名次变化', en: 'rank change since the weights changed'},
	help: {zh: '按键帮助', en: 'Keys'},
	helpFoot: {zh: 'j/k 滚动，? 或 Esc 关闭。按键随所在位置而定：提示栏只列出此处可用的键。', en: 'j/k scroll, ? or Esc closes. Keys depend on where you are: the hint bar shows the ones that work here.'},
	search: {zh: '搜索', en: 'Search'},
	searchHint: {zh: '输入中文、拼音或首字母', en: 'type Chinese, pinyin or initials'},
	noMatch: {zh: '无匹配结果', en: 'nothing matches'},
	searchLoading: {zh: '正在建立索引', en: 'building the index'},
	addToWorkspace: {zh: '加入本工作区', en: 'add to workspace'},
	allScored: {zh: '本地区所有指标均已评分', en: 'every leaf of this region is scored'},
	promptNote: {zh: '备注', en: 'Note'},
	promptSampleNote: {zh: '事项备注', en: 'Note on this item'},
	promptEvidence: {zh: '证据：网址、quote:引文，或文件路径（可用 ~，可带引号）', en: 'Evidence: a URL, quote:<text>, or a file path (~ and quotes work)'},
	promptValue: {zh: '分值', en: 'Value'},
	promptFlag: {zh: '待复核原因（必填）', en: 'Why it needs review (required)'},
	promptNa: {zh: '不适用原因（必填）', en: 'Why it does not apply (required)'},
	promptSettle: {zh: '裁定的新分值', en: 'The settled value'},
	promptSettleReason: {zh: '裁定理由（可不填，直接 Enter 跳过；Esc 不裁定）', en: 'Why it is settled this way (optional: Enter with nothing skips it; Esc settles nothing)'},
	promptDoneReason: {zh: '抽查事项少于指南要求，说明原因后才能标记完成（必填）', en: 'Fewer sampled items than the guide asks for: why is it done? (required)'},
	promptExport: {zh: '导出 Excel 到', en: 'Export to Excel at'},
	promptSaveAs: {zh: '另存为（新文件）', en: 'Save to another file (a new one)'},
	fieldSaveMulti: {zh: 'Ctrl+S 保存，Enter 换行，Esc 取消', en: 'Ctrl+S saves, Enter is a new line, Esc cancels'},
	fieldSaveLine: {zh: 'Enter 保存，Esc 取消', en: 'Enter saves, Esc cancels'},
	fieldReplace: {zh: '输入即替换建议值', en: 'typing replaces the proposal'},
	reasonRequired: {zh: '请填写原因', en: 'a reason is required'},
	discardQuestion: {zh: '放弃已输入的内容？y 放弃，n 继续编辑', en: 'Throw away what you typed? y discards, n goes on editing'},
	pickSample: {zh: '选择抽查事项（Enter 添加）', en: 'Pick a sampled item (Enter adds it)'},
	pickLevel: {zh: '选择档次（数字键或 Enter）', en: 'Pick a level (its number, or Enter)'},
	pickYesNo: {zh: '是否达标（y/0 或 Enter）', en: 'Met or not (y / 0, or Enter)'},
	yes: {zh: '是', en: 'yes'},
	no: {zh: '否', en: 'no'},
	nothingToUndo: {zh: '没有可撤销的操作', en: 'nothing to undo'},
	nothingToRedo: {zh: '没有可重做的操作', en: 'nothing to redo'},
	weightsChanged: {zh: '权重文件已更新，已重新计分', en: 'weights file changed: everything re-scored'},
	weightsInvalid: {zh: '权重文件有误，仍使用上次有效的权重', en: 'using the last good weights'},
	conflict: {zh: '冲突', en: 'conflict'},
	conflicts: {zh: '冲突', en: 'Conflicts'},
	exporting: {zh: '正在导出', en: 'exporting'},
	exported: {zh: '已导出', en: 'exported'},
	savedAs: {zh: '已另存为', en: 'saved to'},
	leafOnly: {zh: '请选择一个三级指标', en: 'select a leaf indicator'},
	notForRule: {zh: '此规则不接受该键', en: 'this rule does not take that key'},
	openRegionFirst: {zh: '请先打开一个地区', en: 'open a region first'},
	doneNeedsValue: {zh: '尚未评分，不能标记完成', en: 'not scored yet: it cannot be marked done'},
	settleFirst: {zh: '此项有冲突：先裁定（在此输入分值，或按 c 查看候选）', en: 'this leaf is in conflict: settle it first (type a value here, or c lists the candidates)'},
	pasteOutside: {zh: '粘贴的内容只能放进输入框：未作任何改动', en: 'a paste goes into a text field only: nothing was changed'},
	readOnlyNothing: {zh: '只读：未作任何改动', en: 'read-only: nothing was changed'},
	noEvidenceSelected: {zh: '请先在详情中选中一条证据', en: 'select a piece of evidence in the item panel first'},
	nothingSelected: {zh: '请先选中一个抽查事项或一条证据', en: 'select a sampled item or evidence first'},
	conflictsTitle: {zh: '待裁定的冲突', en: 'Conflicts to settle'},
	noConflicts: {zh: '没有冲突：合并结果中所有评估人的结论一致。', en: 'No conflicts: every assessor agreed, or every disagreement is settled.'},
	settleHelp: {zh: '数字键采用对应候选；v 输入新分值；所有候选的证据都会保留。', en: 'A number settles with that candidate; v settles with a new value; the evidence of every candidate is kept.'},
	candidate: {zh: '候选', en: 'Candidate'},
	agreement: {zh: '评估人结论重合处的一致率', en: 'assessors agreed on'},
	quitTitle: {zh: '还有改动未保存到磁盘', en: 'Some changes are not on disk'},
	quitRetry: {zh: 'r 重试保存', en: 'r  try saving again'},
	quitSaveAs: {zh: 'w 另存为新文件', en: 'w  save to another file'},
	quitLose: {zh: 'Q 退出并丢弃这些改动', en: 'Q  quit and LOSE these changes'},
	quitStay: {zh: 'Esc 返回继续工作', en: 'Esc  go back to work'},
	takeOverHint: {zh: '锁已释放：按 T 接手编辑', en: 'the lock is free: T takes over'},
	tookOver: {zh: '已接手：现在可以编辑', en: 'taken over: you can edit now'},
	takeOverFailed: {zh: '无法接手：他人又取得了锁', en: 'could not take over: someone else holds the lock again'},
	refreshed: {zh: '已从磁盘刷新', en: 'refreshed from disk'},
	notFinal: {zh: '未完成', en: 'Not final'},
	recorded: {zh: '记录', en: 'Recorded'},
	review: {zh: '审核', en: 'Review'},
	reviewWaiting: {zh: '等待审核', en: 'waiting for review'},
	reviewNotSubmitted: {zh: '未提交（草稿或待复核）', en: 'not submitted (a draft, or flagged)'},
	promptReturn: {zh: '退回给评估人：需要修改什么？（必填）', en: 'Return to the assessor: what should be fixed? (required)'},
	returnNeedsNote: {zh: '退回须填写说明，告诉评估人要修改什么', en: 'a return needs a note that tells the assessor what to fix'},
	onlyThisWaits: {zh: '只有这一项在等待你审核', en: 'this is the only finding waiting for your review'},
	reviewInConflict: {zh: '此项有冲突：评估人的结论不一致，须先裁定（c 查看）', en: 'in conflict: the assessors disagree on the verdict; it is settled first (c lists the conflicts)'},
	nothingWaits: {zh: '没有等待你审核的结论', en: 'nothing is waiting for your review'},
	reviewModeNoEdits: {zh: '审核模式只记录审核：a 通过，R 退回（记录结论请不带 --review 打开）', en: 'review mode records reviews only: a accepts, R returns (open without --review to record findings)'},
	resubmitted: {zh: '已重新提交：此结论再次等待审核', en: 'submitted again: the finding waits for review again'},
	reviewNothingRecorded: {zh: '此项尚未记录，无可审核', en: 'nothing is recorded here yet: there is nothing to review'},
	reviewDraft: {zh: '仍是草稿：评估人尚未提交（标记完成）', en: 'still a draft: the assessor has not submitted it (done) yet'},
	reviewFlagged: {zh: '已标记待复核：评估人在请求决定，请记录答复而非审核', en: 'flagged: the assessor asks for a decision; record the answer rather than review it'},
	reviewOwn: {zh: '这是你自己记录的结论，须由他人审核（工作区不允许自审）', en: 'you recorded this finding: someone else reviews it (the workspace does not allow self-review)'},
	team: {zh: '团队进度', en: 'Team progress'},
	teamAssessors: {zh: '评估人', en: 'Assessors'},
	teamRegions: {zh: '地区', en: 'Regions'},
	teamReviewers: {zh: '审核人', en: 'Reviewers'},
	teamSpotChecks: {zh: '抽样复查', en: 'Spot checks'},
	teamScored: {zh: '已评', en: 'Scored'},
	teamSubmitted: {zh: '已提交', en: 'Submitted'},
	teamWaiting: {zh: '待审核', en: 'Waiting'},
	teamAccepted: {zh: '已通过', en: 'Accepted'},
	teamReturned: {zh: '已退回', en: 'Returned'},
	teamConflicts: {zh: '冲突', en: 'Conflicts'},
	teamLast: {zh: '最近改动', en: 'Last change'},
	teamNobody: {zh: '尚无人记录结论', en: 'nobody has recorded a finding yet'},
	teamReviewer: {zh: '审核人', en: 'Reviewer'},
	teamOpenRegion: {zh: '选中一个地区后按 Enter 打开', en: 'select a region to open it with Enter'},
	compare: {zh: '对比', en: 'Compare'},
	compareWith: {zh: '与', en: 'vs'},
	diff: {zh: '差值', en: 'Diff'},
	indicator: {zh: '评估指标', en: 'Indicator'},
	markedHint: {zh: '已标记，再标记另一个地区即并排对比（再按一次取消）', en: 'marked: mark another region to compare the two (again on it unmarks)'},
	unmarked: {zh: '已取消标记', en: 'unmarked'},
	compareOnlyOne: {zh: '本工作区只有一个地区，无可对比', en: 'this workspace has one region: there is nothing to compare it with'},
	planOffer: {zh: '抽查计划为此项列出 {n} 个事项：进入详情或按 + 时可一次加入（未判定）', en: 'the sample plan lists {n} items for this leaf: entering the item panel or + offers them (not judged yet)'},
} as const;

export type StringId = keyof typeof STRINGS;

/** The whole table (the string-table test reads it). */
export const STRING_TABLE: Readonly<Record<StringId, {zh: string; en: string}>> = STRINGS;

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
	accepted: {zh: '已通过', en: 'accepted'},
	returned: {zh: '已退回', en: 'returned'},
} as const;

/** Where a node's name comes from (the system file says). */
export const PROVENANCE_LABEL = {
	published: {zh: '公开发布', en: 'published'},
	derived: {zh: '推导', en: 'derived'},
	official: {zh: '官方文件', en: 'official'},
} as const;

/**
 * ASCII marks (East-Asian "ambiguous" glyphs such as ✓ ○ ★ break alignment in CJK terminals).
 * Leaves are bracketed; branches are `+` (collapsed) and `-` (expanded), never bracketed. A
 * reviewed finding (done or not applicable) shows its review: `[v]` accepted, `[<]` returned.
 */
export const STATUS_MARK = {none: '[ ]', draft: '[~]', done: '[x]', flagged: '[!]', na: '[/]', conflict: '[?]', accepted: '[v]', returned: '[<]'} as const;
export const BRANCH_MARK = {collapsed: '+', expanded: '-'} as const;
export type LeafStatus = keyof typeof STATUS_MARK;

/** A score as the TUI shows it: two decimals, `-` when there is none yet. */
export function shownScore(score: number | null | undefined): string {
	return score === null || score === undefined ? '-' : score.toFixed(2);
}

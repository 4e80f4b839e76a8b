import type {Command} from '../command.js';
import {stringOption, usageError, pathArg} from '../command.js';
import {OpenWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {messages, say, both, lines, type Message} from '../../domain/words/message.js';
import {pick} from '../../domain/text.js';
import {UserError, type FileIssue} from '../../storage/user-error.js';
import {findingKey, type Workspace} from '../../domain/workspace/workspace-schema.js';
import {checkReview, applyReview, isReviewConflict, type ReviewProblem} from '../../domain/review/review-finding.js';
import {reviewStageOf} from '../../domain/review/review-stage.js';
import {reviewPolicyOf} from '../../domain/review/review-policy.js';
import {resolveRegions} from '../region-args.js';
import {resolveLeaves} from '../indicator-args.js';
import {lockWait} from '../lock-wait.js';
import {COMMON} from '../common-words.js';

/** Every word `assess review` says, in one place. */
const M = messages('cli/review', {
	decision: {zh: '决定应为 "accept"（通过）或 "return"（退回），而不是 "{decision}"', en: 'the decision must be accept or return (not "{decision}")'},
	byWhy: {zh: '审核要记录是谁审的', en: 'a review records who gave it'},
	returnNeedsNote: {zh: '退回需要 --note "…"：评估人应修改什么', en: 'returning needs --note "…": what the assessor should fix'},
	inConflict: {zh: '有冲突：评估人对结论意见不一；请先裁定（assess record --settle，或在终端界面中按 c）', en: 'in conflict: the assessors disagree on the verdict; settle it first (assess record --settle, or c in the TUI)'},
	alreadyAccepted: {zh: '已通过审核（{by}）', en: 'already accepted (by {by})'},
	alreadyReturned: {zh: '已由 {by} 退回，等待评估人修改', en: 'returned by {by}, waiting for the assessor'},
	unchangedAccepted: {zh: '{what}：已由 {by} 审核通过；未作任何改动。', en: '{what}: already accepted by {by}; nothing changed.'},
	unchangedReturned: {zh: '{what}：已由 {by} 退回；未作任何改动。', en: '{what}: already returned by {by}; nothing changed.'},
	nothingReviewed: {zh: '没有审核任何评估结论；未作任何改动', en: 'nothing was reviewed; nothing was changed'},
	skipped: {zh: '跳过 {n} 项：', en: 'skipped {n}:'},
	skippedWhy: {zh: '  {n} 项 {why}：', en: '  {n} {why}:'},
	skippedWhat: {zh: '    {what}', en: '    {what}'},
	accepted: {zh: '已通过 {n} 条评估结论{where}。', en: 'Accepted {n} {n|finding|findings}{where}.'},
	returned: {zh: '已退回 {n} 条评估结论{where}。', en: 'Returned {n} {n|finding|findings}{where}.'},
	whereOne: {zh: '：{what}', en: ': {what}'},
	whereMany: {zh: '（{counts}）', en: ' ({counts})'},
	returnedNote: {zh: '评估人会看到备注：{note}', en: 'The assessor sees the note: {note}'},
	notRequired: {zh: '注意：此工作区不要求审核，因此正式结果不必等待审核（assess review-policy {ws} --review required --by <姓名>）', en: 'note: this workspace does not require review, so final does not wait for it (assess review-policy {ws} --review required --by <name>)'},
	more: {zh: '…另有 {n} 项', en: '… and {n} more'},
	passedOver: {zh: '（略过了 {n} 个没有任何记录的末级指标）', en: '({n} {n|leaf|leaves} with nothing recorded passed over)'},
	problemAt: {zh: '{what}：{why}', en: '{what}: {why}'},
});

/** Problems of a bulk review, grouped by why (by the English words of the why: one group for one reason). */
type Skipped = Map<string, {why: Message; what: Message[]}>;

export const reviewCommand: Command = {
	name: 'review',
	usage: {
		zh: 'assess review <工作区> <地区|all|代码,...> <评估指标|all> accept|return [--note <文字>] --by <姓名> [--lang zh|en]',
		en: 'assess review <workspace> <region|all|codes,...> <indicator|all> accept|return [--note <text>] --by <name> [--lang zh|en]',
	},
	summary: {zh: '通过一条已提交的评估结论，或附备注退回给评估人', en: 'accept a submitted finding, or return it to its assessor with a note'},
	help: {
		zh: `审核评估结论：通过已提交的评估结论，或附上备注退回给评估人，说明要改什么。审核记录在评估结论上
（谁、何时、备注），也记入变更记录；评估人看到退回的备注后修改，再次提交（状态为 "done"），它又会
等待审核。已通过的评估结论之后有任何改动，都会重新等待审核：通过的内容恰是审核过的内容。

  <地区|all|代码>      一个地区、几个地区（110000,310000 或 北京,上海），或 "all"（全部）
  <评估指标|all>       一个末级指标、末级指标以上的编码（其下所有末级指标："3" 即一级指标 3 的
                       全部），或 "all"
  "accept" | "return"  通过 | 退回
  --note <文字>        给评估人的备注（退回时必填）
  --by <姓名>          审核人（必填）
  --lang zh|en         输出语言（默认随系统区域设置）

规则（终端界面同样适用）：只审核已提交（"done"）或标为不适用的评估结论；还有其他未完成之处的
（抽查事项未判定等）只能退回，不能通过；审核人不审核自己记录的评估结论，除非工作区允许自审
（assess review-policy --self-review allowed）。对同一评估结论意见不一的审核人（一个通过、一个
退回，在两个文件中，之后合并）会形成冲突；对该末级指标再作一次审核即可裁定。

一条评估结论：被拒绝即报错（退出码 2），不作任何改动。多条：审核所有等待审核的评估结论；已审核的、
草稿、待复核的、审核人自己的以及有冲突的会被跳过，并按原因列出（只有一条都没有审核时退出码才为 2）。

工作区要求审核时（assess init --review required，或 assess review-policy），所有评估结论都通过
审核后结果才是正式的，assess export 会按指派的审核人列出仍在等待的评估结论。

示例：
  assess review team.json 110000 1.4.3 accept --by 王组长
  assess review team.json 北京 3 return --note "办事指南截图已过期，请重新截取" --by 王组长
  assess review team.json all all accept --by 王组长`,
		en: `Reviews findings: accept a submitted finding, or return it to its assessor with a note
saying what to fix. A review is recorded on the finding (who, when, the note) and in the change
log; the assessor sees a returned finding's note, fixes it and submits it again (status done),
and it waits for review again. Any later change to an accepted finding makes it wait again:
what was accepted is exactly what was reviewed.

  <region|all|codes>   one region, several (110000,310000 or Beijing,Shanghai), or all
  <indicator|all>      a leaf, a code above leaves (every leaf under it: 3 is all of primary 3),
                       or all
  accept | return
  --note <text>        for the assessor (required to return)
  --by <name>          who reviews (required)
  --lang zh|en         the language (default: from the locale)

Rules (the same for the TUI): only a submitted finding (done) or one marked not applicable is
reviewed; one with anything else that keeps it from being final (sampled items not judged, …)
is returned, not accepted; a reviewer does not review a finding they recorded themselves,
unless the workspace allows self-review (assess review-policy --self-review allowed).
Reviewers who disagree on the same finding (one accepted what another returned, in two files
merged) make a conflict; a review of that leaf settles it.

One finding: a refusal is an error (exit 2) and nothing changes. Several: every finding waiting
for review is reviewed; findings already reviewed, drafts, flagged findings, the reviewer's own
and conflicts are skipped and listed by reason (exit 2 only when nothing was reviewed).

When the workspace requires review (assess init --review required, or assess review-policy),
a result is final only when every finding is accepted, and assess export lists the findings
still waiting, by their assigned reviewer.

Examples:
  assess review team.json 110000 1.4.3 accept --by 王组长
  assess review team.json 北京 3 return --note "办事指南截图已过期，请重新截取" --by 王组长
  assess review team.json all all accept --by 王组长`,
	},
	options: {note: {type: 'string'}, by: {type: 'string'}},
	positionals: {min: 4, max: 4},
	async run(args, io) {
		const [wsArg, regionArg, indicatorArg, decisionArg] = args.positionals as [string, string, string, string];
		const t = (m: Message) => say(io.lang, m);
		const decision = decisionArg.trim().toLowerCase();
		if (decision !== 'accept' && decision !== 'return') throw usageError(reviewCommand, M.decision({decision: decisionArg}));
		const by = stringOption(args, 'by')?.trim();
		if (!by) throw usageError(reviewCommand, COMMON.byRequired({why: M.byWhy()}));
		const note = stringOption(args, 'note')?.trim() || undefined;
		if (decision === 'return' && !note) throw usageError(reviewCommand, M.returnNeedsNote());
		const file = pathArg(io, wsArg);
		const ws = await OpenWorkspace.open(file, {write: true, waitMs: lockWait(io.env), validationCache: ValidationCache.fromEnvironment(io.env), actor: by});
		try {
			const {index} = ws.context.system;
			const regions = resolveRegions(regionArg, ws.context.regions.regions, ws.data.regions, wsArg);
			const leaves = resolveLeaves(index, indicatorArg, wsArg);
			const policy = reviewPolicyOf(ws.data);
			const single = regions.length * leaves.length === 1;
			const names = new Map(ws.context.regions.regions.map(r => [r.code, r.name]));
			const label = (region: string, leaf: string): Message => both(lang => `${names.get(region) ?? region} ${leaf} ${pick(index.nodes.get(leaf)!.node.name, lang)}`);
			const at = new Date().toISOString();
			const skipped: Skipped = new Map();
			const skip = (why: Message, what: Message) => {
				const key = say('en', why);
				const group = skipped.get(key) ?? {why, what: []};
				group.what.push(what);
				skipped.set(key, group);
			};
			let next: Workspace = ws.data;
			const reviewed: string[] = [];
			let empty = 0;
			for (const region of regions) {
				for (const leaf of leaves) {
					const rule = index.nodes.get(leaf)!.rule!;
					const key = findingKey(region, leaf);
					const conflict = next.conflicts[key];
					let problem: ReviewProblem | undefined;
					if (conflict) {
						if (!isReviewConflict(conflict)) {
							skip(M.inConflict(), label(region, leaf));
							continue;
						}
						problem = conflict.candidates.map(c => checkReview(rule, c, decision, by, policy, note)).find(p => p !== undefined);
					} else {
						const f = next.findings[key];
						const stage = f ? reviewStageOf(f) : 'not-submitted';
						// In bulk, what is not waiting is left as it is; one finding can be reviewed again.
						if (!single && stage === 'accepted') {
							skip(M.alreadyAccepted({by: f!.review!.by}), label(region, leaf));
							continue;
						}
						if (!single && stage === 'returned') {
							skip(M.alreadyReturned({by: f!.review!.by}), label(region, leaf));
							continue;
						}
						problem = checkReview(rule, f, decision, by, policy, note);
					}
					if (problem) {
						// In bulk, a leaf nobody recorded is simply not reviewable: counted, not listed.
						if (!single && problem.code === 'nothing-recorded') empty++;
						else skip(problem.said, label(region, leaf));
						continue;
					}
					const after = applyReview(next, region, leaf, decision, by, at, note);
					if (after === next) {
						if (single) {
							io.err(t((decision === 'accept' ? M.unchangedAccepted : M.unchangedReturned)({what: label(region, leaf), by})));
							return 0;
						}
						continue;
					}
					next = after;
					reviewed.push(region);
				}
			}
			const skippedLines: Message[] = [...skipped.values()].flatMap(({why, what}) => [M.skippedWhy({n: what.length, why}), ...what.slice(0, 5).map(w => M.skippedWhat({what: w})), ...(what.length > 5 ? [M.skippedWhat({what: M.more({n: what.length - 5})})] : [])]);
			if (empty) skippedLines.push(M.skippedWhat({what: M.passedOver({n: empty})}));
			const skippedCount = [...skipped.values()].reduce((n, g) => n + g.what.length, 0) + empty;
			if (reviewed.length === 0) {
				const issues: FileIssue[] = single ? [...skipped.values()].map(({why, what}) => ({file: wsArg, place: '', problem: M.problemAt({what: what[0]!, why})})) : [{file: wsArg, place: '', problem: M.skipped({n: skippedCount})}, ...skippedLines.map(line => ({file: wsArg, place: '', problem: line}))];
				issues.push({file: wsArg, place: '', problem: M.nothingReviewed()});
				throw new UserError(issues);
			}
			const report = await ws.save(next);
			for (const warning of ws.warnings) io.err(t(COMMON.warning({text: warning})));
			if (report.merged) io.err(t(COMMON.mergedMeanwhileCounts({file: wsArg, fromDisk: report.merged.fromDisk, conflicts: report.merged.conflicts})));
			const counts = new Map<string, number>();
			for (const region of reviewed) counts.set(region, (counts.get(region) ?? 0) + 1);
			const where = single ? M.whereOne({what: label(regions[0]!, leaves[0]!)}) : M.whereMany({counts: [...counts].map(([r, n]) => `${names.get(r) ?? r} ${n}`)});
			io.err(t((decision === 'accept' ? M.accepted : M.returned)({n: reviewed.length, where})));
			if (decision === 'return') io.err(t(M.returnedNote({note: note!})));
			if (skippedLines.length) io.err(t(lines([M.skipped({n: skippedCount}), ...skippedLines])));
			if (!policy.reviewRequired) io.err(t(M.notRequired({ws: wsArg})));
			return 0;
		} finally {
			await ws.close();
		}
	},
};

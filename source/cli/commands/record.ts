import type {Command} from '../command.js';
import {stringOption, listOption, usageError, pathArg} from '../command.js';
import {OpenWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {messages, say, both, type Message} from '../../domain/words/message.js';
import {pick} from '../../domain/text.js';
import {COMMON} from '../common-words.js';
import {UserError, type FileIssue} from '../../storage/user-error.js';
import {inBoth} from '../../domain/text.js';
import {loadCatalog} from '../../storage/load-files.js';
import {parseValue} from '../../domain/rules/parse-value.js';
import {parseSampleInput, applySampleEdit, catalogLookup, itemName, type SampleEdit, type CatalogLookup} from '../../domain/rules/sample-input.js';
import {findingStatus, findingKey, type FindingValue, type FindingStatus, type Finding, type Sample, type Workspace, type Evidence} from '../../domain/workspace/workspace-schema.js';
import {recordFinding, mergeEvidence, type FindingChange} from '../../domain/workspace/record-finding.js';
import {checkRecording} from '../../domain/workspace/recording-rules.js';
import {settleConflict} from '../../domain/merge/merge-workspaces.js';
import {resolveRegions} from '../region-args.js';
import {parseEvidence} from '../evidence-args.js';
import {lockWait} from '../lock-wait.js';

const M = messages('cli/record', {
	badStatus: {zh: '--status 应为 "draft"、"done"、"flagged"、"na" 之一（而不是 "{status}"）', en: '--status must be one of draft, done, flagged, na (not "{status}")'},
	settleReason: {zh: '--settle-reason 须与 --settle 一起使用', en: '--settle-reason goes with --settle'},
	notIndicator: {zh: '"{code}" 不是 {system} 的评估指标；参见 `assess search`', en: '"{code}" is not an indicator of {system}; see `assess search`'},
	notLeaf: {zh: '"{code}"（{name}）不是末级指标；评估结论记录在末级指标上：{leaves}', en: '"{code}" ({name}) is not a leaf; findings are recorded on leaves: {leaves}'},
	at: {zh: '{where}：{problem}', en: '{where}: {problem}'},
	atRegion: {zh: '{where}（{region}）：{problem}', en: '{where} ({region}): {problem}'},
	withReason: {zh: '{problem}（用 --reason "…" 说明）', en: '{problem} (--reason "…")'},
	itemOptions: {zh: '--item-note 和 --item-evidence 只用于抽查类末级指标；{where} 不是', en: '--item-note and --item-evidence are for sampled leaves; {where} is not one'},
	nothing: {zh: '没有要记录的内容：请给出分值，或用 "-" 加上备注、状态或证据', en: 'nothing to record: give a value, or a note, status or evidence with "-"'},
	inConflict: {zh: '{where} 在 {regions} 有冲突（评估人意见不一；参见 assess export --allow-conflicts 或终端界面中的 c）；在冲突旁另行记录会使冲突仍然悬而未决。加上 --settle 可用这个分值裁定（并用 --settle-reason 说明理由）。未作任何改动。', en: '{where} is in conflict for {regions} (assessors disagree; see assess export --allow-conflicts or the TUI\'s c); recording beside the conflict would leave it open. Add --settle to settle it with this value (and --settle-reason to say why). Nothing was changed.'},
	noConflict: {zh: '{where}：给了 --settle，但这里没有要裁定的冲突。未作任何改动。', en: '{where}: --settle, but there is no conflict to settle here. Nothing was changed.'},
	settleWhole: {zh: '{where}：裁定冲突时须给出完整的抽查事项列表（不带 +）：各候选的列表不同。未作任何改动。', en: '{where}: a conflict is settled with the whole list of sampled items (without +): the candidates\' lists differ. Nothing was changed.'},
	replaced: {zh: '{region}：已替换原有且未列出的 {n} 个抽查事项（{items}）；以 + 开头则为追加', en: '{region}: replaced the {n} sampled {n|item|items} already there and not named ({items}); a leading + adds instead'},
	settleNeedsValue: {zh: '{where}：裁定冲突需要给出用于裁定的分值（不能是 "-"）。未作任何改动。', en: '{where}: settling a conflict needs the value to settle it with (not "-"). Nothing was changed.'},
	moreRegions: {zh: '…另有 {n} 个地区', en: '… and {n} more {n|region|regions}'},
	accepted: {zh: '{region}（已由 {by} 审核通过）', en: '{region} (accepted by {by})'},
	returned: {zh: '{region}（已由 {by} 退回）', en: '{region} (returned by {by})'},
	voided: {zh: '注意：{where} 在 {regions} 已审核过；此次改动使其重新等待审核。', en: 'note: {where} had been reviewed for {regions}; the change makes {n|it wait|them wait} for review again.'},
	recorded: {zh: '已记录 {where}（{regions}）{unchanged}。', en: 'Recorded {where} for {regions}{unchanged}.'},
	settled: {zh: '已裁定 {n} 处冲突，并记录 {where}（{regions}）{unchanged}。', en: 'Settled {n} {n|conflict|conflicts} and recorded {where} for {regions}{unchanged}.'},
	regions: {zh: '{n} 个地区', en: '{n} regions'},
	valueUnchanged: {zh: '，分值未变', en: ' (value unchanged)'},
	itemArg: {zh: '"{arg}" 应写作 <事项>=<文字>，如 SI-0356=办事指南缺少收费依据', en: '"{arg}" should be <item>=<text>, like SI-0356=<text>'},
	notSampled: {zh: '"{item}" 不是这里的抽查事项（{items}）；请先添加它', en: '"{item}" is not one of the sampled items here ({items}); add it first'},
	noneYet: {zh: '尚无', en: 'none yet'},
});

/** Names in a list, the first eight, and how many more. */
const someOf = (names: readonly string[]): Message | string[] => (names.length > 8 ? COMMON.andMore({list: names.slice(0, 8), n: names.length - 8}) : [...names]);

export const recordCommand: Command = {
	name: 'record',
	usage: {
		zh: 'assess record <工作区> <地区|all|代码,...> <评估指标> <分值> [--note <文字>] [--evidence <网址|文件|quote:引文>]... [--status draft|done|flagged|na] [--reason <文字>] [--by <姓名>] [--item-note <事项>=<文字>]... [--item-evidence <事项>=<证据>]... [--settle [--settle-reason <文字>]] [--lang zh|en]',
		en: 'assess record <workspace> <region|all|codes,...> <indicator> <value> [--note <text>] [--evidence <url|file|quote:text>]... [--status draft|done|flagged|na] [--reason <text>] [--by <name>] [--item-note <item>=<text>]... [--item-evidence <item>=<e>]... [--settle [--settle-reason <text>]] [--lang zh|en]',
	},
	summary: {zh: '不用终端界面记录评估结论（脚本、批量修改）', en: 'record a finding without the TUI (scripts, bulk edits)'},
	help: {
		zh: `为一个地区、几个地区或全部地区（批量修改）在一个末级指标上记录评估结论。分值按该末级指标的规则
检查：

  是否类规则       "y"、"n"、"yes"、"no"、"是"、"否"
  分档类规则       档次的序号（1 为第一档）、"id" 或名称："1"、"full"、"完全满足"
  计量类规则       按规则单位的数值：3.5
  直接打分         0 到 100 的数：87.5
  -                保持当前分值（只改备注、状态或证据时）
  抽查类规则       逐项写出抽查的政务服务事项及结果：pass（通过）、fail（不通过）或 ?（尚未判定）
    SI-0001:pass,SI-0002:fail,SI-0003:?   此末级指标的事项就是这些：原有而未列出的事项会被替换
                                          （提示中会列出）
    +SI-0004:fail                         以 + 开头为追加事项（或重新判定已有事项），其余保留
    name:新生儿出生一件事:pass             事项目录之外的事项，按名称记录；其他编码都必须在
                                          目录之中（assess search）
    得分只计已判定的事项：通过数 ÷ 已判定数 × 100。

记录规则（违反任何一条都不会保存）：
  - 不适用（--status na）和待复核（--status flagged）需要 --reason；
  - 没有分值的末级指标不能标为完成；
  - 抽查类末级指标须每个事项都已判定才能标为完成；事项少于规则要求（"sampleSize"）时，须用
    --reason 说明原因，否则导出时会列为未完成项；
  - 评估人意见不一的末级指标（assess merge 留下的冲突）不能在冲突旁另行记录：--settle 用这个
    分值裁定（--settle-reason 说明理由）。

  --note <文字>            评估结论的备注（替换当前备注）
  --evidence <证据>        网址、quote:<引文> 或文件（复制到 <工作区名>.evidence/ 中）；可多次给出
  --status <状态>          "draft"（草稿，新评估结论的默认值）、"done"（完成）、"flagged"
                           （待复核）或 "na"（不适用）
  --reason <文字>          待复核、不适用或事项不足仍标为完成的原因
  --by <姓名>              记录人（默认：工作区的评估人）
  --item-note <事项>=<文字>   单个抽查事项的备注：SI-0356=办事指南缺少收费依据
  --item-evidence <事项>=<证据>  单个抽查事项的证据（网址、quote:… 或文件）
  --settle                 用这个分值裁定此末级指标的冲突（组长的决定）
  --settle-reason <文字>   裁定的理由（随评估结论保存并导出）
  --lang zh|en             输出语言（默认随系统区域设置）

如果另一个进程正在编辑该工作区，最多等待 15 秒（ASSESS_LOCK_WAIT_MS 可改）。

示例：
  assess record ws.json 110000 3.1.1 y --note "指南要素齐全" --evidence https://zwfw.beijing.gov.cn/...
  assess record ws.json all 1.1.1 full --status done
  assess record ws.json 北京,上海 2.2.1 - --status na --reason "本地区无此类事项"
  assess record ws.json 110000 3.5.1 +SI-0356:fail --item-note "SI-0356=办事指南缺少收费依据"`,
		en: `Records a finding on one leaf indicator for one region, several, or all of them (a bulk
edit). The value is checked against the leaf's rule:

  yes/no rule      y, n, yes, no
  levels rule      the level's number (1 = first), id or label: 1, full
  measurement      a number in the rule's unit: 3.5
  direct score     a number from 0 to 100: 87.5
  -                keep the current value (to change only the note, status or evidence)
  sampled rule     each sampled service item with its verdict: pass, fail, or ? (not judged yet)
    SI-0001:pass,SI-0002:fail,SI-0003:?   the leaf's items are exactly these: items already
                                          there and not named are replaced (the message lists them)
    +SI-0004:fail                         a leading + adds items (or re-judges ones already there)
                                          and keeps the rest
    name:<its name>:pass                  an item outside the service-item catalog, by its name;
                                          any other code must be in the catalog (assess search)
    An item's score counts judged items only: passed / judged × 100.

Recording rules (nothing is saved when one is broken):
  - not applicable (--status na) and flagged (--status flagged) need --reason;
  - a leaf with no value cannot be marked done;
  - a sampled leaf is done only when every item is judged, and with fewer items than its rule
    asks for (sampleSize) only with --reason saying why; otherwise export lists it as a blocker.
  - a leaf whose assessors disagree (a conflict from assess merge) is not recorded beside the
    conflict: --settle settles it with this value (--settle-reason says why).

  --note <text>            the finding's note (replaces the current note)
  --evidence <e>           a URL, quote:<text>, or a file (copied into <workspace-name>.evidence/);
                           may be given several times
  --status <s>             draft (default for a new finding), done, flagged, or na (not applicable)
  --reason <text>          why it is flagged, not applicable, or done with fewer sampled items
  --by <name>              who records it (default: the workspace's assessor)
  --item-note <item>=<t>   a note on one sampled item: SI-0356=<text>
  --item-evidence <item>=<e>  evidence for one sampled item (URL, quote:…, or a file)
  --settle                 settle the leaf's conflict with this value (a team lead's decision)
  --settle-reason <text>   why it was settled this way (kept with the finding and exported)
  --lang zh|en             the language (default: from the locale)

Waits up to 15 s if another process is editing the workspace (ASSESS_LOCK_WAIT_MS changes it).

Examples:
  assess record ws.json 110000 3.1.1 y --note "指南要素齐全" --evidence https://zwfw.beijing.gov.cn/...
  assess record ws.json all 1.1.1 full --status done
  assess record ws.json 北京,上海 2.2.1 - --status na --reason "本地区无此类事项"
  assess record ws.json 110000 3.5.1 +SI-0356:fail --item-note "SI-0356=办事指南缺少收费依据"`,
	},
	options: {
		note: {type: 'string'},
		evidence: {type: 'string', multiple: true},
		status: {type: 'string'},
		reason: {type: 'string'},
		by: {type: 'string'},
		'item-note': {type: 'string', multiple: true},
		'item-evidence': {type: 'string', multiple: true},
		settle: {type: 'boolean'},
		'settle-reason': {type: 'string'},
	},
	positionals: {min: 4, max: 4},
	async run(args, io) {
		const [wsArg, regionArg, indicator, valueText] = args.positionals as [string, string, string, string];
		const file = pathArg(io, wsArg);
		const t = (m: Message) => say(io.lang, m);
		const statusText = stringOption(args, 'status');
		const status = statusText === undefined ? undefined : findingStatus.safeParse(statusText);
		if (status && !status.success) throw usageError(recordCommand, M.badStatus({status: statusText!}));
		const settle = Boolean(args.values.settle);
		if (!settle && stringOption(args, 'settle-reason') !== undefined) throw usageError(recordCommand, M.settleReason());
		const ws = await OpenWorkspace.open(file, {write: true, waitMs: lockWait(io.env), validationCache: ValidationCache.fromEnvironment(io.env)});
		try {
			const {index} = ws.context.system;
			const node = index.nodes.get(indicator);
			if (!node) throw UserError.of(wsArg, M.notIndicator({code: indicator, system: index.system.id}));
			const rule = node.rule;
			if (!rule) throw UserError.of(wsArg, M.notLeaf({code: indicator, name: inBoth(node.node.name), leaves: leafHint(index, indicator)}));
			const regions = resolveRegions(regionArg, ws.context.regions.regions, ws.data.regions, wsArg);
			const where = both(lang => `${indicator} ${pick(node.node.name, lang)}`);
			const named = (region: string) => regionLabel(ws.context.regions.regions, region);
			const keepValue = valueText.trim() === '-';
			const by = stringOption(args, 'by')?.trim() || ws.data.assessor;
			const at = new Date().toISOString();

			// The value: one for every region, or, for sampled items, an edit of each region's own list.
			let value: FindingValue | undefined;
			let sampleEdit: SampleEdit | undefined;
			let catalog: CatalogLookup | undefined;
			if (!keepValue && rule.type === 'sampled') {
				catalog = catalogLookup(loadCatalog().items);
				const parsed = parseSampleInput(valueText, catalog);
				if (!parsed.ok) throw UserError.of(wsArg, M.at({where, problem: parsed.issues[0]!.said}));
				sampleEdit = parsed.value;
			} else if (!keepValue) {
				const parsed = parseValue(rule, valueText);
				if (!parsed.ok) throw UserError.of(wsArg, M.at({where, problem: parsed.issues[0]!.said}));
				value = parsed.value;
			}
			const itemNotes = itemArgs(listOption(args, 'item-note'), '--item-note');
			const itemEvidence = itemArgs(listOption(args, 'item-evidence'), '--item-evidence').map(([item, spec]) => [item, parseEvidence(spec, ws.realFile, io.cwd, by, at)] as const);
			if ((itemNotes.length || itemEvidence.length) && rule.type !== 'sampled') throw usageError(recordCommand, M.itemOptions({where}));

			const base: FindingChange = {};
			if (status?.success) base.status = status.data as FindingStatus;
			const note = stringOption(args, 'note');
			if (note !== undefined) base.note = note;
			const reason = stringOption(args, 'reason');
			if (reason !== undefined) base.reason = reason;
			const evidence = listOption(args, 'evidence').map(spec => parseEvidence(spec, ws.realFile, io.cwd, by, at));
			if (evidence.length) base.addEvidence = evidence;
			if (!value && !sampleEdit && !itemNotes.length && !itemEvidence.length && Object.keys(base).length === 0) {
				throw usageError(recordCommand, M.nothing());
			}

			const problems: FileIssue[] = [];
			const said: Message[] = [];
			// Reviews this change makes void: what was reviewed is not what the finding says now.
			const voided: Message[] = [];
			let next: Workspace = ws.data;
			const findings = {...ws.data.findings};
			const inConflict = regions.filter(r => ws.data.conflicts[findingKey(r, indicator)]);
			if (inConflict.length && !settle) {
				throw UserError.of(wsArg, M.inConflict({where, regions: someOf(inConflict.map(named))}));
			}
			if (settle && inConflict.length === 0) throw UserError.of(wsArg, M.noConflict({where}));
			if (settle && sampleEdit?.mode === 'add') throw UserError.of(wsArg, M.settleWhole({where}));

			for (const region of regions) {
				const key = findingKey(region, indicator);
				const conflict = ws.data.conflicts[key];
				const previous: Finding | undefined = conflict ? undefined : findings[key];
				const change: FindingChange = {...base};
				let regionValue = value;
				if (sampleEdit || itemNotes.length || itemEvidence.length) {
					const before = samplesOf(previous?.value ?? null) ?? [];
					let samples: Sample[] = before;
					if (sampleEdit) {
						const applied = applySampleEdit(before, sampleEdit);
						samples = applied.samples;
						if (applied.replaced.length) said.push(M.replaced({region: named(region), n: applied.replaced.length, items: applied.replaced.map(s => `${s.item} ${itemName(s.item, catalog)}`)}));
					}
					const problem = annotateSamples(samples, itemNotes, itemEvidence);
					if (problem) throw UserError.of(wsArg, M.atRegion({where, region: named(region), problem}));
					regionValue = {type: 'sampled', samples: annotated(samples, itemNotes, itemEvidence)};
				}
				if (regionValue) change.value = regionValue;
				let made: Finding;
				if (conflict) {
					const chosenValue = regionValue ?? null;
					if (chosenValue === null) throw UserError.of(wsArg, M.settleNeedsValue({where}));
					const chosen = {value: chosenValue, status: change.status ?? 'done', note: change.note ?? '', ...(change.reason ? {reason: change.reason} : {})};
					next = settleConflict({...next, findings}, region, indicator, chosen, by, at, stringOption(args, 'settle-reason'));
					made = next.findings[key]!;
					if (change.addEvidence?.length) made = recordFinding(made, region, indicator, {addEvidence: change.addEvidence}, by, at);
					change.status = chosen.status;
					change.value = chosenValue;
				} else {
					made = recordFinding(previous, region, indicator, change, by, at);
				}
				if (previous?.review && made !== previous && !made.review) voided.push((previous.review.state === 'accepted' ? M.accepted : M.returned)({region: named(region), by: previous.review.by}));
				const broken = checkRecording(rule, made, change);
				if (broken) problems.push({file: wsArg, place: '', problem: M.atRegion({where, region: named(region), problem: broken.code === 'done-unscored' || broken.code === 'done-unjudged' ? broken.said : M.withReason({problem: broken.said})})});
				findings[key] = made;
			}
			if (problems.length) {
				const shown = problems.slice(0, 10);
				if (problems.length > 10) shown.push({file: wsArg, place: '', problem: M.moreRegions({n: problems.length - 10})});
				shown.push({file: wsArg, place: '', problem: COMMON.nothingChanged()});
				throw new UserError(shown);
			}
			const conflicts = settle ? Object.fromEntries(Object.entries(ws.data.conflicts).filter(([k]) => !inConflict.some(r => findingKey(r, indicator) === k))) : ws.data.conflicts;
			const report = await ws.save({...ws.data, findings, conflicts});
			for (const warning of ws.warnings) io.err(t(COMMON.warning({text: warning})));
			if (report.merged) io.err(t(COMMON.mergedMeanwhileCounts({file: wsArg, fromDisk: report.merged.fromDisk, conflicts: report.merged.conflicts})));
			for (const line of said) io.err(t(line));
			if (voided.length) io.err(t(M.voided({where, regions: voided.length > 8 ? COMMON.andMore({list: voided.slice(0, 8), n: voided.length - 8}) : voided, n: voided.length})));
			const done = {where, regions: regions.length === 1 ? regions[0]! : M.regions({n: regions.length}), unchanged: value || sampleEdit ? '' : M.valueUnchanged()};
			io.err(t(settle ? M.settled({...done, n: inConflict.length}) : M.recorded(done)));
			return 0;
		} finally {
			await ws.close();
		}
	},
};

function samplesOf(value: FindingValue | null): Sample[] | undefined {
	return value?.type === 'sampled' ? value.samples : undefined;
}

/** `SI-0356=text` arguments as [item, text] pairs. */
function itemArgs(list: readonly string[], flag: string): [string, string][] {
	return list.map(arg => {
		const at = arg.search(/[=＝]/);
		if (at <= 0) throw UserError.of(flag, M.itemArg({arg}));
		return [arg.slice(0, at).trim().replace(/^(?:name|名称)\s*[:：]\s*/i, ''), arg.slice(at + 1).trim()];
	});
}

/** Is every annotated item among the samples? */
function annotateSamples(samples: readonly Sample[], notes: readonly (readonly [string, string])[], evidence: readonly (readonly [string, unknown])[]): Message | undefined {
	const have = new Set(samples.map(s => s.item));
	for (const [item] of [...notes, ...evidence]) {
		if (!have.has(item) && !have.has(item.toUpperCase())) return M.notSampled({item, items: samples.length ? samples.map(s => s.item) : M.noneYet()});
	}
	return undefined;
}

function annotated(samples: readonly Sample[], notes: readonly (readonly [string, string])[], evidence: readonly (readonly [string, Evidence])[]): Sample[] {
	const same = (a: string, b: string) => a === b || a.toUpperCase() === b;
	return samples.map(s => {
		const note = notes.filter(([item]) => same(item, s.item)).at(-1)?.[1];
		const added = evidence.filter(([item]) => same(item, s.item)).map(([, e]) => e);
		if (note === undefined && added.length === 0) return s;
		const out: Sample = {...s};
		if (note !== undefined) {
			if (note) out.note = note;
			else delete out.note;
		}
		if (added.length) out.evidence = mergeEvidence(s.evidence ?? [], added);
		return out;
	});
}

function regionLabel(known: readonly {code: string; name: string}[], code: string): string {
	const r = known.find(x => x.code === code);
	return r ? `${r.name} ${code}` : code;
}

function leafHint(index: {nodes: ReadonlyMap<string, {children: readonly string[]; rule: unknown}>}, code: string): string[] {
	const leaves: string[] = [];
	const walk = (c: string) => {
		const n = index.nodes.get(c);
		if (!n) return;
		if (n.rule) leaves.push(c);
		n.children.forEach(walk);
	};
	walk(code);
	return leaves.length > 8 ? [...leaves.slice(0, 8), '…'] : leaves;
}

import {basename, extname, join} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, displayPath, usageError, pathArg} from '../command.js';
import {messages, say, type Message} from '../../domain/words/message.js';
import {COMMON} from '../common-words.js';
import {readWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {runExport, ExportRefused, exportPath, type CsvTable} from '../../export/run-export.js';
import {readEdition, compareEditions} from '../compare-editions.js';
import {exportFormat} from '../../export/export-target.js';
import type {RegionOrder} from '../../domain/export/workbook-model.js';
import {blockerJson, blockerSummaryWords, BLOCKER_KINDS, type Blocker, type BlockerKind} from '../../domain/workspace/finality.js';
import {resolveRegions} from '../region-args.js';

const M = messages('cli/export', {
	order: {zh: '--order 应为 "rank" 或 "tier"（而不是 "{value}"）', en: '--order must be rank or tier (not "{value}")'},
	table: {zh: '--table 应为 "scores"、"samples"、"findings" 或 "compare"（而不是 "{value}"）', en: '--table must be scores, samples, findings or compare (not "{value}")'},
	mapNeedsCompare: {zh: '--map 要与 --compare <旧工作区> 一起使用', en: '--map goes with --compare <old-ws>'},
	compareTableNeeds: {zh: '--table compare 需要 --compare <旧工作区>', en: '--table compare needs --compare <old-ws>'},
	compareWrongTable: {zh: '--compare 写入 csv 的 "compare" 表，而不是 --table {table}', en: "--compare goes into the csv's compare table, not --table {table}"},
	tableCsv: {zh: '--table 只用于 --format csv（xlsx 和 json 包含所有表）', en: '--table is for --format csv (xlsx and json hold every table)'},
	exportedFinal: {zh: '已导出 {file}（{format}，{kb} KB）—— 正式结果。', en: 'Exported {file} ({format}, {kb} KB) — final.'},
	exportedDraft: {zh: '已导出 {file}（{format}，{kb} KB）—— 草稿，不是正式结果：{draft}。', en: 'Exported {file} ({format}, {kb} KB) — a DRAFT, not a final result: {draft}.'},
});

export const exportCommand: Command = {
	name: 'export',
	usage: {
		zh: 'assess export <工作区> [-o <文件>] [--format xlsx|csv|json] [--table scores|samples|findings|compare] [--order rank|tier] [--regions <地区>] [--detail] [--compare <旧工作区> [--map <映射.json>]] [--allow-incomplete] [--allow-conflicts] [--json] [--lang zh|en]',
		en: 'assess export <workspace> [-o <file>] [--format xlsx|csv|json] [--table scores|samples|findings|compare] [--order rank|tier] [--regions <codes>] [--detail] [--compare <old-ws> [--map <mapping.json>]] [--allow-incomplete] [--allow-conflicts] [--json] [--lang zh|en]',
	},
	summary: {zh: '按官方版式导出 Excel 结果表，或 CSV / JSON', en: 'Excel result sheets in the official layout, or CSV / JSON'},
	help: {
		zh: `导出工作区的结果。

正式或草稿。每个地区的每个末级指标都已评分，或以原因标为不适用；没有草稿或待复核的评估结论；没有
未裁定的冲突；每个抽查类末级指标的事项都已判定，且数量达到规则要求（少于要求时，须说明原因后标为
完成）——这时工作区才是正式的。不是正式结果的工作区会被拒绝导出，并列出未完成项（地区、评估指标和
原因：未评、草稿、待复核及其原因、不适用但未说明原因、冲突、抽查事项缺少或未判定）：提示中列出前
20 项，--json 列出全部。--allow-incomplete（有未裁定冲突时再加 --allow-conflicts）改为导出草稿，
各种格式都会注明：xlsx 的标题行、排名表（带已评覆盖率一列和“暂定”标记）和“说明”表，以及列出全部
未完成项的“未完成项”表；CSV 的第一列（"result"："draft"）；JSON 的 "result" 和 "draft"。

xlsx（默认）：每个地区一张表，版式同公开发布的表——以地区名称为标题（[北京市]），第二行为指标体系和
版次，然后是 评估指标 | 得分 | 排名、总得分，每个一级指标之后是其二级指标（加 --detail 时还有缩进的
三级指标）；得分为保留两位小数的数字，排名为本工作区各地区中的整数排名。然后是“排名”表（排名 |
省级政府或重点城市 | 总体指数 | 等级 和各一级指标得分，以及等级汇总：非常高（90分以上） N 个及
占比）、“抽查事项”表（每个抽查事项：地区、评估指标、事项编码和名称、结果、备注、证据）、“评估记录”
表（每条评估结论及其证据；计量类为数值及其单位；已裁定的冲突附每个候选以及裁定人、时间和理由；
冻结表头，可筛选），以及“说明”表（指标体系文件和权重文件，相对于工作区的路径及其 SHA-256，等级
分界，计量方法，覆盖情况，冲突，时间，版本）。时间为你所在时区的日期。
csv：每个文件一张表，UTF-8 带 BOM：--table scores（默认；每行一个“地区 × 评估指标”）、"samples"
（每行一个抽查事项）或 "findings"（每行一条评估结论或一个候选）。时间为带你所在时区偏移的 ISO 8601。
json：得分同 \`assess score --json\` 的输出，附导出信息、未完成项、每个抽查事项和每条评估结论（加
--compare 时还有对比，同 \`assess compare --json\` 的输出）。

  -o, --output <文件>   默认：exports/<工作区名>.<格式>；扩展名（.xlsx、.csv、.json）即格式。导出只写
                        新文件，或替换同一格式的先前导出文件，从不替换其他任何文件（工作区、被锁定的
                        文件、其他种类的文件）
  --order rank|tier     "rank"（默认）：排名表；"tier"：公开发布的 2022 年版式，按等级分组，组内按
                        行政区划代码排列，不显示排名
  --regions <地区>      只导出这些地区（排名仍在全部地区中计算）
  --detail              同时导出三级指标
  --table <表>          用于 csv："scores"、"samples"、"findings" 或 "compare"（加 --compare 时：每行一个
                        地区 × 对应指标，往年与今年）
  --compare <旧工作区>  逐年对比（assess compare）：xlsx 增加“对比”表（每个地区往年与今年的总得分、排名、
                        等级及变化；指标的对应关系；未对应的编码）和“指标对比”表（每个地区每个对应指标
                        的往年与今年）；JSON 增加对比数据（"comparison"）；CSV 为 --table compare 表。任一方
                        不是正式结果时标为“暂定”
  --map <文件>          与 --compare 一起用：哪些旧编码变成了哪些新编码（见 assess compare --help）
  --allow-incomplete    即使有未评、草稿或待复核的末级指标，也导出草稿
  --allow-conflicts     即使有未裁定的冲突，也导出草稿
  --json                在标准输出上输出写了什么，或为何被拒绝，并列出每个未完成项
  --lang zh|en          输出语言（默认随系统区域设置；导出文件本身为中文）

计量类指标的得分相对于工作区文件中的地区计算（导出文件会注明有多少个）。指标体系文件或权重文件自
工作区创建以来有改动时，导出会说明。电子表格会当作公式执行的文字，一律写为文本。`,
		en: `Exports the results of a workspace.

Final or draft. A workspace is final when every leaf of every region is scored, or not
applicable with a reason; no finding is a draft or flagged for review; no conflict is open; and
every sampled leaf has its items judged and as many as its rule asks for (fewer only when marked
done with a reason). A workspace that is not final is refused, listing what blocks it (region,
indicator, and why: unscored, draft, flagged and its reason, not applicable without a reason,
conflict, sampled items missing or not judged): the first 20 in the message, all with --json.
--allow-incomplete (and --allow-conflicts for open conflicts) export a draft instead, marked as
one in every format: the xlsx's title rows, ranking sheet (with a coverage column and
"provisional" marks) and notes sheet, a sheet of blockers listing every one; the CSV's first
column (result: draft); the JSON's "result" and "draft".

xlsx (default), in Chinese as published: one sheet per region — its name as the title, the
system and edition on the second line, then indicator | score | rank, the total, each primary
indicator followed by its secondaries (and tertiaries, indented, with --detail); scores are
numbers shown with two decimals, ranks integers among the workspace's regions. Then the
ranking sheet (rank | region | overall index | tier and the primary scores, and the tier
summary: how many regions in each tier, and their share), the sampled items sheet (every
sampled item: region, indicator, item code and name, result, note, evidence), the findings
sheet (every finding with its evidence; measures as numbers with their unit; a settled conflict
with every candidate and who settled it, when and why; frozen header, filter), and the notes
sheet (system file and weights file, relative to the workspace, with their SHA-256, tier edges,
measure methods, coverage, conflicts, time, version). Times are dates in your time zone.
csv: one table per file, UTF-8 with BOM: --table scores (default; one row per region ×
indicator), samples (one row per sampled item) or findings (one row per finding or candidate).
Times are ISO 8601 with your zone's offset.
json: the scores as \`assess score --json\` prints them, with the export's facts, the blockers,
every sampled item and every finding (and with --compare the comparison, as \`assess compare
--json\` gives it).

  -o, --output <file>   default: exports/<workspace name>.<format>; its extension (.xlsx, .csv,
                        .json) is the format. An export writes a new file or replaces an
                        earlier export of the same format, never anything else (a workspace,
                        a locked file, a file of another kind)
  --order rank|tier     rank (default): the ranking table; tier: the published 2022 style,
                        regions grouped by tier, within a tier by administrative code, no ranks
  --regions <codes>     only these regions (ranks stay among all regions)
  --detail              tertiary indicators too
  --table <t>           for csv: scores, samples, findings, or compare (with --compare: one
                        row per region and corresponding indicator, then and now)
  --compare <old-ws>    year on year (assess compare): xlsx gets a comparison sheet (per region
                        total, rank and tier then and now and the change; which indicators
                        correspond; unmatched codes) and an indicator comparison sheet (per
                        region every corresponding indicator then and now); json a
                        "comparison"; csv the compare table. Results not final on either side
                        are marked provisional
  --map <file>          with --compare: which old codes became which new ones (assess compare
                        --help)
  --allow-incomplete    export a draft despite unscored, draft or flagged leaves
  --allow-conflicts     export a draft despite open conflicts
  --json                on stdout: what was written, or why it was refused, with every blocker
  --lang zh|en          the language of the messages (default: from the locale; the exported
                        file is in Chinese)

Measure scores are relative to the regions in the workspace file (the export says to how
many). The export says when the system or weights file changed since the workspace was made.
Text that a spreadsheet would run as a formula is always written as text.`,
	},
	options: {
		output: {type: 'string', short: 'o'},
		format: {type: 'string'},
		table: {type: 'string'},
		order: {type: 'string'},
		regions: {type: 'string'},
		detail: {type: 'boolean'},
		'allow-incomplete': {type: 'boolean'},
		'allow-conflicts': {type: 'boolean'},
		json: {type: 'boolean'},
		compare: {type: 'string'},
		map: {type: 'string'},
	},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const file = pathArg(io, args.positionals[0]!);
		const t = (m: Message) => say(io.lang, m);
		const output = stringOption(args, 'output');
		const format = exportFormat(output, stringOption(args, 'format'));
		const order = (stringOption(args, 'order') ?? 'rank') as RegionOrder;
		if (!['rank', 'tier'].includes(order)) throw usageError(exportCommand, M.order({value: order}));
		const table = stringOption(args, 'table') as CsvTable | undefined;
		if (table !== undefined && !['scores', 'samples', 'findings', 'compare'].includes(table)) throw usageError(exportCommand, M.table({value: table}));
		if (table !== undefined && format !== 'csv') throw usageError(exportCommand, M.tableCsv());
		const compare = stringOption(args, 'compare');
		const map = stringOption(args, 'map');
		if (map && !compare) throw usageError(exportCommand, M.mapNeedsCompare());
		if (table === 'compare' && !compare) throw usageError(exportCommand, M.compareTableNeeds());
		if (compare && format === 'csv' && table !== undefined && table !== 'compare') throw usageError(exportCommand, M.compareWrongTable({table}));
		const {data, context} = await readWorkspace(file, {validationCache: ValidationCache.fromEnvironment(io.env)});
		// Year on year: the older workspace scored and compared as `assess compare` does.
		const comparison = compare ? {comparison: compareEditions(await readEdition(compare, io), {file, ws: data, context}, map, io, 'zh'), oldWorkspace: exportPath(file, pathArg(io, compare)), mapping: map ? exportPath(file, pathArg(io, map)) : undefined} : undefined;
		const regions = args.values.regions ? resolveRegions(String(args.values.regions), context.regions.regions, data.regions, '--regions') : undefined;
		const target = output ? pathArg(io, output) : join(io.cwd, 'exports', `${basename(file, extname(file))}.${format}`);
		const json = Boolean(args.values.json);
		try {
			const result = await runExport({
				ws: data,
				context,
				workspaceFile: file,
				inputs: [file],
				output: target,
				format,
				regions,
				detail: Boolean(args.values.detail),
				allowIncomplete: Boolean(args.values['allow-incomplete']),
				allowConflicts: Boolean(args.values['allow-conflicts']),
				now: new Date(),
				order,
				...(table ? {table} : {}),
				...(comparison ? {comparison} : {}),
			});
			for (const change of result.changes) io.err(t(COMMON.note({text: change})));
			const done = {file: output ?? displayPath(io.cwd, target), format, kb: (result.bytes / 1024).toFixed(0)};
			io.err(t(result.draft ? M.exportedDraft({...done, draft: blockerSummaryWords(countsOf(result.blockers))}) : M.exportedFinal(done)));
			if (json) io.out(JSON.stringify({exported: true, output: displayPath(io.cwd, target), format, final: result.final, draft: result.draft ?? null, changes: result.changes.map(c => say('en', c)), blockers: result.blockers.map(blockerJson)}, null, 2));
			return 0;
		} catch (error) {
			if (json && error instanceof ExportRefused) io.out(JSON.stringify({exported: false, final: false, blockers: error.blockers.map(blockerJson)}, null, 2));
			throw error;
		}
	},
};

/** How many blockers of each kind (the draft's summary, in the reader's words). */
function countsOf(blockers: readonly Blocker[]): Record<BlockerKind, number> {
	const counts = Object.fromEntries(BLOCKER_KINDS.map(k => [k, 0])) as Record<BlockerKind, number>;
	for (const b of blockers) counts[b.kind]++;
	return counts;
}

import {say} from '../../domain/words/message.js';
import {resolve, basename, extname, join} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, displayPath, usageError} from '../command.js';
import {readWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {runExport, ExportRefused, type CsvTable} from '../../export/run-export.js';
import {exportFormat} from '../../export/export-target.js';
import type {RegionOrder} from '../../domain/export/workbook-model.js';
import {blockerJson} from '../../domain/workspace/finality.js';
import {resolveRegions} from '../region-args.js';

export const exportCommand: Command = {
	name: 'export',
	usage: 'assess export <workspace> [-o <file>] [--format xlsx|csv|json] [--table scores|samples|findings] [--order rank|tier] [--regions <codes>] [--detail] [--allow-incomplete] [--allow-conflicts] [--json]',
	summary: 'Excel result sheets in the official layout, or CSV / JSON',
	help: `Exports the results of a workspace.

Final or draft. A workspace is final when every leaf of every region is scored, or not
applicable with a reason; no finding is a draft or flagged for review; no conflict is open; and
every sampled leaf has its items judged and as many as its rule asks for (fewer only when marked
done with a reason). A workspace that is not final is refused, listing what blocks it (region,
indicator, and why: unscored, draft, flagged and its reason, not applicable without a reason,
conflict, sampled items missing or not judged): the first 20 in the message, all with --json.
--allow-incomplete (and --allow-conflicts for open conflicts) export a draft instead, marked as
one in every format: the xlsx's title rows, ranking sheet (with a coverage column and 暂定
marks) and 说明, a 未完成项 sheet listing every blocker; the CSV's first column (result: draft);
the JSON's "result" and "draft".

xlsx (default): one sheet per region as published — its name as the title ([北京市]), the
system and edition on the second line, then 评估指标 | 得分 | 排名, 总得分, each primary
indicator followed by its secondaries (and tertiaries, indented, with --detail); scores are
numbers shown with two decimals, ranks integers among the workspace's regions. Then 排名
(排名 | 省级政府 or 重点城市 | 总体指数 | 等级 and the primary scores, and the tier summary:
非常高（90分以上） N 个, share), 抽查事项 (every sampled item: region, indicator, item code and
name, result, note, evidence), 评估记录 (every finding with its evidence; measures as numbers
with their unit; a settled conflict with every candidate and who settled it, when and why;
frozen header, filter), and 说明 (system file and weights file, relative to the workspace, with
their SHA-256, tier edges, measure methods, coverage, conflicts, time, version). Times are dates
in your time zone.
csv: one table per file, UTF-8 with BOM: --table scores (default; one row per region ×
indicator), samples (one row per sampled item) or findings (one row per finding or candidate).
Times are ISO 8601 with your zone's offset.
json: the scores as \`assess score --json\` prints them, with the export's facts, the blockers,
every sampled item and every finding.

  -o, --output <file>   default: exports/<workspace name>.<format>; its extension (.xlsx, .csv,
                        .json) is the format. An export writes a new file or replaces an
                        earlier export of the same format, never anything else (a workspace,
                        a locked file, a file of another kind)
  --order rank|tier     rank (default): the ranking table; tier: the published 2022 style,
                        regions grouped by tier, within a tier by administrative code, no ranks
  --regions <codes>     only these regions (ranks stay among all regions)
  --detail              tertiary indicators too
  --table <t>           for csv: scores, samples or findings
  --allow-incomplete    export a draft despite unscored, draft or flagged leaves
  --allow-conflicts     export a draft despite open conflicts
  --json                on stdout: what was written, or why it was refused, with every blocker

Measure scores are relative to the regions in the workspace file (the export says to how
many). The export says when the system or weights file changed since the workspace was made.
Text that a spreadsheet would run as a formula is always written as text.`,
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
	},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const file = resolve(io.cwd, args.positionals[0]!);
		const output = stringOption(args, 'output');
		const format = exportFormat(output, stringOption(args, 'format'));
		const order = (stringOption(args, 'order') ?? 'rank') as RegionOrder;
		if (!['rank', 'tier'].includes(order)) throw usageError(exportCommand, `--order must be rank or tier (not "${order}")`);
		const table = stringOption(args, 'table') as CsvTable | undefined;
		if (table !== undefined && !['scores', 'samples', 'findings'].includes(table)) throw usageError(exportCommand, `--table must be scores, samples or findings (not "${table}")`);
		if (table !== undefined && format !== 'csv') throw usageError(exportCommand, '--table is for --format csv (xlsx and json hold every table)');
		const {data, context} = await readWorkspace(file, {validationCache: ValidationCache.fromEnvironment(io.env)});
		const regions = args.values.regions ? resolveRegions(String(args.values.regions), context.regions.regions, data.regions, '--regions') : undefined;
		const target = output ? resolve(io.cwd, output) : join(io.cwd, 'exports', `${basename(file, extname(file))}.${format}`);
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
			});
			for (const change of result.changes) io.err(`note: ${say(io.lang, change)}`);
			io.err(`Exported ${displayPath(io.cwd, target)} (${format}, ${(result.bytes / 1024).toFixed(0)} KB)${result.draft ? ` — a DRAFT, not a final result: ${result.draft}` : ' — final'}.`);
			if (json) io.out(JSON.stringify({exported: true, output: displayPath(io.cwd, target), format, final: result.final, draft: result.draft ?? null, changes: result.changes, blockers: result.blockers.map(blockerJson)}, null, 2));
			return 0;
		} catch (error) {
			if (json && error instanceof ExportRefused) io.out(JSON.stringify({exported: false, final: false, blockers: error.blockers.map(blockerJson)}, null, 2));
			throw error;
		}
	},
};

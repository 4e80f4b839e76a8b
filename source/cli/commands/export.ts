import {resolve, basename, extname, join} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, displayPath} from '../command.js';
import {readWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {runExport} from '../../export/run-export.js';
import {exportFormat} from '../../export/export-target.js';
import {resolveRegions} from '../region-args.js';

export const exportCommand: Command = {
	name: 'export',
	usage: 'assess export <workspace> [-o <file>] [--format xlsx|csv|json] [--regions <codes>] [--detail] [--allow-incomplete] [--allow-conflicts]',
	summary: 'Excel result sheets in the official layout, or CSV / JSON',
	help: `Exports the results of a workspace.

xlsx (default): one sheet per region in the published layout — a title row, then
评估指标 | 得分 | 排名, 总得分, each primary indicator followed by its secondaries (and tertiaries,
indented, with --detail); scores are numbers shown with two decimals, ranks integers among the
workspace's regions. Then a ranking sheet (排名 | 地区 | 总体指数 | 等级 and the five primary
scores, with the tier summary: count and share per tier), every finding with its evidence, and
the facts behind it (system, weights file and its digest, coverage, conflicts, time, version).
csv: one row per region × indicator, UTF-8 with BOM (Excel shows Chinese).
json: the scores as \`assess score --json\` prints them, with the export's facts.

  -o, --output <file>   default: exports/<workspace name>.<format>; its extension (.xlsx, .csv,
                        .json) is the format. An export writes a new file or replaces an
                        earlier export of the same format, never anything else (a workspace,
                        a locked file, a file of another kind)
  --regions <codes>     only these regions (ranks stay among all regions)
  --detail              tertiary indicators too
  --allow-incomplete    export even with unscored leaves (marked as a draft)
  --allow-conflicts     export even with unsettled conflicts (marked as a draft)

By default a workspace with unscored leaves or unsettled conflicts is refused, saying how many
and where. Text that a spreadsheet would run as a formula is always written as text.`,
	options: {
		output: {type: 'string', short: 'o'},
		format: {type: 'string'},
		regions: {type: 'string'},
		detail: {type: 'boolean'},
		'allow-incomplete': {type: 'boolean'},
		'allow-conflicts': {type: 'boolean'},
	},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const file = resolve(io.cwd, args.positionals[0]!);
		const output = stringOption(args, 'output');
		const format = exportFormat(output, stringOption(args, 'format'));
		const {data, context} = await readWorkspace(file, {validationCache: ValidationCache.fromEnvironment(io.env)});
		const regions = args.values.regions ? resolveRegions(String(args.values.regions), context.regions.regions, data.regions, '--regions') : undefined;
		const target = output ? resolve(io.cwd, output) : join(io.cwd, 'exports', `${basename(file, extname(file))}.${format}`);
		const result = await runExport({
			ws: data,
			context,
			workspaceFile: displayPath(io.cwd, file),
			inputs: [file],
			output: target,
			format,
			regions,
			detail: Boolean(args.values.detail),
			allowIncomplete: Boolean(args.values['allow-incomplete']),
			allowConflicts: Boolean(args.values['allow-conflicts']),
			now: new Date(),
		});
		io.err(`Exported ${displayPath(io.cwd, target)} (${format}, ${(result.bytes / 1024).toFixed(0)} KB)${result.draft ? ` — a draft: ${result.draft}` : ''}.`);
		return 0;
	},
};

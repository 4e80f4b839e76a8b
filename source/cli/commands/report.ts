import {resolve, basename, extname, join} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, displayPath, usageError} from '../command.js';
import {UserError} from '../../storage/user-error.js';
import {reportOfWorkspace} from '../../report-files/report-input.js';
import {runReport} from '../../report-files/run-report.js';
import {reportTarget} from '../../report-files/report-target.js';
import {resolveRegions} from '../region-args.js';
import {readEdition, compareEditions} from '../compare-editions.js';

export const reportCommand: Command = {
	name: 'report',
	usage: 'assess report <workspace> [-o <folder|file.html|file.pdf>] [--region <codes>] [--lang zh|en] [--pdf] [--detail] [--compare <old-ws> [--map <mapping.json>]]',
	summary: 'analysis reports: a page per region, a national overview, charts, the issues identified',
	help: `Writes the analysis report of a workspace as self-contained HTML pages (inline CSS and SVG
charts; no network, no script, no web fonts: the system's CJK fonts), laid out for screen and
for A4 print (a page break before each region, page numbers).

  index.html       cover and contents
  overview.html    ranking, tiers (count and share), a heat map of regions × secondary
                   indicators, each indicator's mean, spread, best and lowest regions, and the
                   weakest indicators nationally
  <code>.html      one per region: total, rank, tier (provisional results marked, with why);
                   the published table (评估指标 | 得分 | 排名) with the average, the best
                   region's score and the gap to it; charts of the primaries and of each
                   primary's secondaries against the average and the best; the issues
                   identified: leaves ranked by the points they cost the total (weight along
                   the path × (100 − score)), with the note, failed sampled items and evidence

  -o, --output <path>   a folder (default exports/<workspace name>-report/), one .html file
                        with every page, or a .pdf file. A report writes a new file or folder,
                        or replaces an earlier report; never anything else
  --region <codes>      region pages only for these (the overview still covers every region)
  --lang zh|en          the report's language (default zh, as published)
  --pdf                 also print it to PDF through headless Chromium (report.pdf in the
                        folder, or beside the .html); a .pdf output implies it. Needs Debian's
                        "chromium" package or Google Chrome (ASSESS_CHROMIUM names another)
  --detail              tertiary indicators in each region's table too
  --compare <old-ws>    year on year: each region's total, rank and tier then and now, the
                        change of every indicator the two systems share, a rank-movement chart
  --map <file>          with --compare: which old codes became which new ones (assess compare
                        --help)

Every number is the one \`assess score --json\` prints for the same workspace.`,
	options: {output: {type: 'string', short: 'o'}, region: {type: 'string'}, regions: {type: 'string'}, lang: {type: 'string'}, pdf: {type: 'boolean'}, detail: {type: 'boolean'}, compare: {type: 'string'}, map: {type: 'string'}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const lang = stringOption(args, 'lang') ?? 'zh';
		if (lang !== 'zh' && lang !== 'en') throw UserError.of('--lang', `must be zh or en (not "${lang}")`);
		const map = stringOption(args, 'map');
		const compare = stringOption(args, 'compare');
		if (map && !compare) throw usageError(reportCommand, '--map goes with --compare <old-ws>');
		const edition = await readEdition(args.positionals[0]!, io);
		const {ws, context} = edition;
		const regionArg = stringOption(args, 'region') ?? stringOption(args, 'regions');
		const regions = regionArg ? resolveRegions(regionArg, context.regions.regions, ws.regions, '--region') : undefined;
		const comparison = compare ? compareEditions(await readEdition(compare, io), edition, map, io, lang) : undefined;
		const output = stringOption(args, 'output');
		const path = output ? resolve(io.cwd, output) : join(io.cwd, 'exports', `${basename(edition.file, extname(edition.file))}-report`);
		const shown = displayPath(io.cwd, path);
		const target = reportTarget(path, shown);

		const model = reportOfWorkspace(ws, context, {
			lang,
			workspaceFile: displayPath(io.cwd, edition.file),
			weightsFile: displayPath(io.cwd, context.weights.file),
			...(regions ? {regions} : {}),
			detail: Boolean(args.values.detail),
			...(comparison ? {comparison} : {}),
			now: new Date(),
		});
		const result = await runReport({model, target, shown, pdf: Boolean(args.values.pdf), env: io.env});
		const what = target.kind === 'folder' ? `${shown}/ (index.html, overview.html and ${model.pages.length} region pages)` : shown;
		const pdf = result.pdfPages !== undefined && target.kind !== 'pdf' ? `; PDF ${displayPath(io.cwd, result.written.at(-1)!)}` : '';
		const pages = result.pdfPages !== undefined ? ` — ${result.pdfPages} A4 pages` : '';
		io.err(`Wrote the report ${what}${pdf}${pages}${model.provisional ? ` — provisional results for ${model.provisional} regions, marked on their pages` : ''}.`);
		return 0;
	},
};

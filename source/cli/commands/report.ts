import {basename, extname, join} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, displayPath, usageError, pathArg, shownFile} from '../command.js';
import {reportOfWorkspace} from '../../report-files/report-input.js';
import {runReport} from '../../report-files/run-report.js';
import {reportTarget} from '../../report-files/report-target.js';
import {resolveRegions} from '../region-args.js';
import {readEdition, compareEditions} from '../compare-editions.js';
import {messages, say} from '../../domain/words/message.js';
import type {Lang} from '../../domain/text.js';

const M = messages('cli/report', {
	mapWithCompare: {zh: '--map 须与 --compare <上期工作区> 一起使用', en: '--map goes with --compare <old-ws>'},
	folder: {zh: '{folder}/（index.html、overview.html 和 {n} 个地区页）', en: '{folder}/ (index.html, overview.html and {n} region {n|page|pages})'},
	pdf: {zh: '；PDF {file}', en: '; PDF {file}'},
	pages: {zh: ' —— A4 纸 {n} 页', en: ' — {n} A4 {n|page|pages}'},
	provisional: {zh: ' —— {n} 个地区为暂定结果，已在其页面上标明', en: ' — provisional results for {n} {n|region|regions}, marked on their pages'},
	wrote: {zh: '已写出报告 {what}{pdf}{pages}{provisional}。', en: 'Wrote the report {what}{pdf}{pages}{provisional}.'},
});

export const reportCommand: Command = {
	name: 'report',
	usage: {
		zh: 'assess report <工作区> [-o <文件夹|文件.html|文件.pdf>] [--region <地区>] [--lang zh|en] [--pdf] [--detail] [--compare <上期工作区> [--map <映射.json>]]',
		en: 'assess report <workspace> [-o <folder|file.html|file.pdf>] [--region <codes>] [--lang zh|en] [--pdf] [--detail] [--compare <old-ws> [--map <mapping.json>]]',
	},
	summary: {zh: '分析报告：每个地区一页、全国概览、图表、发现的问题', en: 'analysis reports: a page per region, a national overview, charts, the issues identified'},
	help: {
		zh: `把工作区的分析报告写成自包含的 HTML 页面（内嵌 CSS 和 SVG 图表；不联网、无脚本、无网络字体：使用
系统的中文字体），版式适合屏幕阅读，也适合 A4 打印（每个地区前分页，带页码）。

  index.html       封面和目录
  overview.html    排名、等级（数量和占比）、“地区 × 二级指标”热力图，各评估指标的平均值、离散程度、
                   最好和最低的地区，以及全国最薄弱的评估指标
  <代码>.html      每个地区一页：总得分、排名、等级（暂定结果会标明及其原因）；公开发布的表格（评估
                   指标 | 得分 | 排名），附平均值、最好地区的得分及差距；一级指标和各一级指标下二级指标
                   与平均值、最好值对比的图表；发现的问题：按对总得分造成的失分（路径上的权重 ×
                   （100 − 得分））排列的末级指标，附备注、未通过的抽查事项和证据

  -o, --output <路径>   文件夹（默认 exports/<工作区名>-report/）、包含全部页面的一个 .html 文件，或一个
                        .pdf 文件。报告只写新的文件或文件夹，或替换先前的报告；从不替换其他任何内容
  --region <地区>       只为这些地区生成地区页（概览仍涵盖全部地区）
  --lang zh|en          报告和提示的语言（报告默认为中文，与公开发布的一致；提示默认随系统区域设置）
  --pdf                 同时通过无界面的 Chromium 打印为 PDF（文件夹中的 report.pdf，或 .html 旁边）；
                        输出为 .pdf 时即包含此项。需要 Debian 的 "chromium" 软件包或 Google Chrome
                        （ASSESS_CHROMIUM 可指定其他浏览器）
  --detail              每个地区的表格中也列出三级指标
  --compare <上期工作区>   同比：每个地区上期和本期的总得分、排名和等级，两个指标体系共有的每个评估
                        指标的变化，以及名次变动图
  --map <文件>          与 --compare 一起：上期的哪些编码变成了本期的哪些编码（见 assess compare --help）

每个数字都与 \`assess score --json\` 对同一工作区输出的数字相同。`,
		en: `Writes the analysis report of a workspace as self-contained HTML pages (inline CSS and SVG
charts; no network, no script, no web fonts: the system's CJK fonts), laid out for screen and
for A4 print (a page break before each region, page numbers).

  index.html       cover and contents
  overview.html    ranking, tiers (count and share), a heat map of regions × secondary
                   indicators, each indicator's mean, spread, best and lowest regions, and the
                   weakest indicators nationally
  <code>.html      one per region: total, rank, tier (provisional results marked, with why);
                   the published table (indicator | score | rank) with the average, the best
                   region's score and the gap to it; charts of the primaries and of each
                   primary's secondaries against the average and the best; the issues
                   identified: leaves ranked by the points they cost the total (weight along
                   the path × (100 − score)), with the note, failed sampled items and evidence

  -o, --output <path>   a folder (default exports/<workspace name>-report/), one .html file
                        with every page, or a .pdf file. A report writes a new file or folder,
                        or replaces an earlier report; never anything else
  --region <codes>      region pages only for these (the overview still covers every region)
  --lang zh|en          the report's language and the messages' (the report is in Chinese
                        unless asked, as published; the messages follow the locale)
  --pdf                 also print it to PDF through headless Chromium (report.pdf in the
                        folder, or beside the .html); a .pdf output implies it. Needs Debian's
                        "chromium" package or Google Chrome (ASSESS_CHROMIUM names another)
  --detail              tertiary indicators in each region's table too
  --compare <old-ws>    year on year: each region's total, rank and tier then and now, the
                        change of every indicator the two systems share, a rank-movement chart
  --map <file>          with --compare: which old codes became which new ones (assess compare
                        --help)

Every number is the one \`assess score --json\` prints for the same workspace.`,
	},
	options: {output: {type: 'string', short: 'o'}, region: {type: 'string'}, regions: {type: 'string'}, pdf: {type: 'boolean'}, detail: {type: 'boolean'}, compare: {type: 'string'}, map: {type: 'string'}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		// The report is a document, published in Chinese: in English only when asked (--lang en).
		const lang = (stringOption(args, 'lang') as Lang | undefined) ?? 'zh';
		const map = stringOption(args, 'map');
		const compare = stringOption(args, 'compare');
		if (map && !compare) throw usageError(reportCommand, M.mapWithCompare());
		const edition = await readEdition(args.positionals[0]!, io);
		const {ws, context} = edition;
		const regionArg = stringOption(args, 'region') ?? stringOption(args, 'regions');
		const regions = regionArg ? resolveRegions(regionArg, context.regions.regions, ws.regions, '--region') : undefined;
		const comparison = compare ? compareEditions(await readEdition(compare, io), edition, map, io, lang) : undefined;
		const output = stringOption(args, 'output');
		const path = output ? pathArg(io, output) : join(io.cwd, 'exports', `${basename(edition.file, extname(edition.file))}-report`);
		const shown = output ?? displayPath(io.cwd, path);
		const target = reportTarget(path, shown);

		const model = reportOfWorkspace(ws, context, {
			lang,
			workspaceFile: displayPath(io.cwd, edition.file),
			// A bundled file by what it is, never by the folder the program is installed in.
			weightsFile: say(lang, shownFile(io, context.weights.file)),
			...(regions ? {regions} : {}),
			detail: Boolean(args.values.detail),
			...(comparison ? {comparison} : {}),
			now: new Date(),
		});
		const result = await runReport({model, target, shown, pdf: Boolean(args.values.pdf), env: io.env});
		const what = target.kind === 'folder' ? M.folder({folder: shown.replace(/\/$/, ''), n: model.pages.length}) : shown;
		const pdf = result.pdfPages !== undefined && target.kind !== 'pdf' ? M.pdf({file: displayPath(io.cwd, result.written.at(-1)!)}) : '';
		const pages = result.pdfPages !== undefined ? M.pages({n: result.pdfPages}) : '';
		io.err(say(io.lang, M.wrote({what, pdf, pages, provisional: model.provisional ? M.provisional({n: model.provisional}) : ''})));
		return 0;
	},
};

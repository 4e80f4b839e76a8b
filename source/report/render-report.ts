import type {ReportModel} from './report-model.js';
import {t} from './strings.js';
import {esc} from './html/escape.js';
import {REPORT_CSS} from './html/style.js';
import {indexPage} from './html/index-page.js';
import {overviewPage} from './html/overview-page.js';
import {regionPage} from './html/region-page.js';
import {folderLinks, documentLinks, regionFile} from './html/links.js';

/** The mark every page carries: how a later run knows a file is an earlier report of ours. */
export const REPORT_GENERATOR = 'assess/report';

/**
 * A complete HTML page: inline CSS, no script, nothing fetched (the policy forbids any load but
 * inline styles and data: images, so even a pasted URL can load nothing).
 */
function htmlDocument(title: string, lang: ReportModel['lang'], body: string): string {
	return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${REPORT_GENERATOR}">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export type ReportFile = {name: string; html: string};

/** A report folder: index.html, overview.html and one page per region (`<code>.html`). */
export function reportFiles(model: ReportModel): ReportFile[] {
	return [...reportPages(model)];
}

/** The same pages one at a time, each rendered when asked for (so writing can overlap rendering). */
export function* reportPages(model: ReportModel): Generator<ReportFile> {
	const lang = model.lang;
	const title = (what: string) => `${what} — ${model.system.title} ${t(lang, 'edition')(model.system.reportYear, model.system.dataYear)}`;
	yield {name: 'index.html', html: htmlDocument(title(t(lang, 'reportTitle')), lang, indexPage(model, folderLinks))};
	yield {name: 'overview.html', html: htmlDocument(title(t(lang, 'overview')), lang, overviewPage(model, folderLinks))};
	for (const p of model.pages) yield {name: regionFile(p.code), html: htmlDocument(title(p.name), lang, regionPage(p, model, folderLinks))};
}

/** The whole report as one document (for one file and for print): contents, overview, every region. */
export function reportDocument(model: ReportModel): string {
	const lang = model.lang;
	const body = [indexPage(model, documentLinks), overviewPage(model, documentLinks), ...model.pages.map(p => regionPage(p, model, documentLinks))].join('\n');
	return htmlDocument(`${model.system.title} — ${t(lang, 'reportTitle')}`, lang, body);
}

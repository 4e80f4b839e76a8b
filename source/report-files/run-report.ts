import {mkdtempSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, extname, join, dirname} from 'node:path';
import {pathToFileURL} from 'node:url';
import type {ReportModel} from '../report/report-model.js';
import {reportFiles, reportDocument} from '../report/render-report.js';
import {writeFileDurably} from '../storage/durable-json-file.js';
import {UserError} from '../storage/user-error.js';
import {Chromium, findChromium} from './chromium.js';
import {ensureParent, writableFile, writableFolder, PDF_MARK, type ReportTarget} from './report-target.js';

export type ReportRequest = {
	model: ReportModel;
	target: ReportTarget;
	/** As the user named it, for messages. */
	shown: string;
	/** Also print the whole report to PDF (always for a .pdf target). */
	pdf: boolean;
	env: NodeJS.ProcessEnv;
};

export type ReportResult = {written: string[]; pdfPages?: number};

const CHROMIUM_MISSING = 'needs a headless Chromium to print the PDF, and none was found: install Debian\'s or Ubuntu\'s "chromium" package (apt-get install chromium), or Google Chrome, or set ASSESS_CHROMIUM to the browser\'s path. The HTML report needs nothing: leave out --pdf (nothing was written)';

/**
 * Writes a report: a folder of pages (index, overview, one per region), one HTML document, or
 * a PDF printed by headless Chromium (beside the HTML, or alone for a .pdf target). Everything
 * is checked before anything is written: where it goes, and that a browser is there.
 */
export async function runReport(req: ReportRequest): Promise<ReportResult> {
	const {target, shown} = req;
	const wantPdf = req.pdf || target.kind === 'pdf';
	const chromium = wantPdf ? findChromium(req.env) : undefined;
	if (wantPdf && !chromium) throw UserError.of('--pdf', CHROMIUM_MISSING);
	const pdfFile = target.kind === 'pdf' ? target.path : target.kind === 'html' ? join(dirname(target.path), `${basename(target.path, extname(target.path))}.pdf`) : join(target.path, 'report.pdf');
	const pdfShown = target.kind === 'pdf' ? shown : target.kind === 'html' ? pdfFile : join(shown, 'report.pdf');

	// Where it goes, all checked first.
	let folder: {earlier: string[]} | undefined;
	let htmlFile: string | undefined;
	if (target.kind === 'folder') folder = writableFolder(target.path, shown);
	if (target.kind === 'html') {
		htmlFile = writableFile(target.path, shown, 'html');
		ensureParent(htmlFile, shown);
	}
	const pdfReal = wantPdf ? writableFile(pdfFile, pdfShown, 'pdf') : undefined;
	if (target.kind === 'folder') {
		for (const f of reportFiles(req.model)) writableFile(join(target.path, f.name), join(shown, f.name), 'html');
	}

	const written: string[] = [];
	if (target.kind === 'folder') {
		const files = reportFiles(req.model);
		for (const f of files) {
			await writeFileDurably(join(target.path, f.name), f.html, {keepPrevious: false});
			written.push(join(target.path, f.name));
		}
		// Pages of regions an earlier run reported and this one does not: ours, so removed.
		const now = new Set(files.map(f => f.name));
		for (const name of folder!.earlier) if (!now.has(name)) unlinkSync(join(target.path, name));
	}
	const document = target.kind === 'folder' && !wantPdf ? undefined : reportDocument(req.model);
	if (htmlFile) {
		await writeFileDurably(htmlFile, document!, {keepPrevious: false});
		written.push(htmlFile);
	}
	let pdfPages: number | undefined;
	if (pdfReal) {
		const bytes = await printPdf(chromium!, document!, titled(req.model));
		ensureParent(pdfReal, pdfShown);
		await writeFileDurably(pdfReal, bytes, {keepPrevious: false});
		written.push(pdfReal);
		pdfPages = countPdfPages(bytes);
	}
	return {written, ...(pdfPages === undefined ? {} : {pdfPages})};
}

/** The document's title, ending with the mark that tells a later run the PDF is ours. */
function titled(model: ReportModel): string {
	return `${model.system.title} ${model.system.reportYear} — ${PDF_MARK}`;
}

/** Prints an HTML document to PDF in a headless Chromium (A4, as the print CSS lays it out). */
export async function printPdf(executable: string, html: string, title: string): Promise<Buffer> {
	const dir = mkdtempSync(join(tmpdir(), 'assess-print-'));
	let browser: Chromium | undefined;
	try {
		const file = join(dir, 'report.html');
		writeFileSync(file, html.replace(/<title>[^<]*<\/title>/, `<title>${title.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)}</title>`));
		try {
			browser = await Chromium.launch(executable);
		} catch (error) {
			throw UserError.of(executable, `could not be started to print the PDF: ${error instanceof Error ? error.message : String(error)}`);
		}
		const page = await browser.newPage();
		await page.load(pathToFileURL(file).href);
		return await page.pdf();
	} finally {
		await browser?.close();
		rmSync(dir, {recursive: true, force: true});
	}
}

/** The page count of a PDF Chromium wrote (its page tree's /Count). */
export function countPdfPages(bytes: Buffer): number | undefined {
	const text = bytes.toString('latin1');
	const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map(m => Number(m[1] ?? m[2]));
	return counts.length ? Math.max(...counts) : undefined;
}

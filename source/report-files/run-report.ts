import {closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, renameSync, rmdirSync, rmSync, writeFileSync} from 'node:fs';
import {fsProblem} from '../storage/fs-errors.js';
import {tmpdir} from 'node:os';
import {basename, extname, join, dirname} from 'node:path';
import {pathToFileURL} from 'node:url';
import type {ReportModel} from '../report/report-model.js';
import {reportPages, reportDocument} from '../report/render-report.js';
import {writeFile} from 'node:fs/promises';
import {writeFileDurably} from '../storage/durable-json-file.js';
import {UserError} from '../storage/user-error.js';
import {Chromium, findChromium} from './chromium.js';
import {ensureParent, writableFile, writableFolder, PDF_MARK, type ReportTarget} from './report-target.js';
import {messages} from '../domain/words/message.js';

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

const M = messages('report-files/run', {
	chromiumMissing: {zh: '打印 PDF 需要无界面的 Chromium，但没有找到：请安装 Debian 或 Ubuntu 的 "chromium" 软件包（`apt-get install chromium`），或 Google Chrome，或把 ASSESS_CHROMIUM 设为浏览器的路径。HTML 报告不需要它：去掉 --pdf 即可（未写入任何内容）', en: 'needs a headless Chromium to print the PDF, and none was found: install Debian\'s or Ubuntu\'s "chromium" package (apt-get install chromium), or Google Chrome, or set ASSESS_CHROMIUM to the browser\'s path. The HTML report needs nothing: leave out --pdf (nothing was written)'},
	notWritten: {zh: '写入失败：{problem}；先前的报告保持原样', en: 'could not be written: {problem}; the earlier report is as it was'},
	notStarted: {zh: '无法启动以打印 PDF：{english}', en: 'could not be started to print the PDF: {english}'},
});

/**
 * Writes a report: a folder of pages (index, overview, one per region), one HTML document, or
 * a PDF printed by headless Chromium (beside the HTML, or alone for a .pdf target). Everything
 * is checked before anything is written: where it goes, and that a browser is there.
 */
export async function runReport(req: ReportRequest): Promise<ReportResult> {
	const {target, shown} = req;
	const wantPdf = req.pdf || target.kind === 'pdf';
	const chromium = wantPdf ? findChromium(req.env) : undefined;
	if (wantPdf && !chromium) throw UserError.of('--pdf', M.chromiumMissing());
	const pdfFile = target.kind === 'pdf' ? target.path : target.kind === 'html' ? join(dirname(target.path), `${basename(target.path, extname(target.path))}.pdf`) : join(target.path, 'report.pdf');
	const pdfShown = target.kind === 'pdf' ? shown : target.kind === 'html' ? pdfFile : join(shown, 'report.pdf');

	// Where it goes, all checked first.
	const folder = target.kind === 'folder' ? writableFolder(target.path, shown) : undefined;
	const htmlFile = target.kind === 'html' ? writableFile(target.path, shown, 'html') : undefined;
	const pdfReal = wantPdf && target.kind !== 'folder' ? writableFile(pdfFile, pdfShown, 'pdf') : undefined;
	if (htmlFile) ensureParent(htmlFile, shown);
	if (pdfReal) ensureParent(pdfReal, pdfShown);

	const document = target.kind === 'folder' && !wantPdf ? undefined : reportDocument(req.model);
	const pdf = wantPdf ? await printPdf(chromium!, document!, titled(req.model)) : undefined;
	const pdfPages = pdf ? countPdfPages(pdf) : undefined;
	const written: string[] = [];
	if (target.kind === 'folder') {
		const files = function* (): Generator<{name: string; bytes: string | Buffer}> {
			for (const page of reportPages(req.model)) yield {name: page.name, bytes: page.html};
			if (pdf) yield {name: 'report.pdf', bytes: pdf};
		};
		written.push(...(await replaceFolder(target.path, shown, files(), folder!.earlier)).map(name => join(target.path, name)));
	}
	if (htmlFile) {
		await writeFileDurably(htmlFile, document!, {keepPrevious: false});
		written.push(htmlFile);
	}
	if (pdfReal) {
		await writeFileDurably(pdfReal, pdf!, {keepPrevious: false});
		written.push(pdfReal);
	}
	return {written, ...(pdfPages === undefined ? {} : {pdfPages})};
}

/**
 * A report folder replaced whole: the new report is written into a folder beside it, which then
 * takes its place (two renames), so a reader sees the old report or the new one, never a mix of
 * the two, and pages of regions no longer reported go with the old one. The earlier folder held
 * only files of an earlier report (checked before), and only those are removed. Pages are not
 * synced one by one (a report can always be made again; 66 syncs would cost more than all the
 * rest), the folder they are in is.
 */
async function replaceFolder(folder: string, shown: string, files: Iterable<{name: string; bytes: string | Buffer}>, earlier: readonly string[] | undefined): Promise<string[]> {
	const parent = dirname(folder);
	const stamp = `${process.pid}-${Date.now()}`;
	const fresh = join(parent, `.${basename(folder)}.new-${stamp}`);
	const old = join(parent, `.${basename(folder)}.old-${stamp}`);
	const names: string[] = [];
	try {
		mkdirSync(parent, {recursive: true});
		mkdirSync(fresh);
		// Each page goes to disk (on libuv's threads) while the next one is rendered.
		const writes: Promise<void>[] = [];
		for (const f of files) {
			names.push(f.name);
			writes.push(writeFile(join(fresh, f.name), f.bytes, {mode: 0o644, flag: 'wx'}));
		}
		const results = await Promise.allSettled(writes);
		const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
		if (failed) throw failed.reason;
		syncFolder(fresh);
		if (earlier) renameSync(folder, old);
		try {
			renameSync(fresh, folder);
		} catch (error) {
			if (earlier) renameSync(old, folder);
			throw error;
		}
		syncFolder(parent);
	} catch (error) {
		rmSync(fresh, {recursive: true, force: true});
		throw error instanceof UserError ? error : UserError.of(shown, M.notWritten({problem: fsProblem(error)}));
	}
	if (earlier) {
		for (const name of earlier) rmSync(join(old, name), {force: true});
		// Empty now, unless something appeared in it meanwhile: then it is left as it is.
		try {
			rmdirSync(old);
		} catch {
			// Not empty: nothing we did not write is ever removed.
		}
	}
	return names;
}

function syncFolder(dir: string): void {
	const fd = openSync(dir, 'r');
	try {
		fsyncSync(fd);
	} catch {
		// Some file systems cannot sync a folder; the renames are still atomic there.
	} finally {
		closeSync(fd);
	}
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
			throw UserError.of(executable, M.notStarted({english: error instanceof Error ? error.message : String(error)}));
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

import {messages} from '../domain/words/message.js';
import {closeSync, existsSync, lstatSync, mkdirSync, readdirSync, readSync, realpathSync, type Stats} from 'node:fs';
import {dirname, extname, join} from 'node:path';
import {UserError} from '../storage/user-error.js';
import {describeKind, readRegularFile, openRegularFile} from '../storage/safe-read.js';
import {fsProblem} from '../storage/fs-errors.js';
import {REPORT_GENERATOR} from '../report/render-report.js';

const M = messages('report-files/target', {
	notReportFile: {zh: '是一个不是报告的文件，不能作为报告的输出；-o 应为文件夹、.html 文件或 .pdf 文件', en: 'is a file that is not a report, and is not where a report goes; -o takes a folder, a .html file or a .pdf file'},
	badExtension: {zh: '以 {ext} 结尾，不能作为报告的输出；-o 应为文件夹、.html 文件或 .pdf 文件', en: 'ends in {ext}, which is not where a report goes; -o takes a folder, a .html file or a .pdf file'},
	danglingLink: {zh: '是指向不存在之处的符号链接；未写入任何内容', en: 'is a symbolic link to nothing; nothing was written'},
	notRegular: {zh: '是{kind}，不是普通文件；未写入任何内容', en: 'is {kind}, not a regular file; nothing was written'},
	notOurs: {zh: '已存在，且不是 assess 先前生成的报告；报告只替换它自己先前生成的文件（未写入任何内容；请换一个名称）', en: 'exists and is not an earlier report of assess; a report replaces only its own earlier files (nothing was written; choose another name)'},
	folderLink: {zh: '是符号链接；报告写入真实的文件夹（请直接指定该文件夹）', en: 'is a symbolic link; a report is written as a real folder (name the folder itself)'},
	notFolder: {zh: '是{kind}，不是文件夹', en: 'is {kind}, not a folder'},
	othersFiles: {zh: '是一个含有其他文件的文件夹（{some}）；报告写入新的或空的文件夹，或写在先前报告的文件夹上并将其整体替换（未写入任何内容）', en: 'is a folder with other files in it ({some}); a report is written as a new or empty folder, or over an earlier report\'s folder, which it replaces whole (nothing was written)'},
	andMore: {zh: '{list} 等（另有 {n} 个）', en: '{list} and {n} more'},
	cannotCreateFolder: {zh: '无法创建它所在的文件夹：{problem}', en: 'cannot create its folder: {problem}'},
});

/** What `-o` names: a folder of pages, one HTML document, or a PDF. */
export type ReportTarget = {kind: 'folder'; path: string} | {kind: 'html'; path: string} | {kind: 'pdf'; path: string};

/** The PDF keeps this in its title's last words, so a later run knows the PDF is one of ours. */
export const PDF_MARK = 'assess report';

/**
 * Reads `-o`: an existing folder, or a name without an extension, is a folder; `.html`/`.htm`
 * one document; `.pdf` a PDF. Any other extension is refused: a name should not lie about
 * what it holds.
 */
export function reportTarget(output: string, shown: string): ReportTarget {
	const stat = statFollowing(output);
	if (stat?.isDirectory()) return {kind: 'folder', path: output};
	const ext = extname(output).toLowerCase();
	if (ext === '.html' || ext === '.htm') return {kind: 'html', path: output};
	if (ext === '.pdf') return {kind: 'pdf', path: output};
	if (ext === '' && !stat) return {kind: 'folder', path: output};
	throw UserError.of(shown, stat ? M.notReportFile() : M.badExtension({ext}));
}

function statFollowing(path: string): Stats | undefined {
	try {
		return lstatSync(existsSync(path) ? realpathSync(path) : path, {throwIfNoEntry: false});
	} catch {
		return undefined;
	}
}

/** Is this file an HTML page of an earlier report (our generator mark in its head)? */
function isOurPage(file: string): boolean {
	const {fd} = openRegularFile(file, 512 * 1024 * 1024);
	try {
		const head = Buffer.alloc(4096);
		const n = readSync(fd, head, 0, head.length, 0);
		return head.toString('utf8', 0, n).includes(`<meta name="generator" content="${REPORT_GENERATOR}">`);
	} finally {
		closeSync(fd);
	}
}

/** Is this an earlier PDF of ours (printed by Chromium from our report, our mark in its title)? */
function isOurPdf(file: string): boolean {
	const bytes = readRegularFile(file, 512 * 1024 * 1024);
	if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) return false;
	return bytes.includes(Buffer.from('HeadlessChrome')) && (bytes.includes(Buffer.from(pdfTitleMark())) || bytes.includes(Buffer.from(pdfTitleMarkUtf16())));
}

/** How Chromium writes the mark in the PDF's information dictionary: as text, or UTF-16 hex when the title has Chinese. */
const pdfTitleMark = () => PDF_MARK;
const pdfTitleMarkUtf16 = () => Buffer.from(`\uFEFF${PDF_MARK}`, 'utf16le').swap16().toString('hex').toUpperCase().slice(4);

/**
 * A file the report may write: new, or an earlier report's file of the same kind. Never a file
 * of anyone else (a workspace, a spreadsheet, a page not ours), nor anything but a regular file;
 * a symbolic link is followed and its target checked the same way. Returns the real path.
 */
export function writableFile(path: string, shown: string, kind: 'html' | 'pdf'): string {
	let stat = lstatSync(path, {throwIfNoEntry: false});
	let real = path;
	if (stat?.isSymbolicLink()) {
		if (!existsSync(path)) throw UserError.of(shown, M.danglingLink());
		real = realpathSync(path);
		stat = lstatSync(real);
	}
	if (!stat) return real;
	if (!stat.isFile()) throw UserError.of(shown, M.notRegular({kind: describeKind(stat)}));
	if (kind === 'html' ? isOurPage(real) : isOurPdf(real)) return real;
	throw UserError.of(shown, M.notOurs());
}

/**
 * A folder the report may be written as: new, empty, or an earlier report's folder, which holds
 * nothing but its pages and its PDF (each checked to be ours). The report replaces such a folder
 * whole; a folder with anything else in it is refused, so nothing of anyone else's is touched.
 * Returns the names of the earlier report's files (undefined when there is no folder yet).
 */
export function writableFolder(path: string, shown: string): {earlier: string[] | undefined} {
	const stat = lstatSync(path, {throwIfNoEntry: false});
	if (stat?.isSymbolicLink()) throw UserError.of(shown, M.folderLink());
	if (stat && !stat.isDirectory()) throw UserError.of(shown, M.notFolder({kind: describeKind(stat)}));
	if (!stat) return {earlier: undefined};
	const entries = readdirSync(path);
	const ours = (name: string) => {
		const file = join(path, name);
		if (!lstatSync(file).isFile()) return false;
		if (name === 'report.pdf') return isOurPdf(file);
		return /^[0-9A-Za-z]+\.html$/.test(name) && isOurPage(file);
	};
	const foreign = entries.filter(name => !ours(name));
	if (foreign.length) {
		const some = foreign.length > 3 ? M.andMore({list: foreign.slice(0, 3), n: foreign.length - 3}) : foreign;
		throw UserError.of(shown, M.othersFiles({some}));
	}
	return {earlier: entries};
}

export function ensureParent(file: string, shown: string): void {
	try {
		mkdirSync(dirname(file), {recursive: true});
	} catch (error) {
		throw UserError.of(shown, M.cannotCreateFolder({problem: fsProblem(error)}));
	}
}

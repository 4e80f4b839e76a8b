import {existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, type Stats} from 'node:fs';
import {dirname, extname, join} from 'node:path';
import {UserError} from '../storage/user-error.js';
import {describeKind, readRegularFile} from '../storage/safe-read.js';
import {describeFsError} from '../storage/fs-errors.js';
import {REPORT_GENERATOR} from '../report/render-report.js';

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
	throw UserError.of(shown, `${stat ? 'is a file that is not a report' : `ends in ${ext}, which`} is not where a report goes; -o takes a folder, a .html file or a .pdf file`);
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
	const head = readRegularFile(file, 64 * 1024 * 1024).toString('utf8', 0, 4096);
	return head.includes(`<meta name="generator" content="${REPORT_GENERATOR}">`);
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
		if (!existsSync(path)) throw UserError.of(shown, 'is a symbolic link to nothing; nothing was written');
		real = realpathSync(path);
		stat = lstatSync(real);
	}
	if (!stat) return real;
	if (!stat.isFile()) throw UserError.of(shown, `is ${describeKind(stat)}, not a regular file; nothing was written`);
	if (kind === 'html' ? isOurPage(real) : isOurPdf(real)) return real;
	throw UserError.of(shown, `exists and is not an earlier report of assess; a report replaces only its own earlier files (nothing was written; choose another name)`);
}

/**
 * A folder the report may write into: new, empty, or an earlier report's folder (its
 * index.html is ours). Returns the files of an earlier report there, so pages of regions no
 * longer reported can be removed (only ours: every one checked).
 */
export function writableFolder(path: string, shown: string): {earlier: string[]} {
	const stat = lstatSync(path, {throwIfNoEntry: false});
	if (stat?.isSymbolicLink()) throw UserError.of(shown, 'is a symbolic link; a report is written into a real folder (name the folder itself)');
	if (stat && !stat.isDirectory()) throw UserError.of(shown, `is ${describeKind(stat)}, not a folder`);
	if (!stat) {
		try {
			mkdirSync(path, {recursive: true});
		} catch (error) {
			throw UserError.of(shown, `cannot be created: ${describeFsError(error)}`);
		}
		return {earlier: []};
	}
	const entries = readdirSync(path);
	if (entries.length === 0) return {earlier: []};
	const index = join(path, 'index.html');
	if (!entries.includes('index.html') || !lstatSync(index).isFile() || !isOurPage(index)) {
		throw UserError.of(shown, 'is a folder with other files in it; a report is written into a new or empty folder, or over an earlier report (nothing was written)');
	}
	const earlier = entries.filter(name => /^[0-9A-Za-z]+\.html$/.test(name) && lstatSync(join(path, name)).isFile() && isOurPage(join(path, name)));
	return {earlier};
}

export function ensureParent(file: string, shown: string): void {
	try {
		mkdirSync(dirname(file), {recursive: true});
	} catch (error) {
		throw UserError.of(shown, `cannot create its folder: ${describeFsError(error)}`);
	}
}

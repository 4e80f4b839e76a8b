import {say} from '../domain/words/message.js';
import {closeSync, existsSync, lstatSync, mkdirSync, readdirSync, readSync, realpathSync, type Stats} from 'node:fs';
import {dirname, extname, join} from 'node:path';
import {UserError} from '../storage/user-error.js';
import {describeKind, readRegularFile, openRegularFile} from '../storage/safe-read.js';
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
		if (!existsSync(path)) throw UserError.of(shown, 'is a symbolic link to nothing; nothing was written');
		real = realpathSync(path);
		stat = lstatSync(real);
	}
	if (!stat) return real;
	if (!stat.isFile()) throw UserError.of(shown, `is ${say('en', describeKind(stat))}, not a regular file; nothing was written`);
	if (kind === 'html' ? isOurPage(real) : isOurPdf(real)) return real;
	throw UserError.of(shown, `exists and is not an earlier report of assess; a report replaces only its own earlier files (nothing was written; choose another name)`);
}

/**
 * A folder the report may be written as: new, empty, or an earlier report's folder, which holds
 * nothing but its pages and its PDF (each checked to be ours). The report replaces such a folder
 * whole; a folder with anything else in it is refused, so nothing of anyone else's is touched.
 * Returns the names of the earlier report's files (undefined when there is no folder yet).
 */
export function writableFolder(path: string, shown: string): {earlier: string[] | undefined} {
	const stat = lstatSync(path, {throwIfNoEntry: false});
	if (stat?.isSymbolicLink()) throw UserError.of(shown, 'is a symbolic link; a report is written as a real folder (name the folder itself)');
	if (stat && !stat.isDirectory()) throw UserError.of(shown, `is ${say('en', describeKind(stat))}, not a folder`);
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
		const some = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
		throw UserError.of(shown, `is a folder with other files in it (${some}); a report is written as a new or empty folder, or over an earlier report's folder, which it replaces whole (nothing was written)`);
	}
	return {earlier: entries};
}

export function ensureParent(file: string, shown: string): void {
	try {
		mkdirSync(dirname(file), {recursive: true});
	} catch (error) {
		throw UserError.of(shown, `cannot create its folder: ${describeFsError(error)}`);
	}
}

import {lstatSync, realpathSync, existsSync, type Stats} from 'node:fs';
import {extname} from 'node:path';
import {UserError} from '../storage/user-error.js';
import {readRegularFile, describeKind} from '../storage/safe-read.js';
import {MAX_FILE_BYTES} from '../storage/read-json-file.js';
import {lockFileOf, readHolder, describeHolder} from '../storage/workspace-lock.js';
import {zipEntry} from './zip-entry.js';

export type ExportFormat = 'xlsx' | 'csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'json'];

/** The `kind` of a JSON export, and the mark an xlsx export carries in its document properties. */
export const EXPORT_KIND = 'assess/export';
/** The first columns of every CSV export: how an earlier one is recognised. */
export const CSV_FIRST_COLUMNS = 'result,region_code,region,';

/**
 * The format of an export: the output's extension decides; `--format` must agree with it, and
 * alone picks the default file's. A name with any other extension (`.xls`, `.txt`) is refused:
 * Excel would refuse an xlsx named .xls, and a name should never lie about its content.
 */
export function exportFormat(output: string | undefined, asked: string | undefined, where = '-o'): ExportFormat {
	if (asked !== undefined && !EXPORT_FORMATS.includes(asked as ExportFormat)) throw UserError.of('--format', `must be xlsx, csv or json (not "${asked}")`);
	if (output === undefined) return (asked as ExportFormat | undefined) ?? 'xlsx';
	const ext = extname(output).slice(1).toLowerCase();
	if (!EXPORT_FORMATS.includes(ext as ExportFormat)) {
		throw UserError.of(output, `${ext ? `ends in .${ext}, which` : 'has no extension, and'} is not a format assess writes; name the file .xlsx, .csv or .json (${where} decides the format)`);
	}
	if (asked !== undefined && asked !== ext) throw UserError.of(output, `is a .${ext} name, but --format ${asked} was asked; name it .${asked}, or leave --format out (the name decides)`);
	return ext as ExportFormat;
}

/**
 * Where an export may be written, or a UserError (exit 2) naming why not. An export writes a
 * new file or replaces an earlier export of the same format; it never replaces a workspace
 * (its input or any other), a locked file, a file of another kind or format, or anything that
 * is not a regular file. A symbolic link is followed to its target, which must pass the same
 * checks; the real path is returned so the link itself stays a link.
 */
export function exportTarget(output: string, format: ExportFormat, inputs: readonly string[]): string {
	let stat: Stats | undefined = lstatSync(output, {throwIfNoEntry: false});
	let real = output;
	if (stat?.isSymbolicLink()) {
		if (!existsSync(output)) throw UserError.of(output, 'is a symbolic link to nothing; nothing was written');
		real = realpathSync(output);
		stat = lstatSync(real);
	}
	if (existsSync(lockFileOf(real))) {
		const holder = readHolder(lockFileOf(real));
		throw UserError.of(output, `is locked${holder ? `: it is being edited by ${describeHolder(holder)}` : ` (${lockFileOf(real)} exists)`}; an export never replaces a locked file (nothing was written)`);
	}
	if (!stat) return real;
	if (!stat.isFile()) throw UserError.of(output, `is ${describeKind(stat)}, not a regular file; nothing was written`);
	const realInputs = inputs.map(f => (existsSync(f) ? realpathSync(f) : f));
	if (realInputs.includes(real)) throw UserError.of(output, 'is the workspace being exported; an export never replaces it (choose another name)');
	const bytes = readRegularFile(real, MAX_FILE_BYTES);
	const what = whatIs(bytes);
	if (what === OWN_EXPORT[format]) return real;
	const known = what ? `is ${what}` : 'exists and is not an earlier export of assess';
	throw UserError.of(output, `${known}; an export replaces only its own earlier export of the same format (nothing was written; choose another name)`);
}

const OWN_EXPORT: Record<ExportFormat, string> = {xlsx: 'an xlsx export of assess', csv: 'a CSV export of assess', json: 'a JSON export of assess'};

/** What an existing file is, as far as an export cares: one of ours (which kind), or unknown. */
function whatIs(bytes: Buffer): string | undefined {
	if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
		const core = zipEntry(bytes, 'docProps/core.xml')?.toString('utf8') ?? '';
		return core.includes(`<cp:keywords>${EXPORT_KIND}</cp:keywords>`) ? OWN_EXPORT.xlsx : undefined;
	}
	const text = bytes.toString('utf8', 0, Math.min(bytes.length, 4096));
	if (text.startsWith('\uFEFF') && text.slice(1).split(/\r?\n/, 3).some(line => line.startsWith(CSV_FIRST_COLUMNS))) return OWN_EXPORT.csv;
	if (text.trimStart().startsWith('{')) {
		try {
			const kind = (JSON.parse(bytes.toString('utf8')) as {kind?: unknown}).kind;
			if (kind === EXPORT_KIND) return OWN_EXPORT.json;
			if (kind === 'assess/workspace') return 'a workspace';
			if (typeof kind === 'string' && kind.startsWith('assess/')) return `a file of assess (kind "${kind}")`;
		} catch {
			// Not JSON: not ours.
		}
	}
	return undefined;
}

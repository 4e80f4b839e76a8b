import {lstatSync, realpathSync, existsSync, type Stats} from 'node:fs';
import {extname} from 'node:path';
import {UserError} from '../storage/user-error.js';
import {readRegularFile, describeKind} from '../storage/safe-read.js';
import {MAX_FILE_BYTES} from '../storage/read-json-file.js';
import {lockFileOf, readHolder, holderMessage} from '../storage/workspace-lock.js';
import {zipEntry} from './zip-entry.js';
import {messages, type Message} from '../domain/words/message.js';

const M = messages('export/target', {
	badFormat: {zh: '应为 xlsx、csv 或 json（而不是 "{asked}"）', en: 'must be xlsx, csv or json (not "{asked}")'},
	badExtension: {zh: '以 .{ext} 结尾，不是 assess 能写的格式；请将文件命名为 .xlsx、.csv 或 .json（由 {where} 决定格式）', en: 'ends in .{ext}, which is not a format assess writes; name the file .xlsx, .csv or .json ({where} decides the format)'},
	noExtension: {zh: '没有扩展名，不是 assess 能写的格式；请将文件命名为 .xlsx、.csv 或 .json（由 {where} 决定格式）', en: 'has no extension, and is not a format assess writes; name the file .xlsx, .csv or .json ({where} decides the format)'},
	formatDisagrees: {zh: '文件名是 .{ext}，但指定了 --format {asked}；请命名为 .{asked}，或去掉 --format（由文件名决定）', en: 'is a .{ext} name, but --format {asked} was asked; name it .{asked}, or leave --format out (the name decides)'},
	danglingLink: {zh: '是指向不存在之处的符号链接；未写入任何内容', en: 'is a symbolic link to nothing; nothing was written'},
	lockedBy: {zh: '已被锁定：正由 {holder} 编辑；导出从不替换被锁定的文件（未写入任何内容）', en: 'is locked: it is being edited by {holder}; an export never replaces a locked file (nothing was written)'},
	locked: {zh: '已被锁定（{lock} 存在）；导出从不替换被锁定的文件（未写入任何内容）', en: 'is locked ({lock} exists); an export never replaces a locked file (nothing was written)'},
	notRegular: {zh: '是{kind}，不是普通文件；未写入任何内容', en: 'is {kind}, not a regular file; nothing was written'},
	isInput: {zh: '正是要导出的工作区；导出从不替换它（请换一个名称）', en: 'is the workspace being exported; an export never replaces it (choose another name)'},
	notOurs: {zh: '{what}；导出只替换它自己先前同格式的导出文件（未写入任何内容；请换一个名称）', en: '{what}; an export replaces only its own earlier export of the same format (nothing was written; choose another name)'},
	isXlsx: {zh: '是 assess 导出的 xlsx 文件', en: 'is an xlsx export of assess'},
	isCsv: {zh: '是 assess 导出的 CSV 文件', en: 'is a CSV export of assess'},
	isJson: {zh: '是 assess 导出的 JSON 文件', en: 'is a JSON export of assess'},
	isWorkspace: {zh: '是一个工作区', en: 'is a workspace'},
	isOurKind: {zh: '是 assess 的文件（"kind" 为 "{kind}"）', en: 'is a file of assess (kind "{kind}")'},
	isOther: {zh: '已存在，且不是 assess 先前的导出文件', en: 'exists and is not an earlier export of assess'},
});

/** What `whatIs` found, in both languages. */
function whatIsWords(what: string | undefined): Message {
	if (what === OWN_EXPORT.xlsx) return M.isXlsx();
	if (what === OWN_EXPORT.csv) return M.isCsv();
	if (what === OWN_EXPORT.json) return M.isJson();
	if (what === 'a workspace') return M.isWorkspace();
	const kind = what && /\(kind "(.*)"\)$/.exec(what)?.[1];
	return kind ? M.isOurKind({kind}) : M.isOther();
}

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
	if (asked !== undefined && !EXPORT_FORMATS.includes(asked as ExportFormat)) throw UserError.of('--format', M.badFormat({asked}));
	if (output === undefined) return (asked as ExportFormat | undefined) ?? 'xlsx';
	const ext = extname(output).slice(1).toLowerCase();
	if (!EXPORT_FORMATS.includes(ext as ExportFormat)) {
		throw UserError.of(output, ext ? M.badExtension({ext, where}) : M.noExtension({where}));
	}
	if (asked !== undefined && asked !== ext) throw UserError.of(output, M.formatDisagrees({ext, asked}));
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
		if (!existsSync(output)) throw UserError.of(output, M.danglingLink());
		real = realpathSync(output);
		stat = lstatSync(real);
	}
	if (existsSync(lockFileOf(real))) {
		const holder = readHolder(lockFileOf(real));
		throw UserError.of(output, holder ? M.lockedBy({holder: holderMessage(holder)}) : M.locked({lock: lockFileOf(real)}));
	}
	if (!stat) return real;
	if (!stat.isFile()) throw UserError.of(output, M.notRegular({kind: describeKind(stat)}));
	const realInputs = inputs.map(f => (existsSync(f) ? realpathSync(f) : f));
	if (realInputs.includes(real)) throw UserError.of(output, M.isInput());
	const bytes = readRegularFile(real, MAX_FILE_BYTES);
	const what = whatIs(bytes);
	if (what === OWN_EXPORT[format]) return real;
	throw UserError.of(output, M.notOurs({what: whatIsWords(what)}));
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

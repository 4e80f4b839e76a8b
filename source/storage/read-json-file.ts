import {isUtf8} from 'node:buffer';
import {UserError} from './user-error.js';
import {findJsonError, lineColumn} from './json-syntax.js';
import {readRegularFile} from './safe-read.js';
import {scanStructure, structureProblem} from './json-structure.js';
import {messages, type Message} from '../domain/words/message.js';

const M = messages('storage/read-json', {
	empty: {zh: '是空文件；应为 JSON', en: 'is empty; expected JSON'},
	bom: {zh: '以 UTF-8 字节顺序标记（BOM）开头；请另存为不带 BOM 的 UTF-8', en: 'starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM'},
	binary: {zh: '是二进制文件，不是 JSON 文本', en: 'is a binary file, not JSON text'},
	notUtf8: {zh: '不是有效的 UTF-8 文本；请另存为 UTF-8', en: 'is not valid UTF-8 text; save it as UTF-8'},
	blank: {zh: '只有空白字符；应为 JSON', en: 'holds only white space; expected JSON'},
	truncated: {zh: '不是有效的 JSON：文件提前结束（是否被截断？）', en: 'is not valid JSON: it ends too early (cut off?)'},
	invalid: {zh: '不是有效的 JSON：{why}', en: 'is not valid JSON: {why}'},
	unexpected: {zh: '此处有意外的字符 {char}', en: 'unexpected character {char}'},
	expectedKey: {zh: '此处应为用双引号括起的键名（是否多了一个逗号？）', en: 'expected a double-quoted property name (a comma too many?)'},
	expectedKeyOrEnd: {zh: '此处应为用双引号括起的键名或 }', en: "expected a double-quoted property name or '}'"},
	expectedColon: {zh: '键名后应为冒号', en: "expected ':' after the property name"},
	expectedComma: {zh: '此处应为逗号或 {char}', en: "expected ',' or '{char}'"},
	controlCharacter: {zh: '字符串中有控制字符（如制表符、换行），须写作 \\t、\\n 等转义形式', en: 'a control character (a tab, a line break) inside a string; write it as \\t, \\n'},
	badEscape: {zh: '字符串中有无效的转义字符', en: 'a bad escape sequence inside a string'},
	afterEnd: {zh: 'JSON 结束后还有多余的内容', en: 'more text after the JSON value'},
	other: {zh: '格式有误', en: '{english}'},
	place: {zh: '第 {line} 行第 {column} 列', en: 'line {line}, column {column}'},
});

/** `line 3, column 7` in either language. */
export const linePlace = (line: number, column: number): Message => M.place({line, column});


/** Larger files are refused before reading: no real file of ours comes near this. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Reads a JSON file a person may have edited or broken, and turns every way it can be wrong
 * (missing, empty, binary, BOM, truncated, a syntax error, a key given twice) into a message
 * naming the place.
 */
export function readJsonFile(file: string): unknown {
	return parseJsonText(file, readBytes(file));
}

/** The bytes of a regular file of at most MAX_FILE_BYTES (FIFOs, devices and sockets are refused unread). */
export function readBytes(file: string): Buffer {
	return readRegularFile(file, MAX_FILE_BYTES);
}

export type ParseOptions = {
	/**
	 * These exact bytes passed every check before (the validation cache remembers them): the
	 * structure scan for repeated keys and depth is skipped.
	 */
	trusted?: boolean;
};

export function parseJsonText(file: string, bytes: Buffer, options: ParseOptions = {}): unknown {
	if (bytes.length === 0) throw UserError.of(file, M.empty());
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		throw UserError.of(file, M.bom(), linePlace(1, 1));
	}
	if (bytes.includes(0)) throw UserError.of(file, M.binary());
	// isUtf8 validates in native code; a fatal TextDecoder costs ~15 ms per 3 MB workspace.
	if (!isUtf8(bytes)) throw UserError.of(file, M.notUtf8());
	const text = bytes.toString('utf8');
	if (text.trim() === '') throw UserError.of(file, M.blank());
	// Depth first: our own scan for the place of a syntax error recurses.
	const scan = options.trusted ? undefined : scanStructure(bytes);
	if (scan?.tooDeepAt !== undefined) throw structureError(file, text, structureProblem(text, bytes, undefined, scan)!);
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const {place, truncated} = placeOf(text);
		throw UserError.of(file, truncated ? M.truncated() : M.invalid({why: jsonSyntaxProblem(message)}), place);
	}
	const problem = scan && structureProblem(text, bytes, parsed, scan);
	if (problem) throw structureError(file, text, problem);
	return parsed;
}

function structureError(file: string, text: string, {offset, problem}: {offset: number; problem: Message}): UserError {
	const {line, column} = lineColumn(text, offset);
	return UserError.of(file, problem, linePlace(line, column));
}

/** The place of a syntax error, found by our own scan (JSON.parse's messages vary by Node version). */
function placeOf(text: string): {place: Message | string; truncated: boolean} {
	const offset = findJsonError(text);
	if (offset === undefined) return {place: '', truncated: false};
	const {line, column} = lineColumn(text, offset);
	return {place: linePlace(line, column), truncated: offset >= text.trimEnd().length};
}

/** What JSON.parse said (English, worded differently by each Node version), in our words in both languages. */
function jsonSyntaxProblem(message: string): Message {
	const clean = message
		.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '')
		.replace(/, "[\s\S]*" is not valid JSON$/, '');
	const unexpected = /^Unexpected token '?(.)'?/.exec(clean);
	if (unexpected) return M.unexpected({char: unexpected[1]!});
	if (/^Expected double-quoted property name/.test(clean)) return M.expectedKey();
	if (/^Expected property name or '\}'/.test(clean)) return M.expectedKeyOrEnd();
	if (/^Expected ':' after property name/.test(clean)) return M.expectedColon();
	const comma = /^Expected ',' or '(.)'/.exec(clean);
	if (comma) return M.expectedComma({char: comma[1]!});
	if (/^Bad control character/.test(clean)) return M.controlCharacter();
	if (/^Bad (escaped|Unicode escape)/.test(clean)) return M.badEscape();
	if (/^Unexpected non-whitespace character after JSON/.test(clean)) return M.afterEnd();
	return M.other({english: clean.replace(/^Unexpected token/, 'unexpected character')});
}

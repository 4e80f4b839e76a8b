import {isUtf8} from 'node:buffer';
import {UserError} from './user-error.js';
import {findJsonError, lineColumn} from './json-syntax.js';
import {readRegularFile} from './safe-read.js';
import {scanStructure, structureProblem} from './json-structure.js';

export {describeFsError} from './fs-errors.js';

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
	if (bytes.length === 0) throw UserError.of(file, 'is empty; expected JSON');
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		throw UserError.of(file, 'starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM', 'line 1, column 1');
	}
	if (bytes.includes(0)) throw UserError.of(file, 'is a binary file, not JSON text');
	// isUtf8 validates in native code; a fatal TextDecoder costs ~15 ms per 3 MB workspace.
	if (!isUtf8(bytes)) throw UserError.of(file, 'is not valid UTF-8 text; save it as UTF-8');
	const text = bytes.toString('utf8');
	if (text.trim() === '') throw UserError.of(file, 'holds only white space; expected JSON');
	// Depth first: our own scan for the place of a syntax error recurses.
	const scan = options.trusted ? undefined : scanStructure(bytes);
	if (scan?.tooDeepAt !== undefined) throw structureError(file, text, structureProblem(text, bytes, undefined, scan)!);
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const {place, truncated} = placeOf(text);
		throw UserError.of(file, truncated ? 'is not valid JSON: it ends too early (cut off?)' : `is not valid JSON: ${cleanJsonMessage(message)}`, place);
	}
	const problem = scan && structureProblem(text, bytes, parsed, scan);
	if (problem) throw structureError(file, text, problem);
	return parsed;
}

function structureError(file: string, text: string, {offset, problem}: {offset: number; problem: string}): UserError {
	const {line, column} = lineColumn(text, offset);
	return UserError.of(file, problem, `line ${line}, column ${column}`);
}

/** The place of a syntax error, found by our own scan (JSON.parse's messages vary by Node version). */
function placeOf(text: string): {place: string; truncated: boolean} {
	const offset = findJsonError(text);
	if (offset === undefined) return {place: '', truncated: false};
	const {line, column} = lineColumn(text, offset);
	return {place: `line ${line}, column ${column}`, truncated: offset >= text.trimEnd().length};
}

function cleanJsonMessage(message: string): string {
	return message
		.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '')
		.replace(/, "[\s\S]*" is not valid JSON$/, '')
		.replace(/^Unexpected token/, 'unexpected character');
}

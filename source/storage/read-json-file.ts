import {readFileSync, statSync} from 'node:fs';
import {isUtf8} from 'node:buffer';
import {UserError} from './user-error.js';
import {findJsonError, lineColumn} from './json-syntax.js';

/** Larger files are refused before reading: no real file of ours comes near this. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Reads a JSON file a person may have edited or broken, and turns every way it can be wrong
 * (missing, empty, binary, BOM, truncated, a syntax error) into a message naming the place.
 */
export function readJsonFile(file: string): unknown {
	return parseJsonText(file, readBytes(file));
}

export function readBytes(file: string): Buffer {
	let size: number;
	try {
		const stat = statSync(file);
		if (stat.isDirectory()) throw UserError.of(file, 'is a folder, not a file');
		size = stat.size;
	} catch (error) {
		if (error instanceof UserError) throw error;
		throw UserError.of(file, describeFsError(error));
	}
	if (size > MAX_FILE_BYTES) throw UserError.of(file, `is ${(size / 1024 / 1024).toFixed(0)} MB; files over ${MAX_FILE_BYTES / 1024 / 1024} MB are refused`);
	try {
		return readFileSync(file);
	} catch (error) {
		throw UserError.of(file, describeFsError(error));
	}
}

export function parseJsonText(file: string, bytes: Buffer): unknown {
	if (bytes.length === 0) throw UserError.of(file, 'is empty; expected JSON');
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		throw UserError.of(file, 'starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM', 'line 1, column 1');
	}
	if (bytes.includes(0)) throw UserError.of(file, 'is a binary file, not JSON text');
	// isUtf8 validates in native code; a fatal TextDecoder costs ~15 ms per 3 MB workspace.
	if (!isUtf8(bytes)) throw UserError.of(file, 'is not valid UTF-8 text; save it as UTF-8');
	const text = bytes.toString('utf8');
	if (text.trim() === '') throw UserError.of(file, 'holds only white space; expected JSON');
	try {
		return JSON.parse(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const {place, truncated} = placeOf(text);
		throw UserError.of(file, truncated ? 'is not valid JSON: it ends too early (cut off?)' : `is not valid JSON: ${cleanJsonMessage(message)}`, place);
	}
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

export function describeFsError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT':
			return 'does not exist';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EISDIR':
			return 'is a folder, not a file';
		case 'ENOSPC':
			return 'the disk is full';
		case 'EROFS':
			return 'the disk is read-only';
		case 'EDQUOT':
			return 'the disk quota is used up';
		default:
			return error instanceof Error ? error.message : String(error);
	}
}

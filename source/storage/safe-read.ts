import {openSync, fstatSync, statSync, readSync, closeSync, constants, type Stats} from 'node:fs';
import {UserError} from './user-error.js';
import {fsProblem} from './fs-errors.js';
import {messages, type Message} from '../domain/words/message.js';

const M = messages('storage/safe-read', {
	folder: {zh: '文件夹', en: 'a folder'},
	fifo: {zh: 'FIFO（命名管道）', en: 'a FIFO (named pipe)'},
	socket: {zh: '套接字', en: 'a socket'},
	device: {zh: '设备文件', en: 'a device'},
	other: {zh: '特殊文件', en: 'not a plain file'},
	notRegular: {zh: '是{kind}，不是普通文件；只读取普通文件', en: 'is {kind}, not a regular file; only regular files are read'},
	isFolder: {zh: '是文件夹，不是文件', en: 'is a folder, not a file'},
	tooBig: {zh: '大小为 {size}；超过 {limit} 的文件不予读取', en: 'is {size}; files over {limit} are refused'},
	grew: {zh: '读取期间增大到超过 {limit}；超过 {limit} 的文件不予读取', en: 'grew past {limit} while it was read; files over {limit} are refused'},
});

/**
 * Opening without blocking: a FIFO with no writer would otherwise hold the program (and the
 * TUI, deaf even to Ctrl+C) until someone writes to it. Windows has no such flag.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What a file that is not a regular file is, in words. */
export function describeKind(stat: Stats): Message {
	if (stat.isDirectory()) return M.folder();
	if (stat.isFIFO()) return M.fifo();
	if (stat.isSocket()) return M.socket();
	if (stat.isCharacterDevice() || stat.isBlockDevice()) return M.device();
	return M.other();
}

/** `is a FIFO (named pipe), not a regular file; only regular files are read` */
export const notRegularFile = (stat: Stats): Message => M.notRegular({kind: describeKind(stat)});

export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * An open regular file, checked on the descriptor itself (so a file swapped for a FIFO between
 * a check and the read is still caught), or a UserError that says what it is instead.
 */
export function openRegularFile(file: string, limit: number): {fd: number; size: number; stat: Stats} {
	let fd: number;
	try {
		fd = openSync(file, OPEN_FLAGS);
	} catch (error) {
		// A socket cannot even be opened (ENXIO): say what it is rather than the error's code.
		// (statSync throws for a path through a file, ENOTDIR, whatever throwIfNoEntry says.)
		let stat: Stats | undefined;
		try {
			stat = statSync(file, {throwIfNoEntry: false});
		} catch {
			stat = undefined;
		}
		if (stat && !stat.isFile() && !stat.isDirectory()) throw UserError.of(file, notRegularFile(stat));
		throw UserError.of(file, fsProblem(error));
	}
	try {
		const stat = fstatSync(fd);
		if (stat.isDirectory()) throw UserError.of(file, M.isFolder());
		if (!stat.isFile()) throw UserError.of(file, notRegularFile(stat));
		if (stat.size > limit) throw UserError.of(file, M.tooBig({size: megabytes(stat.size), limit: megabytes(limit)}));
		return {fd, size: stat.size, stat};
	} catch (error) {
		closeSync(fd);
		throw error;
	}
}

/**
 * Reads a whole regular file, never more than `limit` bytes: refuses FIFOs, devices, sockets
 * and folders before reading a byte, and a file that grows past the limit while it is read.
 */
export function readRegularFile(file: string, limit: number, scratch?: Scratch): Buffer {
	return readRegularFileStamped(file, limit, scratch).bytes;
}

/**
 * A file's identity and content version: device, inode, size and modification time. Another
 * program that writes the file in place changes size or time; one that renames a new file over
 * it (an editor, `git pull`, `mv`) changes the inode.
 */
export type FileStamp = string;
export const stampOf = (stat: {dev: number; ino: number; size: number; mtimeMs: number}): FileStamp => `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;

/**
 * A buffer to read into again and again (many files read one after another, only one of them
 * at a time needed): no fresh memory, and no garbage, per file.
 */
export type Scratch = {buffer: Buffer};

/** The same, with the stamp of the bytes read (taken from the open file, so it is theirs). With `scratch`, the bytes are a view of its buffer, good until the next read into it. */
export function readRegularFileStamped(file: string, limit: number, scratch?: Scratch): {bytes: Buffer; stamp: FileStamp} {
	const {fd, size, stat} = openRegularFile(file, limit);
	try {
		// One byte more than the size: a file still growing is noticed, and read to the limit.
		const want = Math.min(limit + 1, size + 1);
		if (scratch && scratch.buffer.length < want) scratch.buffer = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(want, scratch.buffer.length * 2)));
		let buffer = scratch ? scratch.buffer : Buffer.allocUnsafe(want);
		let length = 0;
		for (;;) {
			if (length === buffer.length) {
				if (length > limit) throw UserError.of(file, M.grew({limit: megabytes(limit)}));
				const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
				buffer.copy(bigger, 0, 0, length);
				buffer = bigger;
				if (scratch) scratch.buffer = bigger;
			}
			const n = readSync(fd, buffer, length, buffer.length - length, null);
			if (n === 0) break;
			length += n;
		}
		if (length > limit) throw UserError.of(file, M.grew({limit: megabytes(limit)}));
		// Stamped after reading: a write that raced the read shows as a change next time.
		const after = length === size ? stat : fstatSync(fd);
		return {bytes: buffer.subarray(0, length), stamp: stampOf(after)};
	} catch (error) {
		if (error instanceof UserError) throw error;
		throw UserError.of(file, fsProblem(error));
	} finally {
		closeSync(fd);
	}
}

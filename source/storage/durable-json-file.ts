import {open, rename, unlink, link, lstat} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import type {Adapter} from 'lowdb';
import {MAX_FILE_BYTES} from './read-json-file.js';
import {statSync, existsSync} from 'node:fs';
import {UserError} from './user-error.js';
import {fsProblem, saysNotFound} from './fs-errors.js';
import {describeKind, stampOf, readRegularFileStamped, type FileStamp} from './safe-read.js';
import {messages} from '../domain/words/message.js';

const M = messages('storage/durable-file', {
	symlink: {zh: '是符号链接，未被替换（未写入任何内容）', en: 'is a symbolic link; it was not replaced (nothing was written)'},
	notRegular: {zh: '是{kind}，不是普通文件；未写入任何内容', en: 'is {kind}, not a regular file; nothing was written'},
	readOnly: {zh: '为只读文件（权限 {mode}）；未写入任何内容。如确需修改，请先设为可写（`chmod u+w`）', en: 'is read-only (mode {mode}); nothing was written. Make it writable (chmod u+w) if it should change'},
	notSaved: {zh: '无法保存：{problem}；磁盘上的文件未改动', en: 'could not be saved: {problem}; the file on disk is unchanged'},
});

let counter = 0;

/** The copy of the previous save kept beside a file (`demo.json` → `demo.json~`). */
export const previousVersionFile = (file: string) => `${file}~`;

export type WriteOptions = {
	/** Keep the previous version beside the file as `file~` (workspaces: yes; exports and git's temporary files: no). */
	keepPrevious?: boolean;
};

/**
 * Writes text so that a crash or power loss at any moment leaves either the old file or the
 * new one, whole: a temporary file in the same folder, fsync, rename over the file, fsync of
 * the folder (so the rename itself is on disk). The previous version stays beside it as `file~`
 * unless asked not to. Never replaces what is not a plain, writable file of someone who let us:
 * a symbolic link (callers write to the real path), a folder, a FIFO, or a read-only file.
 */
export async function writeFileDurably(file: string, text: string | Uint8Array | readonly Uint8Array[], options: WriteOptions = {}): Promise<FileStamp> {
	const dir = dirname(file);
	const tmp = join(dir, `.${basename(file)}.tmp-${process.pid}-${++counter}`);
	let mode = 0o644;
	const existing = await lstat(file).catch(() => undefined);
	if (existing) {
		if (existing.isSymbolicLink()) throw UserError.of(file, M.symlink());
		if (!existing.isFile()) throw UserError.of(file, M.notRegular({kind: describeKind(existing)}));
		if ((existing.mode & 0o200) === 0) throw UserError.of(file, M.readOnly({mode: (existing.mode & 0o777).toString(8).padStart(4, '0')}));
		mode = existing.mode & 0o777;
	}
	try {
		const handle = await open(tmp, 'wx', mode);
		let stamp: FileStamp;
		try {
			// Many pieces (a merged change log) are written one after another, never joined in memory.
			if (Array.isArray(text)) for (const piece of text as readonly Uint8Array[]) await handle.write(piece);
			else await handle.writeFile(text as string | Uint8Array);
			await handle.sync();
			// The stamp of the new file, from the file itself: the rename keeps inode and times.
			stamp = stampOf(await handle.stat());
		} finally {
			await handle.close();
		}
		if (options.keepPrevious ?? true) await keepPrevious(file);
		await rename(tmp, file);
		await syncFolder(dir);
		return stamp;
	} catch (error) {
		await unlink(tmp).catch(() => undefined);
		throw UserError.of(file, M.notSaved({problem: fsProblem(error)}));
	}
}

async function keepPrevious(file: string): Promise<void> {
	const previous = previousVersionFile(file);
	await unlink(previous).catch(() => undefined);
	// A hard link costs no copy; where links are not allowed the previous version is simply not kept.
	await link(file, previous).catch(() => undefined);
}

export async function syncFolder(dir: string): Promise<void> {
	let handle;
	try {
		handle = await open(dir, 'r');
		await handle.sync();
	} catch {
		// Some file systems cannot fsync a folder; the rename is still atomic there.
	} finally {
		await handle?.close();
	}
}

/** What happened to the file since this adapter last read or wrote it, as a stamp compares. */
function currentStamp(file: string): FileStamp | 'missing' {
	try {
		return stampOf(statSync(file));
	} catch {
		return 'missing';
	}
}

export type AdapterOptions<T, R> = {
	serialize: (data: T) => string | Uint8Array;
	parse: (file: string, bytes: Buffer) => T;
	/**
	 * Another program changed the file since it was last read or written here (a `git pull`, a
	 * merge driver, an editor): given the data about to be written and the file's bytes now,
	 * returns what to write instead (the two merged) and a report for the writers. Throwing
	 * writes nothing; the next write checks again.
	 */
	changedOnDisk?: (ours: T, disk: Buffer) => {data: T; report: R};
	/**
	 * Called once a write is on disk, before its writers hear so: with the data asked for and
	 * the data written (the two differ when another program's version was merged in).
	 */
	written?: (ours: T, written: T, report: R | undefined) => void | Promise<void>;
	/** Keep the previous version as `file~` (default yes). */
	keepPrevious?: boolean;
};

/**
 * A lowdb adapter for JSON files that a person may edit: reads with readable errors, writes
 * durably (lowdb's own JSONFile renames but never fsyncs). Writes are queued and coalesced:
 * when several are asked for while one runs, only the newest data is written next. With
 * `changedOnDisk`, every write first checks that the file is still the one last read or
 * written here, so that no other program's change is ever written over unseen.
 */
export class DurableJsonFile<T, R = undefined> implements Adapter<T> {
	readonly file: string;
	readonly #options: AdapterOptions<T, R>;
	/** The file as last read or written here; undefined before either. */
	#stamp: FileStamp | undefined;
	#running: Promise<void> | undefined;
	#next: {data: T; waiters: {resolve: (report: R | undefined) => void; reject: (e: unknown) => void}[]} | undefined;

	constructor(file: string, options: AdapterOptions<T, R>) {
		this.file = file;
		this.#options = options;
	}

	async read(): Promise<T | null> {
		let read: {bytes: Buffer; stamp: FileStamp};
		try {
			read = readRegularFileStamped(this.file, MAX_FILE_BYTES);
		} catch (error) {
			if (saysNotFound(error)) return null;
			throw error;
		}
		const data = this.#options.parse(this.file, read.bytes);
		this.#stamp = read.stamp;
		return data;
	}

	/** lowdb's write: resolves when the data (or newer data) is on disk. */
	async write(data: T): Promise<void> {
		await this.writeReporting(data);
	}

	/** The same, with the report of a merge with the disk's version, if one was made. */
	writeReporting(data: T): Promise<R | undefined> {
		return new Promise((resolve, reject) => {
			if (this.#next) {
				this.#next.data = data;
				this.#next.waiters.push({resolve, reject});
			} else {
				this.#next = {data, waiters: [{resolve, reject}]};
			}
			if (!this.#running) this.#running = this.#drain();
		});
	}

	/** Resolves when every write asked for so far is on disk (or has failed). */
	async flushed(): Promise<void> {
		while (this.#running) await this.#running.catch(() => undefined);
	}

	async #drain(): Promise<void> {
		// Never finish synchronously: `#running` is assigned the promise after this returns it,
		// and a drain that ended before that would leave it set for good.
		await undefined;
		while (this.#next) {
			const {data, waiters} = this.#next;
			this.#next = undefined;
			try {
				let toWrite = data;
				let report: R | undefined;
				const changed = this.#options.changedOnDisk;
				if (changed && this.#stamp !== undefined && currentStamp(this.file) !== this.#stamp) {
					// Read as it is now; if it is gone, what we hold is written anew.
					const disk = existsSync(this.file) ? readRegularFileStamped(this.file, MAX_FILE_BYTES).bytes : undefined;
					if (disk) ({data: toWrite, report} = changed(data, disk));
				}
				this.#stamp = await writeFileDurably(this.file, this.#options.serialize(toWrite), {keepPrevious: this.#options.keepPrevious});
				await this.#options.written?.(data, toWrite, report);
				for (const w of waiters) w.resolve(report);
			} catch (error) {
				for (const w of waiters) w.reject(error);
			}
		}
		this.#running = undefined;
	}
}

import {open, rename, unlink, link, stat} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import type {Adapter} from 'lowdb';
import {readBytes, parseJsonText, describeFsError} from './read-json-file.js';
import {UserError} from './user-error.js';

let counter = 0;

/** The copy of the previous save kept beside a file (`demo.json` → `demo.json~`). */
export const previousVersionFile = (file: string) => `${file}~`;

/**
 * Writes text so that a crash or power loss at any moment leaves either the old file or the
 * new one, whole: a temporary file in the same folder, fsync, rename over the file, fsync of
 * the folder (so the rename itself is on disk). The previous version stays beside it as `file~`.
 */
export async function writeFileDurably(file: string, text: string | Uint8Array): Promise<void> {
	const dir = dirname(file);
	const tmp = join(dir, `.${basename(file)}.tmp-${process.pid}-${++counter}`);
	let mode = 0o644;
	try {
		mode = (await stat(file)).mode & 0o777;
	} catch {
		// A new file gets the default mode.
	}
	try {
		const handle = await open(tmp, 'wx', mode);
		try {
			await handle.writeFile(text);
			await handle.sync();
		} finally {
			await handle.close();
		}
		await keepPrevious(file);
		await rename(tmp, file);
		await syncFolder(dir);
	} catch (error) {
		await unlink(tmp).catch(() => undefined);
		throw UserError.of(file, `could not be saved: ${describeFsError(error)}; the file on disk is unchanged`);
	}
}

async function keepPrevious(file: string): Promise<void> {
	const previous = previousVersionFile(file);
	await unlink(previous).catch(() => undefined);
	// A hard link costs no copy; where links are not allowed the previous version is simply not kept.
	await link(file, previous).catch(() => undefined);
}

async function syncFolder(dir: string): Promise<void> {
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

/**
 * A lowdb adapter for JSON files that a person may edit: reads with readable errors, writes
 * durably (lowdb's own JSONFile renames but never fsyncs). Writes are queued and coalesced:
 * when several are asked for while one runs, only the newest data is written next.
 */
export class DurableJsonFile<T> implements Adapter<T> {
	readonly file: string;
	readonly #serialize: (data: T) => string | Uint8Array;
	readonly #parse: (file: string, raw: unknown, bytes: Buffer) => T;
	#running: Promise<void> | undefined;
	#next: {data: T; waiters: {resolve: () => void; reject: (e: unknown) => void}[]} | undefined;

	constructor(file: string, options: {serialize: (data: T) => string | Uint8Array; parse: (file: string, raw: unknown, bytes: Buffer) => T}) {
		this.file = file;
		this.#serialize = options.serialize;
		this.#parse = options.parse;
	}

	async read(): Promise<T | null> {
		let bytes: Buffer;
		try {
			bytes = readBytes(this.file);
		} catch (error) {
			if (error instanceof UserError && error.issues[0]?.problem === 'does not exist') return null;
			throw error;
		}
		return this.#parse(this.file, parseJsonText(this.file, bytes), bytes);
	}

	write(data: T): Promise<void> {
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
		while (this.#next) {
			const {data, waiters} = this.#next;
			this.#next = undefined;
			try {
				await writeFileDurably(this.file, this.#serialize(data));
				for (const w of waiters) w.resolve();
			} catch (error) {
				for (const w of waiters) w.reject(error);
			}
		}
		this.#running = undefined;
	}
}

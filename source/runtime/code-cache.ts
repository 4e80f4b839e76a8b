import {mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {cacheFolder} from '../storage/cache-folder.js';

/**
 * Where V8's compiled code for the program is kept between runs, one file per build and command
 * (`assess open` runs other code than `assess score`), in the user's cache folder. A file of
 * another build is never used (V8 also refuses code cached for other source) and is deleted
 * when a new one is written. Anything that goes wrong here only means code is compiled as usual.
 */
export class CodeCache {
	readonly #dir: string;
	readonly #build: string;
	readonly #file: string;

	constructor(dir: string, build: string, command: string) {
		this.#dir = join(dir, 'code');
		this.#build = build;
		this.#file = join(this.#dir, `${build}-${command}.bin`);
	}

	static fromEnvironment(env: NodeJS.ProcessEnv, build: string | undefined, command: string): CodeCache | undefined {
		const dir = build ? cacheFolder(env) : undefined;
		return dir && build ? new CodeCache(dir, build, command) : undefined;
	}

	read(): Buffer | undefined {
		try {
			return readFileSync(this.#file);
		} catch {
			return undefined;
		}
	}

	/** Writes whole or not at all (a temporary file renamed over), and forgets other builds' code. */
	write(data: Buffer): void {
		try {
			mkdirSync(this.#dir, {recursive: true});
			const tmp = `${this.#file}.${process.pid}.tmp`;
			writeFileSync(tmp, data);
			renameSync(tmp, this.#file);
			for (const name of readdirSync(this.#dir)) if (!name.startsWith(`${this.#build}-`)) unlinkSync(join(this.#dir, name));
		} catch {
			// A cache that cannot be written is no cache.
		}
	}
}

import {mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {sha256} from '../domain/canonical-json.js';
import {BUILD_ID, cacheFolder} from './cache-folder.js';

/** How many files are remembered; the ones not opened for longest are forgotten first. */
const KEEP = 256;

/**
 * Workspace files this build of the program has validated, remembered by the SHA-256 of their
 * bytes in the user's cache folder. Opening a big workspace validates 4,096 findings with zod,
 * a fifth of the TUI's start-up; an assessor opens the same file the program saved the day
 * before, so the second time it is not validated again: the same bytes, read by the same
 * build, parse to the same data that passed before, and since the workspace schema only checks
 * (it transforms nothing; a test holds it to that), the data is also what validation would
 * have returned. Files are remembered once they passed every check when read, and when a
 * session or a merge wrote them from validated data. With each file the check against
 * its indicator system is remembered too, by a digest of the system and the known regions:
 * another system file, or another region list, and that check runs again. Anything that goes
 * wrong here (no home folder, a read-only disk) only means the file is validated as usual.
 */
export class ValidationCache {
	readonly #dir: string;
	readonly #build: string;

	constructor(dir: string, build: string) {
		this.#dir = join(dir, 'validated');
		this.#build = build;
	}

	/** The cache the environment asks for: ASSESS_CACHE_DIR (off: none), else the platform's cache folder. */
	static fromEnvironment(env: NodeJS.ProcessEnv, build = BUILD_ID): ValidationCache | undefined {
		if (!build) return undefined;
		const dir = cacheFolder(env);
		return dir ? new ValidationCache(dir, build) : undefined;
	}

	/** The digest of the context the file was checked against, if this build validated these bytes before. */
	lookup(bytesDigest: string): string | undefined {
		try {
			const context = readFileSync(this.#marker(bytesDigest), 'utf8');
			return /^[0-9a-f]{64}$/.test(context) ? context : undefined;
		} catch {
			return undefined;
		}
	}

	/** Remembers that these bytes are valid, and were checked against this context. */
	remember(bytesDigest: string, contextDigest: string): void {
		try {
			const marker = this.#marker(bytesDigest);
			try {
				if (readFileSync(marker, 'utf8') === contextDigest) {
					// Known already: only mark it as used now, so it is forgotten last.
					const now = new Date();
					utimesSync(marker, now, now);
					return;
				}
			} catch {
				// Not remembered yet.
			}
			mkdirSync(this.#dir, {recursive: true});
			writeFileSync(marker, contextDigest);
			this.#forgetOldest();
		} catch {
			// A cache that cannot be written is no cache; nothing else depends on it.
		}
	}

	#marker(bytesDigest: string): string {
		return join(this.#dir, sha256(`${this.#build}\n${bytesDigest}`));
	}

	#forgetOldest(): void {
		const names = readdirSync(this.#dir);
		if (names.length <= KEEP) return;
		const byAge = names.map(name => ({name, used: statSync(join(this.#dir, name)).mtimeMs})).sort((a, b) => a.used - b.used);
		for (const {name} of byAge.slice(0, names.length - KEEP)) unlinkSync(join(this.#dir, name));
	}
}

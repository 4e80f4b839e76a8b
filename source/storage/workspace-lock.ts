import {openSync, writeSync, closeSync, readFileSync, unlinkSync, statSync, fsyncSync} from 'node:fs';
import {hostname, userInfo} from 'node:os';
import {UserError} from './user-error.js';
import {describeFsError} from './read-json-file.js';

/** Who holds a workspace: written into `<workspace>.lock` so a second writer can be told. */
export type LockHolder = {user: string; host: string; pid: number; since: string; program: string};

export const lockFileOf = (workspace: string) => `${workspace}.lock`;

export type Lock = {readonly file: string; readonly holder: LockHolder; release(): void};

export class LockedError extends UserError {
	readonly holder: LockHolder;
	constructor(workspace: string, holder: LockHolder) {
		super([{file: workspace, place: '', problem: `is being edited by ${describeHolder(holder)}; try again when they are done, or open it read-only`}], 2);
		this.holder = holder;
	}
}

export function describeHolder(h: LockHolder): string {
	return `${h.user} on ${h.host} (process ${h.pid}, since ${h.since})`;
}

function currentHolder(program: string, now: Date): LockHolder {
	let user = process.env.USER ?? process.env.USERNAME ?? 'unknown';
	try {
		user = userInfo().username;
	} catch {
		// Some containers have no user name; the environment's will do.
	}
	return {user, host: hostname(), pid: process.pid, since: now.toISOString(), program};
}

/** Is the lock's process gone? Only knowable on the same host; elsewhere we assume it lives. */
export function isStale(holder: LockHolder): boolean {
	if (holder.host !== hostname()) return false;
	if (holder.pid === process.pid) return false;
	try {
		process.kill(holder.pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

export function readHolder(lockFile: string): LockHolder | undefined {
	try {
		const data = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockHolder>;
		if (typeof data.pid === 'number' && typeof data.host === 'string') {
			return {user: String(data.user ?? '?'), host: data.host, pid: data.pid, since: String(data.since ?? '?'), program: String(data.program ?? '?')};
		}
	} catch {
		// Missing, or half-written by a process that died between create and write.
	}
	return undefined;
}

/**
 * Takes the single-writer lock of a workspace, or throws LockedError naming who holds it.
 * A lock whose process is gone (same host) is taken over; the takeover itself is guarded by
 * a short-lived second lock so that two processes cannot both break it and both win.
 */
export function acquireLock(workspace: string, program: string, now = new Date()): Lock {
	const file = lockFileOf(workspace);
	const holder = currentHolder(program, now);
	for (let attempt = 0; attempt < 5; attempt++) {
		if (tryCreate(file, holder)) return {file, holder, release: () => releaseLock(file, holder)};
		const existing = readHolder(file);
		if (existing && !isStale(existing)) throw new LockedError(workspace, existing);
		if (!existing && !isOld(file)) {
			// Being written this very moment by another process: let it finish.
			continue;
		}
		breakStaleLock(file, existing);
	}
	const existing = readHolder(file);
	if (existing) throw new LockedError(workspace, existing);
	throw UserError.of(workspace, `could not take the lock ${file}; remove it if no one is editing the workspace`);
}

function tryCreate(file: string, holder: LockHolder): boolean {
	let fd: number;
	try {
		fd = openSync(file, 'wx', 0o644);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw UserError.of(file, `cannot create the lock file: ${describeFsError(error)}`);
	}
	try {
		writeSync(fd, JSON.stringify(holder) + '\n');
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	return true;
}

function isOld(file: string, ms = 2000): boolean {
	try {
		return Date.now() - statSync(file).mtimeMs > ms;
	} catch {
		return true;
	}
}

function breakStaleLock(file: string, stale: LockHolder | undefined): void {
	const guard = `${file}.break`;
	const guardHolder = currentHolder('lock-breaker', new Date());
	if (!tryCreate(guard, guardHolder)) {
		const other = readHolder(guard);
		// A breaker that died mid-break leaves its guard behind; it is tiny-lived otherwise.
		if ((other && isStale(other)) || isOld(guard, 10_000)) unlinkQuietly(guard);
		return;
	}
	try {
		const now = readHolder(file);
		const same = (!now && !stale) || (now && stale && now.pid === stale.pid && now.host === stale.host && now.since === stale.since);
		if (same) unlinkQuietly(file);
	} finally {
		unlinkQuietly(guard);
	}
}

function releaseLock(file: string, holder: LockHolder): void {
	const now = readHolder(file);
	if (now && now.pid === holder.pid && now.host === holder.host && now.since === holder.since) unlinkQuietly(file);
}

function unlinkQuietly(file: string): void {
	try {
		unlinkSync(file);
	} catch {
		// Already gone.
	}
}

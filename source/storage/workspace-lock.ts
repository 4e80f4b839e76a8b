import {openSync, writeSync, closeSync, readFileSync, unlinkSync, statSync, fsyncSync} from 'node:fs';
import {hostname, userInfo} from 'node:os';
import {UserError} from './user-error.js';
import {fsProblem} from './fs-errors.js';
import {readRegularFile} from './safe-read.js';
import {messages, say, type Message} from '../domain/words/message.js';

const M = messages('storage/lock', {
	locked: {zh: '正由 {holder} 编辑；请等对方完成后再试，或以只读方式打开。如果其实没有人在编辑（电脑崩溃过，或锁文件被误复制、误提交），`assess unlock {workspace}` 可查看并删除这把锁', en: 'is being edited by {holder}; try again when they are done, or open it read-only. If no one is editing it (a laptop that crashed, a lock file copied or committed by mistake), `assess unlock {workspace}` shows the lock and removes it'},
	holder: {zh: '{host} 上的 {user}（进程 {pid}，{since} 起）', en: '{user} on {host} (process {pid}, since {since})'},
	holderFor: {zh: '{host} 上的 {user}（进程 {pid}，已持续 {age}，{since} 起）', en: '{user} on {host} (process {pid}, for {age}, since {since})'},
	moment: {zh: '片刻', en: 'a moment'},
	minutes: {zh: '{n} 分钟', en: '{n} {n|minute|minutes}'},
	hours: {zh: '{n} 小时', en: '{n} hours'},
	days: {zh: '{n} 天', en: '{n} days'},
	cannotTake: {zh: '无法取得锁 {lock}；如果没有人在编辑此工作区，`assess unlock` 可查看并删除它', en: 'could not take the lock {lock}; `assess unlock` shows it and removes it if no one is editing the workspace'},
	cannotCreate: {zh: '无法创建锁文件：{problem}', en: 'cannot create the lock file: {problem}'},
});

/** Who holds a workspace: written into `<workspace>.lock` so a second writer can be told. */
export type LockHolder = {user: string; host: string; pid: number; since: string; program: string};

export const lockFileOf = (workspace: string) => `${workspace}.lock`;

export type Lock = {readonly file: string; readonly holder: LockHolder; release(): void};

export class LockedError extends UserError {
	readonly holder: LockHolder;
	constructor(workspace: string, holder: LockHolder, now = new Date()) {
		super([{file: workspace, place: '', problem: M.locked({holder: holderMessage(holder, now), workspace})}], 2);
		this.holder = holder;
	}
}

/** `li on li-laptop (process 4242, for 3 hours, since 2026-11-29T09:30:00Z)`, in both languages. */
export function holderMessage(h: LockHolder, now = new Date()): Message {
	const age = ageOf(h.since, now);
	const who = {user: h.user, host: h.host, pid: h.pid, since: h.since};
	return age ? M.holderFor({...who, age}) : M.holder(who);
}

/** The same in English. */
export const describeHolder = (h: LockHolder, now = new Date()): string => say('en', holderMessage(h, now));

/** How long ago, in the largest unit that reads naturally: "a moment", "12 minutes", "3 hours", "2 days". */
export function ageOf(since: string, now = new Date()): Message | undefined {
	const ms = now.getTime() - Date.parse(since);
	if (!Number.isFinite(ms)) return undefined;
	const minutes = Math.floor(ms / 60_000);
	if (minutes < 1) return M.moment();
	if (minutes < 120) return M.minutes({n: minutes});
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return M.hours({n: hours});
	return M.days({n: Math.floor(hours / 24)});
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

/**
 * Is the lock's process gone? Only knowable on the same host; elsewhere we assume it lives. A
 * process id in use is not enough: ids are reused, so a process that started after the lock
 * was taken (Linux tells when each process started) is not the one that took it.
 */
export function isStale(holder: LockHolder): boolean {
	if (holder.host !== hostname()) return false;
	if (holder.pid === process.pid) return false;
	try {
		process.kill(holder.pid, 0);
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
	const started = processStart(holder.pid);
	const since = Date.parse(holder.since);
	// Two seconds of slack: clock ticks are coarse, and the lock is written just after start.
	return started !== undefined && Number.isFinite(since) && started > since + 2000;
}

/** When a process started (ms since the epoch), where /proc says; undefined elsewhere. */
function processStart(pid: number): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may hold spaces and parentheses: count fields after the last ")".
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ticks = Number(fields[19]);
		const boot = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
		if (!boot || !Number.isFinite(ticks)) return undefined;
		// Linux counts start times in USER_HZ, 100 per second on every architecture it exports.
		return Number(boot[1]) * 1000 + (ticks / 100) * 1000;
	} catch {
		return undefined;
	}
}

export function readHolder(lockFile: string): LockHolder | undefined {
	try {
		const data = JSON.parse(readRegularFile(lockFile, 64 * 1024).toString('utf8')) as Partial<LockHolder>;
		if (typeof data.pid === 'number' && typeof data.host === 'string') {
			return {user: String(data.user ?? '?'), host: data.host, pid: data.pid, since: String(data.since ?? '?'), program: String(data.program ?? '?')};
		}
	} catch {
		// Missing, or half-written by a process that died between create and write.
	}
	return undefined;
}

/** Waits without an event loop (locks are taken synchronously; the wait is short). */
function sleepSync(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** How long a lock file may stay unreadable (being created and written) before it counts as left over. */
const BEING_WRITTEN_MS = 2000;

/**
 * Takes the single-writer lock of a workspace, or throws LockedError naming who holds it.
 * A lock whose process is gone (same host) is taken over; the takeover itself is guarded by
 * a short-lived second lock so that two processes cannot both break it and both win.
 */
export function acquireLock(workspace: string, program: string, now = new Date()): Lock {
	const file = lockFileOf(workspace);
	const holder = currentHolder(program, now);
	const deadline = Date.now() + BEING_WRITTEN_MS + 500;
	for (let breaks = 0; breaks < 5; ) {
		if (tryCreate(file, holder)) return {file, holder, release: () => releaseLock(file, holder)};
		const existing = readHolder(file);
		if (existing && !isStale(existing)) throw new LockedError(workspace, existing);
		if (!existing && !isOld(file, BEING_WRITTEN_MS) && Date.now() < deadline) {
			// Being created and written this very moment by another process: let it finish.
			sleepSync(20 + Math.random() * 30);
			continue;
		}
		breakStaleLock(file, existing);
		breaks++;
	}
	const existing = readHolder(file);
	if (existing) throw new LockedError(workspace, existing);
	throw UserError.of(workspace, M.cannotTake({lock: file}));
}

/**
 * Removes a lock on a person's word (`assess unlock`), but only the lock that was shown to
 * them: one taken since by someone else stays. Returns whether it was removed.
 */
export function removeLock(workspace: string, shown: LockHolder | undefined): boolean {
	const file = lockFileOf(workspace);
	const now = readHolder(file);
	const same = shown === undefined ? now === undefined : now !== undefined && now.pid === shown.pid && now.host === shown.host && now.since === shown.since;
	if (!same) return false;
	unlinkQuietly(file);
	return true;
}

function tryCreate(file: string, holder: LockHolder): boolean {
	let fd: number;
	try {
		fd = openSync(file, 'wx', 0o644);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw UserError.of(file, M.cannotCreate({problem: fsProblem(error)}));
	}
	try {
		writeSync(fd, JSON.stringify(holder) + '\n');
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	return true;
}

function isOld(file: string, ms: number): boolean {
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

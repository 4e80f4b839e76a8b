import {copyFileSync, mkdirSync, readdirSync, unlinkSync, lstatSync, constants} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {messages, type Message} from '../domain/words/message.js';

const M = messages('storage/backups', {
	symlink: {zh: '{folder} 是符号链接，不是独立的文件夹；本次未做会话备份（其中及其指向的内容均未改动）', en: '{folder} is a symbolic link, not a folder of its own; no session backup was taken (nothing in or behind it was touched)'},
	notFolder: {zh: '{folder} 不是文件夹；本次未做会话备份', en: '{folder} is not a folder; no session backup was taken'},
});

/** How many session backups a workspace keeps, and how often a new one is taken at most. */
export const BACKUPS_KEPT = 5;
export const BACKUP_INTERVAL_MS = 10 * 60 * 1000;

export const backupFolderOf = (file: string) => join(dirname(file), `${basename(file)}.backups`);

/** The only names the program gives backups, and so the only files it ever prunes. */
const BACKUP_NAME = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.json$/;

/**
 * Copies the workspace into its backups folder before a writing session changes it, at most
 * once per interval, and keeps the newest few. Best effort: a failed backup never stops work.
 * Prunes only files named as its backups, and only in a real folder of its own: a backups
 * "folder" that is a symbolic link (say, to `.`, committed to git) could otherwise take
 * colleagues' workspaces with it. Returns a warning when it skipped the backup for that reason.
 */
export function backupBeforeWriting(file: string, now = new Date()): Message | undefined {
	const folder = backupFolderOf(file);
	try {
		const existing = lstatSync(folder, {throwIfNoEntry: false});
		if (existing?.isSymbolicLink()) return M.symlink({folder});
		if (existing && !existing.isDirectory()) return M.notFolder({folder});
		if (!existing) mkdirSync(folder);
		const backups = listBackups(file);
		const newest = backups.at(-1);
		const newestTime = newest ? timeOfBackup(newest) : undefined;
		if (newestTime !== undefined && Math.abs(now.getTime() - newestTime) < BACKUP_INTERVAL_MS) return undefined;
		const target = join(folder, `${now.toISOString().replace(/[:.]/g, '-')}.json`);
		copyFileSync(file, target, constants.COPYFILE_EXCL);
		for (const old of listBackups(file).slice(0, -BACKUPS_KEPT)) unlinkSync(old);
		return undefined;
	} catch {
		return undefined;
	}
}

/** This workspace's backups, oldest first: regular files named as backups, in its own backups folder. */
export function listBackups(file: string): string[] {
	const folder = backupFolderOf(file);
	try {
		if (!lstatSync(folder).isDirectory()) return [];
		return readdirSync(folder)
			.filter(n => BACKUP_NAME.test(n) && lstatSync(join(folder, n)).isFile())
			.sort()
			.map(n => join(folder, n));
	} catch {
		return [];
	}
}

/** Backups are named by the time they were taken: 2026-11-23T09-30-00-000Z.json. */
function timeOfBackup(file: string): number | undefined {
	const t = Date.parse(basename(file).replace(BACKUP_NAME, '$1:$2:$3.$4Z'));
	return Number.isNaN(t) ? undefined : t;
}

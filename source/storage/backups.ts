import {copyFileSync, mkdirSync, readdirSync, unlinkSync, existsSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';

/** How many session backups a workspace keeps, and how often a new one is taken at most. */
export const BACKUPS_KEPT = 5;
export const BACKUP_INTERVAL_MS = 10 * 60 * 1000;

export const backupFolderOf = (file: string) => join(dirname(file), `${basename(file)}.backups`);

/**
 * Copies the workspace into its backups folder before a writing session changes it, at most
 * once per interval, and keeps the newest few. Best effort: a failed backup never stops work.
 */
export function backupBeforeWriting(file: string, now = new Date()): string | undefined {
	if (!existsSync(file)) return undefined;
	const folder = backupFolderOf(file);
	try {
		mkdirSync(folder, {recursive: true});
		const existing = listBackups(file);
		const newest = existing.at(-1);
		const newestTime = newest ? timeOfBackup(newest) : undefined;
		if (newestTime !== undefined && Math.abs(now.getTime() - newestTime) < BACKUP_INTERVAL_MS) return undefined;
		const target = join(folder, `${now.toISOString().replace(/[:.]/g, '-')}.json`);
		copyFileSync(file, target);
		for (const old of listBackups(file).slice(0, -BACKUPS_KEPT)) unlinkSync(old);
		return target;
	} catch {
		return undefined;
	}
}

export function listBackups(file: string): string[] {
	const folder = backupFolderOf(file);
	try {
		return readdirSync(folder)
			.filter(n => n.endsWith('.json'))
			.sort()
			.map(n => join(folder, n));
	} catch {
		return [];
	}
}

/** Backups are named by the time they were taken: 2026-11-23T09-30-00-000Z.json. */
function timeOfBackup(file: string): number | undefined {
	const iso = basename(file).replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.json$/, '$1:$2:$3.$4Z');
	const t = Date.parse(iso);
	return Number.isNaN(t) ? undefined : t;
}

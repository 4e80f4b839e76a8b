/**
 * Times as people read them: an export shows when something was seen in the exporting user's
 * time zone (China: UTC+8), not in UTC. The domain has no clock or zone of its own; callers
 * pass the zone's offset at an instant (minutes east of UTC, like +480 for Beijing).
 */
export type ZoneOffset = (iso: string) => number;

/** UTC, for tests and for callers that want it. */
export const UTC: ZoneOffset = () => 0;

/** "2026-11-02T08:00:00+08:00": ISO 8601 with the zone's offset (milliseconds kept only when not zero). */
export function isoWithOffset(iso: string, offset: ZoneOffset): string {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return iso;
	const minutes = offset(iso);
	const local = new Date(ms + minutes * 60_000);
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	const millis = local.getUTCMilliseconds();
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${millis ? `.${pad(millis, 3)}` : ''}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Excel's serial date (days since 1899-12-30) of the local wall-clock time, or undefined for a bad time. */
export function excelSerial(iso: string, offset: ZoneOffset): number | undefined {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return undefined;
	return (ms + offset(iso) * 60_000) / 86_400_000 + 25_569;
}

/** The number format of date-time cells. */
export const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

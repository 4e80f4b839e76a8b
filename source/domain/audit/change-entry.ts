import {sha256} from '../canonical-json.js';

/**
 * One change in a workspace's audit trail (`<ws>.changes.jsonl`, one entry a line): who changed
 * what, when, from what to what, and the finding version (rev) it made. Entries are identified
 * by their content (the finding, the versions before and after, the field), so the same change
 * logged by two programs, or brought in by two files, is one entry: logs unite by id.
 */
export type ChangeField =
	| 'value'
	| 'status'
	| 'reason'
	| 'note'
	/** An evidence item added (from null) or removed (to null). */
	| 'evidence'
	/** One sampled item: added, removed, judged, annotated. */
	| 'sample'
	/** A reviewer's decision (to), or a review an edit made void (to null). */
	| 'review'
	/** A conflict settled: from every candidate, to the verdict chosen. */
	| 'settled'
	/** A merge found assessors disagreeing: the candidates. */
	| 'conflict'
	/** A merge united equal verdicts of several versions. */
	| 'combined'
	/** The finding was taken out (an undo of its first version). */
	| 'removed'
	/** The review policy changed (workspace-wide). */
	| 'policy'
	/** A spot check was drawn (workspace-wide). */
	| 'spot-check';

export const CHANGE_FIELDS: readonly ChangeField[] = ['value', 'status', 'reason', 'note', 'evidence', 'sample', 'review', 'settled', 'conflict', 'combined', 'removed', 'policy', 'spot-check'];

/**
 * How an entry came to be, when not by a person recording a finding: a merge's own event, an
 * undo that went back to an earlier version, or (never stored) recovered from a finding's history
 * because the log did not have it.
 */
export type ChangeVia = 'merge' | 'undo' | 'history';

export type ChangeEntry = {
	id: string;
	/** When the change was made (a version's time; a review's time for a review). */
	at: string;
	by: string;
	/** Absent for workspace-wide changes (policy, spot check). */
	region?: string;
	indicator?: string;
	field: ChangeField;
	/** The sampled item (`sample`), or the evidence item's identity (`evidence`). */
	item?: string;
	from: unknown;
	to: unknown;
	/** The finding version the change made, and the one it changed (absent for a first version). */
	rev?: string;
	prev?: string;
	via?: ChangeVia;
	/** Why: a settled conflict's reason, a return's note. */
	note?: string;
};

/** A change's id: the same change always gets the same id, wherever it is logged. */
export function changeId(parts: readonly (string | undefined)[]): string {
	return sha256(parts.map(p => p ?? '').join('\u0000')).slice(0, 16);
}

/** The line an entry is stored as: a fixed key order, the id first (tools can dedupe on it). */
export function changeLine(e: ChangeEntry): string {
	const ordered: Record<string, unknown> = {id: e.id, at: e.at, by: e.by};
	if (e.region !== undefined) ordered.region = e.region;
	if (e.indicator !== undefined) ordered.indicator = e.indicator;
	ordered.field = e.field;
	if (e.item !== undefined) ordered.item = e.item;
	ordered.from = e.from === undefined ? null : e.from;
	ordered.to = e.to === undefined ? null : e.to;
	if (e.rev !== undefined) ordered.rev = e.rev;
	if (e.prev !== undefined) ordered.prev = e.prev;
	if (e.via !== undefined) ordered.via = e.via;
	if (e.note !== undefined) ordered.note = e.note;
	return JSON.stringify(ordered);
}

const ID = /^[0-9a-f]{16}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const KEYS = new Set(['id', 'at', 'by', 'region', 'indicator', 'field', 'item', 'from', 'to', 'rev', 'prev', 'via', 'note']);
const VIAS: readonly string[] = ['merge', 'undo'];

/**
 * Checks one parsed line of a log: an entry, or what is wrong with it. Hand-written (not zod):
 * a merge of 30 logs checks tens of thousands of entries. `from` and `to` are any JSON.
 */
export function checkChangeEntry(raw: unknown): ChangeEntry | string {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'a change is a JSON object';
	const e = raw as Record<string, unknown>;
	for (const key of Object.keys(e)) if (!KEYS.has(key)) return `unknown field "${key}"`;
	if (typeof e.id !== 'string' || !ID.test(e.id)) return '"id" should be 16 hexadecimal digits';
	if (typeof e.at !== 'string' || !TIME.test(e.at) || Number.isNaN(Date.parse(e.at))) return '"at" should be an ISO 8601 time with a zone';
	if (typeof e.by !== 'string') return '"by" should be a name';
	if (typeof e.field !== 'string' || !(CHANGE_FIELDS as readonly string[]).includes(e.field)) return `"field" should be one of ${CHANGE_FIELDS.join(', ')}`;
	for (const key of ['region', 'indicator', 'item', 'note'] as const) if (e[key] !== undefined && typeof e[key] !== 'string') return `"${key}" should be text`;
	for (const key of ['rev', 'prev'] as const) if (e[key] !== undefined && (typeof e[key] !== 'string' || !ID.test(e[key] as string))) return `"${key}" should be 16 hexadecimal digits`;
	if (e.via !== undefined && !VIAS.includes(e.via as string)) return '"via" should be merge or undo';
	if (!('from' in e) || !('to' in e)) return 'a change has "from" and "to"';
	if ((e.field === 'policy' || e.field === 'spot-check') !== (e.region === undefined)) return e.region === undefined ? 'a change of a finding names its region' : 'a workspace-wide change names no region';
	return e as unknown as ChangeEntry;
}

/** Text kept whole up to this length; longer text (a pasted page) is kept as its length, start and SHA-256. */
export const TEXT_KEPT = 65_536;

/** A note's text as the log keeps it. */
export function loggedText(text: string | undefined): string | {length: number; start: string; sha256: string} | null {
	if (text === undefined) return null;
	if (text.length <= TEXT_KEPT) return text;
	return {length: text.length, start: text.slice(0, 200), sha256: sha256(text)};
}

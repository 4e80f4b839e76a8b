import type {Evidence, Finding, FindingStatus, FindingValue, FindingVersion} from './workspace-schema.js';
import {canonicalJson, sha256} from '../canonical-json.js';

/** How many earlier versions a finding keeps: enough for merges to see descent, small on disk. */
export const HISTORY_LIMIT = 10;

export type FindingChange = {
	value?: FindingValue | null;
	status?: FindingStatus;
	reason?: string | undefined;
	note?: string;
	/** Evidence to add; items already present (same URL, quote or file hash) are not added twice. */
	addEvidence?: readonly Evidence[];
	/** Evidence to remove, by `evidenceKey`. */
	removeEvidence?: readonly string[];
};

/** The identity of an evidence item: equal items from two assessors are one. */
export function evidenceKey(e: Evidence): string {
	switch (e.kind) {
		case 'url':
			return `url:${e.url}`;
		case 'quote':
			return `quote:${e.text}`;
		case 'file':
			return `file:${e.sha256}`;
	}
}

/**
 * The content hash of a version. A version made from others (a merge combining equal verdicts, a
 * settled conflict) names them in `sources`: its content may equal one of theirs exactly, and it
 * must still have a rev of its own, or it would be its own ancestor.
 */
export function revOf(version: Omit<FindingVersion, 'rev'>, evidence: readonly Evidence[], sources?: readonly string[]): string {
	const content = {
		...(sources ? {sources: [...sources].sort()} : {}),
		value: version.value,
		status: version.status,
		reason: version.reason,
		note: version.note,
		by: version.by,
		at: version.at,
		evidence: evidence.map(evidenceKey).sort(),
		// Only when there is one: versions made before reviews existed keep the revs they had.
		...(version.review ? {review: version.review} : {}),
	};
	return sha256(canonicalJson(content)).slice(0, 16);
}

/**
 * A new version of a finding (or the first one), made by `by` at `at`. The previous version
 * goes to the front of the history, so a merge can tell that this one descends from it.
 * Returns the finding unchanged when the change changes nothing.
 */
export function recordFinding(previous: Finding | undefined, region: string, indicator: string, change: FindingChange, by: string, at: string): Finding {
	const evidence = mergeEvidence(previous?.evidence ?? [], change.addEvidence ?? []).filter(e => !change.removeEvidence?.includes(evidenceKey(e)));
	const status = change.status ?? previous?.status ?? 'draft';
	const reason = 'reason' in change ? change.reason || undefined : status === previous?.status ? previous.reason : undefined;
	// Built whole, never with `delete`: an object that loses a property falls into V8's slow
	// dictionary mode, and findings are read on every re-score.
	const next: Omit<FindingVersion, 'rev'> = {
		value: change.value === undefined ? (previous?.value ?? null) : change.value,
		status,
		...(reason !== undefined ? {reason} : {}),
		note: change.note ?? previous?.note ?? '',
		by,
		at,
	};
	if (previous && sameContent(previous, next, evidence)) return previous;
	const history = previous ? [versionOf(previous), ...previous.history].slice(0, HISTORY_LIMIT) : [];
	// How a settled conflict came to be (every candidate, who settled it and why) stays with the
	// finding through later edits: the export shows it, and a merge still sees the candidates as ancestors.
	// A review is of the content it was given on: a change makes a version without one.
	return {region, indicator, ...next, rev: revOf(next, evidence), evidence, history, ...(previous?.settled ? {settled: previous.settled} : {})};
}

export function versionOf(f: Finding): FindingVersion {
	return {rev: f.rev, value: f.value, status: f.status, ...(f.reason !== undefined ? {reason: f.reason} : {}), note: f.note, by: f.by, at: f.at, ...(f.review ? {review: f.review} : {})};
}

function sameContent(previous: Finding, next: Omit<FindingVersion, 'rev'>, evidence: readonly Evidence[]): boolean {
	return (
		canonicalJson(previous.value) === canonicalJson(next.value) &&
		previous.status === next.status &&
		(previous.reason ?? undefined) === next.reason &&
		previous.note === next.note &&
		canonicalJson(previous.evidence.map(evidenceKey).sort()) === canonicalJson(evidence.map(evidenceKey).sort())
	);
}

/** Union of evidence lists by identity, keeping the first copy of each item, in order. */
export function mergeEvidence(...lists: readonly (readonly Evidence[])[]): Evidence[] {
	const seen = new Set<string>();
	const out: Evidence[] = [];
	for (const list of lists) {
		for (const e of list) {
			const key = evidenceKey(e);
			if (!seen.has(key)) {
				seen.add(key);
				out.push(e);
			}
		}
	}
	return out;
}

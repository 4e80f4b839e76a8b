import type {Conflict, Evidence, Finding, FindingVersion, Sample, Workspace} from '../workspace/workspace-schema.js';
import {findingKey} from '../workspace/workspace-schema.js';
import {evidenceKey, versionOf, HISTORY_LIMIT} from '../workspace/record-finding.js';
import {canonicalJson, sha256} from '../canonical-json.js';
import {recordersOf} from '../review/review-stage.js';
import {changeId, loggedText, type ChangeEntry, type ChangeField} from './change-entry.js';

/**
 * What changed between two states of a workspace, as audit entries: every version a finding
 * went through (a finding keeps its last versions, so versions made between two saves are each
 * logged, with their own author and time), every evidence item added or removed, each sampled
 * item changed, reviews, settled conflicts, conflicts a merge made, policy changes and spot
 * checks. `actor` and `at` are for changes that carry no author and time of their own (an undo,
 * a merge's events).
 */
export function workspaceChanges(prev: Workspace | undefined, next: Workspace, actor: string, at: string): ChangeEntry[] {
	const out: ChangeEntry[] = [];
	const prevFindings = prev?.findings ?? {};
	const prevConflicts = prev?.conflicts ?? {};
	// Findings are never changed in place: an unchanged finding is the same object (a save after
	// one keypress compares 4,096 references, nothing more).
	for (const key in next.findings) {
		const f = next.findings[key]!;
		const before = prevFindings[key];
		if (before === f) continue;
		const conflict = prevConflicts[key];
		if (conflict) out.push(...findingChanges(f, {conflict}, actor, at));
		else if (!before || before.rev !== f.rev || before.evidence !== f.evidence) out.push(...findingChanges(f, before ? {finding: before} : {}, actor, at));
	}
	for (const key in next.conflicts) {
		const c = next.conflicts[key]!;
		const before = prevConflicts[key];
		if (before === c || (before && conflictRev(before) === conflictRev(c))) continue;
		out.push(conflictEntry(c, prevFindings[key], actor, at));
	}
	// A finding taken out (an undo of its first version): logged, never silently.
	for (const key in prevFindings) {
		if (next.findings[key] || next.conflicts[key]) continue;
		const f = prevFindings[key]!;
		out.push(entry({at, by: actor, region: f.region, indicator: f.indicator, field: 'removed', from: summary(f), to: null, prev: f.rev, via: 'undo'}, [key, f.rev, 'removed', at]));
	}
	out.push(...workspaceWideChanges(prev, next));
	return out;
}

/** What the workspace-wide record gained: review policy changes, spot checks drawn. */
function workspaceWideChanges(prev: Workspace | undefined, next: Workspace): ChangeEntry[] {
	const out: ChangeEntry[] = [];
	if (prev && prev.reviewPolicy === next.reviewPolicy && prev.spotChecks === next.spotChecks) return out;
	const had = new Set((prev?.reviewPolicy?.changes ?? []).map(c => canonicalJson(c)));
	for (const change of next.reviewPolicy?.changes ?? []) {
		const text = canonicalJson(change);
		if (had.has(text)) continue;
		const {by, at, ...what} = change;
		out.push(entry({at, by, field: 'policy', from: null, to: what}, ['policy', text]));
	}
	const drawn = new Set((prev?.spotChecks ?? []).map(s => s.id));
	for (const s of next.spotChecks ?? []) {
		if (drawn.has(s.id)) continue;
		out.push(entry({at: s.at, by: s.by, field: 'spot-check', from: null, to: {id: s.id, source: s.source, assessor: s.assessor, share: s.share, seed: s.seed, leaves: s.leaves.length}}, ['spot-check', s.id]));
	}
	return out;
}

/** Where a finding came from: an earlier state of it, a conflict it settled, or nothing logged. */
export type Origin = {finding?: Finding; conflict?: Conflict; known?: (rev: string) => boolean};

/**
 * The entries of a finding's versions since its origin: the versions between the two (found in
 * its history) each compared with the one before it. With `known`, the versions since the newest
 * one known (recovering what a log lacks).
 */
export function findingChanges(next: Finding, origin: Origin, actor: string, at: string, via?: 'history'): ChangeEntry[] {
	const key = findingKey(next.region, next.indicator);
	const stops = new Set<string>();
	if (origin.finding) stops.add(origin.finding.rev);
	if (origin.conflict) for (const c of origin.conflict.candidates) stops.add(c.rev);
	const isStop = (rev: string) => stops.has(rev) || (origin.known?.(rev) ?? false);
	const out: ChangeEntry[] = [];
	if (isStop(next.rev)) {
		// The same version: only its evidence can have changed (a merge united it).
		if (origin.finding) out.push(...evidenceChanges(key, next, origin.finding.evidence, next.evidence, via));
		return out;
	}
	const newer: FindingVersion[] = [];
	let stop: FindingVersion | undefined;
	for (const h of next.history) {
		if (isStop(h.rev)) {
			stop = h;
			break;
		}
		newer.push(h);
	}
	const chain = [...newer.reverse(), versionOf(next)];
	const previous = origin.finding;
	if (previous && !stop) {
		// Back to an earlier version (an undo): the change is the actor's, now.
		const ancestors = new Set([...previous.history.map(h => h.rev), ...(previous.settled?.from ?? []), ...(previous.combined?.from ?? [])]);
		const back = ancestors.has(next.rev);
		out.push(...versionChanges(key, versionOf(previous), versionOf(next), back ? {by: actor, at, via: 'undo'} : undefined));
		out.push(...evidenceChanges(key, next, previous.evidence, next.evidence, back ? 'undo' : via, back ? {by: actor, at} : undefined));
		return out;
	}
	let from: FindingVersion | undefined = stop;
	let start = 0;
	// A settled conflict: its first version after the candidates is the settling.
	if (stop && ((next.settled && next.settled.from.includes(stop.rev)) || origin.conflict)) {
		const settling = chain[0]!;
		out.push(settledEntry(key, next, settling, origin.conflict, via));
		from = settling;
		start = 1;
	} else if (!stop && origin.conflict) {
		out.push(settledEntry(key, next, chain[0]!, origin.conflict, via));
		from = chain[0];
		start = 1;
	} else if (!stop && next.history.length >= HISTORY_LIMIT) {
		// The oldest version kept is not the first: what came before it is not known here.
		from = chain[0];
		start = 1;
	}
	for (let i = start; i < chain.length; i++) {
		out.push(...versionChanges(key, from, chain[i]!, via ? {via} : undefined));
		from = chain[i];
	}
	const before = previous?.evidence ?? (origin.conflict ? unite(origin.conflict.candidates.map(c => c.evidence)) : []);
	if (!origin.known) out.push(...evidenceChanges(key, next, before, next.evidence, via));
	return out;
}

type Override = {by?: string; at?: string; via?: 'undo' | 'history'};

/** What differs between two consecutive versions of a finding, each change an entry. */
export function versionChanges(key: string, a: FindingVersion | undefined, b: FindingVersion, override?: Override): ChangeEntry[] {
	const [region, indicator] = splitKey(key);
	const out: ChangeEntry[] = [];
	const by = override?.by ?? b.by;
	const at = override?.at ?? b.at;
	const via = override?.via;
	const base = {region, indicator, rev: b.rev, ...(a ? {prev: a.rev} : {}), ...(via ? {via} : {})};
	const idOf = (field: ChangeField, item?: string) => [key, a?.rev, b.rev, field, item, via === 'undo' ? at : undefined];
	const add = (field: ChangeField, from: unknown, to: unknown, item?: string, extra: Partial<ChangeEntry> = {}) =>
		out.push(entry({at, by, ...base, field, ...(item !== undefined ? {item} : {}), from, to, ...extra}, idOf(field, item)));
	const av = a?.value ?? null;
	const bv = b.value;
	// A list of sampled items changed item by item; a first list (or one taken away) is one value.
	if (av?.type === 'sampled' && bv?.type === 'sampled') {
		for (const d of sampleChanges(av.samples, bv.samples)) add('sample', d.from, d.to, d.item);
	} else if (canonicalJson(av) !== canonicalJson(bv)) {
		add('value', av, bv);
	}
	if ((a?.status ?? 'draft') !== b.status) add('status', a?.status ?? null, b.status);
	if ((a?.reason ?? '') !== (b.reason ?? '')) add('reason', loggedText(a?.reason), loggedText(b.reason));
	if ((a?.note ?? '') !== b.note) add('note', loggedText(a?.note ?? ''), loggedText(b.note));
	const ar = a?.review;
	const br = b.review;
	if (br && canonicalJson(ar ?? null) !== canonicalJson(br)) {
		out.push(entry({at: override?.at ?? br.at, by: override?.by ?? br.by, ...base, field: 'review', from: ar ? reviewOf(ar) : null, to: reviewOf(br), ...(br.note ? {note: br.note} : {})}, idOf('review')));
	} else if (ar && !br) {
		add('review', reviewOf(ar), null);
	}
	return out;
}

function reviewOf(r: NonNullable<FindingVersion['review']>): {state: string; by: string; note?: string} {
	return {state: r.state, by: r.by, ...(r.note ? {note: r.note} : {})};
}

type SampleDiff = {item: string; from: unknown; to: unknown};

/** Sampled items added, removed or changed (verdict, note, evidence). */
function sampleChanges(before: readonly Sample[], after: readonly Sample[]): SampleDiff[] {
	const old = new Map(before.map(s => [s.item, s]));
	const out: SampleDiff[] = [];
	const seen = new Set<string>();
	for (const s of after) {
		seen.add(s.item);
		const o = old.get(s.item);
		if (!o || canonicalJson(o) !== canonicalJson(s)) out.push({item: s.item, from: o ? sampleOf(o) : null, to: sampleOf(s)});
	}
	for (const s of before) if (!seen.has(s.item)) out.push({item: s.item, from: sampleOf(s), to: null});
	return out;
}

function sampleOf(s: Sample): unknown {
	return {pass: s.pass, ...(s.note !== undefined ? {note: loggedText(s.note)} : {}), ...(s.evidence?.length ? {evidence: s.evidence.map(evidenceKey)} : {})};
}

/** Evidence added and removed between two lists, by identity. */
function evidenceChanges(key: string, f: Finding, before: readonly Evidence[], after: readonly Evidence[], via?: 'undo' | 'history', override?: {by: string; at: string}): ChangeEntry[] {
	if (before === after) return [];
	const [region, indicator] = splitKey(key);
	const had = new Map(before.map(e => [evidenceKey(e), e]));
	const has = new Map(after.map(e => [evidenceKey(e), e]));
	const out: ChangeEntry[] = [];
	for (const [k, e] of has) {
		if (had.has(k)) continue;
		// Added evidence: who saw it and when, as the item says (the version's author may differ).
		out.push(entry({at: override?.at ?? f.at, by: override?.by ?? e.by, region, indicator, field: 'evidence', item: k, from: null, to: e, rev: f.rev, ...(via ? {via} : {})}, [key, f.rev, 'evidence', k, via === 'undo' ? override?.at : undefined]));
	}
	for (const [k, e] of had) {
		if (has.has(k)) continue;
		out.push(entry({at: override?.at ?? f.at, by: override?.by ?? f.by, region, indicator, field: 'evidence', item: k, from: e, to: null, rev: f.rev, ...(via ? {via} : {})}, [key, f.rev, 'evidence-removed', k, via === 'undo' ? override?.at : undefined]));
	}
	return out;
}

function settledEntry(key: string, f: Finding, settling: FindingVersion, conflict: Conflict | undefined, via?: 'history'): ChangeEntry {
	const [region, indicator] = splitKey(key);
	const candidates = f.settled?.candidates ?? conflict?.candidates ?? [];
	// A conflict between reviews is settled by a reviewer's decision.
	const byReview = !f.settled && settling.review;
	const by = f.settled?.by ?? (byReview ? settling.review!.by : settling.by);
	const at = f.settled?.at ?? (byReview ? settling.review!.at : settling.at);
	const note = f.settled?.reason ?? (byReview ? settling.review!.note : undefined);
	return entry(
		{
			at,
			by,
			region,
			indicator,
			field: 'settled',
			from: candidates.map(c => ({by: c.by, value: c.value, status: c.status, ...(c.review ? {review: c.review.state} : {})})),
			to: {value: settling.value, status: settling.status, ...(settling.reason ? {reason: settling.reason} : {}), ...(settling.review ? {review: settling.review.state} : {})},
			rev: settling.rev,
			...(via ? {via} : {}),
			...(note ? {note} : {}),
		},
		[key, settling.rev, 'settled'],
	);
}

/** The identity of a conflict: its candidates' revs. */
export function conflictRev(c: Conflict): string {
	return sha256(c.candidates.map(x => x.rev).sort().join(',')).slice(0, 16);
}

function conflictEntry(c: Conflict, before: Finding | undefined, actor: string, at: string, via: 'merge' | 'history' = 'merge', rev = conflictRev(c)): ChangeEntry {
	const key = findingKey(c.region, c.indicator);
	return entry(
		{at, by: actor, region: c.region, indicator: c.indicator, field: 'conflict', from: before ? summary(before) : null, to: c.candidates.map(x => ({by: recordersOf(x).join(', '), value: x.value, status: x.status, ...(x.review ? {review: x.review.state} : {}), rev: x.rev})), rev, via},
		[key, rev, 'conflict'],
	);
}

/**
 * A merge's own events, beside the changes its inputs' logs hold: each conflict it made (the
 * candidates), and each version it made by uniting equal verdicts.
 */
export function mergeChanges(inputs: readonly Workspace[], merged: Workspace, actor: string, at: string): ChangeEntry[] {
	const out: ChangeEntry[] = [];
	const conflictsBefore = new Set<string>();
	for (const ws of inputs) for (const c of Object.values(ws.conflicts)) conflictsBefore.add(conflictRev(c));
	for (const c of Object.values(merged.conflicts)) {
		const rev = conflictRev(c);
		if (!conflictsBefore.has(rev)) out.push(conflictEntry(c, undefined, actor, at, 'merge', rev));
	}
	for (const key in merged.findings) {
		const f = merged.findings[key]!;
		// Made here: a version no input holds (looked up by key, not gathered from 30 files).
		if (!f.combined || inputs.some(ws => ws.findings[key]?.rev === f.rev)) continue;
		const from = new Set(f.combined.from);
		const sources = f.history.filter(h => from.has(h.rev));
		out.push(entry({at, by: actor, region: f.region, indicator: f.indicator, field: 'combined', from: sources.map(s => ({by: s.by, rev: s.rev, status: s.status})), to: summary(f), rev: f.rev, via: 'merge'}, [key, f.rev, 'combined']));
	}
	// Policy changes and spot checks keep the ids their own logs gave them: a union keeps each once.
	out.push(...workspaceWideChanges(undefined, merged));
	return out;
}

/**
 * Entries a log lacks, recovered from what the workspace holds: for each finding (and conflict
 * candidate) whose version the log never saw, the versions since the newest one it did (from
 * the finding's history; evidence the log never saw added, as the item says who saw it and
 * when). A crash between a save and its log entry, a file written by an older program or by
 * hand, a log lost: `assess log` shows these, marked as recovered.
 */
export function recoveredChanges(ws: Workspace, logged: readonly ChangeEntry[]): ChangeEntry[] {
	const revs = new Set<string>();
	const evidence = new Map<string, Set<string>>();
	const ids = new Set<string>();
	for (const e of logged) {
		ids.add(e.id);
		if (e.rev) revs.add(e.rev);
		if (e.field === 'evidence' && e.region !== undefined && e.indicator !== undefined && e.item !== undefined) {
			const key = findingKey(e.region, e.indicator);
			const set = evidence.get(key) ?? new Set<string>();
			if (e.to !== null) set.add(e.item);
			evidence.set(key, set);
		}
	}
	const out: ChangeEntry[] = [];
	const recover = (f: Finding) => {
		const key = findingKey(f.region, f.indicator);
		if (!revs.has(f.rev)) out.push(...findingChanges(f, {known: rev => revs.has(rev)}, '', '', 'history'));
		const seen = evidence.get(key) ?? new Set<string>();
		const unseen = f.evidence.filter(e => !seen.has(evidenceKey(e)));
		if (unseen.length) out.push(...evidenceChanges(key, f, f.evidence.filter(e => seen.has(evidenceKey(e))), f.evidence, 'history'));
	};
	for (const f of Object.values(ws.findings)) recover(f);
	for (const c of Object.values(ws.conflicts)) {
		for (const f of c.candidates) recover(f);
		if (!revs.has(conflictRev(c))) out.push(conflictEntry(c, undefined, '', c.since, 'history'));
	}
	const unique = new Map<string, ChangeEntry>();
	for (const e of out) if (!ids.has(e.id) && !unique.has(e.id)) unique.set(e.id, e);
	return [...unique.values()];
}

function summary(f: Finding): unknown {
	return {value: f.value, status: f.status, by: f.by, rev: f.rev};
}

function unite(lists: readonly (readonly Evidence[])[]): Evidence[] {
	const seen = new Set<string>();
	return lists.flat().filter(e => (seen.has(evidenceKey(e)) ? false : (seen.add(evidenceKey(e)), true)));
}

function splitKey(key: string): [string, string] {
	const at = key.indexOf('/');
	return [key.slice(0, at), key.slice(at + 1)];
}

function entry(e: Omit<ChangeEntry, 'id'>, idParts: readonly (string | undefined)[]): ChangeEntry {
	return {id: changeId(idParts), ...e};
}

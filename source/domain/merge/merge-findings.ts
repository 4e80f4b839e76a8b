import type {Finding, Conflict, FindingVersion} from '../workspace/workspace-schema.js';
import {canonicalJson} from '../canonical-json.js';
import {mergeEvidence, revOf, versionOf, HISTORY_LIMIT} from '../workspace/record-finding.js';

/** What the merge of one finding (region × indicator) came to. */
export type FindingOutcome = {kind: 'finding'; finding: Finding} | {kind: 'conflict'; conflict: Conflict};

/** Newest first, then by who and rev: an order that does not depend on the order of the inputs. */
function byRecency(a: Finding, b: Finding): number {
	return b.at.localeCompare(a.at) || a.by.localeCompare(b.by) || a.rev.localeCompare(b.rev);
}

/**
 * How far along the way to final a status is. Draft and done (DESIGN.md: submitted; accepted
 * comes with review) are steps of one way, so the same value at two steps is one verdict;
 * flagged and not applicable stand beside that way, and are verdicts of their own.
 */
const PROGRESS: Partial<Record<Finding['status'], number>> = {draft: 0, done: 1};

/**
 * The part of a finding that must agree for two assessors to agree: the value, and the status
 * unless both are steps of one way (是·draft and 是·done agree); a flag's or a not-applicable's
 * reason too.
 */
function verdictOf(f: Finding): string {
	const value = verdictValue(f.value);
	if (PROGRESS[f.status] !== undefined) return canonicalJson({value, status: 'progress'});
	return canonicalJson({value, status: f.status, reason: f.reason ?? null});
}

/** A value as a verdict: a sampled leaf's items and their pass or fail, without the notes and evidence on them (those are united). */
function verdictValue(value: Finding['value']): unknown {
	if (value?.type !== 'sampled') return value;
	return {type: 'sampled', samples: value.samples.map(s => [s.item, s.pass])};
}

/**
 * Merges every version of one finding that the inputs hold (findings, and candidates of
 * conflicts already recorded). Nothing is dropped:
 * - a version that another one descends from (its rev is in the other's history) is superseded;
 * - versions with the same verdict become one finding, notes and evidence united, its history
 *   naming every version it combines (so it supersedes them in later merges);
 * - different verdicts become a conflict that keeps every candidate in full.
 * The result does not depend on the order of the inputs.
 */
export function mergeFindingVersions(versions: readonly Finding[]): FindingOutcome {
	const byRev = new Map<string, Finding>();
	for (const v of versions) if (!byRev.has(v.rev)) byRev.set(v.rev, v);
	const all = [...byRev.values()];
	// The common case in a team: every file holds the very same version.
	if (all.length === 1) return {kind: 'finding', finding: all[0]!};
	// A version is never its own ancestor (files written before combined versions had revs of their own could say so).
	const ancestors = new Set(all.flatMap(f => [...f.history.map(h => h.rev), ...(f.settled?.from ?? []), ...(f.combined?.from ?? [])].filter(rev => rev !== f.rev)));
	const heads = all.filter(f => !ancestors.has(f.rev)).sort(byRecency);
	// Every version is someone's ancestor only in a cycle, which honest histories never make.
	if (heads.length === 0) return {kind: 'finding', finding: all.sort(byRecency)[0]!};
	if (heads.length === 1) return {kind: 'finding', finding: heads[0]!};

	// A version with no verdict yet (no value, still a draft: a note or evidence only) disagrees
	// with no one: its notes and evidence join every verdict instead of making a conflict.
	// (Listed but unjudged items are no verdict only beside one: alone, different lists stay apart.)
	const undecided = heads.every(isUndecided) ? heads.filter(f => f.value === null) : heads.filter(isUndecided);
	const decided = heads.filter(f => !undecided.includes(f));
	const groups = new Map<string, Finding[]>();
	for (const f of decided) {
		const key = verdictOf(f);
		groups.set(key, [...(groups.get(key) ?? []), f]);
	}
	if (groups.size === 0) groups.set('undecided', []);
	const final: Finding[][] = [];
	for (const members of groups.values()) final.push(...byReview(members).map(g => [...g, ...undecided]));
	const combined = final.map(combine).sort(byRecency);
	if (combined.length === 1) return {kind: 'finding', finding: combined[0]!};
	const first = combined[0]!;
	return {kind: 'conflict', conflict: {region: first.region, indicator: first.indicator, candidates: combined, since: first.at}};
}

/**
 * A draft that gives no verdict yet: no value, or sampled items listed (a sample plan's, a spot
 * check's) with none judged and nothing noted on them. Its notes and evidence join a verdict.
 */
function isUndecided(f: Finding): boolean {
	if (f.status !== 'draft') return false;
	if (f.value === null) return true;
	return f.value.type === 'sampled' && f.value.samples.every(s => s.pass === null && s.note === undefined && !s.evidence?.length);
}

/**
 * Versions with one verdict, split where reviewers disagree: one reviewer accepted what another
 * returned is a conflict, never a silent winner. Versions nobody reviewed join each side (they
 * agree with both on the verdict).
 */
function byReview(members: readonly Finding[]): Finding[][] {
	const accepted = members.filter(f => f.review?.state === 'accepted');
	const returned = members.filter(f => f.review?.state === 'returned');
	if (accepted.length === 0 || returned.length === 0) return [[...members]];
	const unreviewed = members.filter(f => !f.review);
	return [
		[...accepted, ...unreviewed],
		[...returned, ...unreviewed],
	];
}

/**
 * One finding from versions that agree: the verdict of the most advanced (then the newest)
 * version that has one, all notes and evidence, and the newest review among them (the group
 * holds no two different decisions: see `byReview`).
 */
function combine(group: readonly Finding[]): Finding {
	if (group.length === 1) return group[0]!;
	const sorted = [...group].sort(byRecency);
	const decided = sorted.filter(f => !isUndecided(f));
	const progress = (f: Finding) => PROGRESS[f.status] ?? 0;
	const furthest = decided.reduce((top, f) => Math.max(top, progress(f)), 0);
	const newest = decided.find(f => progress(f) === furthest) ?? sorted[0]!;
	const notes = [...new Set(sorted.map(f => f.note.trim()).filter(Boolean))];
	const evidence = mergeEvidence(...sorted.map(f => f.evidence));
	const history = uniqueByRev([...sorted.map(versionOf), ...sorted.flatMap(f => f.history)]).slice(0, Math.max(HISTORY_LIMIT, sorted.length));
	const review = sorted
		.filter(f => f.review)
		.sort((a, b) => b.review!.at.localeCompare(a.review!.at) || a.review!.by.localeCompare(b.review!.by) || a.rev.localeCompare(b.rev))[0]?.review;
	const base = {value: uniteSamples(newest.value, sorted), status: newest.status, note: notes.join('\n'), by: newest.by, at: newest.at, ...(newest.reason !== undefined ? {reason: newest.reason} : {}), ...(review ? {review} : {})};
	return {region: newest.region, indicator: newest.indicator, ...base, rev: revOf(base, evidence, sorted.map(f => f.rev)), evidence, history, combined: {from: sorted.map(f => f.rev)}};
}

/** A sampled value with each item's notes and evidence from every version (their verdicts are equal). */
function uniteSamples(value: Finding['value'], versions: readonly Finding[]): Finding['value'] {
	if (value?.type !== 'sampled') return value;
	const others = versions.flatMap(v => (v.value?.type === 'sampled' ? [v.value.samples] : []));
	if (others.length < 2) return value;
	return {
		type: 'sampled',
		samples: value.samples.map(s => {
			const same = others.map(list => list.find(x => x.item === s.item)).filter((x): x is NonNullable<typeof x> => x !== undefined);
			const notes = [...new Set(same.map(x => x.note?.trim() ?? '').filter(Boolean))];
			const evidence = mergeEvidence(...same.map(x => x.evidence ?? []));
			const out: typeof s = {item: s.item, pass: s.pass};
			if (notes.length) out.note = notes.join('\n');
			if (evidence.length) out.evidence = evidence;
			return out;
		}),
	};
}

function uniqueByRev(versions: readonly FindingVersion[]): FindingVersion[] {
	const seen = new Set<string>();
	return versions.filter(v => (seen.has(v.rev) ? false : (seen.add(v.rev), true)));
}

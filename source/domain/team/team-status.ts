import type {SystemIndex} from '../system/system-index.js';
import type {Finding, FindingVersion, Workspace} from '../workspace/workspace-schema.js';
import {findingKey} from '../workspace/workspace-schema.js';
import {hasValue, finalityOf} from '../workspace/finality.js';
import {reviewStageOf, recordersOf} from '../review/review-stage.js';
import {reviewPolicyOf} from '../review/review-policy.js';

/** Counts of one assessor, region or reviewer. */
export type StatusCounts = {
	/** Leaves with a value or marked not applicable. */
	scored: number;
	/** Submitted: done or not applicable (whatever their review). */
	submitted: number;
	/** Submitted and not reviewed yet. */
	waiting: number;
	accepted: number;
	returned: number;
	/** Open conflicts (for an assessor: the ones one of their versions is a candidate of). */
	conflicts: number;
	/** The newest change: a version recorded, or a review given. */
	lastChange: string | null;
};

export type AssessorStatus = StatusCounts & {assessor: string};
export type RegionStatus = StatusCounts & {region: string; regionName: string; leaves: number; reviewer: string | null; final: boolean};
export type ReviewerStatus = {reviewer: string; regions: string[]; accepted: number; returned: number; waiting: number; lastReview: string | null};

/** How a spot check stands in a (merged) workspace: leaves re-checked, and how many agree. */
export type SpotCheckStatus = {id: string; assessor: string; source: string; at: string; seed: number; share: number; drawn: number; rechecked: number; agreed: number; disagreed: number};

export type TeamStatus = {
	assessors: AssessorStatus[];
	regions: RegionStatus[];
	reviewers: ReviewerStatus[];
	spotChecks: SpotCheckStatus[];
	reviewRequired: boolean;
	final: boolean;
};

const zero = (): StatusCounts => ({scored: 0, submitted: 0, waiting: 0, accepted: 0, returned: 0, conflicts: 0, lastChange: null});
const later = (a: string | null, b: string | undefined): string | null => (b !== undefined && (a === null || b > a) ? b : a);

/**
 * The team's progress over one workspace (one assessor's, or a team's merged file): per
 * assessor (everyone who recorded a finding in it), per region, per reviewer, and per spot check.
 * A finding counts for every assessor whose version a merge united into it. Last change: the
 * newest version a person recorded or review they gave, from the findings' histories too.
 */
export function teamStatus(index: SystemIndex, ws: Workspace, regionName: (code: string) => string = c => c): TeamStatus {
	const policy = reviewPolicyOf(ws);
	const finality = finalityOf(index, ws, regionName, policy);
	const assessors = new Map<string, AssessorStatus>();
	const reviewers = new Map<string, ReviewerStatus>();
	const assessor = (name: string) => assessors.get(name) ?? (assessors.set(name, {assessor: name, ...zero()}), assessors.get(name)!);
	const reviewer = (name: string) => reviewers.get(name) ?? (reviewers.set(name, {reviewer: name, regions: [], accepted: 0, returned: 0, waiting: 0, lastReview: null}), reviewers.get(name)!);
	for (const [region, name] of Object.entries(policy.reviewers)) if (ws.regions.includes(region)) reviewer(name).regions.push(region);
	// Who did what, when: every version of every finding and candidate, with its review.
	const seen = new Set<string>();
	const touch = (v: FindingVersion) => {
		if (seen.has(v.rev)) return;
		seen.add(v.rev);
		const a = assessor(v.by);
		a.lastChange = later(a.lastChange, v.at);
		if (v.review) {
			const r = reviewer(v.review.by);
			r.lastReview = later(r.lastReview, v.review.at);
		}
	};
	const regions: RegionStatus[] = ws.regions.map(region => ({region, regionName: regionName(region), leaves: index.leaves.length, reviewer: policy.reviewers[region] ?? null, final: finality.regions.find(r => r.region === region)?.final ?? false, ...zero()}));
	for (const r of regions) {
		for (const leaf of index.leaves) {
			const key = findingKey(r.region, leaf.code);
			const conflict = ws.conflicts[key];
			if (conflict) {
				r.conflicts++;
				for (const c of conflict.candidates) {
					for (const v of [c, ...c.history]) touch(v);
					r.lastChange = later(r.lastChange, newest(c));
				}
				for (const name of new Set(conflict.candidates.flatMap(recordersOf))) assessor(name).conflicts++;
				continue;
			}
			const f = ws.findings[key];
			if (!f) continue;
			for (const v of [f, ...f.history]) touch(v);
			r.lastChange = later(r.lastChange, newest(f));
			const counts = [r, ...recordersOf(f).map(assessor)];
			const scored = f.status === 'na' || hasValue(leaf.rule!, f);
			const stage = reviewStageOf(f);
			for (const c of counts) {
				if (scored) c.scored++;
				if (stage !== 'not-submitted') c.submitted++;
				if (stage === 'waiting') c.waiting++;
				if (stage === 'accepted') c.accepted++;
				if (stage === 'returned') c.returned++;
			}
			if (f.review) {
				const who = reviewer(f.review.by);
				if (f.review.state === 'accepted') who.accepted++;
				else who.returned++;
			}
			const assigned = policy.reviewers[r.region];
			if (assigned && stage === 'waiting') reviewer(assigned).waiting++;
		}
	}
	// Reviewers are people too: their last change counts their reviews.
	for (const r of reviewers.values()) if (assessors.has(r.reviewer)) assessor(r.reviewer).lastChange = later(assessor(r.reviewer).lastChange, r.lastReview ?? undefined);
	// (Someone who only reviewed is a reviewer, not an assessor: reviews do not make versions of their own.)
	return {
		assessors: [...assessors.values()].sort((a, b) => a.assessor.localeCompare(b.assessor, 'zh')),
		regions,
		reviewers: [...reviewers.values()].sort((a, b) => a.reviewer.localeCompare(b.reviewer, 'zh')),
		spotChecks: (ws.spotChecks ?? []).map(s => spotCheckStatus(ws, s)),
		reviewRequired: policy.reviewRequired,
		final: finality.final,
	};
}

/** A version that says something: not applicable, or a value (a sampled one with an item judged). */
function givesVerdict(v: FindingVersion): boolean {
	if (v.status === 'na') return true;
	if (!v.value) return false;
	return v.value.type !== 'sampled' || v.value.samples.some(x => x.pass !== null);
}

/** The newest moment in a finding: its version's time, or its review's. */
function newest(f: Finding): string {
	return f.review && f.review.at > f.at ? f.review.at : f.at;
}

/**
 * A spot check in a merged workspace: a drawn leaf is re-checked when the second assessor
 * recorded a verdict on it; it agrees when that verdict was united with the first assessor's
 * (one finding both recorded), and disagrees when the two are candidates of a conflict.
 */
export function spotCheckStatus(ws: Workspace, s: NonNullable<Workspace['spotChecks']>[number]): SpotCheckStatus {
	let rechecked = 0;
	let agreed = 0;
	let disagreed = 0;
	for (const leaf of s.leaves) {
		const key = findingKey(leaf.region, leaf.indicator);
		const conflict = ws.conflicts[key];
		if (conflict) {
			const theirs = conflict.candidates.some(c => recordersOf(c).includes(s.assessor));
			const original = conflict.candidates.some(c => !recordersOf(c).includes(s.assessor));
			if (theirs && original) {
				rechecked++;
				disagreed++;
			}
			continue;
		}
		const f = ws.findings[key];
		if (!f) continue;
		// The second assessor's own verdicts in it: the finding itself, or the versions a merge united into it.
		const united = f.combined ? f.history.filter(h => f.combined!.from.includes(h.rev)) : [];
		const theirs = [f, ...united].filter(v => v.by === s.assessor && givesVerdict(v));
		if (theirs.length === 0) continue;
		rechecked++;
		// Agreed: a merge united their verdict with someone else's.
		if (united.some(v => v.by !== s.assessor && givesVerdict(v))) agreed++;
	}
	return {id: s.id, assessor: s.assessor, source: s.source.file, at: s.at, seed: s.seed, share: s.share, drawn: s.leaves.length, rechecked, agreed, disagreed};
}

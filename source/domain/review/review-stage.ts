import type {Finding, FindingVersion} from '../workspace/workspace-schema.js';

/**
 * Where a finding stands on the way to final, in the words of DESIGN.md: draft → submitted
 * (stored as `done`) → accepted | returned; flagged and not applicable beside them. A finding
 * not applicable is reviewed like a submitted one (it is a verdict too): `na` alone means it
 * waits for review, and its review state says the rest.
 */
export type FindingProgress = 'draft' | 'flagged' | 'submitted' | 'na' | 'accepted' | 'returned';

/** Where a finding stands with its reviewer. */
export type ReviewStage =
	/** Draft or flagged: the assessor has not submitted it. */
	| 'not-submitted'
	/** Submitted (done or not applicable), no review yet. */
	| 'waiting'
	| 'accepted'
	| 'returned';

export function reviewStageOf(f: Pick<FindingVersion, 'status' | 'review'>): ReviewStage {
	if (f.status !== 'done' && f.status !== 'na') return 'not-submitted';
	return f.review?.state ?? 'waiting';
}

export function progressOf(f: Pick<FindingVersion, 'status' | 'review'>): FindingProgress {
	if (f.status === 'draft' || f.status === 'flagged') return f.status;
	if (f.review) return f.review.state;
	return f.status === 'na' ? 'na' : 'submitted';
}

export const PROGRESS_EN: Record<FindingProgress, string> = {draft: 'draft', flagged: 'flagged', submitted: 'submitted', na: 'not applicable', accepted: 'accepted', returned: 'returned'};
export const PROGRESS_ZH: Record<FindingProgress, string> = {draft: '草稿', flagged: '待复核', submitted: '已提交', na: '不适用', accepted: '已通过', returned: '已退回'};

/**
 * Who recorded the content of a finding: its version's `by`, and for a version a merge united
 * from equal verdicts, every assessor whose version it united.
 */
export function recordersOf(f: Finding): string[] {
	const from = f.combined?.from;
	const united = from ? f.history.filter(h => from.includes(h.rev)).map(h => h.by) : [];
	return [...new Set([f.by, ...united])];
}

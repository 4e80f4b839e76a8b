import type {Conflict, Finding} from '../../domain/workspace/workspace-schema.js';
import type {Lang} from '../../domain/text.js';
import type {ReviewPolicy} from '../../domain/review/review-policy.js';
import {reviewStageOf, recordersOf} from '../../domain/review/review-stage.js';
import {isReviewConflict} from '../../domain/review/review-finding.js';
import {t} from '../strings.js';
import {recordedText, reviewLineText, waitingLineText} from '../review-messages.js';

/** The item panel's review part: who recorded the finding (in review mode), and where it stands with its reviewer. */
export type ReviewLine = {recorded: string | undefined; text: string | undefined; tone: 'good' | 'warn' | 'muted' | undefined};

/**
 * Where a leaf's finding stands with review, in words: accepted or returned (by whom, when, the
 * note), waiting (with the region's reviewer), or — in review mode — not submitted yet; reviewers
 * who disagree (a conflict between reviews) each with their decision. Nothing when there is
 * nothing to say (no finding, or a workspace that does not review and a finding nobody reviewed).
 */
export function reviewLine(f: Finding | undefined, conflict: Conflict | undefined, policy: ReviewPolicy, region: string, reviewing: boolean, lang: Lang): ReviewLine | undefined {
	if (conflict) {
		if (!isReviewConflict(conflict)) return undefined;
		const text = conflict.candidates.map(c => (c.review ? reviewLineText(lang, c.review) : t(lang, 'reviewWaiting'))).join(' | ');
		return {recorded: reviewing ? recordedText(lang, [...new Set(conflict.candidates.flatMap(recordersOf))], conflict.since) : undefined, text, tone: 'warn'};
	}
	if (!f) return undefined;
	const recorded = reviewing ? recordedText(lang, recordersOf(f), f.at) : undefined;
	const stage = reviewStageOf(f);
	const reviewer = policy.reviewers[region];
	if (stage === 'accepted' || stage === 'returned') return {recorded, text: reviewLineText(lang, f.review!), tone: stage === 'accepted' ? 'good' : 'warn'};
	if (stage === 'waiting' && (reviewing || policy.reviewRequired || reviewer)) return {recorded, text: waitingLineText(lang, reviewer), tone: 'muted'};
	if (stage === 'not-submitted' && reviewing) return {recorded, text: t(lang, 'reviewNotSubmitted'), tone: 'muted'};
	return recorded ? {recorded, text: undefined, tone: undefined} : undefined;
}

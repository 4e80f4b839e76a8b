import type {Rule} from '../rules/rule-schema.js';
import type {Finding} from './workspace-schema.js';
import type {FindingChange} from './record-finding.js';
import {sampleCounts} from '../rules/leaf-score.js';
import {hasValue} from './finality.js';
import type {Lang} from '../text.js';

/** Why a recorded finding breaks a recording rule, in words for the person recording it. */
export type RecordingProblem = {code: 'na-needs-reason' | 'flag-needs-reason' | 'done-unscored' | 'done-unjudged' | 'done-short-sample'; message: string};

/**
 * The recording rules the README promises, checked on the finding a change would make:
 * - not applicable and flagged need a reason;
 * - a leaf with no value cannot be marked done;
 * - a sampled leaf is done only when every item is judged, and with fewer items than its rule
 *   asks for only with a reason that says why.
 * A change that touches neither the value, the status nor the reason (a note, evidence) is
 * never refused, so findings recorded before these rules can still be annotated.
 */
export function checkRecording(rule: Rule, after: Finding, change: FindingChange, lang: Lang = 'en'): RecordingProblem | undefined {
	const touches = change.value !== undefined || change.status !== undefined || 'reason' in change;
	if (!touches) return undefined;
	const reason = after.reason?.trim() ?? '';
	const zh = lang === 'zh';
	if (after.status === 'na' && !reason) {
		return {code: 'na-needs-reason', message: zh ? '标为不适用需要说明原因' : 'not applicable needs a reason (--reason "…")'};
	}
	if (after.status === 'flagged' && !reason) {
		return {code: 'flag-needs-reason', message: zh ? '标为待复核需要说明原因' : 'flagging for review needs a reason (--reason "…")'};
	}
	if (after.status !== 'done') return undefined;
	if (!hasValue(rule, after)) {
		return {code: 'done-unscored', message: zh ? '尚无分值，不能标为完成；请先记录分值（或以原因标为不适用）' : 'a leaf with no value cannot be marked done; record a value first (or mark it not applicable, with a reason)'};
	}
	if (rule.type === 'sampled' && after.value?.type === 'sampled') {
		const counts = sampleCounts(after.value.samples);
		if (counts.unjudged > 0) {
			const items = after.value.samples.filter(s => s.pass === null).map(s => s.item);
			return {code: 'done-unjudged', message: zh ? `${counts.unjudged} 个抽查事项尚未判定（${items.join('、')}），判定后才能标为完成` : `${counts.unjudged} sampled item${counts.unjudged === 1 ? ' is' : 's are'} not judged yet (${items.join(', ')}); judge them before marking the leaf done`};
		}
		if (counts.total < rule.sampleSize && !reason) {
			return {
				code: 'done-short-sample',
				message: zh ? `指南要求抽查 ${rule.sampleSize} 项，现有 ${counts.total} 项；少于要求时标为完成需要说明原因` : `the guide asks for ${rule.sampleSize} sampled items and ${counts.total} ${counts.total === 1 ? 'is' : 'are'} recorded; marking it done with fewer needs a reason (--reason "…")`,
			};
		}
	}
	return undefined;
}

import type {Rule} from '../rules/rule-schema.js';
import type {Finding} from './workspace-schema.js';
import type {FindingChange} from './record-finding.js';
import {sampleCounts} from '../rules/leaf-score.js';
import {hasValue} from './finality.js';
import type {Lang} from '../text.js';

import {messages, say, type Message} from '../words/message.js';

const R = messages('domain/recording-rules', {
	naReason: {zh: '标为不适用需要说明原因', en: 'not applicable needs a reason'},
	flagReason: {zh: '标为待复核需要说明原因', en: 'flagging for review needs a reason'},
	doneUnscored: {zh: '尚无分值，不能标为完成；请先记录分值（或以原因标为不适用）', en: 'a leaf with no value cannot be marked done; record a value first (or mark it not applicable, with a reason)'},
	doneUnjudged: {zh: '{n} 个抽查事项尚未判定（{items}），判定后才能标为完成', en: '{n} sampled {n|item is|items are} not judged yet ({items}); judge them before marking the leaf done'},
	doneShort: {zh: '指南要求抽查 {size} 项，现有 {n} 项；少于要求时标为完成需要说明原因', en: 'the guide asks for {size} sampled items and {n} {n|is|are} recorded; marking it done with fewer needs a reason'},
});

/** Why a recorded finding breaks a recording rule, in words for the person recording it. */
export type RecordingProblem = {code: 'na-needs-reason' | 'flag-needs-reason' | 'done-unscored' | 'done-unjudged' | 'done-short-sample'; message: string; said: Message};

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
	const problem = (code: RecordingProblem['code'], said: Message): RecordingProblem => ({code, message: say(lang, said), said});
	const reason = after.reason?.trim() ?? '';
	if (after.status === 'na' && !reason) return problem('na-needs-reason', R.naReason());
	if (after.status === 'flagged' && !reason) return problem('flag-needs-reason', R.flagReason());
	if (after.status !== 'done') return undefined;
	if (!hasValue(rule, after)) return problem('done-unscored', R.doneUnscored());
	if (rule.type === 'sampled' && after.value?.type === 'sampled') {
		const counts = sampleCounts(after.value.samples);
		if (counts.unjudged > 0) {
			const items = after.value.samples.filter(s => s.pass === null).map(s => s.item);
			return problem('done-unjudged', R.doneUnjudged({n: counts.unjudged, items}));
		}
		if (counts.total < rule.sampleSize && !reason) return problem('done-short-sample', R.doneShort({size: rule.sampleSize, n: counts.total}));
	}
	return undefined;
}

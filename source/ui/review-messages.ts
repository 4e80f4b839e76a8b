import type {Lang} from '../domain/text.js';
import type {Review} from '../domain/workspace/workspace-schema.js';
import type {ReviewDecision} from '../domain/review/review-finding.js';
import {describeBlocker, type BlockerKind} from '../domain/workspace/finality.js';
import type {SpotCheckStatus, TeamStatus} from '../domain/team/team-status.js';
import type {AppEnv} from './state/app-state.js';
import {fromFile, nodeName} from './display.js';
import {regionNames} from './state/derive.js';
import {localTime} from './local-time.js';

/** The review's words with something in them (who, a note, a place, a count), in both languages. */

/** Arriving at a finding a reviewer returned (the assessor's walk): who returned it and why. */
export function returnedText(lang: Lang, by: string, note: string): string {
	const who = fromFile(by);
	const why = fromFile(note);
	if (lang === 'zh') return `已被 ${who} 退回${why ? `：${why}` : ''}（修改后即重新提交审核）`;
	return `returned by ${who}${why ? `: ${why}` : ''} (fix it: the change submits it again)`;
}

/** "accepted 1.1.1 统一身份认证 in 北京市; 11 waiting (n: next)". */
export function reviewedText(env: AppEnv, decision: ReviewDecision, region: string, indicator: string, waiting: number): string {
	const name = `${indicator} ${nodeName(env.index, indicator, env.lang)}`;
	const where = regionNames(env).get(region) ?? region;
	if (env.lang === 'zh') return `已${decision === 'accept' ? '通过' : '退回'} ${where} ${name}；还有 ${waiting} 项待审核${waiting ? '（n 下一项）' : ''}`;
	return `${decision === 'accept' ? 'accepted' : 'returned'} ${name} in ${where}; ${waiting} waiting${waiting ? ' (n: next)' : ''}`;
}

/** The same decision given again: nothing changes. */
export function alreadyReviewedText(lang: Lang, decision: ReviewDecision): string {
	if (lang === 'zh') return `你已${decision === 'accept' ? '通过' : '以同样的说明退回'}此结论，未作改动`;
	return `you ${decision === 'accept' ? 'accepted' : 'returned'} this finding already${decision === 'return' ? ' with this note' : ''}: nothing changed`;
}

/** The header's part in review mode: "review mode 组长: 12 waiting". */
export function reviewHeaderText(lang: Lang, reviewer: string, waiting: number): string {
	return lang === 'zh' ? `审核模式 ${fromFile(reviewer)}：${waiting} 项待审核` : `review mode ${fromFile(reviewer)}: ${waiting} waiting`;
}

/** A finding that cannot be accepted as it stands, and why (the domain's blockers in the chosen language). */
export function incompleteText(lang: Lang, kinds: readonly BlockerKind[]): string {
	const why = kinds.map(kind => describeBlocker({region: '', regionName: '', indicator: '', indicatorName: '', kind}, lang)).join(lang === 'zh' ? '，' : ', ');
	return lang === 'zh' ? `目前不能通过（${why}）：请退回并说明` : `cannot be accepted as it stands (${why}): return it with a note instead`;
}

/** The item panel's review line: the decision with who and when, and the note. */
export function reviewLineText(lang: Lang, review: Review): string {
	const state = review.state === 'accepted' ? (lang === 'zh' ? '已通过' : 'accepted') : lang === 'zh' ? '已退回' : 'returned';
	const who = `${fromFile(review.by)} ${localTime(review.at)}`;
	const note = review.note ? `${lang === 'zh' ? '：' : ': '}${fromFile(review.note)}` : '';
	return lang === 'zh' ? `${state}（${who}）${note}` : `${state} by ${who}${note}`;
}

/** Waiting for review, with the region's reviewer when one is assigned. */
export function waitingLineText(lang: Lang, reviewer: string | undefined): string {
	if (lang === 'zh') return `等待审核${reviewer ? `（审核人：${fromFile(reviewer)}）` : ''}`;
	return `waiting for review${reviewer ? ` (reviewer ${fromFile(reviewer)})` : ''}`;
}

/** Who recorded the content and when ("张三 2026-11-23 09:00", several when a merge united their versions). */
export function recordedText(lang: Lang, recorders: readonly string[], at: string): string {
	return `${recorders.map(fromFile).join(lang === 'zh' ? '、' : ', ')} ${localTime(at)}`;
}

/** The team screen's first line: how many assessors and regions, whether review is required, whether the result is final. */
export function teamTitleText(lang: Lang, s: Pick<TeamStatus, 'assessors' | 'regions' | 'reviewRequired' | 'final'>): string {
	if (lang === 'zh') return `团队进度：评估人 ${s.assessors.length} 名，地区 ${s.regions.length} 个；${s.reviewRequired ? '须经审核' : '无须审核'}；${s.final ? '正式结果' : '尚非正式结果'}`;
	const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
	return `Team progress: ${n(s.assessors.length, 'assessor')}, ${n(s.regions.length, 'region')}; review ${s.reviewRequired ? 'required' : 'not required'}; ${s.final ? 'final' : 'not final'}`;
}

/** One spot check: who re-checks, the share and seed, and how far it has come ("李四 10% seed 42: drawn 12, re-checked 8, agree 7, disagree 1"). */
export function spotCheckText(lang: Lang, s: SpotCheckStatus): string {
	const share = `${Math.round(s.share * 1000) / 10}%`;
	if (lang === 'zh') return `${fromFile(s.assessor)} ${share}（种子 ${s.seed}）：抽取 ${s.drawn}，已复查 ${s.rechecked}，一致 ${s.agreed}，不一致 ${s.disagreed}`;
	return `${fromFile(s.assessor)} ${share} (seed ${s.seed}): drawn ${s.drawn}, re-checked ${s.rechecked}, agree ${s.agreed}, disagree ${s.disagreed}`;
}

import type {SystemIndex} from '../system/system-index.js';
import type {Rule} from '../rules/rule-schema.js';
import type {Finding, Workspace} from './workspace-schema.js';
import {findingKey} from './workspace-schema.js';
import {sampleCounts} from '../rules/leaf-score.js';
import {pick, type Lang} from '../text.js';
import {reviewStageOf} from '../review/review-stage.js';
import {reviewPolicyOf, type ReviewPolicy} from '../review/review-policy.js';
import {messages, words, say, both, pair, list, type Message} from '../words/message.js';

/**
 * Why a leaf of a region keeps a workspace from being final. In the order a person deals with
 * them: a conflict to settle, a flag to clear, a value to record, then the finishing touches.
 */
export type BlockerKind =
	/** Assessors disagree and nobody has settled it. */
	| 'conflict'
	/** Flagged for review (its reason says why). */
	| 'flagged'
	/** Marked not applicable without saying why. */
	| 'na-without-reason'
	/** No value yet (or a sampled leaf with no judged item). */
	| 'unscored'
	/** Sampled items recorded but not judged pass or fail. */
	| 'unjudged-items'
	/** Fewer sampled items than the rule asks for, and no reason given. */
	| 'short-sample'
	/** Recorded but still a draft. */
	| 'draft'
	/** The workspace requires review: a reviewer returned it to the assessor (its note says why). */
	| 'returned'
	/** The workspace requires review: submitted, not reviewed yet. */
	| 'awaiting-review';

export const BLOCKER_KINDS: readonly BlockerKind[] = ['conflict', 'flagged', 'na-without-reason', 'unscored', 'unjudged-items', 'short-sample', 'draft', 'returned', 'awaiting-review'];

export type Blocker = {
	region: string;
	regionName: string;
	indicator: string;
	indicatorName: string;
	kind: BlockerKind;
	/** The finding's reason (a flag's), when there is one. */
	reason?: string;
	/** For sampled leaves: items recorded, judged, and asked for. */
	items?: {recorded: number; unjudged: number; sampleSize: number};
	/** For a conflict: how many candidates. */
	candidates?: number;
	/** For review: the reviewer assigned to the region, if any. */
	reviewer?: string;
	/** For a returned finding: who returned it, and their note. */
	returned?: {by: string; note?: string};
};

export type RegionFinality = {
	region: string;
	/** Its own leaves are all final, and no relative (measure) score it has can still move. */
	final: boolean;
	/** How many of its leaves are blocked (a leaf can have several blockers). */
	blockers: number;
};

export type Finality = {
	/** Nothing blocks: every score, rank and tier of the workspace is final. */
	final: boolean;
	/** Every blocker, by region (the workspace's order), then leaf (the published order). */
	blockers: Blocker[];
	regions: RegionFinality[];
	/** Count per kind, for one-line summaries. */
	counts: Record<BlockerKind, number>;
};

/** What the workspace asks of a final result beyond the rule every workspace keeps: review. */
export type FinalityPolicy = Pick<ReviewPolicy, 'reviewRequired'> & Partial<Pick<ReviewPolicy, 'reviewers'>>;

/**
 * What blocks one leaf of one region from being final (none: it is final). Final means scored
 * or not applicable with a reason, not a draft, not flagged, no open conflict, and for a
 * sampled leaf every item judged and as many items as the rule asks for (or, with fewer, done
 * with a reason that says why).
 */
export function leafBlockers(rule: Rule, finding: Finding | undefined, inConflict: boolean, reviewRequired = false): BlockerKind[] {
	const out = ownBlockers(rule, finding, inConflict);
	// Review comes last: what is not complete yet is the assessor's to finish first.
	if (out.length === 0 && reviewRequired && finding) {
		const stage = reviewStageOf(finding);
		if (stage === 'returned') out.push('returned');
		else if (stage === 'waiting') out.push('awaiting-review');
	}
	return out;
}

function ownBlockers(rule: Rule, finding: Finding | undefined, inConflict: boolean): BlockerKind[] {
	if (inConflict) return ['conflict'];
	if (!finding) return ['unscored'];
	const out: BlockerKind[] = [];
	if (finding.status === 'flagged') out.push('flagged');
	if (finding.status === 'na') {
		if (!hasText(finding.reason)) out.push('na-without-reason');
		return out;
	}
	if (!hasValue(rule, finding)) {
		out.push('unscored');
		return out;
	}
	if (rule.type === 'sampled' && finding.value?.type === 'sampled') {
		const counts = sampleCounts(finding.value.samples);
		if (counts.unjudged > 0) out.push('unjudged-items');
		if (counts.total < rule.sampleSize && !(finding.status === 'done' && hasText(finding.reason))) out.push('short-sample');
	}
	if (finding.status === 'draft') out.push('draft');
	return out;
}

/** Whether a finding holds a value its rule can score (a sampled leaf: at least one judged item). */
export function hasValue(rule: Rule, finding: Pick<Finding, 'value'> | undefined): boolean {
	const value = finding?.value;
	if (!value || value.type !== rule.type) return false;
	if (value.type === 'sampled') return value.samples.some(s => s.pass !== null);
	return true;
}

const hasText = (s: string | undefined): boolean => s !== undefined && s.trim() !== '';

/**
 * Every blocker of a workspace, and whether each region and the whole are final. A region's scores are final when its own leaves are and, since measures are
 * scored relative to the other regions, no other region's measure on a leaf it has is still open.
 * Ranks compare regions, so they are final only when the whole workspace is.
 */
export function finalityOf(index: SystemIndex, ws: Workspace, regionName: (code: string) => string = c => c, policy: FinalityPolicy = reviewPolicyOf(ws)): Finality {
	const blockers: Blocker[] = [];
	const own = new Map<string, number>();
	const openMeasures = new Set<string>();
	const counts = Object.fromEntries(BLOCKER_KINDS.map(k => [k, 0])) as Record<BlockerKind, number>;
	for (const region of ws.regions) {
		const name = regionName(region);
		for (const leaf of index.leaves) {
			const rule = leaf.rule!;
			const key = findingKey(region, leaf.code);
			const conflict = ws.conflicts[key];
			const finding = ws.findings[key];
			const kinds = leafBlockers(rule, finding, conflict !== undefined, policy.reviewRequired);
			if (kinds.length === 0) continue;
			if (rule.type === 'measure') openMeasures.add(leaf.code);
			own.set(region, (own.get(region) ?? 0) + 1);
			for (const kind of kinds) {
				counts[kind]++;
				const b: Blocker = {region, regionName: name, indicator: leaf.code, indicatorName: pick(leaf.node.name, 'zh'), kind};
				if (kind === 'flagged' && hasText(finding?.reason)) b.reason = finding!.reason!.trim();
				if (kind === 'conflict') b.candidates = conflict!.candidates.length;
				if (kind === 'returned' || kind === 'awaiting-review') {
					const reviewer = policy.reviewers?.[region];
					if (reviewer) b.reviewer = reviewer;
					if (kind === 'returned' && finding?.review) b.returned = {by: finding.review.by, ...(finding.review.note ? {note: finding.review.note} : {})};
				}
				if ((kind === 'unjudged-items' || kind === 'short-sample') && rule.type === 'sampled' && finding?.value?.type === 'sampled') {
					const c = sampleCounts(finding.value.samples);
					b.items = {recorded: c.total, unjudged: c.unjudged, sampleSize: rule.sampleSize};
				}
				blockers.push(b);
			}
		}
	}
	const measureLeaves = index.leaves.filter(l => l.rule!.type === 'measure' && openMeasures.has(l.code)).map(l => l.code);
	const regionsOut = ws.regions.map(region => {
		const mine = own.get(region) ?? 0;
		// A measure this region has a value for is relative to a region whose value is still open.
		const moving = measureLeaves.some(code => {
			const f = ws.findings[findingKey(region, code)];
			return f !== undefined && f.status !== 'na' && f.value?.type === 'measure';
		});
		return {region, final: mine === 0 && !moving, blockers: mine};
	});
	return {final: blockers.length === 0, blockers, regions: regionsOut, counts};
}

const KIND = words('domain/blocker-kinds', {
	conflict: {zh: '冲突未裁定', en: 'conflict not settled'},
	flagged: {zh: '待复核', en: 'flagged for review'},
	'na-without-reason': {zh: '不适用但未说明原因', en: 'not applicable without a reason'},
	unscored: {zh: '未评', en: 'unscored'},
	'unjudged-items': {zh: '抽查事项未判定', en: 'sampled items not judged'},
	'short-sample': {zh: '抽查事项不足且未说明原因', en: 'fewer sampled items than the rule asks for, and no reason'},
	draft: {zh: '草稿', en: 'draft'},
	returned: {zh: '审核退回', en: 'returned by the reviewer'},
	'awaiting-review': {zh: '待审核', en: 'awaiting review'},
});

const B = messages('domain/blockers', {
	flagged: {zh: '{base}：{reason}', en: '{base}: {reason}'},
	conflict: {zh: '{base}（{n} 个候选）', en: '{base} ({n} {n|candidate|candidates})'},
	shortSample: {zh: '抽查事项不足且未说明原因（{recorded}/{size} 项）', en: '{recorded} of {size} sampled items, no reason given'},
	returned: {zh: '{base}（{by}）', en: '{base} ({by})'},
	returnedNote: {zh: '{base}（{by}：{note}）', en: '{base} ({by}: {note})'},
	awaiting: {zh: '{base}（审核人：{reviewer}）', en: '{base} (reviewer {reviewer})'},
	unjudged: {zh: '抽查事项未判定（{n} 项）', en: '{n} sampled {n|item|items} not judged'},
	line: {zh: '{region} {code} {name}：{why}', en: '{region} {code} {name}: {why}'},
	conflictCount: {zh: '冲突未裁定 {n} 项', en: '{n} {n|conflict|conflicts} not settled'},
	flaggedCount: {zh: '待复核 {n} 项', en: '{n} flagged for review'},
	naCount: {zh: '不适用但未说明原因 {n} 项', en: '{n} not applicable without a reason'},
	unscoredCount: {zh: '未评 {n} 项', en: '{n} unscored'},
	unjudgedCount: {zh: '抽查事项未判定 {n} 项', en: '{n} with sampled items not judged'},
	shortCount: {zh: '抽查事项不足且未说明原因 {n} 项', en: '{n} with too few sampled items (no reason)'},
	draftCount: {zh: '草稿 {n} 项', en: '{n} draft'},
	returnedCount: {zh: '审核退回 {n} 项', en: '{n} returned by the reviewer'},
	awaitingCount: {zh: '待审核 {n} 项', en: '{n} awaiting review'},
});

/** What kinds of blocker are, in both languages ("unjudged-items" → "sampled items not judged"). */
export const blockerKindWords = (kinds: readonly BlockerKind[]): Message => list(kinds.map(k => pair(KIND[k].zh, KIND[k].en)));

/** Why a blocker blocks, in both languages: "flagged for review: 页面无法访问", "3 of 10 sampled items, no reason". */
export function blockerWords(b: Blocker): Message {
	const base = pair(KIND[b.kind].zh, KIND[b.kind].en);
	if (b.kind === 'flagged' && b.reason) return B.flagged({base, reason: b.reason});
	if (b.kind === 'conflict' && b.candidates) return B.conflict({base, n: b.candidates});
	if (b.kind === 'short-sample' && b.items) return B.shortSample({recorded: b.items.recorded, size: b.items.sampleSize});
	if (b.kind === 'returned' && b.returned) return b.returned.note ? B.returnedNote({base, by: b.returned.by, note: b.returned.note}) : B.returned({base, by: b.returned.by});
	if (b.kind === 'awaiting-review' && b.reviewer) return B.awaiting({base, reviewer: b.reviewer});
	if (b.kind === 'unjudged-items' && b.items) return B.unjudged({n: b.items.unjudged});
	return base;
}

/** Why a blocker blocks, in words of one language. */
export function describeBlocker(b: Blocker, lang: Lang = 'en'): string {
	return say(lang, blockerWords(b));
}

/** "北京市 1.4.3 统一身份认证: flagged for review: 页面无法访问" — one line per blocker. */
export function blockerLineWords(b: Blocker): Message {
	return B.line({region: b.regionName, code: b.indicator, name: b.indicatorName, why: blockerWords(b)});
}

export function blockerLine(b: Blocker, lang: Lang = 'en'): string {
	return say(lang, blockerLineWords(b));
}

const COUNT: Record<BlockerKind, (params: {n: number}) => Message> = {
	conflict: B.conflictCount,
	flagged: B.flaggedCount,
	'na-without-reason': B.naCount,
	unscored: B.unscoredCount,
	'unjudged-items': B.unjudgedCount,
	'short-sample': B.shortCount,
	draft: B.draftCount,
	returned: B.returnedCount,
	'awaiting-review': B.awaitingCount,
};

/** "127 unscored, 3 draft, 1 flagged for review, 2 conflicts not settled" — the counts that are not zero, in both languages. */
export function blockerSummaryWords(counts: Record<BlockerKind, number>): Message {
	const parts = BLOCKER_KINDS.filter(kind => counts[kind]).map(kind => COUNT[kind]({n: counts[kind]}));
	return both(lang => parts.map(p => say(lang, p)).join(lang === 'zh' ? '，' : ', '));
}

export function blockerSummary(counts: Record<BlockerKind, number>, lang: Lang = 'en'): string {
	return say(lang, blockerSummaryWords(counts));
}

/** Blockers as data for `--json`: plain objects, stable field order. */
export function blockerJson(b: Blocker): Record<string, unknown> {
	return {
		region: b.region,
		regionName: b.regionName,
		indicator: b.indicator,
		indicatorName: b.indicatorName,
		kind: b.kind,
		why: describeBlocker(b, 'en'),
		...(b.reason !== undefined ? {reason: b.reason} : {}),
		...(b.items ? {items: b.items} : {}),
		...(b.candidates !== undefined ? {candidates: b.candidates} : {}),
		...(b.reviewer !== undefined ? {reviewer: b.reviewer} : {}),
		...(b.returned ? {returned: b.returned} : {}),
	};
}

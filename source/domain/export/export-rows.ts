import type {SystemIndex} from '../system/system-index.js';
import type {Workspace, Finding, Evidence, FindingValue, FindingStatus} from '../workspace/workspace-schema.js';
import type {MeasureStats} from '../rules/leaf-score.js';
import type {Rule} from '../rules/rule-schema.js';
import {leafScore} from '../rules/leaf-score.js';
import {formatValue} from '../rules/parse-value.js';
import {ITEM_ID} from '../rules/sample-input.js';
import {roundScore} from '../scoring/ranking.js';
import {pick} from '../text.js';

/**
 * What the assessors found, as rows every export format writes the same way: the 评估记录 and
 * 抽查事项 sheets, and the `findings` / `samples` of CSV and JSON.
 */

export type FindingRowKind = 'finding' | 'conflict-candidate' | 'settled-candidate';

export type FindingRow = {
	region: string;
	regionName: string;
	indicator: string;
	indicatorName: string;
	kind: FindingRowKind;
	/** 1-based, for candidates. */
	candidate?: number;
	value: FindingValue | null;
	/** The value in words (是, 部分满足, 9/10 …). */
	display: string;
	/** A measurement or a direct score as a number (measures: in `unit`); null for other rules. */
	amount: number | null;
	unit: string;
	/** The leaf's score from this value (measures: relative to the regions of the file). */
	score: number | null;
	status: FindingStatus;
	statusText: string;
	reason: string;
	note: string;
	evidence: Evidence[];
	by: string;
	at: string;
	/** On the settled finding (and its candidates' rows): who settled it, when, why. */
	settled?: {by: string; at: string; reason?: string};
	/** A reviewer's decision on this version, if any. */
	review?: {state: 'accepted' | 'returned'; by: string; at: string; note?: string};
};

export type SampleRow = {
	region: string;
	regionName: string;
	indicator: string;
	indicatorName: string;
	/** A catalog id, or null for an item outside the catalog (recorded by name). */
	itemCode: string | null;
	itemName: string;
	result: 'pass' | 'fail' | 'unjudged';
	resultText: string;
	note: string;
	evidence: Evidence[];
	by: string;
	at: string;
};

export const STATUS_ZH: Record<FindingStatus, string> = {draft: '草稿', done: '完成', flagged: '待复核', na: '不适用'};
const RESULT_ZH = {pass: '通过', fail: '不通过', unjudged: '未判定'} as const;

type Context = {
	index: SystemIndex;
	ws: Workspace;
	regions?: readonly string[];
	stats: ReadonlyMap<string, MeasureStats>;
	regionName: (code: string) => string;
};

/** Keys of findings and conflicts of the chosen regions, in workspace region order, then published leaf order. */
function orderedKeys(ctx: Context): string[] {
	const regionOrder = new Map(ctx.ws.regions.map((r, i) => [r, i]));
	const keys = [...new Set([...Object.keys(ctx.ws.findings), ...Object.keys(ctx.ws.conflicts)])].filter(k => !ctx.regions || ctx.regions.includes(k.slice(0, k.indexOf('/'))));
	const place = (key: string) => {
		const at = key.indexOf('/');
		return [regionOrder.get(key.slice(0, at)) ?? 0, ctx.index.nodes.get(key.slice(at + 1))?.order ?? 0] as const;
	};
	return keys.sort((a, b) => {
		const [x1, y1] = place(a);
		const [x2, y2] = place(b);
		return x1 - x2 || y1 - y2;
	});
}

/** Every finding, every candidate of an open conflict, and every candidate a settled finding was settled from. */
export function findingRows(ctx: Context): FindingRow[] {
	const rows: FindingRow[] = [];
	for (const key of orderedKeys(ctx)) {
		const f = ctx.ws.findings[key];
		if (f) {
			const settled = f.settled ? {by: f.settled.by, at: f.settled.at, ...(f.settled.reason ? {reason: f.settled.reason} : {})} : undefined;
			rows.push(rowOf(ctx, f, 'finding', STATUS_ZH[f.status], undefined, settled));
			// The candidates as each assessor recorded them; older files kept only their versions (no evidence).
			const candidates = f.settled?.candidates ?? (f.settled ? f.history.filter(h => f.settled!.from.includes(h.rev)).map(h => ({...h, evidence: [] as Evidence[]})) : []);
			candidates.forEach((c, i) => rows.push(rowOf(ctx, {...f, ...c, evidence: c.evidence}, 'settled-candidate', `已裁定·候选${i + 1}`, i + 1, settled)));
		}
		const conflict = ctx.ws.conflicts[key];
		if (conflict) conflict.candidates.forEach((c, i) => rows.push(rowOf(ctx, c, 'conflict-candidate', `冲突·候选${i + 1}`, i + 1, undefined)));
	}
	return rows;
}

function rowOf(ctx: Context, f: Finding, kind: FindingRowKind, statusText: string, candidate: number | undefined, settled: FindingRow['settled']): FindingRow {
	const node = ctx.index.nodes.get(f.indicator);
	const rule: Rule | undefined = node?.rule;
	const score = f.status === 'na' || !rule ? null : leafScore(rule, f.value, ctx.stats.get(f.indicator));
	const amount = f.value?.type === 'measure' ? f.value.amount : f.value?.type === 'direct' ? f.value.score : null;
	return {
		region: f.region,
		regionName: ctx.regionName(f.region),
		indicator: f.indicator,
		indicatorName: node ? pick(node.node.name, 'zh') : f.indicator,
		kind,
		...(candidate !== undefined ? {candidate} : {}),
		value: f.value,
		display: formatValue(rule, f.value),
		amount,
		unit: rule?.type === 'measure' ? rule.unit.zh : '',
		score: score === null ? null : roundScore(score),
		status: f.status,
		statusText,
		reason: f.reason ?? '',
		note: f.note,
		evidence: f.evidence,
		by: f.by,
		at: f.at,
		...(settled ? {settled} : {}),
		...(f.review ? {review: f.review} : {}),
	};
}

/** One row per sampled item of every sampled finding (and conflict candidate) of the chosen regions. */
export function sampleRows(ctx: Context, itemNameOf: (id: string) => string | undefined): SampleRow[] {
	const rows: SampleRow[] = [];
	for (const key of orderedKeys(ctx)) {
		const sources: Finding[] = [];
		const f = ctx.ws.findings[key];
		if (f) sources.push(f);
		const conflict = ctx.ws.conflicts[key];
		if (conflict) sources.push(...conflict.candidates);
		for (const source of sources) {
			if (source.value?.type !== 'sampled') continue;
			const node = ctx.index.nodes.get(source.indicator);
			for (const s of source.value.samples) {
				const catalogName = itemNameOf(s.item);
				const isCode = catalogName !== undefined || ITEM_ID.test(s.item);
				const result = s.pass === null ? 'unjudged' : s.pass ? 'pass' : 'fail';
				rows.push({
					region: source.region,
					regionName: ctx.regionName(source.region),
					indicator: source.indicator,
					indicatorName: node ? pick(node.node.name, 'zh') : source.indicator,
					itemCode: isCode ? s.item : null,
					itemName: catalogName ?? (isCode ? '' : s.item),
					result,
					resultText: RESULT_ZH[result] + (conflict ? `（冲突·${source.by}）` : ''),
					note: s.note ?? '',
					evidence: s.evidence ?? [],
					by: source.by,
					at: source.at,
				});
			}
		}
	}
	return rows;
}

/** An evidence item in one line: the URL, quote or file, then when and by whom it was seen. */
export function evidenceText(e: Evidence, time: (iso: string) => string = iso => iso): string {
	switch (e.kind) {
		case 'url':
			return `${e.url} (${time(e.seenAt)} ${e.by})`;
		case 'quote':
			return `“${e.text}”${e.source ? ` ${e.source}` : ''} (${time(e.seenAt)} ${e.by})`;
		case 'file':
			return `${e.name} sha256:${e.sha256} (${time(e.seenAt)} ${e.by})`;
	}
}

import type {SystemIndex} from '../system/system-index.js';
import type {Evidence, FindingValue} from '../workspace/workspace-schema.js';
import type {PolicyChange} from '../workspace/workspace-schema.js';
import {formatValue} from '../rules/parse-value.js';
import {evidenceText} from '../export/export-rows.js';
import {describePolicyChange} from '../review/review-policy.js';
import type {Lang} from '../text.js';
import type {ChangeEntry, ChangeField} from './change-entry.js';

const FIELD_EN: Record<ChangeField, string> = {
	value: 'value',
	status: 'status',
	reason: 'reason',
	note: 'note',
	evidence: 'evidence',
	sample: 'sampled item',
	review: 'review',
	settled: 'conflict settled',
	conflict: 'conflict',
	combined: 'equal verdicts united',
	removed: 'removed',
	policy: 'review policy',
	'spot-check': 'spot check',
};
const FIELD_ZH: Record<ChangeField, string> = {
	value: '分值',
	status: '状态',
	reason: '原因',
	note: '备注',
	evidence: '证据',
	sample: '抽查事项',
	review: '审核',
	settled: '裁定冲突',
	conflict: '冲突',
	combined: '合并一致结论',
	removed: '删除',
	policy: '审核规则',
	'spot-check': '抽样复查',
};
const STATUS_EN: Record<string, string> = {draft: 'draft', done: 'submitted', flagged: 'flagged', na: 'not applicable'};
const STATUS_ZH: Record<string, string> = {draft: '草稿', done: '已提交', flagged: '待复核', na: '不适用'};
const REVIEW_EN: Record<string, string> = {accepted: 'accepted', returned: 'returned'};
const REVIEW_ZH: Record<string, string> = {accepted: '通过', returned: '退回'};

/** A change in words for a table row: what changed (with the sampled item), from, to. */
export type ChangeText = {what: string; from: string; to: string};

/**
 * An entry in words. Values by their rule (是, 部分满足, 9/10), statuses as DESIGN.md names
 * them (done is "submitted"), evidence and reviews in one line. Everything from a file is text
 * here; the caller shows it through the terminal boundary.
 */
export function describeChange(e: ChangeEntry, index: SystemIndex | undefined, lang: Lang = 'en'): ChangeText {
	const zh = lang === 'zh';
	const label = (zh ? FIELD_ZH : FIELD_EN)[e.field] + (e.item !== undefined && e.field === 'sample' ? ` ${e.item}` : '');
	const rule = e.indicator ? index?.nodes.get(e.indicator)?.rule : undefined;
	const none = '—';
	const status = (s: unknown) => (typeof s === 'string' ? ((zh ? STATUS_ZH : STATUS_EN)[s] ?? s) : none);
	const value = (v: unknown) => (isValue(v) ? formatValue(rule, v, lang) || none : none);
	const text = (t: unknown) => (t === null || t === undefined || t === '' ? none : typeof t === 'string' ? t : typeof t === 'object' && 'length' in (t as object) ? `${(t as {start: string}).start}…（${(t as {length: number}).length}）` : JSON.stringify(t));
	const verdict = (x: unknown) => {
		if (!x || typeof x !== 'object') return none;
		const o = x as {by?: string; value?: unknown; status?: string; review?: string};
		const review = o.review ? ` ${(zh ? REVIEW_ZH : REVIEW_EN)[o.review] ?? o.review}` : '';
		return `${o.value === null || o.value === undefined ? status(o.status) : `${value(o.value)} · ${status(o.status)}`}${review}${o.by ? ` (${o.by})` : ''}`;
	};
	switch (e.field) {
		case 'value':
			return {what: label, from: value(e.from), to: value(e.to)};
		case 'status':
			return {what: label, from: status(e.from), to: status(e.to)};
		case 'reason':
		case 'note':
			return {what: label, from: text(e.from), to: text(e.to)};
		case 'evidence':
			return {what: label, from: isEvidence(e.from) ? evidenceText(e.from) : none, to: isEvidence(e.to) ? evidenceText(e.to) : none};
		case 'sample': {
			const item = (x: unknown) => {
				if (!x || typeof x !== 'object') return none;
				const s = x as {pass?: boolean | null; note?: unknown; evidence?: unknown[]};
				const verdictText = s.pass === null || s.pass === undefined ? (zh ? '未判定' : 'not judged') : s.pass ? (zh ? '通过' : 'pass') : zh ? '不通过' : 'fail';
				return [verdictText, s.note !== undefined ? text(s.note) : '', s.evidence?.length ? `${zh ? '证据' : 'evidence'} ${s.evidence.length}` : ''].filter(Boolean).join(' · ');
			};
			return {what: label, from: item(e.from), to: item(e.to)};
		}
		case 'review': {
			const r = (x: unknown) => {
				if (!x || typeof x !== 'object') return none;
				const o = x as {state: string; by: string; note?: string};
				return `${(zh ? REVIEW_ZH : REVIEW_EN)[o.state] ?? o.state} (${o.by})${o.note ? `${zh ? '：' : ': '}${o.note}` : ''}`;
			};
			return {what: label, from: r(e.from), to: e.to === null ? (zh ? '因修改而失效' : 'void: the finding changed') : r(e.to)};
		}
		case 'settled':
			return {what: label, from: Array.isArray(e.from) ? e.from.map(verdict).join(' | ') : none, to: verdict(e.to) + (e.note ? `${zh ? '；理由：' : '; why: '}${e.note}` : '')};
		case 'conflict':
		case 'combined':
			return {what: label, from: Array.isArray(e.from) ? e.from.map(verdict).join(' | ') : verdict(e.from), to: Array.isArray(e.to) ? e.to.map(verdict).join(' | ') : verdict(e.to)};
		case 'removed':
			return {what: label, from: verdict(e.from), to: none};
		case 'policy':
			return {what: label, from: none, to: e.to && typeof e.to === 'object' ? describePolicyChange(e.to as Omit<PolicyChange, 'by' | 'at'>, lang) : none};
		case 'spot-check': {
			const s = e.to as {assessor?: string; share?: number; seed?: number; leaves?: number; source?: {file?: string}} | null;
			return {what: label, from: s?.source?.file ?? none, to: s ? (zh ? `${s.leaves} 项交 ${s.assessor} 复查（${Math.round((s.share ?? 0) * 1000) / 10}%，种子 ${s.seed}）` : `${s.leaves} ${s.leaves === 1 ? 'leaf' : 'leaves'} to ${s.assessor} (${Math.round((s.share ?? 0) * 1000) / 10}%, seed ${s.seed})`) : none};
		}
	}
}

function isValue(v: unknown): v is FindingValue {
	return typeof v === 'object' && v !== null && typeof (v as {type?: unknown}).type === 'string';
}

function isEvidence(v: unknown): v is Evidence {
	return typeof v === 'object' && v !== null && typeof (v as {kind?: unknown}).kind === 'string' && typeof (v as {seenAt?: unknown}).seenAt === 'string';
}

/** Entries in time order, then in the order a change's parts are read (value before status before note); otherwise as logged. */
export function byTime(entries: readonly ChangeEntry[]): ChangeEntry[] {
	return [...entries].sort((a, b) => a.at.localeCompare(b.at) || fieldOrder(a) - fieldOrder(b));
}

const ORDER: readonly ChangeField[] = ['policy', 'spot-check', 'conflict', 'settled', 'combined', 'value', 'sample', 'status', 'reason', 'note', 'evidence', 'review', 'removed'];
const fieldOrder = (e: ChangeEntry) => ORDER.indexOf(e.field);

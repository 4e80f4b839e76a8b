import type {SystemIndex} from '../system/system-index.js';
import type {Workspace, Finding} from '../workspace/workspace-schema.js';
import {findingKey} from '../workspace/workspace-schema.js';
import {formatValue} from '../rules/parse-value.js';

export type Disagreement = {region: string; indicator: string; a: string; b: string};

export type IndicatorAgreement = {
	indicator: string;
	/** Leaves both assessors scored (a value, or not applicable) in the same region. */
	items: number;
	agreed: number;
	percent: number | null;
	/** Cohen's kappa, for yes/no and levels rules; null when undefined (one category only, or none). */
	kappa: number | null;
	/** Mean absolute difference, for numeric rules: in the rule's unit (points for a direct score, percentage points for a sampled ratio). */
	meanAbsDiff: number | null;
};

export type AgreementReport = {
	items: number;
	agreed: number;
	percent: number | null;
	/** Cohen's kappa over every categorical item pooled. */
	kappa: number | null;
	/** Mean absolute difference in points (0–100) over direct scores and sampled ratios. */
	meanAbsScoreDiff: number | null;
	indicators: IndicatorAgreement[];
	disagreements: Disagreement[];
};

/** A finding counts when it says something: a value, or not applicable. */
function scored(f: Finding | undefined): f is Finding {
	return !!f && (f.status === 'na' || f.value !== null);
}

/** The verdict as a category: "na", or the value. */
function category(f: Finding): string {
	if (f.status === 'na') return 'na';
	return JSON.stringify(f.value);
}

/** Cohen's kappa of paired categories; null where it is undefined. */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): number | null {
	const n = pairs.length;
	if (n === 0) return null;
	const observed = pairs.filter(([a, b]) => a === b).length / n;
	const countA = new Map<string, number>();
	const countB = new Map<string, number>();
	for (const [a, b] of pairs) {
		countA.set(a, (countA.get(a) ?? 0) + 1);
		countB.set(b, (countB.get(b) ?? 0) + 1);
	}
	let expected = 0;
	for (const [k, ca] of countA) expected += (ca / n) * ((countB.get(k) ?? 0) / n);
	if (expected === 1) return null;
	return (observed - expected) / (1 - expected);
}

/**
 * Inter-rater agreement of two assessors over the leaves both scored in the same regions:
 * percent agreement, Cohen's kappa for categorical rules, mean absolute difference for numeric
 * ones, per indicator and overall, and every disagreement.
 */
export function agreementOf(index: SystemIndex, a: Workspace, b: Workspace): AgreementReport {
	const regions = a.regions.filter(r => b.regions.includes(r));
	const indicators: IndicatorAgreement[] = [];
	const disagreements: Disagreement[] = [];
	const pooled: [string, string][] = [];
	const scoreDiffs: number[] = [];
	let items = 0;
	let agreed = 0;
	for (const leaf of index.leaves) {
		const rule = leaf.rule!;
		const pairs: [string, string][] = [];
		const diffs: number[] = [];
		let leafItems = 0;
		let leafAgreed = 0;
		for (const region of regions) {
			const fa = a.findings[findingKey(region, leaf.code)];
			const fb = b.findings[findingKey(region, leaf.code)];
			if (!scored(fa) || !scored(fb)) continue;
			leafItems++;
			const ca = category(fa);
			const cb = category(fb);
			if (ca === cb) leafAgreed++;
			else disagreements.push({region, indicator: leaf.code, a: fa.status === 'na' ? 'n/a' : formatValue(rule, fa.value), b: fb.status === 'na' ? 'n/a' : formatValue(rule, fb.value)});
			if (rule.type === 'yesno' || rule.type === 'levels') {
				pairs.push([ca, cb]);
				// Pooled over indicators, a category is an indicator's value.
				pooled.push([`${leaf.code}:${ca}`, `${leaf.code}:${cb}`]);
			} else if (fa.status !== 'na' && fb.status !== 'na') {
				const diff = Math.abs(rawNumber(fa) - rawNumber(fb));
				diffs.push(diff);
				// Direct scores and sampled ratios are already points; measurements have units of their own.
				if (rule.type !== 'measure') scoreDiffs.push(diff);
			}
		}
		if (leafItems === 0) continue;
		items += leafItems;
		agreed += leafAgreed;
		indicators.push({
			indicator: leaf.code,
			items: leafItems,
			agreed: leafAgreed,
			percent: leafAgreed / leafItems,
			kappa: pairs.length ? cohensKappa(pairs) : null,
			meanAbsDiff: diffs.length ? diffs.reduce((s, d) => s + d, 0) / diffs.length : null,
		});
	}
	return {
		items,
		agreed,
		percent: items ? agreed / items : null,
		kappa: cohensKappa(pooled),
		meanAbsScoreDiff: scoreDiffs.length ? scoreDiffs.reduce((s, d) => s + d, 0) / scoreDiffs.length : null,
		indicators,
		disagreements,
	};
}

function rawNumber(f: Finding): number {
	const v = f.value;
	if (!v) return 0;
	if (v.type === 'measure') return v.amount;
	if (v.type === 'direct') return v.score;
	if (v.type === 'sampled') return v.samples.length ? (v.samples.filter(s => s.pass).length / v.samples.length) * 100 : 0;
	return 0;
}

/**
 * Agreement inside a merged workspace, where the assessors' own files are not at hand: every
 * finding the merge united from several assessors' equal verdicts counts as agreement; every
 * conflict (open, or settled since) as disagreement, with its candidates' verdicts as the pairs.
 */
export function mergedAgreement(index: SystemIndex, ws: Workspace): {items: number; agreed: number; percent: number | null; kappa: number | null} {
	const pairs: [string, string][] = [];
	let items = 0;
	let agreed = 0;
	const pairUp = (code: string, verdicts: string[]) => {
		const rule = index.nodes.get(code)?.rule;
		if (rule?.type !== 'yesno' && rule?.type !== 'levels') return;
		for (let i = 0; i < verdicts.length; i++) for (let j = i + 1; j < verdicts.length; j++) pairs.push([`${code}:${verdicts[i]}`, `${code}:${verdicts[j]}`]);
	};
	for (const f of Object.values(ws.findings)) {
		if (f.combined) {
			const by = new Set(f.history.filter(h => f.combined!.from.includes(h.rev)).map(h => h.by));
			if (by.size < 2) continue;
			items++;
			agreed++;
			pairUp(f.indicator, [...by].map(() => category(f)));
		} else if (f.settled) {
			items++;
			const candidates = f.history.filter(h => f.settled!.from.includes(h.rev));
			pairUp(f.indicator, candidates.map(c => (c.status === 'na' ? 'na' : JSON.stringify(c.value))));
		}
	}
	for (const c of Object.values(ws.conflicts)) {
		items++;
		pairUp(c.indicator, c.candidates.map(category));
	}
	return {items, agreed, percent: items ? agreed / items : null, kappa: cohensKappa(pairs)};
}

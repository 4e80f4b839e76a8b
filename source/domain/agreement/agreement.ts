import type {SystemIndex} from '../system/system-index.js';
import type {Workspace} from '../workspace/workspace-schema.js';
import {cohensTerms} from './cohens-kappa.js';
import {pooledKappa, type KappaTerms} from './pooled-kappa.js';
import {ratingsOf, type LeafRatings} from './ratings.js';

export {cohensKappa} from './cohens-kappa.js';

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
	/** Cohen's kappa over the yes/no and levels indicators, pooled (see `pooledKappa`). */
	kappa: number | null;
	/** Mean absolute difference in points (0–100) over direct scores and sampled ratios. */
	meanAbsScoreDiff: number | null;
	indicators: IndicatorAgreement[];
	disagreements: Disagreement[];
};

/**
 * Agreement of two assessors (the `a`-th and `b`-th of the rated workspaces) over the leaves both
 * scored in the same region: percent agreement, Cohen's kappa for categorical rules, mean
 * absolute difference for numeric ones, per indicator and overall, and every disagreement.
 */
export function pairAgreement(leaves: readonly LeafRatings[], a: number, b: number): AgreementReport {
	const indicators: IndicatorAgreement[] = [];
	const disagreements: Disagreement[] = [];
	const kappaTerms: KappaTerms[] = [];
	const scoreDiffs: number[] = [];
	let items = 0;
	let agreed = 0;
	for (const leaf of leaves) {
		const pairs: [string, string][] = [];
		const diffs: number[] = [];
		let leafItems = 0;
		let leafAgreed = 0;
		for (const {region, verdicts} of leaf.units) {
			const va = verdicts[a];
			const vb = verdicts[b];
			if (!va || !vb) continue;
			leafItems++;
			if (va.key === vb.key) leafAgreed++;
			else disagreements.push({region, indicator: leaf.indicator, a: va.label, b: vb.label});
			if (va.category !== null && vb.category !== null) pairs.push([va.category, vb.category]);
			else if (va.amount !== null && vb.amount !== null) diffs.push(Math.abs(va.amount - vb.amount));
		}
		if (leafItems === 0) continue;
		items += leafItems;
		agreed += leafAgreed;
		const terms = cohensTerms(pairs);
		if (terms) kappaTerms.push(terms);
		// Direct scores and sampled ratios are points already; measurements have units of their own.
		if (leaf.rule.type === 'direct' || leaf.rule.type === 'sampled') scoreDiffs.push(...diffs);
		indicators.push({
			indicator: leaf.indicator,
			items: leafItems,
			agreed: leafAgreed,
			percent: leafAgreed / leafItems,
			kappa: terms ? pooledKappa([terms]) : null,
			meanAbsDiff: mean(diffs),
		});
	}
	return {items, agreed, percent: items ? agreed / items : null, kappa: pooledKappa(kappaTerms), meanAbsScoreDiff: mean(scoreDiffs), indicators, disagreements};
}

/** Agreement of two assessors' workspaces (see `pairAgreement`). */
export function agreementOf(index: SystemIndex, a: Workspace, b: Workspace): AgreementReport {
	return pairAgreement(ratingsOf(index, [a, b]), 0, 1);
}

export function mean(xs: readonly number[]): number | null {
	return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
}

/**
 * Agreement inside a merged workspace, where the assessors' own files are not at hand: every
 * finding the merge united from several assessors' equal verdicts counts as agreement; every
 * conflict (open, or settled since) as disagreement, with its candidates' verdicts as the pairs.
 * Kappa is pooled over indicators as in `pairAgreement`, so both give the same for the same files.
 */
export function mergedAgreement(index: SystemIndex, ws: Workspace): {items: number; agreed: number; percent: number | null; kappa: number | null} {
	const pairsByIndicator = new Map<string, [string, string][]>();
	let items = 0;
	let agreed = 0;
	const verdict = (f: {status: string; value: unknown}) => (f.status === 'na' ? 'na' : JSON.stringify(f.value));
	const pairUp = (code: string, verdicts: string[]) => {
		const rule = index.nodes.get(code)?.rule;
		if (rule?.type !== 'yesno' && rule?.type !== 'levels') return;
		const pairs = pairsByIndicator.get(code) ?? [];
		for (let i = 0; i < verdicts.length; i++) for (let j = i + 1; j < verdicts.length; j++) pairs.push([verdicts[i]!, verdicts[j]!]);
		pairsByIndicator.set(code, pairs);
	};
	for (const f of Object.values(ws.findings)) {
		if (f.combined) {
			const by = new Set(f.history.filter(h => f.combined!.from.includes(h.rev)).map(h => h.by));
			if (by.size < 2) continue;
			items++;
			agreed++;
			pairUp(f.indicator, [...by].map(() => verdict(f)));
		} else if (f.settled) {
			items++;
			const candidates = f.history.filter(h => f.settled!.from.includes(h.rev));
			pairUp(f.indicator, candidates.map(verdict));
		}
	}
	for (const c of Object.values(ws.conflicts)) {
		items++;
		pairUp(c.indicator, c.candidates.map(verdict));
	}
	const terms = [...pairsByIndicator.values()].map(cohensTerms).filter(t => t !== null);
	return {items, agreed, percent: items ? agreed / items : null, kappa: pooledKappa(terms)};
}

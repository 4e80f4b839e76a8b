import type {SystemIndex} from '../system/system-index.js';
import type {RuleType} from '../rules/rule-schema.js';
import type {Workspace} from '../workspace/workspace-schema.js';
import {fleissKappa} from './fleiss-kappa.js';
import {krippendorffAlpha, type MeasurementLevel} from './krippendorff-alpha.js';
import {pooledKappa, type KappaTerms} from './pooled-kappa.js';
import {ratingsOf, type LeafRatings, type Verdict} from './ratings.js';
import {pairAgreement, mean, type AgreementReport} from './agreement.js';

export type TeamIndicatorAgreement = {
	indicator: string;
	rule: RuleType;
	/** Krippendorff's level of measurement for this rule. */
	level: Exclude<MeasurementLevel, 'ratio'>;
	/** Regions where two or more assessors scored this leaf (a value, or not applicable). */
	units: number;
	/** Of those, the ones where every assessor who scored it said the same. */
	agreed: number;
	percent: number | null;
	/** Fleiss' kappa (yes/no and levels; not applicable a category of its own); null for numeric rules or where undefined. */
	fleissKappa: number | null;
	/** Krippendorff's alpha at `level`; null where undefined (nothing pairable, or no variation at all). */
	alpha: number | null;
	/** The values alpha pairs (n..): for numeric rules not-applicable verdicts are left out. */
	pairable: number;
	/** Mean absolute difference over every two assessors who scored a region, numeric rules only, in the rule's unit (points for direct scores and sampled ratios). */
	meanAbsDiff: number | null;
};

/** Two assessors (their positions among the workspaces) and how they agreed. */
export type PairAgreement = {a: number; b: number} & Omit<AgreementReport, 'disagreements'>;

/** A region × leaf where the assessors who scored it did not all say the same; one label per workspace, null where it has none. */
export type TeamDisagreement = {region: string; indicator: string; verdicts: (string | null)[]};

export type TeamAgreementReport = {
	overall: {
		units: number;
		agreed: number;
		percent: number | null;
		/** Fleiss' kappa pooled over the yes/no and levels indicators (De Vries et al. 2008, see `pooledKappa`). */
		fleissKappa: number | null;
		/** The indicators' alphas averaged, each weighing by its pairable values; indicators where alpha is undefined are left out. */
		alpha: number | null;
		/** The least reliable indicator: data are only as reliable as their weakest variable. */
		lowestAlpha: {indicator: string; alpha: number} | null;
		/** Mean absolute difference in points over direct scores and sampled ratios. */
		meanAbsScoreDiff: number | null;
	};
	indicators: TeamIndicatorAgreement[];
	/** Every two assessors, in the order of the workspaces. */
	pairs: PairAgreement[];
	disagreements: TeamDisagreement[];
};

/**
 * Agreement of a whole team: any number of assessors' workspaces of one system, each region ×
 * leaf a unit, rated by the assessors whose workspace scored it. Missing ratings are normal (an
 * assessor did not score a leaf, or does not hold the region), and each coefficient handles them
 * as published: Krippendorff's alpha pairs the values within each unit and leaves a unit scored
 * once out; Fleiss' kappa is Gwet's generalisation for units with different numbers of raters
 * (see `fleissKappa`): observed agreement over the units scored two or more times, chance
 * agreement from every unit scored at all (a unit one assessor scored alone still tells how
 * often each category is given). Percent agreement, the units counted and the disagreements
 * are over the units two or more assessors scored.
 *
 * Not applicable is a category of its own in nominal and ordinal data, and left out of interval
 * data (a measurement or score that does not exist has no distance to one that does); the
 * percent agreement and the list of disagreements still count it.
 */
export function teamAgreement(index: SystemIndex, workspaces: readonly Workspace[]): TeamAgreementReport {
	const leaves = ratingsOf(index, workspaces);
	const indicators: TeamIndicatorAgreement[] = [];
	const disagreements: TeamDisagreement[] = [];
	const kappaTerms: KappaTerms[] = [];
	const scoreDiffs: number[] = [];
	for (const leaf of leaves) {
		const shared = leaf.units.filter(u => u.verdicts.filter(Boolean).length >= 2);
		if (shared.length === 0) continue;
		let agreed = 0;
		for (const {region, verdicts} of shared) {
			const keys = new Set(verdicts.filter(v => v !== undefined).map(v => v.key));
			if (keys.size === 1) agreed++;
			else disagreements.push({region, indicator: leaf.indicator, verdicts: verdicts.map(v => v?.label ?? null)});
		}
		const given = shared.map(u => u.verdicts.filter(v => v !== undefined));
		const categorical = leaf.level !== 'interval';
		let kappa: number | null = null;
		if (categorical) {
			const fleiss = fleissKappa(leaf.units.map(u => u.verdicts.flatMap(v => (v ? [v.category!] : []))));
			kappaTerms.push(fleiss);
			kappa = fleiss.kappa;
		}
		const alpha = categorical ? krippendorffAlpha(given.map(vs => vs.map(v => v.category!)), {level: leaf.level, ...(leaf.order ? {order: leaf.order} : {})}) : krippendorffAlpha(given.map(amounts), {level: 'interval'});
		const diffs = categorical ? [] : given.flatMap(vs => pairwiseDiffs(amounts(vs)));
		if (leaf.rule.type === 'direct' || leaf.rule.type === 'sampled') scoreDiffs.push(...diffs);
		indicators.push({
			indicator: leaf.indicator,
			rule: leaf.rule.type,
			level: leaf.level,
			units: shared.length,
			agreed,
			percent: agreed / shared.length,
			fleissKappa: kappa,
			alpha: alpha.alpha,
			pairable: alpha.pairable,
			meanAbsDiff: mean(diffs),
		});
	}
	const units = indicators.reduce((s, i) => s + i.units, 0);
	const agreed = indicators.reduce((s, i) => s + i.agreed, 0);
	const withAlpha = indicators.filter((i): i is TeamIndicatorAgreement & {alpha: number} => i.alpha !== null);
	const alphaWeight = withAlpha.reduce((s, i) => s + i.pairable, 0);
	const lowest = withAlpha.reduce<(typeof withAlpha)[number] | null>((low, i) => (low === null || i.alpha < low.alpha ? i : low), null);
	return {
		overall: {
			units,
			agreed,
			percent: units ? agreed / units : null,
			fleissKappa: pooledKappa(kappaTerms),
			alpha: alphaWeight ? withAlpha.reduce((s, i) => s + i.alpha * i.pairable, 0) / alphaWeight : null,
			lowestAlpha: lowest ? {indicator: lowest.indicator, alpha: lowest.alpha} : null,
			meanAbsScoreDiff: mean(scoreDiffs),
		},
		indicators,
		pairs: everyPair(leaves, workspaces.length),
		disagreements,
	};
}

function everyPair(leaves: readonly LeafRatings[], n: number): PairAgreement[] {
	const pairs: PairAgreement[] = [];
	for (let a = 0; a < n; a++) {
		for (let b = a + 1; b < n; b++) {
			const {disagreements: _, ...report} = pairAgreement(leaves, a, b);
			pairs.push({a, b, ...report});
		}
	}
	return pairs;
}

/** The numbers of the verdicts that have one (not applicable has none). */
function amounts(vs: readonly Verdict[]): number[] {
	return vs.flatMap(v => (v.amount === null ? [] : [v.amount]));
}

function pairwiseDiffs(xs: readonly number[]): number[] {
	const diffs: number[] = [];
	for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) diffs.push(Math.abs(xs[i]! - xs[j]!));
	return diffs;
}

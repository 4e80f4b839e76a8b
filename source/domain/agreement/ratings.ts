import type {SystemIndex} from '../system/system-index.js';
import type {Rule, RuleType} from '../rules/rule-schema.js';
import type {Workspace, Finding} from '../workspace/workspace-schema.js';
import {findingKey} from '../workspace/workspace-schema.js';
import {formatValue} from '../rules/parse-value.js';
import type {MeasurementLevel} from './krippendorff-alpha.js';

/** What one assessor said about one leaf in one region, in the forms the statistics need. */
export type Verdict = {
	/** Equal keys are equal verdicts (the value as recorded, or not applicable): what percent agreement and the list of disagreements compare. */
	key: string;
	/** The category for kappa and nominal or ordinal alpha: "na", "yes"/"no", or the level's id; null for numeric rules. */
	category: string | null;
	/** The number for interval alpha and differences (the amount; points for direct scores and sampled ratios); null when not applicable. */
	amount: number | null;
	/** As a person reads it: 是, 部分满足, 3/4, 12 次, n/a. */
	label: string;
};

/** One region × leaf and the verdicts of every assessor, in the order of the workspaces (undefined: not scored). */
export type RatedUnit = {region: string; verdicts: (Verdict | undefined)[]};

export type LeafRatings = {
	indicator: string;
	rule: Rule;
	level: Exclude<MeasurementLevel, 'ratio'>;
	/** For ordinal alpha: the categories lowest rank first. */
	order?: string[];
	/** Every region × leaf some assessor scored. */
	units: RatedUnit[];
};

/** Not applicable as a category of its own (nominal and ordinal data). */
export const NOT_APPLICABLE = 'na';

/**
 * The level of measurement of each rule: yes/no nominal; levels ordinal (in the rule's order);
 * sampled ratios (as their 0–100 score), measurements and direct scores interval.
 */
export function measurementLevel(type: RuleType): Exclude<MeasurementLevel, 'ratio'> {
	return type === 'yesno' ? 'nominal' : type === 'levels' ? 'ordinal' : 'interval';
}

/** Ranks for a levels rule: its levels as listed, then not applicable. */
function ordinalOrder(rule: Rule): string[] | undefined {
	if (rule.type !== 'levels') return undefined;
	// Not applicable has to sit somewhere on the scale for ordinal alpha to rank it: after the
	// last level (best first by convention, so next to the lowest), its own rank, never tied with one.
	return [...rule.levels.map(l => l.id), NOT_APPLICABLE];
}

/**
 * The verdict a finding gives, or undefined when it gives none yet: a finding says something
 * when it has a value or is not applicable. A sampled ratio with no samples checked has no
 * score and says nothing yet.
 */
export function verdictOf(rule: Rule, f: Finding | undefined): Verdict | undefined {
	if (!f) return undefined;
	if (f.status === 'na') return {key: NOT_APPLICABLE, category: rule.type === 'yesno' || rule.type === 'levels' ? NOT_APPLICABLE : null, amount: null, label: 'n/a'};
	const v = f.value;
	if (!v || v.type !== rule.type) return undefined;
	const key = JSON.stringify(v);
	const label = formatValue(rule, v);
	switch (v.type) {
		case 'yesno':
			return {key, category: v.met ? 'yes' : 'no', amount: null, label};
		case 'levels':
			return {key, category: v.level, amount: null, label};
		case 'sampled': {
			// Scored as the leaf is: passed ÷ judged; items not judged count neither way, notes on items are no verdict.
			const judged = v.samples.filter(s => s.pass !== null);
			if (judged.length === 0) return undefined;
			return {key: JSON.stringify(v.samples.map(s => [s.item, s.pass])), category: null, amount: (judged.filter(s => s.pass).length / judged.length) * 100, label};
		}
		case 'measure':
			return {key, category: null, amount: v.amount, label};
		case 'direct':
			return {key, category: null, amount: v.score, label};
	}
}

/**
 * Every leaf of the system with every assessor's verdict per region: the reliability data. A
 * region counts for an assessor only where their workspace holds it; regions follow the first
 * workspace's order, then the regions only later ones hold.
 */
export function ratingsOf(index: SystemIndex, workspaces: readonly Workspace[]): LeafRatings[] {
	const regions = [...new Set(workspaces.flatMap(w => w.regions))];
	return index.leaves.map(leaf => {
		const rule = leaf.rule!;
		const units: RatedUnit[] = [];
		for (const region of regions) {
			const verdicts = workspaces.map(w => verdictOf(rule, w.findings[findingKey(region, leaf.code)]));
			if (verdicts.some(v => v !== undefined)) units.push({region, verdicts});
		}
		const order = ordinalOrder(rule);
		return {indicator: leaf.code, rule, level: measurementLevel(rule.type), ...(order ? {order} : {}), units};
	});
}

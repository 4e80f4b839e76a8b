import type {SystemIndex} from '../system/system-index.js';
import type {MeasureRule} from './rule-schema.js';
import {methodOf} from './rule-schema.js';
import type {MeasureStats} from './leaf-score.js';

/** A measure leaf whose rule, or whose values in a workspace, make its scoring method degenerate. */
export type MeasureWarning = {indicator: string; name: string; message: string};

function measures(index: SystemIndex): {code: string; name: string; rule: MeasureRule}[] {
	return index.leaves.filter(l => l.rule?.type === 'measure').map(l => ({code: l.code, name: l.node.name.zh, rule: l.rule as MeasureRule}));
}

/** Rules that can degenerate with values they accept (assess validate on a system file). */
export function measureRuleWarnings(index: SystemIndex): MeasureWarning[] {
	const out: MeasureWarning[] = [];
	for (const {code, name, rule} of measures(index)) {
		const method = methodOf(rule);
		if (method === 'ratio' && rule.better === 'lower' && rule.min <= 0) {
			out.push({indicator: code, name, message: `"ratio" with lower-is-better scores best / value: one region at 0 gives every other region 0 points; use "range" (the default) or "target"`});
		}
		if (method === 'ratio' && rule.better === 'higher' && rule.min < 0) {
			out.push({indicator: code, name, message: `"ratio" scores value / best, which means nothing for negative values (min is ${rule.min}); use "range"`});
		}
		if (method === 'target' && rule.target !== undefined) {
			if (rule.better === 'higher' && rule.max !== undefined && rule.max < rule.target) out.push({indicator: code, name, message: `the target ${rule.target} is above the largest value the rule accepts (${rule.max}): no region can get full points`});
			if (rule.better === 'lower' && rule.target < rule.min) out.push({indicator: code, name, message: `the target ${rule.target} is below the smallest value the rule accepts (${rule.min}): no region can get full points`});
		}
	}
	return out;
}

/** Values of a workspace that make a measure's method degenerate (assess validate on a workspace). */
export function measureDataWarnings(index: SystemIndex, stats: ReadonlyMap<string, MeasureStats>, regions: number): MeasureWarning[] {
	const out: MeasureWarning[] = [];
	for (const {code, name, rule} of measures(index)) {
		const st = stats.get(code);
		if (!st) continue;
		const method = methodOf(rule);
		if (method === 'target') continue;
		if (method === 'ratio' && rule.better === 'lower' && st.best <= 0 && st.worst > st.best) {
			out.push({indicator: code, name, message: `the best value is ${st.best}: with "ratio" every region above it scores 0; use "range" or "target"`});
		} else if (method === 'ratio' && rule.better === 'higher' && st.best <= 0) {
			out.push({indicator: code, name, message: `the best value is ${st.best}: with "ratio" every region at it scores 100 and any other 0`});
		} else if (st.count > 1 && st.best === st.worst) {
			out.push({indicator: code, name, message: `all ${st.count} regions have the same value (${st.best}): all score 100`});
		} else if (st.count === 1 && regions > 1) {
			out.push({indicator: code, name, message: `only one of the ${regions} regions has a value: it scores 100 whatever the value is, until others are recorded`});
		}
	}
	return out;
}

import type {SystemIndex} from '../system/system-index.js';
import type {MeasureRule} from './rule-schema.js';
import {methodOf} from './rule-schema.js';
import type {MeasureStats} from './leaf-score.js';
import {messages, say, type Message} from '../words/message.js';

/** A measure leaf whose rule, or whose values in a workspace, make its scoring method degenerate. */
export type MeasureWarning = {indicator: string; name: string; message: string; said: Message};

const W = messages('domain/measure-warnings', {
	ratioLowerZero: {zh: '"ratio" 在越低越好时按 最优值÷数值 计分：只要有一个地区为 0，其他地区都得 0 分；请改用 "range"（默认）或 "target"', en: '"ratio" with lower-is-better scores best / value: one region at 0 gives every other region 0 points; use "range" (the default) or "target"'},
	ratioNegative: {zh: '"ratio" 按 数值÷最优值 计分，对负数没有意义（"min" 为 {min}）；请改用 "range"', en: '"ratio" scores value / best, which means nothing for negative values (min is {min}); use "range"'},
	targetAboveMax: {zh: '目标值 {target} 大于规则接受的最大值（{max}）：没有地区能得满分', en: 'the target {target} is above the largest value the rule accepts ({max}): no region can get full points'},
	targetBelowMin: {zh: '目标值 {target} 小于规则接受的最小值（{min}）：没有地区能得满分', en: 'the target {target} is below the smallest value the rule accepts ({min}): no region can get full points'},
	bestAtOrBelowZeroLower: {zh: '最优值为 {best}：按 "ratio" 计分，高于它的地区都得 0 分；请改用 "range" 或 "target"', en: 'the best value is {best}: with "ratio" every region above it scores 0; use "range" or "target"'},
	bestAtOrBelowZeroHigher: {zh: '最优值为 {best}：按 "ratio" 计分，等于它的地区得 100 分，其余都得 0 分', en: 'the best value is {best}: with "ratio" every region at it scores 100 and any other 0'},
	allSame: {zh: '全部 {n} 个地区的数值相同（{best}）：都得 100 分', en: 'all {n} regions have the same value ({best}): all score 100'},
	onlyOne: {zh: '{regions} 个地区中只有一个有数值：在录入其他地区之前，无论数值多少它都得 100 分', en: 'only one of the {regions} regions has a value: it scores 100 whatever the value is, until others are recorded'},
});

const warning = (indicator: string, name: string, said: Message): MeasureWarning => ({indicator, name, message: say('en', said), said});

function measures(index: SystemIndex): {code: string; name: string; rule: MeasureRule}[] {
	return index.leaves.filter(l => l.rule?.type === 'measure').map(l => ({code: l.code, name: l.node.name.zh, rule: l.rule as MeasureRule}));
}

/** Rules that can degenerate with values they accept (assess validate on a system file). */
export function measureRuleWarnings(index: SystemIndex): MeasureWarning[] {
	const out: MeasureWarning[] = [];
	for (const {code, name, rule} of measures(index)) {
		const method = methodOf(rule);
		if (method === 'ratio' && rule.better === 'lower' && rule.min <= 0) {
			out.push(warning(code, name, W.ratioLowerZero()));
		}
		if (method === 'ratio' && rule.better === 'higher' && rule.min < 0) {
			out.push(warning(code, name, W.ratioNegative({min: rule.min})));
		}
		if (method === 'target' && rule.target !== undefined) {
			if (rule.better === 'higher' && rule.max !== undefined && rule.max < rule.target) out.push(warning(code, name, W.targetAboveMax({target: rule.target, max: rule.max})));
			if (rule.better === 'lower' && rule.target < rule.min) out.push(warning(code, name, W.targetBelowMin({target: rule.target, min: rule.min})));
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
			out.push(warning(code, name, W.bestAtOrBelowZeroLower({best: st.best})));
		} else if (method === 'ratio' && rule.better === 'higher' && st.best <= 0) {
			out.push(warning(code, name, W.bestAtOrBelowZeroHigher({best: st.best})));
		} else if (st.count > 1 && st.best === st.worst) {
			out.push(warning(code, name, W.allSame({n: st.count, best: st.best})));
		} else if (st.count === 1 && regions > 1) {
			out.push(warning(code, name, W.onlyOne({regions})));
		}
	}
	return out;
}

import {type Rule, type MeasureRule, methodOf} from './rule-schema.js';
import type {FindingValue, Sample} from '../workspace/workspace-schema.js';

/** What a measurement is scored against: the best and worst value among the regions that have one, and how many do. */
export type MeasureStats = {best: number; worst: number; count: number};

/**
 * The score of a leaf from its value, 0–100, or null when it cannot be scored yet.
 * A measurement is scored against the values of the regions (`stats`); a sampled leaf on the
 * items judged so far (an unjudged item counts neither way).
 */
export function leafScore(rule: Rule, value: FindingValue | null, stats?: MeasureStats): number | null {
	if (!value || value.type !== rule.type) return null;
	switch (value.type) {
		case 'yesno': {
			const r = rule as Extract<Rule, {type: 'yesno'}>;
			return value.met ? r.yes : r.no;
		}
		case 'levels': {
			const r = rule as Extract<Rule, {type: 'levels'}>;
			return r.levels.find(l => l.id === value.level)?.points ?? null;
		}
		case 'sampled':
			return sampledScore(value.samples);
		case 'measure':
			return measureScore(rule as MeasureRule, value.amount, stats);
		case 'direct':
			return value.score;
	}
}

/** passed / judged × 100, or null while no item is judged. */
export function sampledScore(samples: readonly Sample[]): number | null {
	let judged = 0;
	let passed = 0;
	for (const s of samples) {
		if (s.pass === null) continue;
		judged++;
		if (s.pass) passed++;
	}
	return judged === 0 ? null : (passed / judged) * 100;
}

/** How many of a sampled leaf's items passed, failed, or wait for a verdict. */
export function sampleCounts(samples: readonly Sample[]): {passed: number; failed: number; unjudged: number; total: number} {
	let passed = 0;
	let failed = 0;
	for (const s of samples) {
		if (s.pass === true) passed++;
		else if (s.pass === false) failed++;
	}
	return {passed, failed, unjudged: samples.length - passed - failed, total: samples.length};
}

/** A measurement's score by its rule's method (see `measureMethod`), or null when no region has a value. */
export function measureScore(rule: Pick<MeasureRule, 'better' | 'method' | 'target'>, amount: number, stats: MeasureStats | undefined): number | null {
	const method = methodOf(rule);
	const higher = rule.better === 'higher';
	if (method === 'target') {
		const target = rule.target ?? 0;
		// The schema keeps the target above 0; a value of 0 when lower is better has met any target.
		if (target <= 0) return null;
		if (higher) return clamp((amount / target) * 100);
		return amount <= target ? 100 : clamp((target / amount) * 100);
	}
	if (!stats) return null;
	const {best, worst} = stats;
	if (method === 'range') {
		if (best === worst) return 100;
		return clamp(((amount - worst) / (best - worst)) * 100);
	}
	// ratio
	if (higher) {
		if (best <= 0) return amount >= best ? 100 : 0;
		return clamp((Math.max(amount, 0) / best) * 100);
	}
	if (amount <= best) return 100;
	if (best <= 0) return 0;
	return clamp((best / amount) * 100);
}

/** The best and worst of the regions' measurements, or undefined when none is recorded. */
export function statsOf(better: 'higher' | 'lower', amounts: readonly number[]): MeasureStats | undefined {
	if (amounts.length === 0) return undefined;
	let lo = Infinity;
	let hi = -Infinity;
	for (const a of amounts) {
		if (a < lo) lo = a;
		if (a > hi) hi = a;
	}
	return better === 'higher' ? {best: hi, worst: lo, count: amounts.length} : {best: lo, worst: hi, count: amounts.length};
}

/** The best value among regions' measurements, or undefined when none is recorded. */
export function bestOf(better: 'higher' | 'lower', amounts: readonly number[]): number | undefined {
	return statsOf(better, amounts)?.best;
}

function clamp(n: number): number {
	return Math.min(100, Math.max(0, n));
}

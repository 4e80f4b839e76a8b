import type {Rule} from './rule-schema.js';
import type {FindingValue} from '../workspace/workspace-schema.js';

/**
 * The score of a leaf from its value, 0–100, or null when it cannot be scored yet.
 * A measurement is scored relative to `best`, the best value among the regions.
 */
export function leafScore(rule: Rule, value: FindingValue | null, best?: number): number | null {
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
		case 'sampled': {
			if (value.samples.length === 0) return null;
			const passed = value.samples.filter(s => s.pass).length;
			return (passed / value.samples.length) * 100;
		}
		case 'measure': {
			const r = rule as Extract<Rule, {type: 'measure'}>;
			return relativeScore(r.better, value.amount, best);
		}
		case 'direct':
			return value.score;
	}
}

/** value / best × 100 when higher is better; best / value × 100 when lower is better. */
export function relativeScore(better: 'higher' | 'lower', amount: number, best: number | undefined): number | null {
	if (best === undefined) return null;
	if (better === 'higher') {
		if (best <= 0) return 0;
		return clamp((Math.max(amount, 0) / best) * 100);
	}
	if (amount <= best) return 100;
	if (best <= 0) return 0;
	return clamp((best / amount) * 100);
}

/** The best value among regions' measurements, or undefined when none is recorded. */
export function bestOf(better: 'higher' | 'lower', amounts: readonly number[]): number | undefined {
	if (amounts.length === 0) return undefined;
	return better === 'higher' ? Math.max(...amounts) : Math.min(...amounts);
}

function clamp(n: number): number {
	return Math.min(100, Math.max(0, n));
}

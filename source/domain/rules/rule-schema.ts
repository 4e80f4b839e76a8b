import * as z from 'zod';
import {localizedText} from '../text.js';

const points = z.number().min(0).max(100);

/** Yes/no check: a met check scores `yes` points (100 unless stated), an unmet one `no`. */
export const yesNoRule = z.strictObject({
	type: z.literal('yesno'),
	yes: points.default(100),
	no: points.default(0),
});

/** Graded levels, best first by convention; the assessor picks one level by its id or number. */
export const levelsRule = z.strictObject({
	type: z.literal('levels'),
	levels: z
		.array(
			z.strictObject({
				id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'level ids are lower-case words like "full" or "partial"'),
				label: localizedText,
				points,
			}),
		)
		.min(2, 'a levels rule needs at least two levels')
		.max(10, 'at most 10 levels, so each has a number key 0–9')
		.superRefine((levels, ctx) => {
			const seen = new Set<string>();
			for (const [index, level] of levels.entries()) {
				if (seen.has(level.id)) {
					ctx.addIssue({code: 'custom', path: [index, 'id'], message: `level id "${level.id}" is used twice`});
				}
				seen.add(level.id);
			}
		}),
});

/**
 * Sampled ratio: the assessor checks sampled service items and records pass/fail for each;
 * score = passed / checked × 100. `sampleSize` is the number the guide asks for.
 */
export const sampledRule = z.strictObject({
	type: z.literal('sampled'),
	sampleSize: z.number().int().min(1).max(500),
	criterion: localizedText.optional(),
});

/**
 * How a measurement becomes 0–100 among the regions of a workspace ("relative, not absolute"):
 * - `ratio`: value / best × 100 (higher is better), best / value × 100 (lower is better);
 * - `range`: (value − worst) / (best − worst) × 100; every region scores 100 when all are equal;
 * - `target`: value / target × 100 (higher), target / value × 100 (lower), capped at 100: a region
 *   that reaches the target gets full points whatever the others do.
 * The default is `ratio` when higher is better and `range` when lower is better: neither divides
 * by zero, and neither gives every other region 0 points when one region reaches 0.
 */
export const measureMethod = z.enum(['ratio', 'range', 'target']);
export type MeasureMethod = z.infer<typeof measureMethod>;

/** A raw measurement scored relative to the regions of the same system in the workspace (see `measureMethod`). */
export const measureRule = z
	.strictObject({
		type: z.literal('measure'),
		unit: localizedText,
		better: z.enum(['higher', 'lower']),
		min: z.number().default(0),
		max: z.number().optional(),
		/** Absent: `ratio` when higher is better, `range` when lower is better. */
		method: measureMethod.optional(),
		/** For `target`: the value that earns full points (greater than 0). */
		target: z.number().finite().optional(),
	})
	.superRefine((rule, ctx) => {
		if (rule.method === 'target' && (rule.target === undefined || rule.target <= 0)) {
			ctx.addIssue({code: 'custom', path: ['target'], message: 'the "target" method needs a target above 0 (the value that earns full points)'});
		}
		if (rule.method !== 'target' && rule.target !== undefined) {
			ctx.addIssue({code: 'custom', path: ['target'], message: 'a target is only used with "method": "target"'});
		}
		if (rule.max !== undefined && rule.max < rule.min) ctx.addIssue({code: 'custom', path: ['max'], message: `max (${rule.max}) is below min (${rule.min})`});
	});

/** The method a measure rule uses, its default filled in. */
export function methodOf(rule: Pick<MeasureRule, 'better' | 'method'>): MeasureMethod {
	return rule.method ?? (rule.better === 'higher' ? 'ratio' : 'range');
}

/** A direct score from 0 to 100. */
export const directRule = z.strictObject({
	type: z.literal('direct'),
});

export const rule = z.discriminatedUnion('type', [yesNoRule, levelsRule, sampledRule, measureRule, directRule]);
export type Rule = z.infer<typeof rule>;
export type RuleType = Rule['type'];
export type LevelsRule = z.infer<typeof levelsRule>;
export type MeasureRule = z.infer<typeof measureRule>;
export type SampledRule = z.infer<typeof sampledRule>;

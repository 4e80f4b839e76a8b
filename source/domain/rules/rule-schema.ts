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
 * A raw measurement scored relative to the best region of the same system in the workspace
 * ("relative, not absolute"): higher is better → value / best × 100; lower is better →
 * best / value × 100 (a value of 0 is the best possible).
 */
export const measureRule = z.strictObject({
	type: z.literal('measure'),
	unit: localizedText,
	better: z.enum(['higher', 'lower']),
	min: z.number().default(0),
	max: z.number().optional(),
});

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

import * as z from 'zod';
import {localizedText} from '../text.js';
import {messages} from '../words/message.js';
import {schemaText, addIssue} from '../words/zod-issues.js';

const S = messages('domain/rule-schema', {
	levelIds: {zh: '档次的 "id" 应为小写英文词，如 "full" 或 "partial"', en: 'level ids are lower-case words like "full" or "partial"'},
	twoLevels: {zh: '分档规则至少需要两档', en: 'a levels rule needs at least two levels'},
	tenLevels: {zh: '最多 10 档，以便每档都有一个数字键 0–9', en: 'at most 10 levels, so each has a number key 0–9'},
	levelTwice: {zh: '档次 "id" 值 "{id}" 用了两次', en: 'level id "{id}" is used twice'},
	targetNeeded: {zh: '"target" 方法需要一个大于 0 的目标值（得满分的数值）', en: 'the "target" method needs a target above 0 (the value that earns full points)'},
	targetUnused: {zh: '目标值只用于 "method": "target"', en: 'a target is only used with "method": "target"'},
	maxBelowMin: {zh: '"max"（{max}）小于 "min"（{min}）', en: 'max ({max}) is below min ({min})'},
});

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
				id: z.string().regex(/^[a-z][a-z0-9-]*$/, schemaText(S.levelIds())),
				label: localizedText,
				points,
			}),
		)
		.min(2, schemaText(S.twoLevels()))
		.max(10, schemaText(S.tenLevels()))
		.superRefine((levels, ctx) => {
			const seen = new Set<string>();
			for (const [index, level] of levels.entries()) {
				if (seen.has(level.id)) {
					addIssue(ctx, [index, 'id'], S.levelTwice({id: level.id}));
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
			addIssue(ctx, ['target'], S.targetNeeded());
		}
		if (rule.method !== 'target' && rule.target !== undefined) {
			addIssue(ctx, ['target'], S.targetUnused());
		}
		if (rule.max !== undefined && rule.max < rule.min) addIssue(ctx, ['max'], S.maxBelowMin({max: rule.max, min: rule.min}));
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

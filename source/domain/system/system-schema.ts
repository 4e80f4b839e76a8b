import * as z from 'zod';
import {localizedText} from '../text.js';
import {provenance} from './provenance.js';
import {rule} from '../rules/rule-schema.js';

export const indicatorCode = z
	.string()
	.regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, 'codes are dot-separated parts like "1", "1.2" or "1.2.3"')
	// Codes are keys of weights and look-ups: "toString" or "constructor" would find Object's own.
	.refine(code => !(code in Object.prototype), {error: issue => `"${String(issue.input)}" is a reserved name (a property every JavaScript object has); choose another code, like "1" or "1.2"`});

/** What an assessor reads before recording a finding on a leaf. */
export const guide = z.strictObject({
	check: z.string().min(1, 'say what to check'),
	where: z.string().min(1, 'say where to look'),
	met: z.string().min(1, 'say what counts as met'),
});

type NodeInput = {
	code: string;
	name: z.input<typeof localizedText>;
	provenance: z.input<typeof provenance>;
	description?: string;
	children?: NodeInput[];
	guide?: z.input<typeof guide>;
	rule?: z.input<typeof rule>;
};

export type IndicatorNode = {
	code: string;
	name: z.infer<typeof localizedText>;
	provenance: z.infer<typeof provenance>;
	description?: string;
	children?: IndicatorNode[];
	guide?: z.infer<typeof guide>;
	rule?: z.infer<typeof rule>;
};

/** A node either has children (an inner indicator) or a guide and a rule (a leaf), never both. */
export const indicatorNode: z.ZodType<IndicatorNode, NodeInput> = z.lazy(() =>
	z
		.strictObject({
			code: indicatorCode,
			name: localizedText,
			provenance,
			description: z.string().optional(),
			children: z.array(indicatorNode).min(1, 'an inner indicator needs at least one child').optional(),
			guide: guide.optional(),
			rule: rule.optional(),
		})
		.superRefine((node, ctx) => {
			if (node.children) {
				if (node.rule) ctx.addIssue({code: 'custom', path: ['rule'], message: `"${node.code}" has children, so it cannot have a rule (only leaves are scored)`});
				if (node.guide) ctx.addIssue({code: 'custom', path: ['guide'], message: `"${node.code}" has children, so its guide belongs on its leaves`});
			} else {
				if (!node.rule) ctx.addIssue({code: 'custom', path: ['rule'], message: `leaf "${node.code}" needs a scoring rule`});
				if (!node.guide) ctx.addIssue({code: 'custom', path: ['guide'], message: `leaf "${node.code}" needs an assessment guide`});
			}
		}),
);

export const tier = z.strictObject({
	id: z.string().regex(/^[a-z][a-z0-9-]*$/),
	label: localizedText,
	/** The lower edge; a total belongs to the first tier (from the top) whose edge it passes. */
	min: z.number().min(0).max(100),
	/** Whether a total exactly on `min` belongs to this tier (true) or the one below (false). */
	includesMin: z.boolean(),
	source: z.string().optional(),
});
export type Tier = z.infer<typeof tier>;

export const SYSTEM_KIND = 'assess/indicator-system';
export const SYSTEM_FORMAT = 1;

export const indicatorSystem = z
	.strictObject({
		$schema: z.string().optional(),
		kind: z.literal(SYSTEM_KIND),
		formatVersion: z.literal(SYSTEM_FORMAT),
		id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'system ids are lower-case words like "2020-province"'),
		version: z.string().min(1),
		title: localizedText,
		edition: z.strictObject({
			/** The year on the report's cover; it scores the previous year's data. */
			reportYear: z.number().int().min(2000).max(2100),
			dataYear: z.number().int().min(2000).max(2100),
		}),
		regionKind: z.enum(['province', 'city', 'other']),
		ranking: z.enum(['competition', 'dense']).default('competition'),
		tiers: z.array(tier).min(1),
		note: z.string().optional(),
		indicators: z.array(indicatorNode).min(1),
	})
	.superRefine((system, ctx) => {
		const seen = new Map<string, string>();
		const walk = (nodes: IndicatorNode[], path: (string | number)[], parent: string | undefined) => {
			for (const [index, node] of nodes.entries()) {
				const here = [...path, index];
				const where = seen.get(node.code);
				if (where) ctx.addIssue({code: 'custom', path: [...here, 'code'], message: `code "${node.code}" is used twice (first at ${where})`});
				seen.set(node.code, here.join('.'));
				if (parent !== undefined && !node.code.startsWith(parent + '.')) {
					ctx.addIssue({code: 'custom', path: [...here, 'code'], message: `code "${node.code}" should start with its parent's code "${parent}."`});
				}
				if (node.children) walk(node.children, [...here, 'children'], node.code);
			}
		};
		walk(system.indicators, ['indicators'], undefined);
		const edges = system.tiers.map(t => t.min);
		for (let i = 1; i < edges.length; i++) {
			if (edges[i]! >= edges[i - 1]!) ctx.addIssue({code: 'custom', path: ['tiers', i, 'min'], message: 'tiers go from the highest to the lowest, each edge below the one before'});
		}
		// Refinements run even when a check above failed (no tiers at all is reported there).
		const last = system.tiers.at(-1);
		if (last && (last.min !== 0 || !last.includesMin)) {
			ctx.addIssue({code: 'custom', path: ['tiers', system.tiers.length - 1], message: 'the last tier must start at 0 inclusive, so every total has a tier'});
		}
	});

export type IndicatorSystem = z.infer<typeof indicatorSystem>;

import * as z from 'zod';
import {localizedText} from '../text.js';
import {provenance} from './provenance.js';
import {rule} from '../rules/rule-schema.js';
import {messages} from '../words/message.js';
import {formatPath} from '../issues.js';
import {schemaText, addIssue} from '../words/zod-issues.js';

const S = messages('domain/system-schema', {
	codes: {zh: '编码由点分隔的几段组成，如 "1"、"1.2" 或 "1.2.3"', en: 'codes are dot-separated parts like "1", "1.2" or "1.2.3"'},
	reserved: {zh: '"{code}" 是保留名称（每个 JavaScript 对象都有的属性）；请换一个编码，如 "1" 或 "1.2"', en: '"{code}" is a reserved name (a property every JavaScript object has); choose another code, like "1" or "1.2"'},
	check: {zh: '请写明检查什么', en: 'say what to check'},
	where: {zh: '请写明在哪里查看', en: 'say where to look'},
	met: {zh: '请写明怎样算达标', en: 'say what counts as met'},
	oneChild: {zh: '非末级指标至少需要一个下级指标', en: 'an inner indicator needs at least one child'},
	ruleOnInner: {zh: '"{code}" 有下级指标，不能有计分规则（只有末级指标计分）', en: '"{code}" has children, so it cannot have a rule (only leaves are scored)'},
	guideOnInner: {zh: '"{code}" 有下级指标，评估指南应写在其末级指标上', en: '"{code}" has children, so its guide belongs on its leaves'},
	leafRule: {zh: '末级指标 "{code}" 需要计分规则', en: 'leaf "{code}" needs a scoring rule'},
	leafGuide: {zh: '末级指标 "{code}" 需要评估指南', en: 'leaf "{code}" needs an assessment guide'},
	systemIds: {zh: '指标体系的 "id" 应为小写英文词，如 "2020-province"', en: 'system ids are lower-case words like "2020-province"'},
	codeTwice: {zh: '编码 "{code}" 用了两次（第一次在 {first}）', en: 'code "{code}" is used twice (first at {first})'},
	underParent: {zh: '编码 "{code}" 应以上级指标的编码 "{parent}." 开头', en: 'code "{code}" should start with its parent\'s code "{parent}."'},
	tierOrder: {zh: '等级应从高到低排列，每一档的下限都低于上一档', en: 'tiers go from the highest to the lowest, each edge below the one before'},
	lastTier: {zh: '最后一个等级的下限必须是 0（含 0），使每个总得分都有等级', en: 'the last tier must start at 0 inclusive, so every total has a tier'},
});

export const indicatorCode = z
	.string()
	.regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, schemaText(S.codes()))
	// Codes are keys of weights and look-ups: "toString" or "constructor" would find Object's own.
	.refine(code => !(code in Object.prototype), {error: issue => schemaText(S.reserved({code: String(issue.input)}))});

/** What an assessor reads before recording a finding on a leaf. */
export const guide = z.strictObject({
	check: z.string().min(1, schemaText(S.check())),
	where: z.string().min(1, schemaText(S.where())),
	met: z.string().min(1, schemaText(S.met())),
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
			children: z.array(indicatorNode).min(1, schemaText(S.oneChild())).optional(),
			guide: guide.optional(),
			rule: rule.optional(),
		})
		.superRefine((node, ctx) => {
			if (node.children) {
				if (node.rule) addIssue(ctx, ['rule'], S.ruleOnInner({code: node.code}));
				if (node.guide) addIssue(ctx, ['guide'], S.guideOnInner({code: node.code}));
			} else {
				if (!node.rule) addIssue(ctx, ['rule'], S.leafRule({code: node.code}));
				if (!node.guide) addIssue(ctx, ['guide'], S.leafGuide({code: node.code}));
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
		id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, schemaText(S.systemIds())),
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
				if (where) addIssue(ctx, [...here, 'code'], S.codeTwice({code: node.code, first: where}));
				seen.set(node.code, formatPath(here));
				if (parent !== undefined && !node.code.startsWith(parent + '.')) {
					addIssue(ctx, [...here, 'code'], S.underParent({code: node.code, parent}));
				}
				if (node.children) walk(node.children, [...here, 'children'], node.code);
			}
		};
		walk(system.indicators, ['indicators'], undefined);
		const edges = system.tiers.map(t => t.min);
		for (let i = 1; i < edges.length; i++) {
			if (edges[i]! >= edges[i - 1]!) addIssue(ctx, ['tiers', i, 'min'], S.tierOrder());
		}
		// Refinements run even when a check above failed (no tiers at all is reported there).
		const last = system.tiers.at(-1);
		if (last && (last.min !== 0 || !last.includesMin)) {
			addIssue(ctx, ['tiers', system.tiers.length - 1], S.lastTier());
		}
	});

export type IndicatorSystem = z.infer<typeof indicatorSystem>;

import * as z from 'zod';
import {indicatorCode} from '../system/system-schema.js';
import type {SystemIndex} from '../system/system-index.js';
import {issue, type Issue} from '../issues.js';
import {messages, say, both, type Message} from '../words/message.js';
import type {Lang} from '../text.js';
import {schemaText, addIssue} from '../words/zod-issues.js';
import {inBoth} from '../text.js';

const S = messages('domain/sample-plan', {
	byId: {zh: '目录中的事项按编码给出，如 "SI-0001"；其他事项写作 {"name": "…"}', en: 'catalog items are given by id, like "SI-0001"; anything else as {"name": "…"}'},
	groupLeaf: {zh: '每组至少列出一个抽查类末级指标', en: 'a group names at least one sampled leaf'},
	groupItem: {zh: '每组至少列出一个事项', en: 'a group lists at least one item'},
	oneGroup: {zh: '抽查计划至少有一组', en: 'a plan has at least one group'},
	plannedTwice: {zh: '评估指标 "{code}" 已在第 {group} 组中列出', en: 'indicator "{code}" is already planned in group {group}'},
	itemTwice: {zh: '事项 "{item}" 列了两次', en: 'item "{item}" is listed twice'},
	otherSystem: {zh: '此抽查计划属于指标体系 "{was}"，不是 "{now}"', en: 'this plan is for system "{was}", not "{now}"'},
	notIndicator: {zh: '"{code}" 不是 {system} 的评估指标', en: '"{code}" is not an indicator of {system}'},
	notSampled: {zh: '"{code}"（{name}）不是抽查类末级指标', en: '"{code}" ({name}) is not a sampled leaf'},
	short: {zh: '为 "{code}"（{name}）列了 {n} 个事项，而其规则要求 {size} 个', en: '{n} items for "{code}" ({name}), whose rule asks for {size}'},
	missing: {zh: '缺少 {items}', en: 'missing {items}'},
	extra: {zh: '计划之外：{items}', en: 'not in the plan: {items}'},
	order: {zh: '顺序与计划不同', en: 'in another order than the plan'},
	difference: {zh: '{region} {code}：{parts}', en: '{region} {code}: {parts}'},
	notInCatalog: {zh: '"{item}" 不在政务服务事项目录中；目录外的事项写作 {"name": "…"}', en: '"{item}" is not in the service-item catalog; an item outside it is written {"name": "…"}'},
});
import type {Sample, Workspace, Finding} from '../workspace/workspace-schema.js';
import {findingKey} from '../workspace/workspace-schema.js';
import {recordFinding} from '../workspace/record-finding.js';
import {ITEM_ID} from '../rules/sample-input.js';

export const SAMPLE_PLAN_KIND = 'assess/sample-plan';

/** A planned item: a catalog id ("SI-0001"), or a keyword or item outside the catalog by name. */
export const plannedItem = z.union([z.string().regex(ITEM_ID, schemaText(S.byId())), z.strictObject({name: z.string().min(1)})]);
export type PlannedItem = z.infer<typeof plannedItem>;

/**
 * A team's shared sample plan: for sampled leaves, the items (or search keywords) every region
 * is checked with, in order. One group can serve several leaves (a primary's guide that checks
 * one shared sample of ten items across its leaves).
 */
export const samplePlan = z
	.strictObject({
		$schema: z.string().optional(),
		kind: z.literal(SAMPLE_PLAN_KIND),
		formatVersion: z.literal(1),
		/** The id of the indicator system it is for. */
		system: z.string().min(1),
		note: z.string().optional(),
		groups: z
			.array(
				z.strictObject({
					/** The sampled leaves this list is for. */
					indicators: z.array(indicatorCode).min(1, schemaText(S.groupLeaf())),
					items: z.array(plannedItem).min(1, schemaText(S.groupItem())),
					note: z.string().optional(),
				}),
			)
			.min(1, schemaText(S.oneGroup())),
	})
	.superRefine((plan, ctx) => {
		const seen = new Map<string, number>();
		plan.groups.forEach((group, g) => {
			group.indicators.forEach((code, i) => {
				const first = seen.get(code);
				if (first !== undefined) addIssue(ctx, ['groups', g, 'indicators', i], S.plannedTwice({code, group: first}));
				else seen.set(code, g);
			});
			const items = new Set<string>();
			group.items.forEach((item, i) => {
				const key = itemKey(item);
				if (items.has(key)) addIssue(ctx, ['groups', g, 'items', i], S.itemTwice({item: key}));
				items.add(key);
			});
		});
	});
export type SamplePlan = z.infer<typeof samplePlan>;

/** How a planned item is recorded in a sample: its id, or its name. */
export function itemKey(item: PlannedItem): string {
	return typeof item === 'string' ? item : item.name;
}

/** The planned items of each sampled leaf, in order. */
export function planByIndicator(plan: SamplePlan): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const group of plan.groups) for (const code of group.indicators) out.set(code, group.items.map(itemKey));
	return out;
}

/**
 * Checks a plan against its system and the catalog: every indicator a sampled leaf, every id in
 * the catalog. Problems are errors; a list shorter than the leaf's sample size is a warning.
 */
export function checkSamplePlan(index: SystemIndex, plan: SamplePlan, catalogIds: ReadonlySet<string>): {issues: Issue[]; warnings: Issue[]} {
	const issues: Issue[] = [];
	const warnings: Issue[] = [];
	if (plan.system !== index.system.id) return {issues: [issue(['system'], S.otherSystem({was: plan.system, now: index.system.id}))], warnings};
	plan.groups.forEach((group, g) => {
		group.indicators.forEach((code, i) => {
			const node = index.nodes.get(code);
			if (!node) issues.push(issue(['groups', g, 'indicators', i], S.notIndicator({code, system: index.system.id})));
			else if (node.rule?.type !== 'sampled') issues.push(issue(['groups', g, 'indicators', i], S.notSampled({code, name: inBoth(node.node.name)})));
			else if (group.items.length < node.rule.sampleSize) warnings.push(issue(['groups', g, 'items'], S.short({n: group.items.length, code, name: inBoth(node.node.name), size: node.rule.sampleSize})));
		});
		group.items.forEach((item, i) => {
			if (typeof item === 'string' && !catalogIds.has(item)) issues.push(issue(['groups', g, 'items', i], S.notInCatalog({item})));
		});
	});
	return {issues, warnings};
}

/** The planned items of a leaf as new samples, unjudged, in the plan's order (what the TUI pre-fills). */
export function plannedSamples(plan: SamplePlan, indicator: string): Sample[] {
	return (planByIndicator(plan).get(indicator) ?? []).map(item => ({item, pass: null}));
}

/**
 * Each region's planned leaves pre-filled with the plan's items, unjudged (a new workspace, or
 * regions added later). A leaf that already has sampled items is left as it is.
 */
export function prefillFromPlan(ws: Workspace, plan: SamplePlan, by: string, at: string, regions: readonly string[] = ws.regions): Workspace {
	const findings: Record<string, Finding> = {...ws.findings};
	for (const [indicator, items] of planByIndicator(plan)) {
		for (const region of regions) {
			const key = findingKey(region, indicator);
			if (ws.conflicts[key]) continue;
			const f = findings[key];
			if (f?.value?.type === 'sampled' && f.value.samples.length > 0) continue;
			findings[key] = recordFinding(f, region, indicator, {value: {type: 'sampled', samples: items.map(item => ({item, pass: null}))}}, by, at);
		}
	}
	return {...ws, findings};
}

/** How a region's sampled items differ from the plan on one leaf. */
export type PlanDifference = {region: string; indicator: string; missing: string[]; extra: string[]; outOfOrder: boolean};

/** Regions whose recorded samples differ from the plan: items missing, items not in the plan, another order. */
export function planDifferences(ws: Workspace, plan: SamplePlan): PlanDifference[] {
	const out: PlanDifference[] = [];
	for (const region of ws.regions) {
		for (const [indicator, planned] of planByIndicator(plan)) {
			const f = ws.findings[findingKey(region, indicator)];
			if (f?.value?.type !== 'sampled' || f.value.samples.length === 0) continue;
			const recorded = f.value.samples.map(s => s.item);
			const missing = planned.filter(i => !recorded.includes(i));
			const extra = recorded.filter(i => !planned.includes(i));
			const common = recorded.filter(i => planned.includes(i));
			const outOfOrder = common.some((item, k) => item !== planned.filter(i => recorded.includes(i))[k]);
			if (missing.length || extra.length || outOfOrder) out.push({region, indicator, missing, extra, outOfOrder});
		}
	}
	return out;
}

/** "北京市 1.5.1: missing SI-0003, SI-0007; not in the plan: SI-0100; in another order", in both languages. */
export function planDifferenceWords(d: PlanDifference, regionName: (code: string) => string = c => c): Message {
	const parts: Message[] = [];
	if (d.missing.length) parts.push(S.missing({items: d.missing}));
	if (d.extra.length) parts.push(S.extra({items: d.extra}));
	if (d.outOfOrder) parts.push(S.order());
	return S.difference({region: regionName(d.region), code: d.indicator, parts: both(lang => parts.map(p => say(lang, p)).join(lang === 'zh' ? '；' : '; '))});
}

export function describePlanDifference(d: PlanDifference, regionName: (code: string) => string = c => c, lang: Lang = 'en'): string {
	return say(lang, planDifferenceWords(d, regionName));
}

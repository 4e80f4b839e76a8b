import type {SystemIndex} from '../system/system-index.js';
import {issue, type Issue} from '../issues.js';
import {messages} from '../words/message.js';

const S = messages('domain/mapping-check', {
	otherOld: {zh: '映射文件的 "{side}" 是 {ref}，但上期工作区属于 {system}', en: 'the mapping\'s "{side}" is {ref}, but the old workspace is of {system}'},
	otherOldSwapped: {zh: '映射文件的 "{side}" 是 {ref}，但上期工作区属于 {system}（两个工作区是否放反了？）', en: 'the mapping\'s "{side}" is {ref}, but the old workspace is of {system} (are the two workspaces the wrong way round?)'},
	otherNew: {zh: '映射文件的 "{side}" 是 {ref}，但本期工作区属于 {system}', en: 'the mapping\'s "{side}" is {ref}, but the new workspace is of {system}'},
	empty: {zh: '两边都是空的；请至少写出一个编码', en: 'maps nothing onto nothing; name at least one code'},
	notIndicator: {zh: '"{code}" 不是 {system} 的评估指标', en: '"{code}" is not an indicator of {system}'},
	twiceInEntry: {zh: '"{code}" 在本条中出现了两次', en: '"{code}" is named twice in this entry'},
	mappedBefore: {zh: '"{code}" 已由第 {entry} 条（$.map[{entry}]）映射；每个编码在每一边只能出现一次', en: '"{code}" is already mapped by entry {entry} ($.map[{entry}]); each code may appear once on each side'},
});
import {codesOf, type IndicatorMapping} from './mapping-schema.js';

/**
 * How an old indicator (or group) relates to a new one. `same`: one code onto one with the
 * same code and name, matched without a mapping or mapped so; `renamed`: one onto one with a
 * new code or name; `merged`: several onto one; `split`: one onto several; `regrouped`:
 * several onto several; `dropped`: onto none; `added`: from none.
 */
export type PairKind = 'same' | 'renamed' | 'merged' | 'split' | 'regrouped' | 'dropped' | 'added';

export type IndicatorPair = {
	kind: PairKind;
	from: string[];
	to: string[];
	/** From a mapping entry (its note), or undefined for a match by code and name. */
	mapped: boolean;
	note?: string;
};

export type IndicatorMatch = {
	/** Every pair, in the new system's table order (dropped ones after, in the old order). */
	pairs: IndicatorPair[];
	/** Codes that neither a mapping entry nor a match by code and name accounts for. */
	unmatched: {old: string[]; new: string[]};
};

const sameName = (a: SystemIndex, b: SystemIndex, oldCode: string, newCode: string) => a.nodes.get(oldCode)!.node.name.zh.trim() === b.nodes.get(newCode)!.node.name.zh.trim();

function kindOf(from: readonly string[], to: readonly string[], old: SystemIndex, next: SystemIndex): PairKind {
	if (to.length === 0) return 'dropped';
	if (from.length === 0) return 'added';
	if (from.length === 1 && to.length === 1) return from[0] === to[0] && sameName(old, next, from[0]!, to[0]!) ? 'same' : 'renamed';
	if (to.length === 1) return 'merged';
	if (from.length === 1) return 'split';
	return 'regrouped';
}

/**
 * Checks a mapping against the two systems it maps: that it is for them (ids, and versions
 * where given), that every code it names is an indicator of its side's system, that no code
 * is named twice on one side, and that no entry is empty. Returns the problems with their
 * places in the mapping file.
 */
export function checkMapping(mapping: IndicatorMapping, old: SystemIndex, next: SystemIndex): Issue[] {
	const issues: Issue[] = [];
	const sides = [
		['from', old, 'old'],
		['to', next, 'new'],
	] as const;
	for (const [side, index, which] of sides) {
		const ref = mapping[side];
		if (ref.id !== index.system.id || (ref.version !== undefined && ref.version !== index.system.version)) {
			const said = {side, ref: ref.version ? `${ref.id} ${ref.version}` : ref.id, system: `${index.system.id} ${index.system.version}`};
			const swapped = side === 'from' && mapping.to.id === index.system.id;
			issues.push(issue([side], which === 'old' ? (swapped ? S.otherOldSwapped(said) : S.otherOld(said)) : S.otherNew(said)));
		}
	}
	if (issues.length) return issues;
	const seen = {from: new Map<string, number>(), to: new Map<string, number>()};
	mapping.map.forEach((entry, i) => {
		const from = codesOf(entry.from);
		const to = codesOf(entry.to);
		if (from.length === 0 && to.length === 0) issues.push(issue(['map', i], S.empty()));
		for (const [side, index] of sides) {
			codesOf(entry[side]).forEach((code, k) => {
				const place = typeof entry[side] === 'string' ? ['map', i, side] : ['map', i, side, k];
				if (!index.nodes.has(code)) issues.push(issue(place, S.notIndicator({code, system: `${index.system.id} ${index.system.version}`})));
				const earlier = seen[side].get(code);
				if (earlier === i) issues.push(issue(place, S.twiceInEntry({code})));
				else if (earlier !== undefined) issues.push(issue(place, S.mappedBefore({code, entry: earlier})));
				else seen[side].set(code, i);
			});
		}
	});
	return issues;
}

/**
 * Which indicators of two systems correspond: the mapping's entries, then every code neither
 * side of a mapping names that both systems have with the same name. The rest is unmatched.
 * The mapping must have passed checkMapping.
 */
export function matchIndicators(old: SystemIndex, next: SystemIndex, mapping?: IndicatorMapping): IndicatorMatch {
	const mappedOld = new Set<string>();
	const mappedNew = new Set<string>();
	const pairs: IndicatorPair[] = [];
	for (const entry of mapping?.map ?? []) {
		const from = codesOf(entry.from);
		const to = codesOf(entry.to);
		from.forEach(c => mappedOld.add(c));
		to.forEach(c => mappedNew.add(c));
		pairs.push({kind: kindOf(from, to, old, next), from, to, mapped: true, ...(entry.note ? {note: entry.note} : {})});
	}
	const unmatchedNew: string[] = [];
	for (const n of next.ordered) {
		if (mappedNew.has(n.code)) continue;
		if (old.nodes.has(n.code) && !mappedOld.has(n.code) && sameName(old, next, n.code, n.code)) {
			mappedOld.add(n.code);
			pairs.push({kind: 'same', from: [n.code], to: [n.code], mapped: false});
		} else unmatchedNew.push(n.code);
	}
	const unmatchedOld = old.ordered.map(n => n.code).filter(c => !mappedOld.has(c));
	// The new table's order; pairs with no new side where their first old code stood.
	const position = (p: IndicatorPair) => (p.to.length ? next.nodes.get(p.to[0]!)!.order : next.ordered.length + old.nodes.get(p.from[0]!)!.order);
	pairs.sort((a, b) => position(a) - position(b));
	return {pairs, unmatched: {old: unmatchedOld, new: unmatchedNew}};
}

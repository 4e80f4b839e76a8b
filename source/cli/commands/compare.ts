import type {Command} from '../command.js';
import {stringOption, displayPath} from '../command.js';
import {inert} from '../../text/cell-width.js';
import {renderTable} from '../table.js';
import {resolveRegions} from '../region-args.js';
import {readEdition, compareEditions} from '../compare-editions.js';
import type {Comparison, RegionStanding} from '../../domain/compare/compare-results.js';
import type {PairKind} from '../../domain/compare/match-indicators.js';
import type {Lang} from '../../domain/text.js';
import {messages, words, say, list, type Message} from '../../domain/words/message.js';

export const COMPARE_KIND = 'assess/comparison';

const M = messages('cli/compare', {
	heading: {zh: '{old} → {new}', en: '{old} → {new}'},
	edition: {zh: '{title} {system} {version}（{year}）', en: '{title} {system} {version} ({year})'},
	mapping: {zh: '评估指标映射：{file}', en: 'mapping: {file}'},
	noMapping: {zh: '未给映射文件：编码与名称相同的评估指标相互对应。', en: 'No mapping: indicators with the same code and name correspond.'},
	provisional: {zh: '（暂定）', en: ' (provisional)'},
	notThen: {zh: '上期未评估', en: 'not then'},
	notNow: {zh: '本期未评估', en: 'not now'},
	otherRegions: {zh: '两期评估的地区不完全相同：排名各按本期地区计算。', en: 'The two editions assessed different regions: each rank is among its own edition’s regions.'},
	kindCount: {zh: '{kind} {n}', en: '{kind} {n}'},
	indicators: {zh: '评估指标对应：{summary}；未匹配：上期 {old} 项，本期 {new} 项', en: 'Indicators: {summary}; unmatched: {old} old, {new} new'},
	unmatchedOld: {zh: '上期未匹配（{n}）：{list}', en: 'Unmatched old ({n}): {list}'},
	unmatchedNew: {zh: '本期未匹配（{n}）：{list}', en: 'Unmatched new ({n}): {list}'},
	region: {zh: '[{name} {code}]  总得分 {old} → {new}（{change}）  排名 {oldRank} → {newRank}（{moved}）', en: '[{name} {code}]  total {old} → {new} ({change})  rank {oldRank} → {newRank} ({moved})'},
});

const W = words('cli/compare/words', {
	same: {zh: '相同', en: 'same'},
	renamed: {zh: '改名', en: 'renamed'},
	merged: {zh: '合并', en: 'merged'},
	split: {zh: '拆分', en: 'split'},
	regrouped: {zh: '重组', en: 'regrouped'},
	dropped: {zh: '撤销', en: 'dropped'},
	added: {zh: '新增', en: 'added'},
	region: {zh: '地区', en: 'Region'},
	totalThen: {zh: '上期总分', en: 'Total then'},
	totalNow: {zh: '本期总分', en: 'Total now'},
	change: {zh: '变化', en: 'Change'},
	rankThen: {zh: '上期排名', en: 'Rank then'},
	rankNow: {zh: '本期排名', en: 'Rank now'},
	moved: {zh: '名次', en: 'Moved'},
	tierThen: {zh: '上期等级', en: 'Tier then'},
	tierNow: {zh: '本期等级', en: 'Tier now'},
	oldIndicator: {zh: '上期评估指标', en: 'Old'},
	newIndicator: {zh: '本期评估指标', en: 'New'},
	note: {zh: '说明', en: 'Note'},
	indicatorNow: {zh: '本期评估指标', en: 'Indicator (now)'},
	match: {zh: '对应', en: 'Match'},
	then: {zh: '上期', en: 'Then'},
	now: {zh: '本期', en: 'Now'},
});

const KINDS: readonly PairKind[] = ['same', 'renamed', 'merged', 'split', 'regrouped', 'dropped', 'added'];

export const compareCommand: Command = {
	name: 'compare',
	usage: {
		zh: 'assess compare <上期工作区> <本期工作区> [--map <映射.json>] [--regions <地区>] [--summary] [--json] [--lang zh|en]',
		en: 'assess compare <old-ws> <new-ws> [--map <mapping.json>] [--regions <codes>] [--summary] [--json] [--lang zh|en]',
	},
	summary: {zh: '同比：两期的总得分、排名、等级和各评估指标并列比较', en: 'year on year: totals, ranks, tiers and indicators of two editions side by side'},
	help: {
		zh: `比较两个工作区：同比，或同一指标体系的任意两期。每个地区上期和本期的总得分、排名和等级（按地区代码
对应）；两个指标体系中相互对应的每个评估指标上期和本期的得分。

不给 --map 时，两个指标体系中编码和名称都相同的评估指标相互对应；其余列为未匹配。映射文件说明两个
指标体系之间的变化（其余仍按编码和名称匹配）：

  {"kind": "assess/indicator-mapping", "formatVersion": 1,
   "from": {"id": "2019-province"}, "to": {"id": "2020-province"},
   "map": [
     {"from": "1.2.3", "to": "1.2.1"},                  改名或改编码
     {"from": ["2.1.1", "2.1.2"], "to": "2.1.1"},       合并
     {"from": "3.4.1", "to": ["3.4.1", "3.4.2"]},       拆分
     {"from": "5.6.2", "to": []},                       撤销
     {"from": [], "to": "5.5.3"}                        新增
   ]}

每个编码在每一边最多出现一次；编码必须是所在一边指标体系的评估指标（文件会按两个指标体系检查；其
JSON Schema：assess schemas）。一组评估指标的得分，是各成员得分按其在总得分中所占分量加权的平均。

  --map <文件>       映射文件
  --regions <地区>   只看这些地区（排名仍按每期自己的地区计算）
  --summary          只显示地区表
  --json             全部内容，供脚本使用：{"kind", "old", "new", "pairs", "unmatched",
                     "regions": [{"code", "name", "old", "new", "totalChange", "rankChange",
                     "indicators": [{"pair", "old", "new", "change"}]}]}；JSON 中的名称为中文，
                     除非给出 --lang en
  --lang zh|en       语言，包括评估指标和地区的名称（默认随系统区域设置）

名次变化为上升的位数（上期排名 − 本期排名）。暂定结果（非正式）会标出；排名各按每期自己的地区计算。`,
		en: `Compares two workspaces: year on year, or any two editions of a system. Per region the
total, rank and tier then and now (regions matched by code); per indicator the score then and
now wherever the two systems correspond.

Without --map, indicators with the same code and the same name in both systems correspond;
the rest are listed as unmatched. A mapping file says what changed between the systems (the
rest still matches by code and name):

  {"kind": "assess/indicator-mapping", "formatVersion": 1,
   "from": {"id": "2019-province"}, "to": {"id": "2020-province"},
   "map": [
     {"from": "1.2.3", "to": "1.2.1"},                  renamed or recoded
     {"from": ["2.1.1", "2.1.2"], "to": "2.1.1"},       merged
     {"from": "3.4.1", "to": ["3.4.1", "3.4.2"]},       split
     {"from": "5.6.2", "to": []},                       dropped
     {"from": [], "to": "5.5.3"}                        added
   ]}

Each code appears at most once on each side; codes must be indicators of their system (the
file is checked against both; its JSON Schema: assess schemas). A group's score is the mean
of its members' scores weighted by how much each counts in the total.

  --map <file>       the mapping file
  --regions <codes>  only these regions (ranks stay among each edition's regions)
  --summary          only the regions table
  --json             everything, for scripts: {"kind", "old", "new", "pairs", "unmatched",
                     "regions": [{"code", "name", "old", "new", "totalChange", "rankChange",
                     "indicators": [{"pair", "old", "new", "change"}]}]}; names in JSON are
                     the Chinese ones unless --lang en is given
  --lang zh|en       the language, indicator and region names too (default: from the locale)

A rank change is places moved up (old rank − new rank). Provisional results (not final) are
marked; ranks are among each edition's own regions.`,
	},
	options: {map: {type: 'string'}, regions: {type: 'string'}, summary: {type: 'boolean'}, json: {type: 'boolean'}},
	positionals: {min: 2, max: 2},
	async run(args, io) {
		// JSON is data for scripts: the names as published (Chinese) unless --lang asks otherwise.
		const lang: Lang = args.values.json ? ((stringOption(args, 'lang') as Lang | undefined) ?? 'zh') : io.lang;
		const [oldArg, newArg] = args.positionals as [string, string];
		const old = await readEdition(oldArg, io);
		const next = await readEdition(newArg, io);
		const map = stringOption(args, 'map');
		const comparison = compareEditions(old, next, map, io, lang);
		const known = next.context.regions.regions;
		const only = args.values.regions ? resolveRegions(String(args.values.regions), known, [...new Set([...next.ws.regions, ...old.ws.regions])], '--regions') : undefined;
		const shown: Comparison = only ? {...comparison, regions: comparison.regions.filter(r => only.includes(r.code))} : comparison;
		if (args.values.json) {
			io.out(JSON.stringify({kind: COMPARE_KIND, mapping: map ? displayPath(io.cwd, map) : null, oldWorkspace: displayPath(io.cwd, old.file), newWorkspace: displayPath(io.cwd, next.file), ...shown}, null, 2));
			return 0;
		}
		io.out(renderComparison(shown, {summaryOnly: Boolean(args.values.summary), mapping: map ? displayPath(io.cwd, map) : undefined, lang}));
		return 0;
	},
};

const s2 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));
const signed = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(2)}`);
const moved = (x: number | null) => (x === null ? '—' : x === 0 ? '–' : x > 0 ? `↑${x}` : `↓${-x}`);

export function renderComparison(c: Comparison, options: {summaryOnly: boolean; mapping: string | undefined; lang: Lang}): string {
	const {lang} = options;
	const t = (m: Message) => say(lang, m);
	const w = (key: keyof typeof W) => W[key][lang];
	const mark = (s: RegionStanding | null) => (s?.provisional ? t(M.provisional()) : '');
	const parts: string[] = [];
	const edition = (e: Comparison['old']) => M.edition({title: inert(e.title), system: inert(e.system), version: inert(e.version), year: e.reportYear});
	parts.push(t(M.heading({old: edition(c.old), new: edition(c.new)})));
	parts.push(t(options.mapping ? M.mapping({file: inert(options.mapping)}) : M.noMapping()));
	const head = [w('region'), w('totalThen'), w('totalNow'), w('change'), w('rankThen'), w('rankNow'), w('moved'), w('tierThen'), w('tierNow')];
	parts.push(
		renderTable(
			head.map((header, i) => ({header, align: i === 0 || i >= 7 ? 'left' : 'right'})),
			c.regions.map(r => [`${r.name}${mark(r.new ?? r.old)}`, r.old ? s2(r.old.total) + mark(r.old) : t(M.notThen()), r.new ? s2(r.new.total) : t(M.notNow()), signed(r.totalChange), r.old?.rank?.toString() ?? '—', r.new?.rank?.toString() ?? '—', moved(r.rankChange), r.old?.tier ?? '—', r.new?.tier ?? '—']),
		),
	);
	if (!c.sameRegions) parts.push(t(M.otherRegions()));
	const counts = new Map<PairKind, number>();
	for (const p of c.pairs) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
	const summary = KINDS.filter(k => counts.get(k)).map(k => M.kindCount({kind: w(k), n: counts.get(k)!}));
	parts.push(t(M.indicators({summary: summary.length ? list(summary) : '—', old: c.unmatched.old.length, new: c.unmatched.new.length})));
	const changed = c.pairs.filter(p => p.kind !== 'same');
	if (changed.length) {
		parts.push(
			renderTable(
				[w('change'), w('oldIndicator'), w('newIndicator'), w('note')].map(header => ({header})),
				changed.map(p => [w(p.kind), p.from.map((code, i) => `${code} ${p.fromNames[i]}`).join(' + ') || '—', p.to.map((code, i) => `${code} ${p.toNames[i]}`).join(' + ') || '—', p.note ?? '']),
			),
		);
	}
	const names = (xs: Comparison['unmatched']['old']) => inert(xs.map(x => `${x.code} ${x.name}`).join(lang === 'zh' ? '；' : '; '));
	if (c.unmatched.old.length) parts.push(t(M.unmatchedOld({n: c.unmatched.old.length, list: names(c.unmatched.old)})));
	if (c.unmatched.new.length) parts.push(t(M.unmatchedNew({n: c.unmatched.new.length, list: names(c.unmatched.new)})));
	if (!options.summaryOnly) {
		const compared = c.pairs.map((p, i) => ({p, i})).filter(({p}) => p.from.length && p.to.length);
		for (const r of c.regions) {
			if (!r.old || !r.new) continue;
			parts.push(t(M.region({name: inert(r.name), code: inert(r.code), old: s2(r.old.total), new: s2(r.new.total), change: signed(r.totalChange), oldRank: r.old.rank ?? '—', newRank: r.new.rank ?? '—', moved: moved(r.rankChange)})));
			parts.push(
				renderTable(
					[{header: w('indicatorNow')}, {header: w('match')}, {header: w('then'), align: 'right'}, {header: w('now'), align: 'right'}, {header: w('change'), align: 'right'}],
					compared.map(({p, i}) => {
						const ch = r.indicators[i]!;
						const indent = '  '.repeat(p.level - 1);
						return [`${indent}${p.to.join('+')} ${p.toNames.join(lang === 'zh' ? '、' : ', ')}`, p.kind === 'same' ? '' : `${w(p.kind)} ← ${p.from.join('+')}`, s2(ch.old), s2(ch.new), signed(ch.change)];
					}),
				),
			);
		}
	}
	return parts.join('\n\n');
}

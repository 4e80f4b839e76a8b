import type {Command} from '../command.js';
import {stringOption, displayPath} from '../command.js';
import {UserError} from '../../storage/user-error.js';
import {inert} from '../../text/cell-width.js';
import {renderTable} from '../table.js';
import {resolveRegions} from '../region-args.js';
import {readEdition, compareEditions} from '../compare-editions.js';
import type {Comparison, RegionStanding} from '../../domain/compare/compare-results.js';
import type {PairKind} from '../../domain/compare/match-indicators.js';
import type {Lang} from '../../domain/text.js';

export const COMPARE_KIND = 'assess/comparison';

export const compareCommand: Command = {
	name: 'compare',
	usage: 'assess compare <old-ws> <new-ws> [--map <mapping.json>] [--regions <codes>] [--summary] [--json] [--lang zh|en]',
	summary: 'year on year: totals, ranks, tiers and indicators of two editions side by side',
	help: `Compares two workspaces: year on year, or any two editions of a system. Per region the
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
                     "indicators": [{"pair", "old", "new", "change"}]}]}
  --lang zh|en       indicator and region names (default zh)

A rank change is places moved up (old rank − new rank). Provisional results (not final) are
marked; ranks are among each edition's own regions.`,
	options: {map: {type: 'string'}, regions: {type: 'string'}, summary: {type: 'boolean'}, json: {type: 'boolean'}, lang: {type: 'string'}},
	positionals: {min: 2, max: 2},
	async run(args, io) {
		const lang = stringOption(args, 'lang') ?? 'zh';
		if (lang !== 'zh' && lang !== 'en') throw UserError.of('--lang', `must be zh or en (not "${lang}")`);
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
const mark = (s: RegionStanding | null, lang: Lang) => (s?.provisional ? (lang === 'zh' ? '（暂定）' : ' (provisional)') : '');

const KIND_WORDS: Record<Lang, Record<PairKind, string>> = {
	zh: {same: '相同', renamed: '改名', merged: '合并', split: '拆分', regrouped: '重组', dropped: '撤销', added: '新增'},
	en: {same: 'same', renamed: 'renamed', merged: 'merged', split: 'split', regrouped: 'regrouped', dropped: 'dropped', added: 'added'},
};

export function renderComparison(c: Comparison, options: {summaryOnly: boolean; mapping: string | undefined; lang: Lang}): string {
	const {lang} = options;
	const zh = lang === 'zh';
	const parts: string[] = [];
	parts.push(`${inert(c.old.title)} ${inert(c.old.system)} ${inert(c.old.version)} (${c.old.reportYear}) → ${inert(c.new.title)} ${inert(c.new.system)} ${inert(c.new.version)} (${c.new.reportYear})`);
	parts.push(options.mapping ? `${zh ? '指标映射' : 'mapping'}: ${inert(options.mapping)}` : zh ? '未给映射文件：代码与名称相同的指标相互对应。' : 'No mapping: indicators with the same code and name correspond.');
	const head = zh
		? ['地区', '上期总分', '本期总分', '变化', '上期排名', '本期排名', '名次', '上期等级', '本期等级']
		: ['Region', 'Total then', 'Total now', 'Change', 'Rank then', 'Rank now', 'Moved', 'Tier then', 'Tier now'];
	parts.push(
		renderTable(
			head.map((header, i) => ({header, align: i === 0 || i >= 7 ? 'left' : 'right'})),
			c.regions.map(r => [`${r.name}${mark(r.new ?? r.old, lang)}`, r.old ? s2(r.old.total) + mark(r.old, lang) : zh ? '上期未评估' : 'not then', r.new ? s2(r.new.total) : zh ? '本期未评估' : 'not now', signed(r.totalChange), r.old?.rank?.toString() ?? '—', r.new?.rank?.toString() ?? '—', moved(r.rankChange), r.old?.tier ?? '—', r.new?.tier ?? '—']),
		),
	);
	if (!c.sameRegions) parts.push(zh ? '两期评估的地区不完全相同：排名各按本期地区计算。' : 'The two editions assessed different regions: each rank is among its own edition’s regions.');
	const counts = new Map<PairKind, number>();
	for (const p of c.pairs) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
	const summary = (Object.keys(KIND_WORDS[lang]) as PairKind[]).filter(k => counts.get(k)).map(k => `${KIND_WORDS[lang][k]} ${counts.get(k)}`).join(zh ? '，' : ', ');
	parts.push(`${zh ? '指标对应' : 'Indicators'}: ${summary || '—'}${zh ? `；未匹配：上期 ${c.unmatched.old.length} 项，本期 ${c.unmatched.new.length} 项` : `; unmatched: ${c.unmatched.old.length} old, ${c.unmatched.new.length} new`}`);
	const changed = c.pairs.filter(p => p.kind !== 'same');
	if (changed.length) {
		parts.push(
			renderTable(
				(zh ? ['变化', '上期指标', '本期指标', '说明'] : ['Change', 'Old', 'New', 'Note']).map(header => ({header})),
				changed.map(p => [KIND_WORDS[lang][p.kind], p.from.map((code, i) => `${code} ${p.fromNames[i]}`).join(' + ') || '—', p.to.map((code, i) => `${code} ${p.toNames[i]}`).join(' + ') || '—', p.note ?? '']),
			),
		);
	}
	if (c.unmatched.old.length || c.unmatched.new.length) {
		const list = (xs: Comparison['unmatched']['old']) => xs.map(x => `${x.code} ${x.name}`).join(zh ? '；' : '; ');
		if (c.unmatched.old.length) parts.push(`${zh ? '上期未匹配' : 'Unmatched old'} (${c.unmatched.old.length}): ${inert(list(c.unmatched.old))}`);
		if (c.unmatched.new.length) parts.push(`${zh ? '本期未匹配' : 'Unmatched new'} (${c.unmatched.new.length}): ${inert(list(c.unmatched.new))}`);
	}
	if (!options.summaryOnly) {
		const compared = c.pairs.map((p, i) => ({p, i})).filter(({p}) => p.from.length && p.to.length);
		for (const r of c.regions) {
			if (!r.old || !r.new) continue;
			parts.push(`[${inert(r.name)} ${inert(r.code)}]  ${zh ? '总得分' : 'total'} ${s2(r.old.total)} → ${s2(r.new.total)} (${signed(r.totalChange)})  ${zh ? '排名' : 'rank'} ${r.old.rank ?? '—'} → ${r.new.rank ?? '—'} (${moved(r.rankChange)})`);
			parts.push(
				renderTable(
					[{header: zh ? '本期指标' : 'Indicator (now)'}, {header: zh ? '对应' : 'Match'}, {header: zh ? '上期' : 'Then', align: 'right'}, {header: zh ? '本期' : 'Now', align: 'right'}, {header: zh ? '变化' : 'Change', align: 'right'}],
					compared.map(({p, i}) => {
						const ch = r.indicators[i]!;
						const indent = '  '.repeat(p.level - 1);
						return [`${indent}${p.to.join('+')} ${p.toNames.join(zh ? '、' : ', ')}`, p.kind === 'same' ? '' : `${KIND_WORDS[lang][p.kind]} ← ${p.from.join('+')}`, s2(ch.old), s2(ch.new), signed(ch.change)];
					}),
				),
			);
		}
	}
	return parts.join('\n\n');
}

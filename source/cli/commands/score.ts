import type {Command} from '../command.js';
import {stringOption, pathArg, shownFile} from '../command.js';
import {messages, words, say, both, type Message} from '../../domain/words/message.js';
import {GLOSSARY} from '../../domain/words/glossary.js';
import type {Lang} from '../../domain/text.js';
import {readWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {scoreOf} from '../../domain/workspace/workspace-ops.js';
import {scoreReport, formatScore, formatPercent, type ScoreReport} from '../../domain/scoring/score-report.js';
import {totalText, rankText, tierText, provisionalFootnote, relativeText} from '../../domain/scoring/provisional.js';
import {blockerSummaryWords} from '../../domain/workspace/finality.js';
import {sourceChanges, describeSourceChange} from '../../domain/workspace/source-changes.js';
import {renderTable} from '../table.js';
import {resolveRegions} from '../region-args.js';

const M = messages('cli/score', {
	note: {zh: '注意：{change}', en: 'note: {change}'},
	heading: {zh: '{title}（{system} {version}）—— 权重：{weights}', en: '{title} ({system} {version}) — weights: {weights}'},
	final: {zh: '正式结果：所有末级指标均已评分或不适用，没有草稿、待复核或冲突。', en: 'FINAL: every leaf is scored or not applicable, nothing is draft, flagged or in conflict.'},
	provisional: {zh: '暂定结果 —— 尚未完成：{blockers}（assess export 会逐项列出）。', en: 'PROVISIONAL — not final: {blockers} (assess export lists them).'},
	conflicts: {zh: '还有 {n} 处冲突未裁定；请在终端界面中（按 c）或用 assess record --settle 裁定。', en: '{n} unsettled {n|conflict remains; settle it|conflicts remain; settle them} in the TUI (c) or with assess record --settle.'},
	statusFinal: {zh: '正式', en: 'final'},
	statusProvisional: {zh: '暂定 {coverage}', en: 'provisional {coverage}'},
	region: {zh: '[{name} {code}]  总得分 {total}  排名 {rank}  等级 {tier}  覆盖 {coverage}', en: '[{name} {code}]  total {total}  rank {rank}  tier {tier}  coverage {coverage}'},
	relativeTo: {zh: '（相对于 {of} 个地区中的 {n} 个）', en: ' (relative to {n} of {of} {of|region|regions})'},
	weightless: {zh: '—（权重为0）', en: '— (weight 0)'},
});

const H = words('cli/score/headers', {
	rank: {zh: '排名', en: 'Rank'},
	region: {zh: '地区', en: 'Region'},
	total: {zh: '总得分', en: 'Total'},
	tier: {zh: '等级', en: 'Tier'},
	coverage: {zh: '覆盖', en: 'Cover'},
	unscored: {zh: '待评', en: 'Unscored'},
	conflicts: {zh: '冲突', en: 'Conflicts'},
	status: {zh: '状态', en: 'Status'},
	indicator: {zh: '评估指标', en: 'Indicator'},
	score: {zh: '得分', en: 'Score'},
	na: {zh: GLOSSARY.na.zh, en: 'n/a'},
});

export const scoreCommand: Command = {
	name: 'score',
	usage: {
		zh: 'assess score <工作区> [--weights <文件>] [--regions <地区>] [--summary] [--json] [--lang zh|en]',
		en: 'assess score <workspace> [--weights <file>] [--regions <codes>] [--summary] [--json] [--lang zh|en]',
	},
	summary: {zh: '各地区的得分、排名、等级和覆盖情况', en: 'scores, ranks, tiers and coverage of every region'},
	help: {
		zh: `为工作区中的每个地区计分：总得分及其等级、排名，覆盖（已评分部分所占的权重），以及每个评估指标
在本工作区各地区中的得分和排名。尚无法计算的得分显示为 —（JSON 中为 null）。

正式或暂定：没有未评、草稿、待复核或冲突时为正式结果（见 assess export --help）。在此之前，
总得分附有覆盖情况（“暂定，已评 1.3%”），仍可能变化的排名和等级标有 *。计量类指标的得分
相对于本文件中的地区计算，并会注明。指标体系文件或权重文件自工作区创建以来有改动时，会给出提示。

  --weights <文件>   用这个权重文件计分，而不用工作区自己的
  --regions <地区>   只显示这些地区（排名仍在全部地区中计算）
  --summary          只显示排名表，不显示各评估指标的表
  --json             在标准输出上输出机器可读的结果：
                     {"system", "final", "blockers", "blockerCounts", "relative", "changes",
                      "regions": [{"code", "name", "total", "tier", "rank", "coverage", "final",
                      "blockers", "unscored", "conflicts",
                      "indicators": [{"code", "name", "level", "score", "rank"}]}]}
                     "final"（整体结果，以及每个地区的总得分和等级）为布尔值；只有整体结果为
                     正式时排名才是正式的。"blockers"：有多少项使结果不能成为正式结果
                     （assess export --json 会逐项列出）；地区的 "blockers"：它有多少个末级
                     指标未完成。
                     JSON 中的名称始终为中文，与 --lang 无关。
  --lang zh|en       输出语言（默认随系统区域设置）`,
		en: `Scores every region of a workspace: the total, its tier and rank, coverage (the share of the
weight scored so far), and every indicator's score and rank among the workspace's regions.
Scores not yet computable show as — (null in JSON).

Final or provisional: the result is final when nothing is unscored, draft, flagged or in
conflict (see assess export --help). Until then totals carry their coverage ("provisional,
1.3% scored"), and ranks and tiers that may still move are marked with *. Measure scores are
relative to the regions in this file, and say so. A note says when the system or weights file
changed since the workspace was made.

  --weights <file>   score with these weights instead of the workspace's
  --regions <codes>  show only these regions (ranks stay among all regions)
  --summary          only the ranking table, no per-indicator tables
  --json             machine-readable output on stdout:
                     {"system", "final", "blockers", "blockerCounts", "relative", "changes",
                      "regions": [{"code", "name", "total", "tier", "rank", "coverage", "final",
                      "blockers", "unscored", "conflicts",
                      "indicators": [{"code", "name", "level", "score", "rank"}]}]}
                     "final" (the whole result, and each region's total and tier) is a boolean;
                     ranks are final only when the whole result is. "blockers": how many things
                     keep the result from being final (assess export --json lists them); a
                     region's: how many of its leaves. Names in JSON are the Chinese ones,
                     whatever --lang says.
  --lang zh|en       the language (default: from the locale)`,
	},
	options: {weights: {type: 'string'}, regions: {type: 'string'}, summary: {type: 'boolean'}, json: {type: 'boolean'}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const file = pathArg(io, args.positionals[0]!);
		const weights = stringOption(args, 'weights');
		const {data, context} = await readWorkspace(file, {weights: weights ? pathArg(io, weights) : undefined, validationCache: ValidationCache.fromEnvironment(io.env)});
		const index = context.system.index;
		const names = new Map(context.regions.regions.map(r => [r.code, r.name]));
		const scores = scoreOf(index, context.weights.weights.weights, data);
		const regionName = (c: string) => names.get(c) ?? c;
		// --weights names other weights on purpose: only the workspace's own are compared with what it was made with.
		const changes = sourceChanges(data, {systemDigest: context.system.digest, weightsDigest: weights ? '' : context.weights.digest});
		for (const change of changes) io.err(say(io.lang, M.note({change: both(lang => describeSourceChange(change, lang))})));
		const only = args.values.regions ? resolveRegions(String(args.values.regions), context.regions.regions, data.regions, '--regions') : undefined;
		const shownOnly = (report: ScoreReport): ScoreReport => (only ? {...report, regions: report.regions.filter(r => only.includes(r.code))} : report);
		if (args.values.json) {
			// Data for scripts: the same whatever the language (names as the files give them in Chinese).
			const report = shownOnly(scoreReport(index, data, scores, regionName));
			io.out(JSON.stringify({...report, changes: changes.map(c => describeSourceChange(c))}, null, 2));
			return 0;
		}
		const report = shownOnly(scoreReport(index, data, scores, regionName, io.lang));
		io.out(renderReport(report, Boolean(args.values.summary), shownFile(io, context.weights.file), io.lang));
		return 0;
	},
};

export function renderReport(report: ScoreReport, summaryOnly: boolean, weightsFile: Message | string, lang: Lang = 'en'): string {
	const t = (m: Message) => say(lang, m);
	const h = (key: keyof typeof H) => H[key][lang];
	const parts: string[] = [];
	parts.push(t(M.heading({title: report.title, system: report.system, version: report.systemVersion, weights: weightsFile})));
	parts.push(t(report.final ? M.final() : M.provisional({blockers: blockerSummaryWords(report.blockerCounts)})));
	const ranked = [...report.regions].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
	parts.push(
		renderTable(
			[{header: h('rank'), align: 'right'}, {header: h('region')}, {header: h('total'), align: 'right'}, {header: h('tier')}, {header: h('coverage'), align: 'right'}, {header: h('unscored'), align: 'right'}, {header: h('conflicts'), align: 'right'}, {header: h('status')}],
			ranked.map(r => [rankText(r.rank, report.final), r.name, formatScore(r.total), tierText(r.tier, r.final), formatPercent(r.coverage), String(r.unscored), String(r.conflicts), r.final ? t(M.statusFinal()) : r.total === null ? '—' : t(M.statusProvisional({coverage: formatPercent(r.coverage)}))]),
		),
	);
	if (!report.final) parts.push(provisionalFootnote(lang));
	const relative = relativeText(report.relative, lang);
	if (relative) parts.push(lang === 'zh' ? `${relative}。` : `${relative}.`);
	if (report.conflicts > 0) parts.push(t(M.conflicts({n: report.conflicts})));
	if (!summaryOnly) {
		for (const r of report.regions) {
			parts.push(t(M.region({name: r.name, code: r.code, total: totalText(r.total, r.coverage, r.final, lang), rank: rankText(r.rank, report.final), tier: tierText(r.tier, r.final), coverage: formatPercent(r.coverage)})));
			parts.push(
				renderTable(
					[{header: h('indicator')}, {header: h('score'), align: 'right'}, {header: h('rank'), align: 'right'}],
					r.indicators.map(i => [`${'  '.repeat(i.level - 1)}${i.code} ${i.name}${i.relativeTo !== undefined ? t(M.relativeTo({n: i.relativeTo, of: report.relative?.regions ?? 0})) : ''}`, i.na ? h('na') : i.weightless ? t(M.weightless()) : formatScore(i.score), rankText(i.rank, report.final)]),
				),
			);
		}
	}
	return parts.join('\n\n');
}

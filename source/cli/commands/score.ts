import {resolve} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, displayPath} from '../command.js';
import {readWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {scoreOf} from '../../domain/workspace/workspace-ops.js';
import {scoreReport, formatScore, formatPercent, type ScoreReport} from '../../domain/scoring/score-report.js';
import {totalText, rankText, tierText, provisionalFootnote, relativeText} from '../../domain/scoring/provisional.js';
import {blockerSummary} from '../../domain/workspace/finality.js';
import {sourceChanges, describeSourceChange} from '../../domain/workspace/source-changes.js';
import {renderTable} from '../table.js';
import {resolveRegions} from '../region-args.js';

export const scoreCommand: Command = {
	name: 'score',
	usage: 'assess score <workspace> [--weights <file>] [--regions <codes>] [--summary] [--json]',
	summary: 'scores, ranks, tiers and coverage of every region',
	help: `Scores every region of a workspace: the total, its tier and rank, coverage (the share of the
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
                     region's: how many of its leaves.`,
	options: {weights: {type: 'string'}, regions: {type: 'string'}, summary: {type: 'boolean'}, json: {type: 'boolean'}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const file = resolve(io.cwd, args.positionals[0]!);
		const weights = stringOption(args, 'weights');
		const {data, context} = await readWorkspace(file, {weights: weights ? resolve(io.cwd, weights) : undefined, validationCache: ValidationCache.fromEnvironment(io.env)});
		const index = context.system.index;
		const names = new Map(context.regions.regions.map(r => [r.code, r.name]));
		const report = scoreReport(index, data, scoreOf(index, context.weights.weights.weights, data), c => names.get(c) ?? c);
		// --weights names other weights on purpose: only the workspace's own are compared with what it was made with.
		const changes = sourceChanges(data, {systemDigest: context.system.digest, weightsDigest: weights ? '' : context.weights.digest}).map(c => describeSourceChange(c));
		for (const change of changes) io.err(`note: ${change}`);
		const only = args.values.regions ? resolveRegions(String(args.values.regions), context.regions.regions, data.regions, '--regions') : undefined;
		const shown: ScoreReport = only ? {...report, regions: report.regions.filter(r => only.includes(r.code))} : report;
		if (args.values.json) {
			io.out(JSON.stringify({...shown, changes}, null, 2));
			return 0;
		}
		io.out(renderReport(shown, Boolean(args.values.summary), displayPath(io.cwd, context.weights.file)));
		return 0;
	},
};

export function renderReport(report: ScoreReport, summaryOnly: boolean, weightsFile: string): string {
	const parts: string[] = [];
	parts.push(`${report.title} (${report.system} ${report.systemVersion}) — weights: ${weightsFile}`);
	parts.push(report.final ? 'FINAL: every leaf is scored or not applicable, nothing is draft, flagged or in conflict.' : `PROVISIONAL — not final: ${blockerSummary(report.blockerCounts)} (assess export lists them).`);
	const ranked = [...report.regions].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
	parts.push(
		renderTable(
			[{header: '排名', align: 'right'}, {header: '地区'}, {header: '总得分', align: 'right'}, {header: '等级'}, {header: '覆盖', align: 'right'}, {header: '待评', align: 'right'}, {header: '冲突', align: 'right'}, {header: '状态'}],
			ranked.map(r => [rankText(r.rank, report.final), r.name, formatScore(r.total), tierText(r.tier, r.final), formatPercent(r.coverage), String(r.unscored), String(r.conflicts), r.final ? '正式' : r.total === null ? '—' : `暂定 ${formatPercent(r.coverage)}`]),
		),
	);
	if (!report.final) parts.push(provisionalFootnote('en'));
	const relative = relativeText(report.relative, 'en');
	if (relative) parts.push(relative + '.');
	if (report.conflicts > 0) parts.push(`${report.conflicts} unsettled conflicts remain; settle them in the TUI (c) or with assess record --settle.`);
	if (!summaryOnly) {
		for (const r of report.regions) {
			parts.push(`[${r.name} ${r.code}]  总得分 ${totalText(r.total, r.coverage, r.final)}  排名 ${rankText(r.rank, report.final)}  等级 ${tierText(r.tier, r.final)}  覆盖 ${formatPercent(r.coverage)}`);
			parts.push(
				renderTable(
					[{header: '评估指标'}, {header: '得分', align: 'right'}, {header: '排名', align: 'right'}],
					r.indicators.map(i => [`${'  '.repeat(i.level - 1)}${i.code} ${i.name}${i.relativeTo !== undefined ? ` (relative to ${i.relativeTo} of ${report.relative?.regions ?? 0} regions)` : ''}`, i.na ? '不适用' : i.weightless ? '—（权重为0）' : formatScore(i.score), rankText(i.rank, report.final)]),
				),
			);
		}
	}
	return parts.join('\n\n');
}

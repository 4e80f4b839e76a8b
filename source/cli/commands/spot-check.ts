import {randomUUID, randomInt} from 'node:crypto';
import {basename} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, usageError, displayPath, pathArg} from '../command.js';
import {messages, words, say, type Message} from '../../domain/words/message.js';
import {COMMON} from '../common-words.js';
import {readWorkspace, createWorkspaceFile, realWorkspacePath} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {UserError} from '../../storage/user-error.js';
import {drawSpotCheck, spotCheckWorkspace} from '../../domain/spot-check/spot-check.js';
import {pick} from '../../domain/text.js';
import {resolveRegions} from '../region-args.js';
import {renderTable} from '../table.js';
import {rebase} from './merge.js';
import {existsSync} from 'node:fs';

/** Every word `assess spot-check` says, in one place. */
const M = messages('cli/spot-check', {
	share: {zh: '--share 应为大于 0、不超过 100 的百分比，如 10%（而不是 "{value}"）', en: '--share must be a percentage above 0 and at most 100, like 10% (not "{value}")'},
	seed: {zh: '--seed 应为 0 到 4294967295 之间的整数（而不是 "{value}"）', en: '--seed must be a whole number from 0 to 4294967295 (not "{value}")'},
	needsShare: {zh: '必须给出 --share（如 --share 10%）', en: '--share is required (like --share 10%)'},
	needsAssessor: {zh: '必须给出 --assessor：由谁复查这些末级指标', en: '--assessor is required: who re-checks the leaves'},
	needsOutput: {zh: '请说明复查工作区写到哪里：-o <文件>', en: 'say where the re-check workspace goes: -o <file>'},
	exists: {zh: '已存在；抽样复查会写一个新的工作区（请换一个名称）；未写入任何内容', en: 'already exists; a spot check writes a new workspace (choose another name); nothing was written'},
	sameAssessor: {zh: '此工作区由 {name} 记录；抽样复查须由他人进行', en: '{name} recorded this workspace; a spot check is re-checked by someone else'},
	nothing: {zh: '没有可供抽取的已提交评估结论（完成或不适用）；未写入任何内容', en: 'has no submitted findings (done or not applicable) to draw from; nothing was written'},
	drew: {zh: '已从 {of} 条已提交的评估结论中抽取 {n} 条（{share}，种子 {seed}），交由 {assessor} 复查：{out}。', en: 'Drew {n} of {of} submitted findings ({share}, seed {seed}) for {assessor}: {out}.'},
	blind: {zh: '其中抽到的末级指标都是空白的（没有分值、备注、证据或状态；抽查类末级指标列出原有事项，均未判定）。', en: 'The drawn leaves are blank in it (no value, note, evidence or status; sampled leaves list their items, not judged).'},
	next: {zh: '复查完成后：assess merge {source} {out} -o <团队文件>（意见不一之处成为冲突；合并时会报告复查部分的一致性）。', en: 'When it comes back: assess merge {source} {out} -o <team file> (disagreements become conflicts; the merge reports agreement on the re-checked leaves).'},
	again: {zh: '用同样的 --seed {seed} 会再次抽到同样的末级指标。', en: 'The same --seed {seed} draws the same leaves again.'},
});

const H = words('cli/spot-check/headers', {
	region: {zh: '地区', en: 'region'},
	drawn: {zh: '抽取', en: 'drawn'},
});

export const spotCheckCommand: Command = {
	name: 'spot-check',
	usage: {
		zh: 'assess spot-check <工作区> --share <n%> --assessor <姓名> [--seed <n>] [--regions <地区>] [--by <姓名>] -o <输出> [--json] [--lang zh|en]',
		en: 'assess spot-check <workspace> --share <n%> --assessor <name> [--seed <n>] [--regions <codes>] [--by <name>] -o <out> [--json] [--lang zh|en]',
	},
	summary: {zh: '盲复查：按分层随机抽取一部分已提交的评估结论，交给第二位评估人', en: 'a blind re-check: a stratified random share of the submitted findings, for a second assessor'},
	help: {
		zh: `从工作区中抽取一部分已提交的评估结论（完成或不适用），交给第二位评估人盲复查，并为其写一个新的
工作区，其中这些末级指标都是空白的：没有第一位评估人的分值、备注、证据或状态（抽查类末级指标列出
同样的事项，均未判定，以便复查同样的事项）。抽取按分层进行：每个“地区 × 一级指标”按其份额分得
抽取数，误差不超过一个末级指标（最大余数法，余数相同时随机），层内随机抽取，全部由种子决定：同样的
工作区、比例和种子抽到同样的末级指标。抽取记录（比例、种子、抽取人、时间、所抽版本）保存在新的
工作区中，每次合并都会保留。

合并回来后（assess merge <工作区> <输出> -o …），复查一致的末级指标与第一位评估人的结论合并，不一致
的成为冲突，由组长裁定；未复查的末级指标不变。合并时会输出复查部分的一致性（一致率、Fleiss
kappa、Krippendorff alpha），assess status 显示每次抽样复查的进度。

  --share <n%>        抽取比例：10%（至少一个末级指标）
  --assessor <姓名>   复查人（不能是工作区自己的评估人）
  --seed <n>          0–4294967295；默认：随机种子，会输出（并记录）
  --regions <地区>    只从这些地区中抽取
  --by <姓名>         抽取人（默认：工作区的评估人）
  -o, --output <文件> 复查工作区（新文件）
  --json              以 JSON 在标准输出上输出抽取结果
  --lang zh|en        输出语言（默认随系统区域设置）

示例：
  assess spot-check workspaces/zhang.json --share 10% --assessor 李四 --seed 20261124 -o workspaces/li-recheck.json`,
		en: `Draws a share of the submitted findings (done, or not applicable) of a workspace for a blind
re-check by a second assessor, and writes a new workspace for them with those leaves blank: no
value, note, evidence or status of the first assessor's (a sampled leaf lists the same items, not
judged, so the same items are re-checked). The draw is stratified: every region × primary
indicator gets its share of the total, to within one leaf (largest remainder, ties at random), and
within it leaves are drawn at random, all from the seed: the same workspace, share and seed give
the same leaves. The draw (share, seed, who drew it, when, which versions) is recorded in the new
workspace, and kept by every merge.

Merged back (assess merge <workspace> <out> -o …), a re-checked leaf that agrees unites with the
first verdict, one that disagrees becomes a conflict for the team lead; leaves not re-checked
change nothing. The merge prints agreement on the re-checked leaves (percent, Fleiss' kappa,
Krippendorff's alpha), and assess status shows each spot check's progress.

  --share <n%>        the share to draw: 10% (at least one leaf)
  --assessor <name>   who re-checks (not the workspace's own assessor)
  --seed <n>          0–4294967295; default: a random seed, printed (and recorded)
  --regions <codes>   draw from these regions only
  --by <name>         who draws it (default: the workspace's assessor)
  -o, --output <file> the re-check workspace (a new file)
  --json              the draw as JSON on stdout
  --lang zh|en        the language (default: from the locale)

Example:
  assess spot-check workspaces/zhang.json --share 10% --assessor 李四 --seed 20261124 -o workspaces/li-recheck.json`,
	},
	options: {share: {type: 'string'}, assessor: {type: 'string'}, seed: {type: 'string'}, regions: {type: 'string'}, by: {type: 'string'}, output: {type: 'string', short: 'o'}, json: {type: 'boolean'}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const wsArg = args.positionals[0]!;
		const t = (m: Message) => say(io.lang, m);
		const shareText = stringOption(args, 'share');
		if (shareText === undefined) throw usageError(spotCheckCommand, M.needsShare());
		const percent = Number(shareText.trim().replace(/[%％]$/, ''));
		if (!Number.isFinite(percent) || percent <= 0 || percent > 100 || shareText.trim() === '') throw usageError(spotCheckCommand, M.share({value: shareText}));
		const assessor = stringOption(args, 'assessor')?.trim();
		if (!assessor) throw usageError(spotCheckCommand, M.needsAssessor());
		const output = stringOption(args, 'output');
		if (!output) throw usageError(spotCheckCommand, M.needsOutput());
		const seedText = stringOption(args, 'seed');
		const seed = seedText === undefined ? randomInt(0, 2 ** 32 - 1) : Number(seedText);
		if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1 || (seedText !== undefined && !/^\s*\d+\s*$/.test(seedText))) throw usageError(spotCheckCommand, M.seed({value: seedText!}));
		const file = pathArg(io, wsArg);
		const out = pathArg(io, output);
		if (existsSync(out)) throw UserError.of(output, M.exists());
		const {data, context} = await readWorkspace(file, {validationCache: ValidationCache.fromEnvironment(io.env)});
		if (assessor === data.assessor) throw UserError.of(wsArg, M.sameAssessor({name: assessor}));
		const index = context.system.index;
		const regions = args.values.regions ? resolveRegions(String(args.values.regions), context.regions.regions, data.regions, '--regions') : data.regions;
		const share = percent / 100;
		const draw = drawSpotCheck(index, data, share, seed, regions);
		if (draw.leaves.length === 0) throw UserError.of(wsArg, M.nothing());
		const by = stringOption(args, 'by')?.trim() || data.assessor;
		const recheck = spotCheckWorkspace(data, {draw, share, seed, assessor, by, at: new Date().toISOString(), id: randomUUID(), sourceFile: basename(realWorkspacePath(file))});
		const {warnings} = await createWorkspaceFile(out, rebase(recheck, realWorkspacePath(file), out), by);
		for (const w of warnings) io.err(t(COMMON.warning({text: w})));
		const names = new Map(context.regions.regions.map(r => [r.code, r.name]));
		if (args.values.json) {
			io.out(JSON.stringify({output: displayPath(io.cwd, out), seed, share, assessor, by, submitted: draw.submitted, leaves: draw.leaves, strata: draw.strata}, null, 2));
		} else {
			const primaries = index.primaries;
			io.out(
				renderTable(
					[{header: H.region[io.lang]}, ...primaries.map(p => ({header: `${p} ${pick(index.nodes.get(p)!.node.name, io.lang)}`, align: 'right' as const})), {header: H.drawn[io.lang], align: 'right'}],
					regions
						.filter(r => draw.strata.some(s => s.region === r))
						.map(r => {
							const of = (p: string) => draw.strata.find(s => s.region === r && s.primary === p);
							return [`${r} ${names.get(r) ?? ''}`.trim(), ...primaries.map(p => (of(p) ? `${of(p)!.drawn}/${of(p)!.submitted}` : '—')), String(draw.strata.filter(s => s.region === r).reduce((n, s) => n + s.drawn, 0))];
						}),
				),
			);
		}
		io.err(t(M.drew({n: draw.leaves.length, of: draw.submitted, share: `${percent}%`, seed, assessor, out: displayPath(io.cwd, out)})));
		io.err(t(M.blind()));
		io.err(t(M.next({source: wsArg, out: output})));
		if (seedText === undefined) io.err(t(M.again({seed})));
		return 0;
	},
};

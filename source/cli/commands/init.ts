import {randomUUID} from 'node:crypto';
import {existsSync} from 'node:fs';
import {relative, dirname, resolve, join, basename, extname} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, usageError, pathArg} from '../command.js';
import {messages, say, type Message} from '../../domain/words/message.js';
import {inBoth} from '../../domain/text.js';
import {COMMON} from '../common-words.js';
import {loadSystem, loadRegions, loadWeights, loadBundledWeights} from '../../storage/load-files.js';
import {createWorkspace} from '../../domain/workspace/workspace-ops.js';
import {createWorkspaceFile} from '../../storage/workspace-store.js';
import {loadSamplePlan} from '../../storage/load-sample-plan.js';
import {prefillFromPlan, planByIndicator} from '../../domain/sample-plan/sample-plan.js';
import {resolveRegions} from '../region-args.js';
import {policyChangeFrom} from './review-policy.js';
import {changeReviewPolicy, policyChangeWords} from '../../domain/review/review-policy.js';

const M = messages('cli/init', {
	systemRequired: {zh: '必须给出 --system', en: '--system is required'},
	assessorRequired: {zh: '必须给出 --assessor', en: '--assessor is required'},
	planNote: {zh: '注意：{plan}：{problem}', en: 'note: {plan}: {problem}'},
	created: {zh: '已新建 {file}：{title}，{regions} 个地区 × {leaves} 个末级指标，评估人 {assessor}{plan}{policy}。', en: 'Created {file}: {title}, {regions} {regions|region|regions} × {leaves} {leaves|leaf|leaves}, assessor {assessor}{plan}{policy}.'},
	planned: {zh: '；{n} 个抽查类末级指标已按抽查计划预填（事项尚未判定）', en: '; {n} sampled {n|leaf|leaves} pre-filled from the sample plan (items not judged yet)'},
	policy: {zh: '；{policy}', en: '; {policy}'},
});

export const initCommand: Command = {
	name: 'init',
	usage: {
		zh: 'assess init <工作区> --system <id|文件> --assessor <姓名> [--regions <地区,...>] [--weights <文件>] [--sample-plan <文件>] [--review required|optional] [--self-review allowed|refused] [--reviewer <姓名>=<地区>]... [--lang zh|en]',
		en: 'assess init <workspace> --system <id|file> --assessor <name> [--regions <codes,...>] [--weights <file>] [--sample-plan <file>] [--review required|optional] [--self-review allowed|refused] [--reviewer <name>=<regions>]... [--lang zh|en]',
	},
	summary: {zh: '按一个指标体系为一组地区新建工作区', en: 'create a workspace for a set of regions under one indicator system'},
	help: {
		zh: `新建一个工作区文件。从不覆盖已有的文件。

  --system <id|文件>   内置指标体系（2020-province、2020-city）或团队自己的指标体系文件
  --assessor <姓名>    记录评估结论的人（张三）
  --regions <地区>     其中一部分地区，按代码或名称（110000,310000 或 北京,上海）；默认：该指标
                       体系评估的全部地区（32 个省级单位或 32 个重点城市）
  --weights <文件>     共用的权重文件（默认：指标体系自带的权重）
  --sample-plan <文件> 团队共用的抽查计划（assess/sample-plan）：每个地区的抽查类末级指标按计划
                       的顺序预填计划中的事项，尚未判定；工作区会引用该计划，assess validate 会
                       报告抽查事项与计划不一致的地区
  --review required    每条评估结论都须经审核人通过（assess review），结果才是正式的；这条规则
                       会被记录（记为评估人所定），可用 assess review-policy 修改
  --self-review allowed   审核人可以审核自己记录的评估结论（默认："refused"，不可以）
  --reviewer <姓名>=<地区>   为地区指派审核人；可重复给出
  --lang zh|en         输出语言（默认随系统区域设置）

示例：
  assess init workspaces/zhang.json --system 2020-province --assessor 张三 --regions 110000,310000
  assess init workspaces/team.json --system 2020-province --assessor 组长 --review required --reviewer 王五=all`,
		en: `Creates a new workspace file. It never overwrites an existing file.

  --system <id|file>   a bundled system (2020-province, 2020-city) or a team's own system file
  --assessor <name>    who records the findings (their name)
  --regions <codes>    a subset, by codes or names (110000,310000 or Beijing,Shanghai); default:
                       every region the system assesses (32 provincial-level units or 32 key
                       cities)
  --weights <file>     a shared weights file to score with (default: the system's own)
  --sample-plan <file> the team's shared sample plan (assess/sample-plan): every region's sampled
                       leaves start with the plan's items, in its order, not yet judged; the
                       workspace refers to the plan and assess validate reports regions whose
                       samples differ from it
  --review required    final needs every finding accepted by a reviewer (assess review); the
                       policy is recorded (by the assessor), and assess review-policy changes it
  --self-review allowed   a reviewer may review findings they recorded (default: refused)
  --reviewer <name>=<regions>   assigns a reviewer to regions; repeatable
  --lang zh|en         the language (default: from the locale)

Examples:
  assess init workspaces/zhang.json --system 2020-province --assessor 张三 --regions 110000,310000
  assess init workspaces/team.json --system 2020-province --assessor 组长 --review required --reviewer 王五=all`,
	},
	options: {system: {type: 'string'}, assessor: {type: 'string'}, regions: {type: 'string'}, weights: {type: 'string'}, 'sample-plan': {type: 'string'}, review: {type: 'string'}, 'self-review': {type: 'string'}, reviewer: {type: 'string', multiple: true}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const file = pathArg(io, args.positionals[0]!);
		const systemArg = stringOption(args, 'system');
		const assessor = stringOption(args, 'assessor')?.trim();
		const t = (m: Message) => say(io.lang, m);
		if (!systemArg) throw usageError(initCommand, M.systemRequired());
		if (!assessor) throw usageError(initCommand, M.assessorRequired());
		const system = loadSystem(systemArg.includes('/') || systemArg.endsWith('.json') ? pathArg(io, systemArg) : systemArg);
		const regions = loadRegions().regions;
		const kind = system.index.system.regionKind;
		const eligible = regions.filter(r => kind === 'other' || r.level === kind).map(r => r.code);
		const chosen = args.values.regions ? resolveRegions(String(args.values.regions), regions, kind === 'other' ? regions.map(r => r.code) : eligible, '--regions') : eligible;
		const weightsArg = stringOption(args, 'weights');
		// The weights it starts with, remembered by digest: score and export say when they change.
		const beside = join(dirname(system.file), `${basename(system.file, extname(system.file))}.weights.json`);
		const weights = weightsArg ? loadWeights(pathArg(io, weightsArg), system.index) : system.bundled ? loadBundledWeights(system.index) : existsSync(beside) ? loadWeights(beside, system.index) : undefined;
		const planArg = stringOption(args, 'sample-plan');
		const plan = planArg ? loadSamplePlan(pathArg(io, planArg), system.index) : undefined;
		for (const w of plan?.warnings ?? []) io.err(t(M.planNote({plan: planArg!, problem: w.said})));
		const createdAt = new Date().toISOString();
		const made = createWorkspace({
			id: randomUUID(),
			index: system.index,
			systemDigest: system.digest,
			systemFile: system.bundled ? undefined : relative(dirname(file), system.file),
			weights: weightsArg ? relative(dirname(file), resolve(io.cwd, weightsArg)) : undefined,
			weightsDigest: weights?.digest || undefined,
			samplePlan: plan ? relative(dirname(file), plan.file) : undefined,
			assessor,
			createdAt,
			regions: chosen,
		});
		const policy = policyChangeFrom(args, regions, chosen, problem => usageError(initCommand, problem));
		const prefilled = plan ? prefillFromPlan(made, plan.plan, assessor, createdAt) : made;
		const ws = policy ? changeReviewPolicy(prefilled, policy, assessor, createdAt) : prefilled;
		const {warnings} = await createWorkspaceFile(file, ws);
		for (const w of warnings) io.err(t(COMMON.warning({text: w})));
		const planned = plan ? planByIndicator(plan.plan).size : 0;
		io.err(
			t(
				M.created({
					file: args.positionals[0]!,
					title: inBoth(system.index.system.title),
					regions: chosen.length,
					leaves: system.index.leaves.length,
					assessor,
					plan: plan ? M.planned({n: planned}) : '',
					policy: policy ? M.policy({policy: policyChangeWords(policy)}) : '',
				}),
			),
		);
		return 0;
	},
};

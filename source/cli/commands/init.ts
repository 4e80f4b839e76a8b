import {say} from '../../domain/words/message.js';
import {randomUUID} from 'node:crypto';
import {existsSync} from 'node:fs';
import {relative, dirname, resolve, join, basename, extname} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, usageError} from '../command.js';
import {loadSystem, loadRegions, loadWeights, loadBundledWeights} from '../../storage/load-files.js';
import {createWorkspace} from '../../domain/workspace/workspace-ops.js';
import {createWorkspaceFile} from '../../storage/workspace-store.js';
import {loadSamplePlan} from '../../storage/load-sample-plan.js';
import {prefillFromPlan, planByIndicator} from '../../domain/sample-plan/sample-plan.js';
import {resolveRegions} from '../region-args.js';
import {policyChangeFrom} from './review-policy.js';
import {changeReviewPolicy, describePolicyChange} from '../../domain/review/review-policy.js';

export const initCommand: Command = {
	name: 'init',
	usage: 'assess init <workspace> --system <id|file> --assessor <name> [--regions <codes,...>] [--weights <file>] [--sample-plan <file>] [--review required|optional] [--self-review allowed|refused] [--reviewer <name>=<regions>]...',
	summary: 'create a workspace for a set of regions under one indicator system',
	help: `Creates a new workspace file. It never overwrites an existing file.

  --system <id|file>   a bundled system (2020-province, 2020-city) or a team's own system file
  --assessor <name>    who records the findings (张三)
  --regions <codes>    a subset, by codes or names (110000,310000 or 北京,上海); default: every
                       region the system assesses (32 provincial-level units or 32 key cities)
  --weights <file>     a shared weights file to score with (default: the system's own)
  --sample-plan <file> the team's shared sample plan (assess/sample-plan): every region's sampled
                       leaves start with the plan's items, in its order, not yet judged; the
                       workspace refers to the plan and assess validate reports regions whose
                       samples differ from it
  --review required    final needs every finding accepted by a reviewer (assess review); the
                       policy is recorded (by the assessor), and assess review-policy changes it
  --self-review allowed   a reviewer may review findings they recorded (default: refused)
  --reviewer <name>=<regions>   assigns a reviewer to regions; repeatable

Examples:
  assess init workspaces/zhang.json --system 2020-province --assessor 张三 --regions 110000,310000
  assess init workspaces/team.json --system 2020-province --assessor 组长 --review required --reviewer 王五=all`,
	options: {system: {type: 'string'}, assessor: {type: 'string'}, regions: {type: 'string'}, weights: {type: 'string'}, 'sample-plan': {type: 'string'}, review: {type: 'string'}, 'self-review': {type: 'string'}, reviewer: {type: 'string', multiple: true}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const file = resolve(io.cwd, args.positionals[0]!);
		const systemArg = stringOption(args, 'system');
		const assessor = stringOption(args, 'assessor')?.trim();
		if (!systemArg) throw usageError(initCommand, '--system is required');
		if (!assessor) throw usageError(initCommand, '--assessor is required');
		const system = loadSystem(systemArg.includes('/') || systemArg.endsWith('.json') ? resolve(io.cwd, systemArg) : systemArg);
		const regions = loadRegions().regions;
		const kind = system.index.system.regionKind;
		const eligible = regions.filter(r => kind === 'other' || r.level === kind).map(r => r.code);
		const chosen = args.values.regions ? resolveRegions(String(args.values.regions), regions, kind === 'other' ? regions.map(r => r.code) : eligible, '--regions') : eligible;
		const weightsArg = stringOption(args, 'weights');
		// The weights it starts with, remembered by digest: score and export say when they change.
		const beside = join(dirname(system.file), `${basename(system.file, extname(system.file))}.weights.json`);
		const weights = weightsArg ? loadWeights(resolve(io.cwd, weightsArg), system.index) : system.bundled ? loadBundledWeights(system.index) : existsSync(beside) ? loadWeights(beside, system.index) : undefined;
		const planArg = stringOption(args, 'sample-plan');
		const plan = planArg ? loadSamplePlan(resolve(io.cwd, planArg), system.index) : undefined;
		for (const w of plan?.warnings ?? []) io.err(`note: ${planArg}: ${w.message}`);
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
		for (const w of warnings) io.err(`warning: ${say(io.lang, w)}`);
		const leaves = system.index.leaves.length;
		const planned = plan ? planByIndicator(plan.plan).size : 0;
		io.err(`Created ${args.positionals[0]}: ${system.index.system.title.zh}, ${chosen.length} regions × ${leaves} leaves, assessor ${assessor}${plan ? `; ${planned} sampled leaves pre-filled from the sample plan (items not judged yet)` : ''}${policy ? `; ${describePolicyChange(policy)}` : ''}.`);
		return 0;
	},
};

import {randomUUID, randomInt} from 'node:crypto';
import {basename, resolve} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, usageError, displayPath} from '../command.js';
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
const WORDS = {
	summary: 'a blind re-check: a stratified random share of the submitted findings, for a second assessor',
	share: (v: string) => `--share must be a percentage above 0 and at most 100, like 10% (not "${v}")`,
	seed: (v: string) => `--seed must be a whole number from 0 to 4294967295 (not "${v}")`,
	needsShare: '--share is required (like --share 10%)',
	needsAssessor: '--assessor is required: who re-checks the leaves',
	needsOutput: 'say where the re-check workspace goes: -o <file>',
	sameAssessor: (name: string) => `${name} recorded this workspace; a spot check is re-checked by someone else`,
	nothing: 'has no submitted findings (done or not applicable) to draw from; nothing was written',
	drew: (n: number, of: number, share: string, seed: number, assessor: string, out: string) => `Drew ${n} of ${of} submitted findings (${share}, seed ${seed}) for ${assessor}: ${out}.`,
	blind: 'The drawn leaves are blank in it (no value, note, evidence or status; sampled leaves list their items, not judged).',
	next: (source: string, out: string) => `When it comes back: assess merge ${source} ${out} -o <team file> (disagreements become conflicts; the merge reports agreement on the re-checked leaves).`,
	again: (seed: number) => `The same --seed ${seed} draws the same leaves again.`,
};

export const spotCheckCommand: Command = {
	name: 'spot-check',
	usage: 'assess spot-check <workspace> --share <n%> --assessor <name> [--seed <n>] [--regions <codes>] [--by <name>] -o <out> [--json]',
	summary: WORDS.summary,
	help: `Draws a share of the submitted findings (done, or not applicable) of a workspace for a blind
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

Example:
  assess spot-check workspaces/zhang.json --share 10% --assessor 李四 --seed 20261124 -o workspaces/li-recheck.json`,
	options: {share: {type: 'string'}, assessor: {type: 'string'}, seed: {type: 'string'}, regions: {type: 'string'}, by: {type: 'string'}, output: {type: 'string', short: 'o'}, json: {type: 'boolean'}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const wsArg = args.positionals[0]!;
		const shareText = stringOption(args, 'share');
		if (shareText === undefined) throw usageError(spotCheckCommand, WORDS.needsShare);
		const percent = Number(shareText.trim().replace(/[%％]$/, ''));
		if (!Number.isFinite(percent) || percent <= 0 || percent > 100 || shareText.trim() === '') throw usageError(spotCheckCommand, WORDS.share(shareText));
		const assessor = stringOption(args, 'assessor')?.trim();
		if (!assessor) throw usageError(spotCheckCommand, WORDS.needsAssessor);
		const output = stringOption(args, 'output');
		if (!output) throw usageError(spotCheckCommand, WORDS.needsOutput);
		const seedText = stringOption(args, 'seed');
		const seed = seedText === undefined ? randomInt(0, 2 ** 32 - 1) : Number(seedText);
		if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1 || (seedText !== undefined && !/^\s*\d+\s*$/.test(seedText))) throw usageError(spotCheckCommand, WORDS.seed(seedText!));
		const file = resolve(io.cwd, wsArg);
		const out = resolve(io.cwd, output);
		if (existsSync(out)) throw UserError.of(output, 'already exists; a spot check writes a new workspace (choose another name); nothing was written');
		const {data, context} = await readWorkspace(file, {validationCache: ValidationCache.fromEnvironment(io.env)});
		if (assessor === data.assessor) throw UserError.of(wsArg, WORDS.sameAssessor(assessor));
		const index = context.system.index;
		const regions = args.values.regions ? resolveRegions(String(args.values.regions), context.regions.regions, data.regions, '--regions') : data.regions;
		const share = percent / 100;
		const draw = drawSpotCheck(index, data, share, seed, regions);
		if (draw.leaves.length === 0) throw UserError.of(wsArg, WORDS.nothing);
		const by = stringOption(args, 'by')?.trim() || data.assessor;
		const recheck = spotCheckWorkspace(data, {draw, share, seed, assessor, by, at: new Date().toISOString(), id: randomUUID(), sourceFile: basename(realWorkspacePath(file))});
		const {warnings} = await createWorkspaceFile(out, rebase(recheck, realWorkspacePath(file), out), by);
		for (const w of warnings) io.err(`warning: ${w}`);
		const names = new Map(context.regions.regions.map(r => [r.code, r.name]));
		if (args.values.json) {
			io.out(JSON.stringify({output: displayPath(io.cwd, out), seed, share, assessor, by, submitted: draw.submitted, leaves: draw.leaves, strata: draw.strata}, null, 2));
		} else {
			const primaries = index.primaries;
			io.out(
				renderTable(
					[{header: 'region'}, ...primaries.map(p => ({header: `${p} ${pick(index.nodes.get(p)!.node.name, 'zh')}`, align: 'right' as const})), {header: 'drawn', align: 'right'}],
					regions
						.filter(r => draw.strata.some(s => s.region === r))
						.map(r => {
							const of = (p: string) => draw.strata.find(s => s.region === r && s.primary === p);
							return [`${r} ${names.get(r) ?? ''}`.trim(), ...primaries.map(p => (of(p) ? `${of(p)!.drawn}/${of(p)!.submitted}` : '—')), String(draw.strata.filter(s => s.region === r).reduce((n, s) => n + s.drawn, 0))];
						}),
				),
			);
		}
		io.err(WORDS.drew(draw.leaves.length, draw.submitted, `${percent}%`, seed, assessor, displayPath(io.cwd, out)));
		io.err(WORDS.blind);
		io.err(WORDS.next(wsArg, output));
		if (seedText === undefined) io.err(WORDS.again(seed));
		return 0;
	},
};

import {say} from '../../domain/words/message.js';
import {resolve} from 'node:path';
import type {Command, Parsed} from '../command.js';
import {stringOption, listOption, usageError} from '../command.js';
import {OpenWorkspace, readWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {UserError} from '../../storage/user-error.js';
import type {PolicyChange} from '../../domain/workspace/workspace-schema.js';
import type {Region} from '../../domain/regions/region-schema.js';
import {changeReviewPolicy, reviewPolicyOf, orderedChanges, describePolicyChange, type ReviewPolicy} from '../../domain/review/review-policy.js';
import {resolveRegions} from '../region-args.js';
import {lockWait} from '../lock-wait.js';
import {renderTable} from '../table.js';

/** Every word `assess review-policy` says, in one place. */
const WORDS = {
	summary: 'whether final needs every finding accepted, self-review, reviewers by region (each change recorded)',
	review: (v: string) => `--review must be required or optional (not "${v}")`,
	selfReview: (v: string) => `--self-review must be allowed or refused (not "${v}")`,
	reviewer: (v: string) => `--reviewer "${v}" should be <name>=<regions>, like 王五=110000,310000 (an empty name, =110000, removes the assignment)`,
	needsBy: '--by <name> is required: a change of the policy records who made it',
	unchanged: 'The policy already says so; nothing was changed.',
	changed: (what: string) => `Review policy changed: ${what}.`,
	current: (p: ReviewPolicy) => `Review ${p.reviewRequired ? 'required: final needs every finding accepted' : 'not required'}; self-review ${p.selfReview ? 'allowed' : 'refused'}.`,
	reviewers: 'Reviewers by region:',
	noReviewers: 'No reviewers assigned.',
	history: 'Changes:',
	noHistory: 'No change recorded (review is not required).',
	mergedMeanwhile: (ws: string) => `${ws} was changed by another program while this ran; both versions were merged.`,
};

/** The change the options ask for, or undefined when they ask for none (then the policy is shown). */
export function policyChangeFrom(args: Parsed, known: readonly Region[], allowed: readonly string[], usage: (problem: string) => UserError): Omit<PolicyChange, 'by' | 'at'> | undefined {
	const change: Omit<PolicyChange, 'by' | 'at'> = {};
	const review = stringOption(args, 'review');
	if (review !== undefined) {
		if (review !== 'required' && review !== 'optional') throw usage(WORDS.review(review));
		change.reviewRequired = review === 'required';
	}
	const self = stringOption(args, 'self-review');
	if (self !== undefined) {
		if (self !== 'allowed' && self !== 'refused') throw usage(WORDS.selfReview(self));
		change.selfReview = self === 'allowed';
	}
	const reviewers: Record<string, string> = {};
	for (const spec of listOption(args, 'reviewer')) {
		const at = spec.search(/[=＝]/);
		if (at < 0) throw usage(WORDS.reviewer(spec));
		const name = spec.slice(0, at).trim();
		for (const region of resolveRegions(spec.slice(at + 1), known, allowed, '--reviewer')) reviewers[region] = name;
	}
	if (Object.keys(reviewers).length) change.reviewers = reviewers;
	const note = stringOption(args, 'note')?.trim();
	if (Object.keys(change).length === 0) return undefined;
	if (note) change.note = note;
	return change;
}

export const reviewPolicyCommand: Command = {
	name: 'review-policy',
	usage: 'assess review-policy <workspace> [--review required|optional] [--self-review allowed|refused] [--reviewer <name>=<regions>]... [--note <text>] --by <name>',
	summary: WORDS.summary,
	help: `Shows or changes a workspace's review policy. Every change is recorded in the workspace
(who, when, what, why) and in its change log; the policy in force is the changes applied in
time order, so files merged later keep every change and agree on the result.

  --review required|optional   required: a result is final only when every finding (submitted,
                               or not applicable) is accepted by a reviewer
  --self-review allowed|refused   may a reviewer review findings they recorded? (default: refused)
  --reviewer <name>=<regions>  assigns a reviewer to regions (codes or names; all); repeatable;
                               an empty name (=110000) removes the assignment. Export lists the
                               findings still waiting by reviewer; a reviewer's own regions come
                               first in their queue
  --note <text>                why (kept with the change)
  --by <name>                  who changes it (required)

Without options: prints the policy, the reviewers and every recorded change.

Examples:
  assess review-policy team.json --review required --reviewer 王五=北京,天津 --reviewer 赵六=上海 --by 组长
  assess review-policy team.json`,
	options: {review: {type: 'string'}, 'self-review': {type: 'string'}, reviewer: {type: 'string', multiple: true}, note: {type: 'string'}, by: {type: 'string'}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const wsArg = args.positionals[0]!;
		const file = resolve(io.cwd, wsArg);
		const usage = (problem: string) => usageError(reviewPolicyCommand, problem);
		const wantsChange = ['review', 'self-review', 'reviewer'].some(k => args.values[k] !== undefined);
		if (!wantsChange) {
			const {data, context} = await readWorkspace(file, {validationCache: ValidationCache.fromEnvironment(io.env)});
			io.out(describePolicy(data.reviewPolicy?.changes ?? [], reviewPolicyOf(data), context.regions.regions));
			return 0;
		}
		const by = stringOption(args, 'by')?.trim();
		if (!by) throw usage(WORDS.needsBy);
		const ws = await OpenWorkspace.open(file, {write: true, waitMs: lockWait(io.env), validationCache: ValidationCache.fromEnvironment(io.env), actor: by});
		try {
			const change = policyChangeFrom(args, ws.context.regions.regions, ws.data.regions, usage)!;
			const next = changeReviewPolicy(ws.data, change, by, new Date().toISOString());
			if (next === ws.data) {
				io.err(WORDS.unchanged);
				return 0;
			}
			const report = await ws.save(next);
			for (const warning of ws.warnings) io.err(`warning: ${say(io.lang, warning)}`);
			if (report.merged) io.err(WORDS.mergedMeanwhile(wsArg));
			io.err(WORDS.changed(describePolicyChange(change)));
			io.err(WORDS.current(reviewPolicyOf(ws.data)));
			return 0;
		} finally {
			await ws.close();
		}
	},
};

function describePolicy(changes: readonly PolicyChange[], policy: ReviewPolicy, regions: readonly Region[]): string {
	const names = new Map(regions.map(r => [r.code, r.name]));
	const assigned = Object.entries(policy.reviewers);
	const lines = [WORDS.current(policy)];
	lines.push('', assigned.length ? WORDS.reviewers : WORDS.noReviewers);
	if (assigned.length) lines.push(renderTable([{header: 'region'}, {header: 'reviewer'}], assigned.map(([code, name]) => [`${code} ${names.get(code) ?? ''}`.trim(), name])));
	lines.push('', changes.length ? WORDS.history : WORDS.noHistory);
	if (changes.length) lines.push(renderTable([{header: 'when'}, {header: 'who'}, {header: 'change'}], orderedChanges(changes).map(c => [c.at, c.by, describePolicyChange(c)])));
	return lines.join('\n');
}

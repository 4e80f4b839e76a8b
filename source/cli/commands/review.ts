import {say} from '../../domain/words/message.js';
import {resolve} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, usageError} from '../command.js';
import {OpenWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {verbatim} from '../../domain/words/message.js';
import {UserError, type FileIssue} from '../../storage/user-error.js';
import {findingKey, type Workspace} from '../../domain/workspace/workspace-schema.js';
import {checkReview, applyReview, isReviewConflict, type ReviewDecision, type ReviewProblem} from '../../domain/review/review-finding.js';
import {reviewStageOf} from '../../domain/review/review-stage.js';
import {reviewPolicyOf} from '../../domain/review/review-policy.js';
import {resolveRegions} from '../region-args.js';
import {resolveLeaves} from '../indicator-args.js';
import {lockWait} from '../lock-wait.js';

/** Every word `assess review` says, in one place (a later pass translates them). */
const WORDS = {
	summary: 'accept a submitted finding, or return it to its assessor with a note',
	decision: (d: string) => `the decision must be accept or return (not "${d}")`,
	needsBy: '--by <name> is required: a review records who gave it',
	returnNeedsNote: 'returning needs --note "…": what the assessor should fix',
	inConflict: 'in conflict: the assessors disagree on the verdict; settle it first (assess record --settle, or c in the TUI)',
	alreadyAccepted: (by: string) => `already accepted (by ${by})`,
	alreadyReturned: (by: string) => `returned by ${by}, waiting for the assessor`,
	unchanged: (what: string, by: string) => `${what}: already ${by}; nothing changed.`,
	nothingReviewed: 'nothing was reviewed; nothing was changed',
	skipped: (n: number) => `skipped ${n}:`,
	reviewed: (decision: ReviewDecision, n: number, where: string) => `${decision === 'accept' ? 'Accepted' : 'Returned'} ${n} finding${n === 1 ? '' : 's'}${where}.`,
	returnedNote: (note: string) => `The assessor sees the note: ${note}`,
	notRequired: (ws: string) => `note: this workspace does not require review, so final does not wait for it (assess review-policy ${ws} --review required --by <name>)`,
	mergedMeanwhile: (ws: string, fromDisk: number, conflicts: number) => `${ws} was changed by another program while this ran; both versions were merged (${fromDisk} findings from it, ${conflicts} conflicts).`,
	more: (n: number) => `… and ${n} more`,
	passedOver: (n: number) => `(${n} lea${n === 1 ? 'f' : 'ves'} with nothing recorded passed over)`,
};

/** Problems of a bulk review, grouped by why. */
type Skipped = Map<string, string[]>;

export const reviewCommand: Command = {
	name: 'review',
	usage: 'assess review <workspace> <region|all|codes,...> <indicator|all> accept|return [--note <text>] --by <name>',
	summary: WORDS.summary,
	help: `Reviews findings: accept a submitted finding, or return it to its assessor with a note
saying what to fix. A review is recorded on the finding (who, when, the note) and in the change
log; the assessor sees a returned finding's note, fixes it and submits it again (status done),
and it waits for review again. Any later change to an accepted finding makes it wait again:
what was accepted is exactly what was reviewed.

  <region|all|codes>   one region, several (110000,310000 or 北京,上海), or all
  <indicator|all>      a leaf, a code above leaves (every leaf under it: 3 is all of primary 3),
                       or all
  accept | return
  --note <text>        for the assessor (required to return)
  --by <name>          who reviews (required)

Rules (the same for the TUI): only a submitted finding (done) or one marked not applicable is
reviewed; one with anything else that keeps it from being final (sampled items not judged, …)
is returned, not accepted; a reviewer does not review a finding they recorded themselves,
unless the workspace allows self-review (assess review-policy --self-review allowed).
Reviewers who disagree on the same finding (one accepted what another returned, in two files
merged) make a conflict; a review of that leaf settles it.

One finding: a refusal is an error (exit 2) and nothing changes. Several: every finding waiting
for review is reviewed; findings already reviewed, drafts, flagged findings, the reviewer's own
and conflicts are skipped and listed by reason (exit 2 only when nothing was reviewed).

When the workspace requires review (assess init --review required, or assess review-policy),
a result is final only when every finding is accepted, and assess export lists the findings
still waiting, by their assigned reviewer.

Examples:
  assess review team.json 110000 1.4.3 accept --by 王组长
  assess review team.json 北京 3 return --note "办事指南截图已过期，请重新截取" --by 王组长
  assess review team.json all all accept --by 王组长`,
	options: {note: {type: 'string'}, by: {type: 'string'}},
	positionals: {min: 4, max: 4},
	async run(args, io) {
		const [wsArg, regionArg, indicatorArg, decisionArg] = args.positionals as [string, string, string, string];
		const decision = decisionArg.trim().toLowerCase();
		if (decision !== 'accept' && decision !== 'return') throw usageError(reviewCommand, WORDS.decision(decisionArg));
		const by = stringOption(args, 'by')?.trim();
		if (!by) throw usageError(reviewCommand, WORDS.needsBy);
		const note = stringOption(args, 'note')?.trim() || undefined;
		if (decision === 'return' && !note) throw usageError(reviewCommand, WORDS.returnNeedsNote);
		const file = resolve(io.cwd, wsArg);
		const ws = await OpenWorkspace.open(file, {write: true, waitMs: lockWait(io.env), validationCache: ValidationCache.fromEnvironment(io.env), actor: by});
		try {
			const {index} = ws.context.system;
			const regions = resolveRegions(regionArg, ws.context.regions.regions, ws.data.regions, wsArg);
			const leaves = resolveLeaves(index, indicatorArg, wsArg);
			const policy = reviewPolicyOf(ws.data);
			const single = regions.length * leaves.length === 1;
			const names = new Map(ws.context.regions.regions.map(r => [r.code, r.name]));
			const label = (region: string, leaf: string) => `${names.get(region) ?? region} ${leaf} ${index.nodes.get(leaf)!.node.name.zh}`;
			const at = new Date().toISOString();
			const skipped: Skipped = new Map();
			const skip = (why: string, what: string) => skipped.set(why, [...(skipped.get(why) ?? []), what]);
			let next: Workspace = ws.data;
			const reviewed: string[] = [];
			let empty = 0;
			for (const region of regions) {
				for (const leaf of leaves) {
					const rule = index.nodes.get(leaf)!.rule!;
					const key = findingKey(region, leaf);
					const conflict = next.conflicts[key];
					let problem: ReviewProblem | undefined;
					if (conflict) {
						if (!isReviewConflict(conflict)) {
							skip(WORDS.inConflict, label(region, leaf));
							continue;
						}
						problem = conflict.candidates.map(c => checkReview(rule, c, decision, by, policy, note)).find(p => p !== undefined);
					} else {
						const f = next.findings[key];
						const stage = f ? reviewStageOf(f) : 'not-submitted';
						// In bulk, what is not waiting is left as it is; one finding can be reviewed again.
						if (!single && stage === 'accepted') {
							skip(WORDS.alreadyAccepted(f!.review!.by), label(region, leaf));
							continue;
						}
						if (!single && stage === 'returned') {
							skip(WORDS.alreadyReturned(f!.review!.by), label(region, leaf));
							continue;
						}
						problem = checkReview(rule, f, decision, by, policy, note);
					}
					if (problem) {
						// In bulk, a leaf nobody recorded is simply not reviewable: counted, not listed.
						if (!single && problem.code === 'nothing-recorded') empty++;
						else skip(problem.message, label(region, leaf));
						continue;
					}
					const after = applyReview(next, region, leaf, decision, by, at, note);
					if (after === next) {
						if (single) {
							io.err(WORDS.unchanged(label(region, leaf), `${decision === 'accept' ? 'accepted' : 'returned'} by ${by}`));
							return 0;
						}
						continue;
					}
					next = after;
					reviewed.push(region);
				}
			}
			const skippedLines = [...skipped].flatMap(([why, what]) => [`  ${what.length} ${why}:`, ...what.slice(0, 5).map(w => `    ${w}`), ...(what.length > 5 ? [`    ${WORDS.more(what.length - 5)}`] : [])]);
			if (empty) skippedLines.push(`  ${WORDS.passedOver(empty)}`);
			if (reviewed.length === 0) {
				const issues: FileIssue[] = single ? [...skipped].map(([why, what]) => ({file: wsArg, place: '', problem: verbatim(`${what[0]}: ${why}`)})) : [{file: wsArg, place: '', problem: verbatim(WORDS.skipped([...skipped.values()].reduce((n, w) => n + w.length, 0) + empty))}, ...skippedLines.map(line => ({file: wsArg, place: '', problem: verbatim(line)}))];
				issues.push({file: wsArg, place: '', problem: verbatim(WORDS.nothingReviewed)});
				throw new UserError(issues);
			}
			const report = await ws.save(next);
			for (const warning of ws.warnings) io.err(`warning: ${say(io.lang, warning)}`);
			if (report.merged) io.err(WORDS.mergedMeanwhile(wsArg, report.merged.fromDisk, report.merged.conflicts));
			const counts = new Map<string, number>();
			for (const region of reviewed) counts.set(region, (counts.get(region) ?? 0) + 1);
			const where = single ? `: ${label(regions[0]!, leaves[0]!)}` : ` (${[...counts].map(([r, n]) => `${names.get(r) ?? r} ${n}`).join(', ')})`;
			io.err(WORDS.reviewed(decision, reviewed.length, where));
			if (decision === 'return') io.err(WORDS.returnedNote(note!));
			if (skippedLines.length) io.err([WORDS.skipped([...skipped.values()].reduce((n, w) => n + w.length, 0) + empty), ...skippedLines].join('\n'));
			if (!policy.reviewRequired) io.err(WORDS.notRequired(wsArg));
			return 0;
		} finally {
			await ws.close();
		}
	},
};

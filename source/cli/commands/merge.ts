import {randomUUID} from 'node:crypto';
import {existsSync, realpathSync} from 'node:fs';
import {dirname, relative, resolve} from 'node:path';
import type {Command, Io, Parsed} from '../command.js';
import {stringOption, usageError, displayPath} from '../command.js';
import {readWorkspace, writeWorkspaceFile, realWorkspacePath, type FindingCache, type WorkspaceContext} from '../../storage/workspace-store.js';
import {formatValue} from '../../domain/rules/parse-value.js';
import {carryEvidence, evidenceFolderOf} from '../../storage/evidence-store.js';
import {lockWait} from '../lock-wait.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {mergeWorkspaces} from '../../domain/merge/merge-workspaces.js';
import {say} from '../../domain/words/message.js';
import {UserError, firstProblem} from '../../storage/user-error.js';
import {acquireLock, LockedError, type Lock} from '../../storage/workspace-lock.js';
import {PROGRAM} from '../../version.js';
import {renderTable} from '../table.js';
import type {Workspace} from '../../domain/workspace/workspace-schema.js';
import {mergeChanges} from '../../domain/audit/workspace-changes.js';
import {changeLine} from '../../domain/audit/change-entry.js';
import {spotCheckAgreement} from '../../domain/spot-check/spot-check.js';
import {changeLogOf, uniteLogs, appendChanges, appendLines, writeChangeLog, strayLogProblem} from '../../storage/change-log.js';

/** Exit code when the merge is written but conflicts remain in it. */
export const EXIT_CONFLICTS = 3;

export const mergeCommand: Command = {
	name: 'merge',
	usage: 'assess merge <ws> <ws>... -o <out> [--dry-run [--json]] [--assessor <name>]',
	summary: 'merge assessors\' workspaces into one; conflicts are kept inside it',
	help: `Merges several workspaces of one indicator system into one team workspace. Nothing is lost:
- a finding only one workspace has is taken;
- one version that descends from another (its history shows it) wins over the older one;
- equal verdicts become one finding, with notes and evidence united;
- different verdicts become a conflict that keeps every candidate (value, note, evidence, who,
  when), recorded in the output file; settle them in the TUI (c).
Regions are united. The inputs are never modified. Workspaces of different indicator systems,
or of different versions of one, are refused.

  -o, --output <file>  where to write the result; it may be one of the inputs (to merge into
                       a team file), otherwise it must not exist yet
  --dry-run            print per region what the merge would do (added, updated, unchanged,
                       conflicts, compared with the first input), then every leaf that would
                       conflict (region, indicator, each candidate's value, status and
                       assessor; the first 20), and write nothing
  --json               with --dry-run: all of it as JSON on stdout, every conflict listed
  --assessor <name>    who the merged workspace is recorded as (default: the first input's)

Exit codes: 0 merged cleanly, 3 merged with conflicts kept in the output, 2 bad input.

Example:
  assess merge workspaces/zhang.json workspaces/li.json workspaces/wang.json -o workspaces/team.json`,
	options: {output: {type: 'string', short: 'o'}, 'dry-run': {type: 'boolean'}, json: {type: 'boolean'}, assessor: {type: 'string'}},
	positionals: {min: 1, max: Infinity},
	async run(args, io) {
		const output = stringOption(args, 'output');
		const dryRun = Boolean(args.values['dry-run']);
		if (!output && !dryRun) throw usageError(mergeCommand, 'say where the result goes: -o <file> (or --dry-run)');
		const files = args.positionals.map(p => resolve(io.cwd, p));
		const out = output && !dryRun ? outputPath(resolve(io.cwd, output), output, files) : undefined;
		// Merging into a file others may be writing (the team file, one of the inputs): hold its
		// lock from before reading until the result is written, or a record that landed between
		// the read and the write would be written over.
		const lock = out ? await lockFor(out, output!, io.env) : undefined;
		try {
			return await mergeInto(files, out, output, dryRun, args, io);
		} finally {
			lock?.release();
		}
	},
};

/** Where the merge writes: the real path of an existing output (a symlinked team file stays a link), which must be one of the inputs. */
function outputPath(out: string, shown: string, inputs: readonly string[]): string {
	if (!existsSync(out)) return out;
	const real = realWorkspacePath(out);
	if (!inputs.some(f => sameFile(f, real))) {
		throw UserError.of(shown, 'already exists and is not one of the inputs; merging would replace it (name it as an input to merge into it, or choose another name)');
	}
	return real;
}

async function lockFor(out: string, shown: string, env: NodeJS.ProcessEnv): Promise<Lock> {
	const deadline = Date.now() + lockWait(env);
	for (;;) {
		try {
			return acquireLock(out, PROGRAM);
		} catch (error) {
			if (!(error instanceof LockedError) || Date.now() >= deadline) throw error instanceof UserError ? error.named(out, shown) : error;
			await new Promise(r => setTimeout(r, 50 + Math.random() * 100));
		}
	}
}

async function mergeInto(files: string[], out: string | undefined, output: string | undefined, dryRun: boolean, args: Parsed, io: Io): Promise<number> {
	const read: Awaited<ReturnType<typeof readWorkspace>>[] = [];
	// Assessors' files share most findings: each distinct finding is validated once.
	const findingCache: FindingCache = new Set();
	const validationCache = ValidationCache.fromEnvironment(io.env);
	// Keep one object per finding version: 30 files mostly hold the same versions, and the
	// merge keeps the first copy of each rev anyway (this keeps peak memory low).
	const seen = new Map<string, Workspace['findings'][string]>();
	for (const file of files) {
		const input = await readWorkspace(file, {findingCache, validationCache});
		read.push(input);
		const ws = input.data;
		for (const [key, f] of Object.entries(ws.findings)) {
			const id = `${key}|${f.rev}`;
			const first = seen.get(id);
			if (first) ws.findings[key] = first;
			else seen.set(id, f);
		}
	}
	if (out && !existsSync(out)) {
		const stray = strayLogProblem(out);
		if (stray) throw UserError.of(output!, stray);
	}
	const inputs = read.map(r => r.data);
	const actor = stringOption(args, 'assessor') ?? inputs[0]!.assessor;
	const merged = mergeWorkspaces(inputs, {id: inputs.length === 1 ? inputs[0]!.id : randomUUID(), assessor: stringOption(args, 'assessor') ?? inputs[0]!.assessor, createdAt: new Date().toISOString()});
	if (!merged.ok) throw UserError.fromIssues(displayPath(io.cwd, files[Number(merged.issues[0]!.path[0] ?? 0)] ?? files[0]!), merged.issues.map(i => ({...i, path: i.path.slice(1)})));
	const {summary, conflicts} = merged.value;
	const workspace = out ? rebase(merged.value.workspace, files[0]!, out) : merged.value.workspace;
	if (dryRun) {
		const context = read[0]!.context;
		const listed = conflictList(workspace, context);
		const spot = spotCheckReports(read, files, io.cwd);
		if (args.values.json) {
			io.out(JSON.stringify({inputs: files.map(f => displayPath(io.cwd, f)), findings: Object.keys(workspace.findings).length, conflicts: listed, regions: summary, spotChecks: spot.map(r => r.json)}, null, 2));
		} else {
			io.out(
				renderTable(
					[{header: 'region'}, {header: 'added', align: 'right'}, {header: 'updated', align: 'right'}, {header: 'unchanged', align: 'right'}, {header: 'conflicts', align: 'right'}],
					summary.map(s => [s.region, String(s.added), String(s.updated), String(s.unchanged), String(s.conflicts)]),
				),
			);
			if (listed.length > 0) {
				io.out(`\nLeaves that would conflict${listed.length > SHOWN ? ` (the first ${SHOWN} of ${listed.length}; --json lists all)` : ''}:`);
				io.out(
					renderTable(
						[{header: 'region'}, {header: 'indicator'}, {header: 'candidates (value · status · assessor)'}],
						listed.slice(0, SHOWN).map(c => [`${c.region} ${c.regionName}`, `${c.indicator} ${c.name}`, c.candidates.map(v => `${v.value || '—'} · ${v.status} · ${v.by}`).join(' | ')]),
					),
				);
			}
		}
		for (const r of spot) io.err(r.text);
		io.err(`Dry run: ${files.length} workspaces would merge into ${Object.keys(workspace.findings).length} findings and ${conflicts} conflicts; nothing was written.`);
		return conflicts ? EXIT_CONFLICTS : 0;
	}
	const existed = existsSync(out!);
	// What was read is validated already: only the findings the merge made are checked.
	await writeWorkspaceFile(out!, workspace, read, validationCache);
	// The audit trail: the inputs' logs united, then the merge's own events (written after the
	// workspace: a crash between the two leaves entries out, never in for a merge that did not land).
	for (const w of await mergeLogs(files, out!, existed, mergeChanges(inputs, workspace, actor, new Date().toISOString()), validationCache)) io.err(`warning: ${w}`);
	// The evidence files the findings name go with them.
	const missing = carryEvidence(out!, workspace, files.map(f => realWorkspacePath(f)));
	for (const m of missing) io.err(`warning: evidence file ${m.stored} (${m.name}, named by ${m.key}) is in no input's evidence folder; it is missing from ${displayPath(io.cwd, evidenceFolderOf(out!))}`);
	for (const r of spotCheckReports(read, files, io.cwd)) io.err(r.text);
	io.err(`Merged ${files.length} workspaces into ${output}: ${Object.keys(workspace.findings).length} findings, ${conflicts} conflicts${conflicts ? ' (kept in the file; settle them in the TUI with c)' : ''}.`);
	return conflicts ? EXIT_CONFLICTS : 0;
}

/** Problems of a log shown at most, per merge. */
const LOG_PROBLEMS_SHOWN = 10;

/**
 * Unites the inputs' change logs into the output's: a new output gets the union written whole
 * (atomically); an output that is one of the inputs gets the lines its log lacks appended.
 * Returns warnings: logs left out, lines skipped.
 */
async function mergeLogs(files: readonly string[], out: string, existed: boolean, events: ReturnType<typeof mergeChanges>, cache: ValidationCache | undefined): Promise<string[]> {
	const outLog = changeLogOf(out);
	const logs = files.map(f => changeLogOf(realWorkspacePath(f)));
	// Merging into one of the inputs: its own log is read first, so what the union adds to it is what it lacks.
	const into = existed && existsSync(outLog) ? logs.indexOf(outLog) : -1;
	const union = uniteLogs(into > 0 ? [outLog, ...logs.filter((_, i) => i !== into)] : logs, cache);
	const warnings = union.warnings.map(w => say('en', w));
	const problems = union.problems.map(p => `${p.file}: line ${p.line}: ${p.problem}; not taken into the merged log`);
	warnings.push(...problems.slice(0, LOG_PROBLEMS_SHOWN));
	if (problems.length > LOG_PROBLEMS_SHOWN) warnings.push(`… and ${problems.length - LOG_PROBLEMS_SHOWN} more lines of the inputs' logs`);
	const fresh = events.filter(e => !union.ids.has(e.id));
	try {
		if (into >= 0) {
			await appendLines(outLog, union.chunks.slice(union.first));
			await appendChanges(outLog, fresh);
		} else {
			const chunks = [...union.chunks, ...(fresh.length ? [Buffer.from(fresh.map(changeLine).join('\n') + '\n')] : [])];
			if (chunks.length) await writeChangeLog(outLog, chunks);
		}
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		warnings.push(`${error.issues[0]?.file}: ${say('en', firstProblem(error))} (assess log recovers them from the workspace)`);
	}
	return warnings;
}

/** Agreement on each spot check whose re-check is among the inputs, with the first assessor's file beside it. */
function spotCheckReports(read: readonly {data: Workspace; context: WorkspaceContext}[], files: readonly string[], cwd: string): {text: string; json: unknown}[] {
	const out: {text: string; json: unknown}[] = [];
	const index = read[0]!.context.system.index;
	for (const [i, {data}] of read.entries()) {
		for (const s of data.spotChecks ?? []) {
			if (data.assessor !== s.assessor) continue;
			const others = read.filter((_, j) => j !== i).map(r => r.data);
			if (others.length === 0) continue;
			const report = spotCheckAgreement(index, s, others, data);
			const o = report.overall;
			if (o.units === 0) continue;
			const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
			const num = (x: number | null) => (x === null ? '—' : x.toFixed(3));
			out.push({
				text: `Spot check by ${s.assessor} (${s.leaves.length} leaves drawn from ${s.source.file}, seed ${s.seed}; ${displayPath(cwd, files[i]!)}): ${o.units} re-checked, ${o.agreed} agree (${pct(o.percent)}); Fleiss' kappa ${num(o.fleissKappa)}, Krippendorff's alpha ${num(o.alpha)}; ${o.units - o.agreed} disagree${o.units - o.agreed ? ' (conflicts to settle)' : ''}.`,
				json: {id: s.id, assessor: s.assessor, source: s.source.file, seed: s.seed, drawn: s.leaves.length, ...o, disagreements: report.disagreements},
			});
		}
	}
	return out;
}

function sameFile(a: string, b: string): boolean {
	try {
		return realpathSync(a) === realpathSync(b);
	} catch {
		return a === b;
	}
}

/** How many conflicting leaves a dry run lists in text. */
const SHOWN = 20;

/** Every conflict of a merge result, in table order, with each candidate's verdict and who gave it. */
function conflictList(ws: Workspace, context: WorkspaceContext) {
	const index = context.system.index;
	const names = new Map(context.regions.regions.map(r => [r.code, r.name]));
	return Object.values(ws.conflicts)
		.sort((a, b) => ws.regions.indexOf(a.region) - ws.regions.indexOf(b.region) || (index.nodes.get(a.indicator)?.order ?? 0) - (index.nodes.get(b.indicator)?.order ?? 0))
		.map(c => {
			const node = index.nodes.get(c.indicator);
			return {
				region: c.region,
				regionName: names.get(c.region) ?? c.region,
				indicator: c.indicator,
				name: node ? node.node.name.zh : c.indicator,
				candidates: c.candidates.map(f => ({by: assessorsOf(f).join(', '), at: f.at, value: formatValue(node?.rule, f.value), status: f.status, ...(f.reason ? {reason: f.reason} : {}), note: f.note})),
			};
		});
}

/** Who gave a candidate's verdict: every assessor whose versions a merge united into it. */
function assessorsOf(f: Workspace['findings'][string]): string[] {
	const from = f.combined?.from;
	const united = from ? f.history.filter(h => from.includes(h.rev)).map(h => h.by) : [];
	return [...new Set([f.by, ...united])];
}

/** A team's own system or weights file is named relative to the workspace: keep it right for the output's folder. */
export function rebase(ws: Workspace, from: string, to: string): Workspace {
	const move = (path: string) => relative(dirname(to), resolve(dirname(from), path));
	return {...ws, system: ws.system.file ? {...ws.system, file: move(ws.system.file)} : ws.system, ...(ws.weights ? {weights: move(ws.weights)} : {}), ...(ws.samplePlan ? {samplePlan: move(ws.samplePlan)} : {})};
}

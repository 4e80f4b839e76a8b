import {randomUUID} from 'node:crypto';
import {readdirSync, statSync} from 'node:fs';
import {basename, join, resolve} from 'node:path';
import type {Command} from '../command.js';
import {displayPath} from '../command.js';
import {readWorkspace, type FindingCache} from '../../storage/workspace-store.js';
import {KnownFindings} from '../../storage/finding-bytes.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {UserError} from '../../storage/user-error.js';
import {describeFsError} from '../../storage/fs-errors.js';
import {mergeWorkspaces} from '../../domain/merge/merge-workspaces.js';
import {teamStatus, type StatusCounts} from '../../domain/team/team-status.js';
import {finalityOf, blockerSummary} from '../../domain/workspace/finality.js';
import {isoWithOffset} from '../../domain/export/times.js';
import {localZone} from '../../export/run-export.js';
import {renderTable} from '../table.js';
import {WORKSPACE_KIND, type Workspace} from '../../domain/workspace/workspace-schema.js';
import {readJsonFile} from '../../storage/read-json-file.js';

/** Every word `assess status` says, in one place. */
const WORDS = {
	summary: 'the team\'s progress per assessor and per region: scored, submitted, accepted, returned, conflicts, last change',
	noWorkspaces: (dir: string) => `${dir} holds no workspace files (*.json)`,
	skipped: (file: string) => `note: ${file} is not a workspace; skipped`,
	heading: (files: number, system: string, regions: number) => `${files === 1 ? '1 workspace' : `${files} workspaces, merged here (nothing written)`}: ${system}, ${regions} region${regions === 1 ? '' : 's'}`,
	review: (required: boolean) => (required ? 'review required: final needs every finding accepted' : 'review not required'),
	final: (final: boolean, why: string) => (final ? 'final' : `not final (${why})`),
	assessors: 'Assessors (a finding two assessors agreed on counts for both):',
	regions: 'Regions:',
	reviewers: 'Reviewers:',
	spotChecks: 'Spot checks:',
	counts: ['scored', 'submitted', 'waiting', 'accepted', 'returned', 'conflicts'],
	last: 'last change',
	spotColumns: ['drawn', 'from', 'for', 'share · seed', 'leaves', 're-checked', 'agree', 'disagree', 'not compared'],
	reviewerColumns: ['reviewer', 'regions', 'accepted', 'returned', 'waiting', 'last review'],
};

export const statusCommand: Command = {
	name: 'status',
	usage: 'assess status <workspace|folder>... [--json]',
	summary: WORDS.summary,
	help: `The team's progress, for a team lead: over one (merged) workspace, or several assessors'
files (name them, or a folder that holds them: every *.json workspace in it), merged in
memory for the view (nothing is written).

Per assessor (everyone who recorded a finding; a finding two assessors agreed on counts for
both): leaves scored (a value, or not applicable), submitted (done or not applicable), waiting
for review, accepted, returned, open conflicts one of their versions is in, and their last
change (a version they recorded, or a review they gave). Per region: the same, its leaves, its
assigned reviewer, whether it is final. Per reviewer: regions assigned, accepted, returned,
waiting in their regions, last review. Per spot check: leaves drawn, re-checked, and how many
agree (united with the first assessor's verdict) or disagree (a conflict).

  --json   all of it as JSON on stdout

Examples:
  assess status workspaces/team.json
  assess status workspaces/            # every assessor's file in the folder`,
	options: {json: {type: 'boolean'}},
	positionals: {min: 1, max: Infinity},
	async run(args, io) {
		const files: string[] = [];
		for (const arg of args.positionals) files.push(...expand(resolve(io.cwd, arg), arg, io.err));
		const validationCache = ValidationCache.fromEnvironment(io.env);
		const findingCache: FindingCache = new Map();
		const findingBytes = new KnownFindings();
		const read: Awaited<ReturnType<typeof readWorkspace>>[] = [];
		const named = new Set(args.positionals.map(p => resolve(io.cwd, p)));
		for (const file of files) {
			try {
				read.push(await readWorkspace(file, {validationCache, findingCache, findingBytes}));
			} catch (error) {
				// In a folder, a JSON file of another kind (weights, a sample plan) is passed over.
				if (!named.has(file) && error instanceof UserError && !looksLikeWorkspace(file)) {
					io.err(WORDS.skipped(displayPath(io.cwd, file)));
					continue;
				}
				throw error;
			}
		}
		if (read.length === 0) throw UserError.of(args.positionals[0]!, WORDS.noWorkspaces(args.positionals[0]!));
		const context = read[0]!.context;
		let view: Workspace;
		if (read.length === 1) view = read[0]!.data;
		else {
			const merged = mergeWorkspaces(read.map(r => r.data), {id: randomUUID(), assessor: read[0]!.data.assessor, createdAt: new Date().toISOString()});
			if (!merged.ok) throw UserError.fromIssues(displayPath(io.cwd, files[Number(merged.issues[0]!.path[0] ?? 0)] ?? files[0]!), merged.issues.map(i => ({...i, path: i.path.slice(1)})));
			view = merged.value.workspace;
		}
		const index = context.system.index;
		const names = new Map(context.regions.regions.map(r => [r.code, r.name]));
		const regionName = (c: string) => names.get(c) ?? c;
		const status = teamStatus(index, view, regionName);
		const finality = finalityOf(index, view, regionName);
		if (args.values.json) {
			io.out(JSON.stringify({files: read.map((r, i) => ({file: displayPath(io.cwd, files[i]!), assessor: r.data.assessor})), system: index.system.id, blockers: finality.counts, ...status}, null, 2));
			return 0;
		}
		const time = (iso: string | null) => (iso ? isoWithOffset(iso, localZone).slice(0, 16).replace('T', ' ') : '—');
		const counts = (c: StatusCounts) => [c.scored, c.submitted, c.waiting, c.accepted, c.returned, c.conflicts].map(String);
		const right = (header: string) => ({header, align: 'right' as const});
		const out: string[] = [];
		out.push(`${WORDS.heading(read.length, index.system.id, view.regions.length)}; ${WORDS.review(status.reviewRequired)}; ${WORDS.final(finality.final, blockerSummary(finality.counts))}.`);
		if (read.length > 1) out.push(read.map((r, i) => `  ${basename(files[i]!)}: ${r.data.assessor}`).join('\n'));
		out.push('', WORDS.assessors, renderTable([{header: 'assessor'}, ...WORDS.counts.map(right), {header: WORDS.last}], status.assessors.map(a => [a.assessor, ...counts(a), time(a.lastChange)])));
		out.push('', WORDS.regions, renderTable([{header: 'region'}, right('leaves'), ...WORDS.counts.map(right), {header: 'reviewer'}, {header: 'final'}, {header: WORDS.last}], status.regions.map(r => [`${r.region} ${r.regionName}`, String(r.leaves), ...counts(r), r.reviewer ?? '—', r.final ? 'yes' : 'no', time(r.lastChange)])));
		if (status.reviewers.length) {
			out.push('', WORDS.reviewers, renderTable(WORDS.reviewerColumns.map((h, i) => (i >= 2 && i <= 4 ? right(h) : {header: h})), status.reviewers.map(r => [r.reviewer, r.regions.map(regionName).join(', ') || '—', String(r.accepted), String(r.returned), String(r.waiting), time(r.lastReview)])));
		}
		if (status.spotChecks.length) {
			out.push('', WORDS.spotChecks, renderTable(WORDS.spotColumns.map((h, i) => (i >= 4 ? right(h) : {header: h})), status.spotChecks.map(s => [time(s.at), s.source, s.assessor, `${Math.round(s.share * 1000) / 10}% · ${s.seed}`, String(s.drawn), String(s.rechecked), String(s.agreed), String(s.disagreed), String(s.rechecked - s.agreed - s.disagreed)])));
		}
		io.out(out.join('\n'));
		return 0;
	},
};

/** Does the file say it is a workspace (its "kind")? A broken workspace is still one, and an error. */
function looksLikeWorkspace(file: string): boolean {
	try {
		const raw = readJsonFile(file) as {kind?: unknown} | null;
		return typeof raw === 'object' && raw !== null && raw.kind === WORKSPACE_KIND;
	} catch {
		return true;
	}
}

/** A workspace file as given, or every *.json file in a folder (not hidden, not a backup copy). */
function expand(path: string, shown: string, warn: (text: string) => void): string[] {
	let stat;
	try {
		stat = statSync(path);
	} catch (error) {
		throw UserError.of(shown, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : describeFsError(error));
	}
	if (!stat.isDirectory()) return [path];
	const files = readdirSync(path)
		.filter(name => name.endsWith('.json') && !name.startsWith('.'))
		.sort()
		.map(name => join(path, name))
		.filter(file => {
			try {
				return statSync(file).isFile();
			} catch {
				return false;
			}
		});
	if (files.length === 0) warn(`warning: ${WORDS.noWorkspaces(shown)}`);
	return files;
}

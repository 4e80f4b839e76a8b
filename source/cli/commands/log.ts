import {resolve} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, usageError, displayPath} from '../command.js';
import {readWorkspace, realWorkspacePath} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {auditTrailOf} from '../../storage/change-log.js';
import {describeChange} from '../../domain/audit/describe-change.js';
import {isoWithOffset} from '../../domain/export/times.js';
import {localZone} from '../../export/run-export.js';
import {resolveRegions} from '../region-args.js';
import {resolveLeaves} from '../indicator-args.js';
import {renderTable} from '../table.js';

/** Every word `assess log` says, in one place. */
const WORDS = {
	summary: 'every change to the findings: who, when, from and to (the audit trail)',
	limit: (v: string) => `--limit must be a whole number above 0 (not "${v}")`,
	oneRegion: 'give one region (a code or a name) to see its changes',
	columns: ['when', 'who', 'region', 'indicator', 'change', 'from', 'to', ''],
	via: {merge: 'merge', undo: 'undo', history: 'recovered'} as Record<string, string>,
	none: 'No changes recorded here.',
	shown: (shown: number, total: number) => `(the last ${shown} of ${total}; --limit changes how many, --json gives all)`,
	recovered: (n: number, log: string) => `note: ${n} change${n === 1 ? ' is' : 's are'} not in ${log} (a save interrupted before its log entry, a file written by an older program or by hand): recovered from the findings' histories, marked "recovered"`,
	problem: (log: string, line: number, problem: string) => `warning: ${log}: line ${line}: ${problem}; skipped`,
};

/** Lines printed without --limit: a whole season's log is long; --json gives all. */
const DEFAULT_LIMIT = 200;

export const logCommand: Command = {
	name: 'log',
	usage: 'assess log <workspace> [<region> [<indicator>]] [--limit <n>] [--json]',
	summary: WORDS.summary,
	help: `Prints the audit trail of a workspace, oldest first: every change to every finding — value,
sampled item, status (submitted = done), reason, note, evidence, review — and conflicts,
settlements, merges, review policy changes and spot checks, each with who made it, when, what
it was before and what it became.

The trail is kept in <workspace>.changes.jsonl beside the workspace, one change a line, added
to by every save (the program, the TUI, assess record, review, merge). Commit it with the
workspace; in git, mark it to be united line by line: echo '*.changes.jsonl merge=union' >>
.gitattributes (assess merge unites its inputs' logs itself). Changes the log lacks (a save
interrupted before its log entry, a file written by an older version or by hand) are recovered
from the versions each finding keeps, and marked "recovered".

  <region>      only this region (a code or a name)
  <indicator>   only this indicator (a leaf, or a code above leaves)
  --limit <n>   the last n changes (default ${DEFAULT_LIMIT})
  --json        every change as JSON on stdout: {workspace, log, entries, problems}

Examples:
  assess log team.json
  assess log team.json 北京 1.4.3`,
	options: {limit: {type: 'string'}, json: {type: 'boolean'}},
	positionals: {min: 1, max: 3},
	async run(args, io) {
		const [wsArg, regionArg, indicatorArg] = args.positionals as [string, string | undefined, string | undefined];
		const limitText = stringOption(args, 'limit');
		const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
		if (!Number.isInteger(limit) || limit < 1) throw usageError(logCommand, WORDS.limit(limitText!));
		const file = resolve(io.cwd, wsArg);
		const {data, context} = await readWorkspace(file, {validationCache: ValidationCache.fromEnvironment(io.env)});
		const index = context.system.index;
		const region = regionArg === undefined ? undefined : resolveRegions(regionArg, context.regions.regions, data.regions, wsArg);
		if (region && region.length !== 1) throw usageError(logCommand, WORDS.oneRegion);
		const leaves = indicatorArg === undefined ? undefined : new Set(resolveLeaves(index, indicatorArg, wsArg));
		const trail = auditTrailOf(realWorkspacePath(file), data);
		const log = displayPath(io.cwd, trail.file);
		for (const p of trail.problems) io.err(WORDS.problem(log, p.line, p.problem));
		const entries = trail.entries.filter(e => (!region || e.region === region[0]) && (!leaves || (e.indicator !== undefined && leaves.has(e.indicator))));
		const recovered = entries.filter(e => e.via === 'history').length;
		if (args.values.json) {
			io.out(JSON.stringify({workspace: displayPath(io.cwd, file), log, entries, problems: trail.problems}, null, 2));
			return 0;
		}
		if (entries.length === 0) {
			io.err(WORDS.none);
			return 0;
		}
		const names = new Map(context.regions.regions.map(r => [r.code, r.name]));
		const shown = entries.slice(-limit);
		io.out(
			renderTable(
				WORDS.columns.map(header => ({header})),
				shown.map(e => {
					const d = describeChange(e, index, 'en');
					const node = e.indicator ? index.nodes.get(e.indicator) : undefined;
					return [isoWithOffset(e.at, localZone), e.by || '—', e.region ? `${e.region} ${names.get(e.region) ?? ''}`.trim() : '', e.indicator ? `${e.indicator} ${node?.node.name.zh ?? ''}`.trim() : '', d.what, clip(d.from), clip(d.to), e.via ? WORDS.via[e.via]! : ''];
				}),
			),
		);
		if (shown.length < entries.length) io.err(WORDS.shown(shown.length, entries.length));
		if (recovered) io.err(WORDS.recovered(recovered, log));
		return 0;
	},
};

/** Long text in a table cell: its start (the whole is in --json and the log). */
function clip(text: string, max = 80): string {
	const one = text.replace(/\s+/g, ' ');
	return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

import {resolve} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, listOption, usageError} from '../command.js';
import {OpenWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {UserError} from '../../storage/user-error.js';
import {parseValue} from '../../domain/rules/parse-value.js';
import {findingStatus, type FindingValue, type FindingStatus} from '../../domain/workspace/workspace-schema.js';
import {applyChange} from '../../domain/workspace/workspace-ops.js';
import type {FindingChange} from '../../domain/workspace/record-finding.js';
import {resolveRegions} from '../region-args.js';
import {parseEvidence} from '../evidence-args.js';
import {lockWait} from '../lock-wait.js';


export const recordCommand: Command = {
	name: 'record',
	usage: 'assess record <workspace> <region|all|codes,...> <indicator> <value> [--note <text>] [--evidence <url|file|quote:text>]... [--status draft|done|flagged|na] [--reason <text>] [--by <name>]',
	summary: 'record a finding without the TUI (scripts, bulk edits)',
	help: `Records a finding on one leaf indicator for one region, several, or all of them (a bulk
edit). The value is checked against the leaf's rule:

  yes/no rule      y, n, yes, no, 是, 否
  levels rule      the level's number (1 = first), id or label: 1, full, 完全满足
  sampled rule     each sampled item with pass or fail: SI-0001:pass,SI-0002:fail
  measurement      a number in the rule's unit: 3.5
  direct score     a number from 0 to 100: 87.5
  -                keep the current value (to change only the note, status or evidence)

  --note <text>        the finding's note (replaces the current note)
  --evidence <e>       a URL, quote:<text>, or a file (copied into <workspace-name>.evidence/);
                       may be given several times
  --status <s>         draft (default for a new finding), done, flagged, or na (not applicable)
  --reason <text>      why it is flagged or not applicable
  --by <name>          who records it (default: the workspace's assessor)

Waits up to 15 s if another process is editing the workspace (ASSESS_LOCK_WAIT_MS changes it).

Examples:
  assess record ws.json 110000 3.1.1 y --note "指南要素齐全" --evidence https://zwfw.beijing.gov.cn/...
  assess record ws.json all 1.1.1 full --status done
  assess record ws.json 北京,上海 2.2.1 - --status na --reason "本地区无此类事项"`,
	options: {
		note: {type: 'string'},
		evidence: {type: 'string', multiple: true},
		status: {type: 'string'},
		reason: {type: 'string'},
		by: {type: 'string'},
	},
	positionals: {min: 4, max: 4},
	async run(args, io) {
		const [wsArg, regionArg, indicator, valueText] = args.positionals as [string, string, string, string];
		const file = resolve(io.cwd, wsArg);
		const statusText = stringOption(args, 'status');
		const status = statusText === undefined ? undefined : findingStatus.safeParse(statusText);
		if (status && !status.success) throw usageError(recordCommand, `--status must be one of draft, done, flagged, na (not "${statusText}")`);
		const ws = await OpenWorkspace.open(file, {write: true, waitMs: lockWait(io.env), validationCache: ValidationCache.fromEnvironment(io.env)});
		try {
			const {index} = ws.context.system;
			const node = index.nodes.get(indicator);
			if (!node) throw UserError.of(wsArg, `"${indicator}" is not an indicator of ${index.system.id}; see \`assess search\``);
			if (!node.rule) throw UserError.of(wsArg, `"${indicator}" (${node.node.name.zh}) is not a leaf; findings are recorded on leaves: ${leafHint(index, indicator)}`);
			const regions = resolveRegions(regionArg, ws.context.regions.regions, ws.data.regions, wsArg);
			let value: FindingValue | undefined;
			if (valueText.trim() !== '-') {
				const parsed = parseValue(node.rule, valueText);
				if (!parsed.ok) throw UserError.of(wsArg, `${indicator} ${node.node.name.zh}: ${parsed.issues[0]!.message}`);
				value = parsed.value;
			}
			const by = stringOption(args, 'by')?.trim() || ws.data.assessor;
			const at = new Date().toISOString();
			const change: FindingChange = {};
			if (value) change.value = value;
			if (status?.success) change.status = status.data as FindingStatus;
			const note = stringOption(args, 'note');
			if (note !== undefined) change.note = note;
			const reason = stringOption(args, 'reason');
			if (reason !== undefined) change.reason = reason;
			// Beside the real file: a symlinked workspace keeps its evidence with its target.
			const evidence = listOption(args, 'evidence').map(spec => parseEvidence(spec, ws.realFile, io.cwd, by, at));
			if (evidence.length) change.addEvidence = evidence;
			if (Object.keys(change).length === 0) throw usageError(recordCommand, 'nothing to record: give a value, or a note, status or evidence with "-"');
			const report = await ws.save(applyChange(ws.data, regions, indicator, change, by, at));
			for (const warning of ws.warnings) io.err(`warning: ${warning}`);
			if (report.merged) io.err(`${wsArg} was changed by another program while this ran; both versions were merged (${report.merged.fromDisk} findings from it, ${report.merged.conflicts} conflicts).`);
			io.err(`Recorded ${indicator} ${node.node.name.zh} for ${regions.length === 1 ? regions[0] : `${regions.length} regions`}${value ? '' : ' (value unchanged)'}.`);
			return 0;
		} finally {
			await ws.close();
		}
	},
};

function leafHint(index: {nodes: ReadonlyMap<string, {children: readonly string[]; rule: unknown}>}, code: string): string {
	const leaves: string[] = [];
	const walk = (c: string) => {
		const n = index.nodes.get(c);
		if (!n) return;
		if (n.rule) leaves.push(c);
		n.children.forEach(walk);
	};
	walk(code);
	return leaves.slice(0, 8).join(', ') + (leaves.length > 8 ? ', …' : '');
}

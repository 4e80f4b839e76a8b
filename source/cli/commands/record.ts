import {say} from '../../domain/words/message.js';
import {resolve} from 'node:path';
import type {Command} from '../command.js';
import {stringOption, listOption, usageError} from '../command.js';
import {OpenWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {verbatim} from '../../domain/words/message.js';
import {UserError, type FileIssue} from '../../storage/user-error.js';
import {loadCatalog} from '../../storage/load-files.js';
import {parseValue} from '../../domain/rules/parse-value.js';
import {parseSampleInput, applySampleEdit, catalogLookup, itemName, type SampleEdit, type CatalogLookup} from '../../domain/rules/sample-input.js';
import {findingStatus, findingKey, type FindingValue, type FindingStatus, type Finding, type Sample, type Workspace, type Evidence} from '../../domain/workspace/workspace-schema.js';
import {recordFinding, mergeEvidence, type FindingChange} from '../../domain/workspace/record-finding.js';
import {checkRecording} from '../../domain/workspace/recording-rules.js';
import {settleConflict} from '../../domain/merge/merge-workspaces.js';
import {resolveRegions} from '../region-args.js';
import {parseEvidence} from '../evidence-args.js';
import {lockWait} from '../lock-wait.js';


export const recordCommand: Command = {
	name: 'record',
	usage:
		'assess record <workspace> <region|all|codes,...> <indicator> <value> [--note <text>] [--evidence <url|file|quote:text>]... [--status draft|done|flagged|na] [--reason <text>] [--by <name>] [--item-note <item>=<text>]... [--item-evidence <item>=<e>]... [--settle [--settle-reason <text>]]',
	summary: 'record a finding without the TUI (scripts, bulk edits)',
	help: `Records a finding on one leaf indicator for one region, several, or all of them (a bulk
edit). The value is checked against the leaf's rule:

  yes/no rule      y, n, yes, no, 是, 否
  levels rule      the level's number (1 = first), id or label: 1, full, 完全满足
  measurement      a number in the rule's unit: 3.5
  direct score     a number from 0 to 100: 87.5
  -                keep the current value (to change only the note, status or evidence)
  sampled rule     each sampled service item with its verdict: pass, fail, or ? (not judged yet)
    SI-0001:pass,SI-0002:fail,SI-0003:?   the leaf's items are exactly these: items already
                                          there and not named are replaced (the message lists them)
    +SI-0004:fail                         a leading + adds items (or re-judges ones already there)
                                          and keeps the rest
    name:新生儿出生一件事:pass             an item outside the service-item catalog, by its name;
                                          any other code must be in the catalog (assess search)
    An item's score counts judged items only: passed / judged × 100.

Recording rules (nothing is saved when one is broken):
  - not applicable (--status na) and flagged (--status flagged) need --reason;
  - a leaf with no value cannot be marked done;
  - a sampled leaf is done only when every item is judged, and with fewer items than its rule
    asks for (sampleSize) only with --reason saying why; otherwise export lists it as a blocker.
  - a leaf whose assessors disagree (a conflict from assess merge) is not recorded beside the
    conflict: --settle settles it with this value (--settle-reason says why).

  --note <text>            the finding's note (replaces the current note)
  --evidence <e>           a URL, quote:<text>, or a file (copied into <workspace-name>.evidence/);
                           may be given several times
  --status <s>             draft (default for a new finding), done, flagged, or na (not applicable)
  --reason <text>          why it is flagged, not applicable, or done with fewer sampled items
  --by <name>              who records it (default: the workspace's assessor)
  --item-note <item>=<t>   a note on one sampled item: SI-0356=办事指南缺少收费依据
  --item-evidence <item>=<e>  evidence for one sampled item (URL, quote:…, or a file)
  --settle                 settle the leaf's conflict with this value (a team lead's decision)
  --settle-reason <text>   why it was settled this way (kept with the finding and exported)

Waits up to 15 s if another process is editing the workspace (ASSESS_LOCK_WAIT_MS changes it).

Examples:
  assess record ws.json 110000 3.1.1 y --note "指南要素齐全" --evidence https://zwfw.beijing.gov.cn/...
  assess record ws.json all 1.1.1 full --status done
  assess record ws.json 北京,上海 2.2.1 - --status na --reason "本地区无此类事项"
  assess record ws.json 110000 3.5.1 +SI-0356:fail --item-note "SI-0356=办事指南缺少收费依据"`,
	options: {
		note: {type: 'string'},
		evidence: {type: 'string', multiple: true},
		status: {type: 'string'},
		reason: {type: 'string'},
		by: {type: 'string'},
		'item-note': {type: 'string', multiple: true},
		'item-evidence': {type: 'string', multiple: true},
		settle: {type: 'boolean'},
		'settle-reason': {type: 'string'},
	},
	positionals: {min: 4, max: 4},
	async run(args, io) {
		const [wsArg, regionArg, indicator, valueText] = args.positionals as [string, string, string, string];
		const file = resolve(io.cwd, wsArg);
		const statusText = stringOption(args, 'status');
		const status = statusText === undefined ? undefined : findingStatus.safeParse(statusText);
		if (status && !status.success) throw usageError(recordCommand, `--status must be one of draft, done, flagged, na (not "${statusText}")`);
		const settle = Boolean(args.values.settle);
		if (!settle && stringOption(args, 'settle-reason') !== undefined) throw usageError(recordCommand, '--settle-reason goes with --settle');
		const ws = await OpenWorkspace.open(file, {write: true, waitMs: lockWait(io.env), validationCache: ValidationCache.fromEnvironment(io.env)});
		try {
			const {index} = ws.context.system;
			const node = index.nodes.get(indicator);
			if (!node) throw UserError.of(wsArg, `"${indicator}" is not an indicator of ${index.system.id}; see \`assess search\``);
			const rule = node.rule;
			if (!rule) throw UserError.of(wsArg, `"${indicator}" (${node.node.name.zh}) is not a leaf; findings are recorded on leaves: ${leafHint(index, indicator)}`);
			const regions = resolveRegions(regionArg, ws.context.regions.regions, ws.data.regions, wsArg);
			const where = `${indicator} ${node.node.name.zh}`;
			const keepValue = valueText.trim() === '-';
			const by = stringOption(args, 'by')?.trim() || ws.data.assessor;
			const at = new Date().toISOString();

			// The value: one for every region, or, for sampled items, an edit of each region's own list.
			let value: FindingValue | undefined;
			let sampleEdit: SampleEdit | undefined;
			let catalog: CatalogLookup | undefined;
			if (!keepValue && rule.type === 'sampled') {
				catalog = catalogLookup(loadCatalog().items);
				const parsed = parseSampleInput(valueText, catalog);
				if (!parsed.ok) throw UserError.of(wsArg, `${where}: ${parsed.issues[0]!.message}`);
				sampleEdit = parsed.value;
			} else if (!keepValue) {
				const parsed = parseValue(rule, valueText);
				if (!parsed.ok) throw UserError.of(wsArg, `${where}: ${parsed.issues[0]!.message}`);
				value = parsed.value;
			}
			const itemNotes = itemArgs(listOption(args, 'item-note'), '--item-note');
			const itemEvidence = itemArgs(listOption(args, 'item-evidence'), '--item-evidence').map(([item, spec]) => [item, parseEvidence(spec, ws.realFile, io.cwd, by, at)] as const);
			if ((itemNotes.length || itemEvidence.length) && rule.type !== 'sampled') throw usageError(recordCommand, `--item-note and --item-evidence are for sampled leaves; ${where} is not one`);

			const base: FindingChange = {};
			if (status?.success) base.status = status.data as FindingStatus;
			const note = stringOption(args, 'note');
			if (note !== undefined) base.note = note;
			const reason = stringOption(args, 'reason');
			if (reason !== undefined) base.reason = reason;
			const evidence = listOption(args, 'evidence').map(spec => parseEvidence(spec, ws.realFile, io.cwd, by, at));
			if (evidence.length) base.addEvidence = evidence;
			if (!value && !sampleEdit && !itemNotes.length && !itemEvidence.length && Object.keys(base).length === 0) {
				throw usageError(recordCommand, 'nothing to record: give a value, or a note, status or evidence with "-"');
			}

			const problems: FileIssue[] = [];
			const said: string[] = [];
			// Reviews this change makes void: what was reviewed is not what the finding says now.
			const voided: string[] = [];
			let next: Workspace = ws.data;
			const findings = {...ws.data.findings};
			const inConflict = regions.filter(r => ws.data.conflicts[findingKey(r, indicator)]);
			if (inConflict.length && !settle) {
				const names = inConflict.map(r => regionLabel(ws.context.regions.regions, r));
				throw UserError.of(
					wsArg,
					`${where} is in conflict for ${names.slice(0, 8).join(', ')}${names.length > 8 ? ` and ${names.length - 8} more` : ''} (assessors disagree; see assess export --allow-conflicts or the TUI's c); recording beside the conflict would leave it open. Add --settle to settle it with this value (and --settle-reason to say why). Nothing was changed.`,
				);
			}
			if (settle && inConflict.length === 0) throw UserError.of(wsArg, `${where}: --settle, but there is no conflict to settle here. Nothing was changed.`);
			if (settle && sampleEdit?.mode === 'add') throw UserError.of(wsArg, `${where}: a conflict is settled with the whole list of sampled items (without +): the candidates' lists differ. Nothing was changed.`);

			for (const region of regions) {
				const key = findingKey(region, indicator);
				const conflict = ws.data.conflicts[key];
				const previous: Finding | undefined = conflict ? undefined : findings[key];
				const change: FindingChange = {...base};
				let regionValue = value;
				if (sampleEdit || itemNotes.length || itemEvidence.length) {
					const before = samplesOf(previous?.value ?? null) ?? [];
					let samples: Sample[] = before;
					if (sampleEdit) {
						const applied = applySampleEdit(before, sampleEdit);
						samples = applied.samples;
						if (applied.replaced.length) said.push(`${regionLabel(ws.context.regions.regions, region)}: replaced the ${applied.replaced.length} sampled item${applied.replaced.length === 1 ? '' : 's'} already there and not named (${applied.replaced.map(s => `${s.item} ${itemName(s.item, catalog)}`).join(', ')}); a leading + adds instead`);
					}
					const problem = annotateSamples(samples, itemNotes, itemEvidence);
					if (problem) throw UserError.of(wsArg, `${where} (${regionLabel(ws.context.regions.regions, region)}): ${problem}`);
					regionValue = {type: 'sampled', samples: annotated(samples, itemNotes, itemEvidence)};
				}
				if (regionValue) change.value = regionValue;
				let made: Finding;
				if (conflict) {
					const chosenValue = regionValue ?? null;
					if (chosenValue === null) throw UserError.of(wsArg, `${where}: settling a conflict needs the value to settle it with (not "-"). Nothing was changed.`);
					const chosen = {value: chosenValue, status: change.status ?? 'done', note: change.note ?? '', ...(change.reason ? {reason: change.reason} : {})};
					next = settleConflict({...next, findings}, region, indicator, chosen, by, at, stringOption(args, 'settle-reason'));
					made = next.findings[key]!;
					if (change.addEvidence?.length) made = recordFinding(made, region, indicator, {addEvidence: change.addEvidence}, by, at);
					change.status = chosen.status;
					change.value = chosenValue;
				} else {
					made = recordFinding(previous, region, indicator, change, by, at);
				}
				if (previous?.review && made !== previous && !made.review) voided.push(`${regionLabel(ws.context.regions.regions, region)} (${previous.review.state} by ${previous.review.by})`);
				const broken = checkRecording(rule, made, change);
				if (broken) problems.push({file: wsArg, place: '', problem: verbatim(`${where} (${regionLabel(ws.context.regions.regions, region)}): ${broken.message}`)});
				findings[key] = made;
			}
			if (problems.length) {
				const shown = problems.slice(0, 10);
				if (problems.length > 10) shown.push({file: wsArg, place: '', problem: verbatim(`… and ${problems.length - 10} more regions`)});
				shown.push({file: wsArg, place: '', problem: verbatim('nothing was changed')});
				throw new UserError(shown);
			}
			const conflicts = settle ? Object.fromEntries(Object.entries(ws.data.conflicts).filter(([k]) => !inConflict.some(r => findingKey(r, indicator) === k))) : ws.data.conflicts;
			const report = await ws.save({...ws.data, findings, conflicts});
			for (const warning of ws.warnings) io.err(`warning: ${say(io.lang, warning)}`);
			if (report.merged) io.err(`${wsArg} was changed by another program while this ran; both versions were merged (${report.merged.fromDisk} findings from it, ${report.merged.conflicts} conflicts).`);
			for (const line of said) io.err(line);
			if (voided.length) io.err(`note: ${where} had been reviewed for ${voided.slice(0, 8).join(', ')}${voided.length > 8 ? ` and ${voided.length - 8} more` : ''}; the change makes ${voided.length === 1 ? 'it wait' : 'them wait'} for review again.`);
			const what = settle ? `Settled ${inConflict.length} conflict${inConflict.length === 1 ? '' : 's'} and recorded` : 'Recorded';
			io.err(`${what} ${where} for ${regions.length === 1 ? regions[0] : `${regions.length} regions`}${value || sampleEdit ? '' : ' (value unchanged)'}.`);
			return 0;
		} finally {
			await ws.close();
		}
	},
};

function samplesOf(value: FindingValue | null): Sample[] | undefined {
	return value?.type === 'sampled' ? value.samples : undefined;
}

/** `SI-0356=text` arguments as [item, text] pairs. */
function itemArgs(list: readonly string[], flag: string): [string, string][] {
	return list.map(arg => {
		const at = arg.search(/[=＝]/);
		if (at <= 0) throw UserError.of(flag, `"${arg}" should be <item>=<text>, like SI-0356=办事指南缺少收费依据`);
		return [arg.slice(0, at).trim().replace(/^(?:name|名称)\s*[:：]\s*/i, ''), arg.slice(at + 1).trim()];
	});
}

/** Is every annotated item among the samples? */
function annotateSamples(samples: readonly Sample[], notes: readonly (readonly [string, string])[], evidence: readonly (readonly [string, unknown])[]): string | undefined {
	const have = new Set(samples.map(s => s.item));
	for (const [item] of [...notes, ...evidence]) {
		if (!have.has(item) && !have.has(item.toUpperCase())) return `"${item}" is not one of the sampled items here (${samples.map(s => s.item).join(', ') || 'none yet'}); add it first`;
	}
	return undefined;
}

function annotated(samples: readonly Sample[], notes: readonly (readonly [string, string])[], evidence: readonly (readonly [string, Evidence])[]): Sample[] {
	const same = (a: string, b: string) => a === b || a.toUpperCase() === b;
	return samples.map(s => {
		const note = notes.filter(([item]) => same(item, s.item)).at(-1)?.[1];
		const added = evidence.filter(([item]) => same(item, s.item)).map(([, e]) => e);
		if (note === undefined && added.length === 0) return s;
		const out: Sample = {...s};
		if (note !== undefined) {
			if (note) out.note = note;
			else delete out.note;
		}
		if (added.length) out.evidence = mergeEvidence(s.evidence ?? [], added);
		return out;
	});
}

function regionLabel(known: readonly {code: string; name: string}[], code: string): string {
	const r = known.find(x => x.code === code);
	return r ? `${r.name} ${code}` : code;
}

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

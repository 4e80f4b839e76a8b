import {randomUUID} from 'node:crypto';
import {existsSync, realpathSync} from 'node:fs';
import {dirname, relative, resolve} from 'node:path';
import type {Command, Io, Parsed} from '../command.js';
import {stringOption, usageError, displayPath, pathArg} from '../command.js';
import {readWorkspace, writeWorkspaceFile, realWorkspacePath, type FindingCache, type WorkspaceContext} from '../../storage/workspace-store.js';
import {formatValue} from '../../domain/rules/parse-value.js';
import {carryEvidence, evidenceFolderOf} from '../../storage/evidence-store.js';
import {lockWait} from '../lock-wait.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {KnownFindings} from '../../storage/finding-bytes.js';
import {mergeWorkspaces} from '../../domain/merge/merge-workspaces.js';
import {messages, words, say, type Message} from '../../domain/words/message.js';
import {pick, type Lang} from '../../domain/text.js';
import {GLOSSARY} from '../../domain/words/glossary.js';
import {logProblemWords} from '../../domain/audit/change-log-words.js';
import {COMMON} from '../common-words.js';
import {UserError, firstProblem} from '../../storage/user-error.js';
import {acquireLock, LockedError, type Lock} from '../../storage/workspace-lock.js';
import {PROGRAM} from '../../version.js';
import {renderTable} from '../table.js';
import type {Workspace} from '../../domain/workspace/workspace-schema.js';
import {mergeChanges} from '../../domain/audit/workspace-changes.js';
import {changeLine} from '../../domain/audit/change-entry.js';
import {spotCheckAgreement} from '../../domain/spot-check/spot-check.js';
import {changeLogOf, strayLogProblem} from '../../storage/change-log.js';
import {startMergedLog, mergedLogPlan, type MergedLog} from '../../storage/merged-log.js';
import {cacheFolder} from '../../storage/cache-folder.js';

/** Exit code when the merge is written but conflicts remain in it. */
export const EXIT_CONFLICTS = 3;

const M = messages('cli/merge', {
	whereTo: {zh: '请说明结果写到哪里：-o <文件>（或 --dry-run）', en: 'say where the result goes: -o <file> (or --dry-run)'},
	outputExists: {zh: '已存在，且不是输入文件之一；合并会替换它（若要合并进它，请把它也列为输入；否则换一个名称）', en: 'already exists and is not one of the inputs; merging would replace it (name it as an input to merge into it, or choose another name)'},
	wouldConflict: {zh: '\n会有冲突的末级指标：', en: '\nLeaves that would conflict:'},
	wouldConflictSome: {zh: '\n会有冲突的末级指标（{all} 个中的前 {shown} 个；--json 列出全部）：', en: '\nLeaves that would conflict (the first {shown} of {all}; --json lists all):'},
	dryRun: {zh: '试运行：{files} 个工作区将合并为 {findings} 条评估结论和 {conflicts} 处冲突；未写入任何内容。', en: 'Dry run: {files} {files|workspace|workspaces} would merge into {findings} {findings|finding|findings} and {conflicts} {conflicts|conflict|conflicts}; nothing was written.'},
	missingEvidence: {zh: '证据文件 {stored}（{name}，由 {key} 引用）不在任何输入的证据文件夹中；{folder} 中缺少它', en: 'evidence file {stored} ({name}, named by {key}) is in no input\'s evidence folder; it is missing from {folder}'},
	merged: {zh: '已将 {files} 个工作区合并到 {output}：{findings} 条评估结论，{conflicts} 处冲突{kept}。', en: 'Merged {files} {files|workspace|workspaces} into {output}: {findings} {findings|finding|findings}, {conflicts} {conflicts|conflict|conflicts}{kept}.'},
	kept: {zh: '（保留在文件中；请在终端界面中按 c 裁定）', en: ' (kept in the file; settle them in the TUI with c)'},
	logLine: {zh: '{file}：第 {line} 行：{problem}；未并入合并后的变更记录', en: '{file}: line {line}: {problem}; not taken into the merged log'},
	moreLogLines: {zh: '…输入的变更记录中另有 {n} 行', en: '… and {n} more {n|line|lines} of the inputs\' logs'},
	logNotWritten: {zh: '{file}：{problem}（assess log 会从工作区中恢复这些变更）', en: '{file}: {problem} (assess log recovers them from the workspace)'},
	spotCheck: {zh: '{assessor} 的抽样复查（从 {source} 抽取 {drawn} 个末级指标，种子 {seed}；{file}）：已复查 {units} 个，一致 {agreed} 个（{percent}）；Fleiss kappa {kappa}，Krippendorff alpha {alpha}；不一致 {disagree} 个{conflicts}。', en: 'Spot check by {assessor} ({drawn} {drawn|leaf|leaves} drawn from {source}, seed {seed}; {file}): {units} re-checked, {agreed} agree ({percent}); Fleiss\' kappa {kappa}, Krippendorff\'s alpha {alpha}; {disagree} disagree{conflicts}.'},
	toSettle: {zh: '（待裁定的冲突）', en: ' (conflicts to settle)'},
});

const H = words('cli/merge/headers', {
	region: {zh: '地区', en: 'region'},
	added: {zh: '新增', en: 'added'},
	updated: {zh: '更新', en: 'updated'},
	unchanged: {zh: '不变', en: 'unchanged'},
	conflicts: {zh: '冲突', en: 'conflicts'},
	indicator: {zh: '评估指标', en: 'indicator'},
	candidates: {zh: '候选（分值 · 状态 · 评估人）', en: 'candidates (value · status · assessor)'},
});

export const mergeCommand: Command = {
	name: 'merge',
	usage: {
		zh: 'assess merge <工作区> <工作区>... -o <输出> [--dry-run [--json]] [--assessor <姓名>] [--lang zh|en]',
		en: 'assess merge <ws> <ws>... -o <out> [--dry-run [--json]] [--assessor <name>] [--lang zh|en]',
	},
	summary: {zh: '把评估人的工作区合并为一个；冲突保留在其中', en: 'merge assessors\' workspaces into one; conflicts are kept inside it'},
	help: {
		zh: `把同一指标体系的几个工作区合并为一个团队工作区。不会丢失任何内容：
- 只有一个工作区有的评估结论，直接采用；
- 一个版本由另一个版本修改而来（有历史为证）时，新版本取代旧版本；
- 结论相同的合为一条评估结论，备注和证据合并；
- 结论不同的成为冲突，保留每个候选（分值、备注、证据、评估人、时间），记录在输出文件中；
  请在终端界面中（按 c）裁定。
地区取并集。从不修改输入文件。不同指标体系的工作区，或同一指标体系不同版本的工作区，拒绝合并。

  -o, --output <文件>  结果写到哪里；可以是输入之一（合并进团队文件），否则必须是尚不存在的文件
  --dry-run            逐个地区显示合并会做什么（与第一个输入相比：新增、更新、不变、冲突），
                       再列出每个会有冲突的末级指标（地区、评估指标，每个候选的分值、状态和
                       评估人；前 20 个），不写入任何内容
  --json               与 --dry-run 一起：全部内容以 JSON 输出到标准输出，列出每一处冲突
  --assessor <姓名>    合并后的工作区记为谁的（默认：第一个输入的评估人）
  --lang zh|en         输出语言（默认随系统区域设置）

退出码：0 合并无冲突，3 合并后输出中留有冲突，2 输入有误。

示例：
  assess merge workspaces/zhang.json workspaces/li.json workspaces/wang.json -o workspaces/team.json`,
		en: `Merges several workspaces of one indicator system into one team workspace. Nothing is lost:
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
  --lang zh|en         the language (default: from the locale)

Exit codes: 0 merged cleanly, 3 merged with conflicts kept in the output, 2 bad input.

Example:
  assess merge workspaces/zhang.json workspaces/li.json workspaces/wang.json -o workspaces/team.json`,
	},
	options: {output: {type: 'string', short: 'o'}, 'dry-run': {type: 'boolean'}, json: {type: 'boolean'}, assessor: {type: 'string'}},
	positionals: {min: 1, max: Infinity},
	async run(args, io) {
		const output = stringOption(args, 'output');
		const dryRun = Boolean(args.values['dry-run']);
		if (!output && !dryRun) throw usageError(mergeCommand, M.whereTo());
		const files = args.positionals.map(p => pathArg(io, p));
		const out = output && !dryRun ? outputPath(pathArg(io, output), output, files) : undefined;
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
		throw UserError.of(shown, M.outputExists());
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
	// The inputs' change logs are united beside the reading of the workspaces (a worker thread).
	let log: MergedLog | undefined;
	try {
		log = out ? startLog(files, out, io.env) : undefined;
	} catch (error) {
		// An input not there: reading it says so (the log is started after the reading, if ever).
		if (!(error instanceof UserError)) throw error;
	}
	try {
		return await mergeFiles(files, out, output, dryRun, args, io, log);
	} finally {
		await log?.close();
	}
}

async function mergeFiles(files: string[], out: string | undefined, output: string | undefined, dryRun: boolean, args: Parsed, io: Io, early: MergedLog | undefined): Promise<number> {
	const read: Awaited<ReturnType<typeof readWorkspace>>[] = [];
	// Assessors' files share most findings: each distinct finding is validated once, and kept
	// as one object (30 files mostly hold the same versions: this keeps peak memory low).
	const findingCache: FindingCache = new Map();
	// And most are the same bytes: those are not even parsed again.
	const findingBytes = new KnownFindings();
	const validationCache = ValidationCache.fromEnvironment(io.env);
	for (const file of files) read.push(await readWorkspace(file, {findingCache, findingBytes, validationCache}));
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
		const spot = spotCheckReports(read, files, io.cwd);
		const t = (m: Message) => say(io.lang, m);
		if (args.values.json) {
			io.out(JSON.stringify({inputs: files.map(f => displayPath(io.cwd, f)), findings: Object.keys(workspace.findings).length, conflicts: conflictList(workspace, context), regions: summary, spotChecks: spot.map(r => r.json)}, null, 2));
		} else {
			const h = (key: keyof typeof H) => H[key][io.lang];
			const listed = conflictList(workspace, context, io.lang);
			io.out(
				renderTable(
					[{header: h('region')}, {header: h('added'), align: 'right'}, {header: h('updated'), align: 'right'}, {header: h('unchanged'), align: 'right'}, {header: h('conflicts'), align: 'right'}],
					summary.map(s => [s.region, String(s.added), String(s.updated), String(s.unchanged), String(s.conflicts)]),
				),
			);
			if (listed.length > 0) {
				io.out(t(listed.length > SHOWN ? M.wouldConflictSome({shown: SHOWN, all: listed.length}) : M.wouldConflict()));
				io.out(
					renderTable(
						[{header: h('region')}, {header: h('indicator')}, {header: h('candidates')}],
						listed.slice(0, SHOWN).map(c => [`${c.region} ${c.regionName}`, `${c.indicator} ${c.name}`, c.candidates.map(v => `${v.value || '—'} · ${GLOSSARY[v.status][io.lang]} · ${v.by}`).join(' | ')]),
					),
				);
			}
		}
		for (const r of spot) io.err(t(r.text));
		io.err(t(M.dryRun({files: files.length, findings: Object.keys(workspace.findings).length, conflicts})));
		return conflicts ? EXIT_CONFLICTS : 0;
	}
	// The logs' union began before the reading (the files were there then: they are now).
	const log = early ?? startLog(files, out!, io.env);
	// What was read is validated already: only the findings the merge made are checked.
	await writeWorkspaceFile(out!, workspace, read, validationCache);
	// The audit trail: the inputs' logs united, then the merge's own events (written after the
	// workspace: a crash between the two leaves entries out, never in for a merge that did not land).
	const t = (m: Message) => say(io.lang, m);
	try {
		for (const w of await mergeLogs(log, mergeChanges(inputs, workspace, actor, new Date().toISOString()))) io.err(t(COMMON.warning({text: w})));
	} finally {
		if (log !== early) await log.close();
	}
	// The evidence files the findings name go with them.
	const missing = carryEvidence(out!, workspace, files.map(f => realWorkspacePath(f)));
	for (const m of missing) io.err(t(COMMON.warning({text: M.missingEvidence({stored: m.stored, name: m.name, key: m.key, folder: displayPath(io.cwd, evidenceFolderOf(out!))})})));
	for (const r of spotCheckReports(read, files, io.cwd)) io.err(t(r.text));
	io.err(t(M.merged({files: files.length, output: output!, findings: Object.keys(workspace.findings).length, conflicts, kept: conflicts ? M.kept() : ''})));
	return conflicts ? EXIT_CONFLICTS : 0;
}

/**
 * Where the inputs' logs go: a new output gets the union written whole (atomically); an output
 * that is one of the inputs gets the lines its log lacks appended (its own log read first, so
 * what the union adds to it is what it lacks). Started before the inputs are read, while the
 * merge holds the output's lock.
 */
function startLog(files: readonly string[], out: string, env: NodeJS.ProcessEnv): MergedLog {
	const logs = files.map(f => changeLogOf(realWorkspacePath(f)));
	const outLog = changeLogOf(out);
	const into = existsSync(out) && existsSync(outLog) ? logs.indexOf(outLog) : -1;
	return startMergedLog(mergedLogPlan(into > 0 ? [outLog, ...logs.filter((_, i) => i !== into)] : logs, outLog, into >= 0, cacheFolder(env)));
}

/** Problems of a log shown at most, per merge. */
const LOG_PROBLEMS_SHOWN = 10;

/**
 * Unites the inputs' change logs into the output's, with the merge's own events.
 * Returns warnings: logs left out, lines skipped.
 */
async function mergeLogs(log: MergedLog, events: ReturnType<typeof mergeChanges>): Promise<Message[]> {
	const union = await log.united();
	const warnings = [...union.warnings];
	const problems = union.problems.map(p => M.logLine({file: p.file, line: p.line, problem: logProblemWords(p.problem)}));
	warnings.push(...problems.slice(0, LOG_PROBLEMS_SHOWN));
	if (problems.length > LOG_PROBLEMS_SHOWN) warnings.push(M.moreLogLines({n: problems.length - LOG_PROBLEMS_SHOWN}));
	try {
		await log.write(events.map(e => ({id: e.id, line: changeLine(e)})));
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		warnings.push(M.logNotWritten({file: error.issues[0]?.file ?? '', problem: firstProblem(error)}));
	}
	return warnings;
}

/** Agreement on each spot check whose re-check is among the inputs, with the first assessor's file beside it. */
function spotCheckReports(read: readonly {data: Workspace; context: WorkspaceContext}[], files: readonly string[], cwd: string): {text: Message; json: unknown}[] {
	const out: {text: Message; json: unknown}[] = [];
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
				text: M.spotCheck({assessor: s.assessor, drawn: s.leaves.length, source: s.source.file, seed: s.seed, file: displayPath(cwd, files[i]!), units: o.units, agreed: o.agreed, percent: pct(o.percent), kappa: num(o.fleissKappa), alpha: num(o.alpha), disagree: o.units - o.agreed, conflicts: o.units - o.agreed ? M.toSettle() : ''}),
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
function conflictList(ws: Workspace, context: WorkspaceContext, lang: Lang = 'zh') {
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
				name: node ? pick(node.node.name, lang) : c.indicator,
				candidates: c.candidates.map(f => ({by: assessorsOf(f).join(', '), at: f.at, value: formatValue(node?.rule, f.value, lang), status: f.status, ...(f.reason ? {reason: f.reason} : {}), note: f.note})),
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

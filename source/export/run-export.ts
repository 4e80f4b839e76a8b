import {mkdirSync} from 'node:fs';
import {basename, dirname, relative, resolve, sep} from 'node:path';
import type {Workspace} from '../domain/workspace/workspace-schema.js';
import {scoreOf} from '../domain/workspace/workspace-ops.js';
import {scoreReport} from '../domain/scoring/score-report.js';
import {workbookModel, type RegionOrder} from '../domain/export/workbook-model.js';
import {finalityOf, blockerLine, blockerSummary, type Blocker, type Finality} from '../domain/workspace/finality.js';
import {sourceChanges, describeSourceChange} from '../domain/workspace/source-changes.js';
import {findingRows, sampleRows} from '../domain/export/export-rows.js';
import {isoWithOffset, type ZoneOffset} from '../domain/export/times.js';
import type {WorkspaceContext} from '../storage/workspace-store.js';
import type {LoadedWeights} from '../storage/load-files.js';
import {loadCatalog} from '../storage/load-files.js';
import {bundledDir, relativeToWorkspace} from '../storage/bundled-paths.js';
import {readBytes} from '../storage/read-json-file.js';
import {sha256} from '../domain/canonical-json.js';
import {writeFileDurably} from '../storage/durable-json-file.js';
import {UserError, type FileIssue} from '../storage/user-error.js';
import {fsProblem} from '../storage/fs-errors.js';
import {messages, both, type Message} from '../domain/words/message.js';

const M = messages('export/run', {
	notFinal: {zh: '尚未完成（{summary}）；{hints}。{which}：', en: 'is not final ({summary}); {hints}. {which}:'},
	allowIncomplete: {zh: '--allow-incomplete 可导出草稿', en: '--allow-incomplete exports a draft'},
	settle: {zh: '在终端界面中按 c 或用 assess record --settle 裁定冲突，或用 --allow-conflicts', en: 'settle conflicts with c in the TUI or assess record --settle, or --allow-conflicts'},
	hintsBoth: {zh: '{a}；{b}', en: '{a}; {b}'},
	firstOf: {zh: '以下是 {all} 项中的前 {shown} 项', en: 'The first {shown} of {all}'},
	all: {zh: '共 {n} 项', en: 'All {n}'},
	line: {zh: '  {line}', en: '  {line}'},
	more: {zh: '  …另有 {n} 项（assess export --json 列出全部）', en: '  … and {n} more (assess export --json lists them all)'},
	waiting: {zh: '等待审核（或已退回评估人）的评估结论，按审核人：', en: 'Findings waiting for review (or returned to the assessor), by reviewer:'},
	reviewerLine: {zh: '  {who}：{n}{returned} —— {regions}', en: '  {who}: {n}{returned} — {regions}'},
	returned: {zh: '（其中退回 {n}）', en: ' ({n} returned)'},
	noReviewer: {zh: '（未指定审核人）', en: '(no reviewer assigned)'},
	compareNeedsOld: {zh: '"compare" 表需要往年的工作区：--compare <旧工作区>', en: 'compare needs the older workspace: --compare <old-ws>'},
	cannotCreateFolder: {zh: '无法创建它所在的文件夹：{problem}', en: 'cannot create its folder: {problem}'},
});
import {csvScores, csvSamples, csvFindings, csvCompare} from './write-csv.js';
import {PROGRAM} from '../version.js';
import {exportTarget, EXPORT_KIND, type ExportFormat} from './export-target.js';
import {auditTrailOf, type AuditTrail} from '../storage/change-log.js';
import {realWorkspacePath} from '../storage/workspace-store.js';
import type {Comparison} from '../domain/compare/compare-results.js';
import {withComparison} from '../domain/export/comparison-sheets.js';

export type {ExportFormat};
/** What a CSV holds: one table per file (scores by default; compare with a comparison). */
export type CsvTable = 'scores' | 'samples' | 'findings' | 'compare';

export type ExportRequest = {
	ws: Workspace;
	context: WorkspaceContext;
	/** The workspace's path (paths in the export are made relative to its folder). */
	workspaceFile: string;
	/** The files exported from (the workspace): an export never replaces them. */
	inputs: readonly string[];
	output: string;
	format: ExportFormat;
	regions?: readonly string[];
	detail: boolean;
	allowIncomplete: boolean;
	allowConflicts: boolean;
	now: Date;
	/**
	 * The weights to score with and to name in the export: the caller's own (the TUI passes the
	 * live weights it shows). Default: the weights the workspace was read with.
	 */
	weights?: LoadedWeights;
	/** `rank` (default) or `tier` (2022 style: grouped by tier, code order, no ranks). */
	order?: RegionOrder;
	/** For CSV: which table (scores, samples, findings). */
	table?: CsvTable;
	/** The user's time zone (default: this machine's). */
	zone?: ZoneOffset;
	/**
	 * Year on year (`--compare <old-ws>`): the comparison of an older workspace with this one,
	 * from `compareResults`, with the older workspace's and the mapping's paths. xlsx gets the
	 * 对比 and 指标对比 sheets, JSON a "comparison", CSV the compare table.
	 */
	comparison?: {comparison: Comparison; oldWorkspace: string; mapping: string | undefined};
};

/** This machine's time zone at an instant, in minutes east of UTC. */
export const localZone: ZoneOffset = iso => -new Date(iso).getTimezoneOffset();

export type ExportResult = {draft: string | undefined; bytes: number; file: string; final: boolean; blockers: Blocker[]; changes: Message[]};

/** A refused export: the blockers it was refused for, all of them (the message shows the first 20). */
export class ExportRefused extends UserError {
	readonly blockers: readonly Blocker[];
	constructor(issues: readonly FileIssue[], blockers: readonly Blocker[]) {
		super(issues);
		this.blockers = blockers;
	}
}

/** How many blockers a refusal lists in its message (`--json` lists all). */
export const BLOCKERS_SHOWN = 20;

/**
 * What stands in the way of a final export, and which of it the flags allow: conflicts with
 * --allow-conflicts, everything else (unscored, draft, flagged, samples) with --allow-incomplete.
 */
export function exportCheck(finality: Finality, allowIncomplete: boolean, allowConflicts: boolean): {refused: Blocker[]; draft: string | undefined} {
	const refused = finality.blockers.filter(b => (b.kind === 'conflict' ? !allowConflicts : !allowIncomplete));
	return {refused, draft: finality.final ? undefined : blockerSummary(finality.counts, 'zh')};
}

function refusal(file: string, finality: Finality, refused: readonly Blocker[]): ExportRefused {
	const conflicts = refused.filter(b => b.kind === 'conflict').length;
	const other = refused.length - conflicts;
	const hints = other && conflicts ? M.hintsBoth({a: M.allowIncomplete(), b: M.settle()}) : other ? M.allowIncomplete() : M.settle();
	const which = refused.length > BLOCKERS_SHOWN ? M.firstOf({shown: BLOCKERS_SHOWN, all: refused.length}) : M.all({n: refused.length});
	const issues: FileIssue[] = [{file, place: '', problem: M.notFinal({summary: both(lang => blockerSummary(finality.counts, lang)), hints, which})}];
	for (const b of refused.slice(0, BLOCKERS_SHOWN)) issues.push({file, place: '', problem: M.line({line: both(lang => blockerLine(b, lang))})});
	if (refused.length > BLOCKERS_SHOWN) issues.push({file, place: '', problem: M.more({n: refused.length - BLOCKERS_SHOWN})});
	for (const line of waitingByReviewer(refused)) issues.push({file, place: '', problem: line});
	return new ExportRefused(issues, refused);
}

/**
 * The findings still waiting for review (or returned), by assigned reviewer, every one of them:
 * "Waiting for review, by reviewer:", "  王五: 12 (北京市 8, 上海市 4)", "  (no reviewer assigned): 3 …".
 */
export function waitingByReviewer(blockers: readonly Blocker[]): Message[] {
	const review = blockers.filter(b => b.kind === 'awaiting-review' || b.kind === 'returned');
	if (review.length === 0) return [];
	const byReviewer = new Map<string, Blocker[]>();
	for (const b of review) {
		const who = b.reviewer ?? '';
		byReviewer.set(who, [...(byReviewer.get(who) ?? []), b]);
	}
	const lines: Message[] = [M.waiting()];
	for (const [who, list] of [...byReviewer].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'zh')))) {
		const regions = new Map<string, number>();
		for (const b of list) regions.set(b.regionName, (regions.get(b.regionName) ?? 0) + 1);
		const returned = list.filter(b => b.kind === 'returned').length;
		lines.push(M.reviewerLine({who: who || M.noReviewer(), n: list.length, returned: returned ? M.returned({n: returned}) : '', regions: [...regions].map(([r, n]) => `${r} ${n}`)}));
	}
	return lines;
}

/** A path as the export names it: relative to the workspace's folder, or a bundled file by name; never a local absolute path. */
export function exportPath(workspaceFile: string, file: string): string {
	if (file.startsWith('(')) return file;
	const bundled = bundledDir();
	const abs = resolve(file);
	if (abs.startsWith(bundled + sep)) return `内置：indicators/${relative(bundled, abs).split(sep).join('/')}`;
	const rel = relative(dirname(resolve(workspaceFile)), abs).split(sep).join('/');
	// A file on another drive (Windows) has no relative path: its name is all the export says.
	return /^[A-Za-z]:|^\//.test(rel) ? basename(abs) : rel;
}

/**
 * Exports a workspace as an xlsx workbook in the official layout, a flat CSV, or JSON. Refuses a
 * workspace that is not final, listing what blocks it, unless asked for a draft, which every
 * format then says it is.
 */
export async function runExport(req: ExportRequest): Promise<ExportResult> {
	// Before any work: where it goes must be a new file or an earlier export of ours.
	const target = exportTarget(req.output, req.format, req.inputs);
	const index = req.context.system.index;
	const weights = req.weights ?? req.context.weights;
	const zone = req.zone ?? localZone;
	const scores = scoreOf(index, weights.weights.weights, req.ws);
	const names = new Map(req.context.regions.regions.map(r => [r.code, r.name]));
	const regionName = (c: string) => names.get(c) ?? c;
	const finality = finalityOf(index, req.ws, regionName);
	const {refused, draft} = exportCheck(finality, req.allowIncomplete, req.allowConflicts);
	if (refused.length) throw refusal(basename(req.workspaceFile), finality, refused);
	const changes = sourceChanges(req.ws, {systemDigest: req.context.system.digest, weightsDigest: weights.digest});
	const report = scoreReport(index, req.ws, scores, regionName, 'zh', finality);
	const facts = {
		workspaceFile: basename(req.workspaceFile),
		systemFile: req.context.system.bundled ? `内置：${index.system.id}（indicators/${basename(req.context.system.file)}）` : exportPath(req.workspaceFile, req.context.system.file),
		systemDigest: req.context.system.digest,
		weightsFile: exportPath(req.workspaceFile, weights.file),
		weightsDigest: weights.digest,
		generatedAt: req.now.toISOString(),
		program: PROGRAM,
		draft,
		changes: changes.map(c => describeSourceChange(c, 'zh')),
		zone,
		...(req.ws.samplePlan ? {samplePlan: {file: req.ws.samplePlan, digest: digestOf(relativeToWorkspace(req.workspaceFile, req.ws.samplePlan))}} : {}),
	};
	let catalogNames: Map<string, string> | undefined;
	const itemName = (id: string) => (catalogNames ??= new Map(loadCatalog().items.map(i => [i.id, i.name]))).get(id);
	const rowsContext = {index, ws: req.ws, regions: req.regions, stats: scores.stats, regionName};
	// The audit trail goes with xlsx and JSON (a CSV is one table).
	const trail: AuditTrail | undefined = req.format === 'csv' ? undefined : auditTrailOf(realWorkspacePath(req.workspaceFile), req.ws);
	let bytes: Uint8Array | string;
	if (req.format === 'xlsx') {
		// SheetJS is large; it is loaded only when a workbook is written.
		const {xlsxBytes} = await import('./write-xlsx.js');
		const model = workbookModel(index, req.ws, report, scores.best, facts, {regions: req.regions, detail: req.detail, order: req.order ?? 'rank', finality, stats: scores.stats, itemName, changes: trail?.entries ?? []});
		bytes = xlsxBytes(req.comparison ? withComparison(model, {...req.comparison, ...(req.regions ? {regions: req.regions} : {})}) : model);
	} else if (req.format === 'csv') {
		const table = req.table ?? (req.comparison ? 'compare' : 'scores');
		const time = (iso: string) => isoWithOffset(iso, zone);
		if (table === 'compare' && !req.comparison) throw UserError.of('--table', M.compareNeedsOld());
		bytes = table === 'samples' ? csvSamples(sampleRows(rowsContext, itemName), finality.final, time) : table === 'findings' ? csvFindings(findingRows(rowsContext), finality.final, time) : table === 'compare' ? csvCompare(req.comparison!.comparison, finality.final, req.regions) : csvScores(report, req.regions);
	} else {
		const time = (iso: string) => isoWithOffset(iso, zone);
		const regions = req.regions ? report.regions.filter(r => req.regions!.includes(r.code)) : report.regions;
		const withTime = <T extends {seenAt: string}>(e: T) => ({...e, seenAt: time(e.seenAt)});
		const json = {
			kind: EXPORT_KIND,
			result: finality.final ? 'final' : 'draft',
			draft: draft ?? null,
			generatedAt: time(facts.generatedAt),
			program: PROGRAM,
			systemFile: {file: facts.systemFile, sha256: facts.systemDigest},
			weights: {file: facts.weightsFile, sha256: facts.weightsDigest},
			samplePlan: facts.samplePlan ? {file: facts.samplePlan.file, sha256: facts.samplePlan.digest} : null,
			changes: facts.changes,
			order: req.order ?? 'rank',
			...report,
			regions,
			blockerList: finality.blockers.filter(b => !req.regions || req.regions.includes(b.region)).map(b => ({region: b.region, regionName: b.regionName, indicator: b.indicator, indicatorName: b.indicatorName, kind: b.kind, why: blockerLine(b).slice(`${b.regionName} ${b.indicator} ${b.indicatorName}: `.length), ...(b.reviewer ? {reviewer: b.reviewer} : {})})),
			samples: sampleRows(rowsContext, itemName).map(s => ({...s, evidence: s.evidence.map(withTime), at: time(s.at)})),
			findings: findingRows(rowsContext).map(f => ({...f, evidence: f.evidence.map(withTime), at: time(f.at), ...(f.settled ? {settled: {...f.settled, at: time(f.settled.at)}} : {}), ...(f.review ? {review: {...f.review, at: time(f.review.at)}} : {})})),
			changeLog: (trail?.entries ?? []).filter(e => !req.regions || e.region === undefined || req.regions.includes(e.region)).map(e => ({...e, at: time(e.at)})),
			// As `assess compare --json` gives it, for the exported regions.
			...(req.comparison ? {comparison: {oldWorkspace: req.comparison.oldWorkspace, mapping: req.comparison.mapping ?? null, ...req.comparison.comparison, regions: req.comparison.comparison.regions.filter(r => !req.regions || req.regions.includes(r.code))}} : {}),
		};
		bytes = JSON.stringify(json, null, 2) + '\n';
	}
	try {
		mkdirSync(dirname(target), {recursive: true});
	} catch (error) {
		throw UserError.of(req.output, M.cannotCreateFolder({problem: fsProblem(error)}));
	}
	// No `~` copy beside an export: the previous export is the one being replaced on purpose.
	await writeFileDurably(target, bytes, {keepPrevious: false});
	return {draft, bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length, file: target, final: finality.final, blockers: finality.blockers, changes: changes.map(c => both(lang => describeSourceChange(c, lang)))};
}

/** A referenced file's SHA-256, or why there is none (the export goes on without it). */
function digestOf(file: string): string {
	try {
		return sha256(readBytes(file));
	} catch {
		return '（文件不可读）';
	}
}

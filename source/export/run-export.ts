import {mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import type {Workspace} from '../domain/workspace/workspace-schema.js';
import {scoreOf} from '../domain/workspace/workspace-ops.js';
import {scoreReport} from '../domain/scoring/score-report.js';
import {workbookModel} from '../domain/export/workbook-model.js';
import type {WorkspaceContext} from '../storage/workspace-store.js';
import {writeFileDurably} from '../storage/durable-json-file.js';
import {UserError} from '../storage/user-error.js';
import {describeFsError} from '../storage/fs-errors.js';
import {csvText} from './write-csv.js';
import {PROGRAM} from '../version.js';

import {exportTarget, EXPORT_KIND, type ExportFormat} from './export-target.js';

export type {ExportFormat};

export type ExportRequest = {
	ws: Workspace;
	context: WorkspaceContext;
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
};

/** What stands in the way of a final export: unscored leaves and unsettled conflicts, by region. */
export function exportBlockers(req: Pick<ExportRequest, 'ws' | 'context' | 'regions'>, scores = scoreOf(req.context.system.index, req.context.weights.weights.weights, req.ws)): {unscored: number; conflicts: number; where: string[]} {
	const names = new Map(req.context.regions.regions.map(r => [r.code, r.name]));
	const conflictsIn = new Map<string, number>();
	for (const c of Object.values(req.ws.conflicts)) conflictsIn.set(c.region, (conflictsIn.get(c.region) ?? 0) + 1);
	let unscored = 0;
	let conflicts = 0;
	const where: string[] = [];
	for (const r of scores.regions) {
		if (req.regions && !req.regions.includes(r.code)) continue;
		const c = conflictsIn.get(r.code) ?? 0;
		unscored += r.unscored;
		conflicts += c;
		if (r.unscored || c) where.push(`${names.get(r.code) ?? r.code} ${[r.unscored ? `${r.unscored} unscored` : '', c ? `${c} conflicts` : ''].filter(Boolean).join(', ')}`);
	}
	return {unscored, conflicts, where};
}

/**
 * Exports a workspace as an xlsx workbook in the official layout, a flat CSV, or JSON. Refuses
 * an incomplete workspace unless asked to export a draft, which the output then says it is.
 */
export async function runExport(req: ExportRequest): Promise<{draft: string | undefined; bytes: number; file: string}> {
	// Before any work: where it goes must be a new file or an earlier export of ours.
	const target = exportTarget(req.output, req.format, req.inputs);
	const index = req.context.system.index;
	const scores = scoreOf(index, req.context.weights.weights.weights, req.ws);
	const blockers = exportBlockers(req, scores);
	const problems: string[] = [];
	if (blockers.unscored && !req.allowIncomplete) problems.push(`${blockers.unscored} leaves are not scored yet (--allow-incomplete exports a draft)`);
	if (blockers.conflicts && !req.allowConflicts) problems.push(`${blockers.conflicts} conflicts are not settled (settle them in the TUI with c, or --allow-conflicts)`);
	if (problems.length) {
		throw new UserError([{file: req.workspaceFile, place: '', problem: `is not ready for a final export: ${problems.join('; ')}`}, ...blockers.where.slice(0, 12).map(w => ({file: req.workspaceFile, place: '', problem: `  ${w}`})), ...(blockers.where.length > 12 ? [{file: req.workspaceFile, place: '', problem: `  … and ${blockers.where.length - 12} more regions`}] : [])]);
	}
	const draft = blockers.unscored || blockers.conflicts ? [blockers.unscored ? `${blockers.unscored} 项未评` : '', blockers.conflicts ? `${blockers.conflicts} 项冲突未裁定` : ''].filter(Boolean).join('，') : undefined;
	const names = new Map(req.context.regions.regions.map(r => [r.code, r.name]));
	const report = scoreReport(index, req.ws, scores, c => names.get(c) ?? c);
	let bytes: Uint8Array | string;
	if (req.format === 'xlsx') {
		const facts = {workspaceFile: req.workspaceFile, weightsFile: req.context.weights.file, weightsDigest: req.context.weights.digest, generatedAt: req.now.toISOString(), program: PROGRAM, draft};
		// SheetJS is large; it is loaded only when a workbook is written.
		const {xlsxBytes} = await import('./write-xlsx.js');
		bytes = xlsxBytes(workbookModel(index, req.ws, report, scores.best, facts, {regions: req.regions, detail: req.detail}));
	} else if (req.format === 'csv') {
		bytes = csvText(report, req.regions);
	} else {
		const regions = req.regions ? report.regions.filter(r => req.regions!.includes(r.code)) : report.regions;
		bytes = JSON.stringify({kind: EXPORT_KIND, draft: draft ?? null, generatedAt: req.now.toISOString(), program: PROGRAM, weights: {file: req.context.weights.file, sha256: req.context.weights.digest}, ...report, regions}, null, 2) + '\n';
	}
	try {
		mkdirSync(dirname(target), {recursive: true});
	} catch (error) {
		throw UserError.of(req.output, `cannot create its folder: ${describeFsError(error)}`);
	}
	// No `~` copy beside an export: the previous export is the one being replaced on purpose.
	await writeFileDurably(target, bytes, {keepPrevious: false});
	return {draft, bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length, file: target};
}

import type {Workspace} from '../domain/workspace/workspace-schema.js';
import type {Comparison} from '../domain/compare/compare-results.js';
import type {Lang} from '../domain/text.js';
import type {WorkspaceContext} from '../storage/workspace-store.js';
import {loadCatalog} from '../storage/load-files.js';
import {scoreOf} from '../domain/workspace/workspace-ops.js';
import {scoreReport} from '../domain/scoring/score-report.js';
import {reportModel, type ReportModel} from '../report/report-model.js';
import {PROGRAM} from '../version.js';

export type ReportOptions = {
	lang: Lang;
	workspaceFile: string;
	weightsFile: string;
	regions?: readonly string[];
	detail: boolean;
	comparison?: Comparison;
	now: Date;
};

/** Service-item names by id: the catalog, read and validated once per process. */
let names: ReadonlyMap<string, string> | undefined;
const catalogNames = () => (names ??= new Map(loadCatalog().items.map(i => [i.id, i.name])));

/** The report of an open workspace: scored with its weights, names in the report's language, sampled items named from the catalog. */
export function reportOfWorkspace(ws: Workspace, context: WorkspaceContext, options: ReportOptions): ReportModel {
	const index = context.system.index;
	const weights = context.weights.weights.weights;
	const names = new Map(context.regions.regions.map(r => [r.code, options.lang === 'en' ? r.en : r.name]));
	const scores = scoreOf(index, weights, ws);
	return reportModel({
		index,
		ws,
		weights,
		scores,
		report: scoreReport(index, ws, scores, code => names.get(code) ?? code, options.lang),
		itemNames: catalogNames(),
		lang: options.lang,
		facts: {workspaceFile: options.workspaceFile, weightsFile: options.weightsFile, weightsDigest: context.weights.digest, generatedAt: options.now.toISOString(), program: PROGRAM},
		...(options.regions ? {regions: options.regions} : {}),
		detail: options.detail,
		...(options.comparison ? {comparison: options.comparison} : {}),
	});
}

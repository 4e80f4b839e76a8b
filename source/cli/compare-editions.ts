import {resolve} from 'node:path';
import type {Io} from './command.js';
import {displayPath, pathArg} from './command.js';
import {readWorkspace} from '../storage/workspace-store.js';
import {ValidationCache} from '../storage/validation-cache.js';
import {loadMapping} from '../storage/load-mapping.js';
import {scoreOf} from '../domain/workspace/workspace-ops.js';
import {scoreReport} from '../domain/scoring/score-report.js';
import {matchIndicators} from '../domain/compare/match-indicators.js';
import {compareResults, type Comparison} from '../domain/compare/compare-results.js';
import type {Lang} from '../domain/text.js';
import type {Workspace} from '../domain/workspace/workspace-schema.js';
import type {WorkspaceContext} from '../storage/workspace-store.js';
import type {RegionRow} from '../domain/scoring/score-report.js';

export type Edition = {file: string; ws: Workspace; context: WorkspaceContext};

/** A workspace read for comparing or reporting, with the validation cache. */
export async function readEdition(file: string, io: Io): Promise<Edition> {
	const path = pathArg(io, file);
	const {data, context} = await readWorkspace(path, {validationCache: ValidationCache.fromEnvironment(io.env)});
	return {file: path, ws: data, context};
}

/** Region names in the report's language (English names from the region list). */
export function regionNamer(context: WorkspaceContext, lang: Lang): (code: string) => string {
	const names = new Map(context.regions.regions.map(r => [r.code, lang === 'en' ? r.en : r.name]));
	return code => names.get(code) ?? code;
}

/** Two editions compared: each scored, the mapping (if any) checked against both systems. */
export function compareEditions(old: Edition, next: Edition, mapFile: string | undefined, io: Io, lang: Lang): Comparison {
	const oldIndex = old.context.system.index;
	const newIndex = next.context.system.index;
	const mapping = mapFile ? loadMapping(resolve(io.cwd, mapFile), displayPath(io.cwd, resolve(io.cwd, mapFile)), {old: oldIndex, new: newIndex}) : undefined;
	const edition = (e: Edition) => {
		const index = e.context.system.index;
		const weights = e.context.weights.weights.weights;
		return {index, weights, report: scoreReport(index, e.ws, scoreOf(index, weights, e.ws), regionNamer(e.context, lang), lang), provisional: (r: RegionRow) => !r.final};
	};
	return compareResults(edition(old), edition(next), matchIndicators(oldIndex, newIndex, mapping), lang);
}

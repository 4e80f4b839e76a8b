import {existsSync, statSync} from 'node:fs';
import type {z} from 'zod';
import {indicatorSystem, type IndicatorSystem} from '../domain/system/system-schema.js';
import {indexSystem, type SystemIndex} from '../domain/system/system-index.js';
import {weightsFile, checkWeights, type WeightsFile} from '../domain/weights/weights-schema.js';
import {regionList, type RegionList} from '../domain/regions/region-schema.js';
import {serviceCatalog, type ServiceCatalog} from '../domain/catalog/catalog-schema.js';
import {zodIssues} from '../domain/words/zod-issues.js';
import {messages} from '../domain/words/message.js';
import {sha256} from '../domain/canonical-json.js';
import {readBytes, parseJsonText} from './read-json-file.js';
import {UserError} from './user-error.js';
import {bundledSystemFile, bundledWeightsFile, regionsFile, catalogFile} from './bundled-paths.js';

export {zodIssues};

const M = messages('storage/load-files', {
	notSystem: {zh: '既不是内置的指标体系（2020-province、2020-city），也不是指标体系文件的路径', en: 'is neither a bundled indicator system (2020-province, 2020-city) nor a path to a system file'},
});

/** Parses and validates one file against a schema, or throws a UserError naming the places. */
export function loadValidated<S extends z.ZodType>(file: string, schema: S, bytes = readBytes(file)): z.infer<S> {
	const data = parseJsonText(file, bytes);
	const result = schema.safeParse(data);
	if (!result.success) throw UserError.fromIssues(file, zodIssues(result.error));
	return result.data;
}

export type LoadedSystem = {file: string; index: SystemIndex; digest: string; bundled: boolean};

/**
 * Loaded files by path, size and modification time: a merge of 30 workspaces of one system
 * reads and validates that system once. A changed file (the watched weights) is read again.
 */
const loaded = new Map<string, {stamp: string; value: unknown}>();
function cached<T>(file: string, load: () => T): T {
	let stamp: string;
	try {
		const s = statSync(file);
		stamp = `${s.size}:${s.mtimeMs}`;
	} catch {
		return load();
	}
	const hit = loaded.get(file);
	if (hit && hit.stamp === stamp) return hit.value as T;
	const value = load();
	loaded.set(file, {stamp, value});
	return value;
}

/** An indicator system by bundled id ("2020-province") or by the path of a team's own file. */
export function loadSystem(idOrFile: string): LoadedSystem {
	const bundled = /^[a-z0-9][a-z0-9-]*$/.test(idOrFile) && existsSync(bundledSystemFile(idOrFile));
	const file = bundled ? bundledSystemFile(idOrFile) : idOrFile;
	if (!bundled && !/[/\\]|\.json$/i.test(idOrFile)) {
		throw UserError.of(idOrFile, M.notSystem());
	}
	return cached(file, () => {
		const bytes = readBytes(file);
		const system: IndicatorSystem = loadValidated(file, indicatorSystem, bytes);
		return {file, index: indexSystem(system), digest: sha256(bytes), bundled};
	});
}

export type LoadedWeights = {file: string; weights: WeightsFile; digest: string};

/** A weights file, checked against the tree it weights. */
export function loadWeights(file: string, index: SystemIndex): LoadedWeights {
	const load = () => {
		const bytes = readBytes(file);
		const weights = loadValidated(file, weightsFile, bytes);
		const issues = checkWeights(index, weights);
		if (issues.length > 0) throw UserError.fromIssues(file, issues);
		return {file, weights, digest: sha256(bytes)};
	};
	// Cached per system, since the same weights file is checked against the tree it weights.
	const hit = cached(file, () => ({index, result: load()}));
	return hit.index === index ? hit.result : load();
}

export function loadBundledWeights(index: SystemIndex): LoadedWeights {
	return loadWeights(bundledWeightsFile(index.system.id), index);
}

let regionsCache: RegionList | undefined;
export function loadRegions(file = regionsFile()): RegionList {
	if (file === regionsFile() && regionsCache) return regionsCache;
	const list = loadValidated(file, regionList);
	if (file === regionsFile()) regionsCache = list;
	return list;
}

export function loadCatalog(file = catalogFile()): ServiceCatalog {
	return loadValidated(file, serviceCatalog);
}

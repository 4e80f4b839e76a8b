import {resolve, dirname, join} from 'node:path';
import {existsSync, readdirSync} from 'node:fs';
import type {Command} from '../command.js';
import {stringOption} from '../command.js';
import {readBytes, parseJsonText} from '../../storage/read-json-file.js';
import {UserError, formatIssue} from '../../storage/user-error.js';
import {loadSystem, loadWeights, loadRegions, loadCatalog} from '../../storage/load-files.js';
import {bundledSystemFile} from '../../storage/bundled-paths.js';
import {readWorkspace} from '../../storage/workspace-store.js';
import {countByLevel} from '../../domain/system/system-index.js';
import {SYSTEM_KIND} from '../../domain/system/system-schema.js';
import {WEIGHTS_KIND, zeroWeightWarnings} from '../../domain/weights/weights-schema.js';
import {missingEvidence, evidenceFolderOf} from '../../storage/evidence-store.js';
import {formatPath, type Issue} from '../../domain/issues.js';
import {REGIONS_KIND} from '../../domain/regions/region-schema.js';
import {CATALOG_KIND} from '../../domain/catalog/catalog-schema.js';
import {WORKSPACE_KIND} from '../../domain/workspace/workspace-schema.js';
import {MAPPING_KIND} from '../../domain/compare/mapping-schema.js';
import {loadMapping} from '../../storage/load-mapping.js';

const KINDS = [SYSTEM_KIND, WEIGHTS_KIND, REGIONS_KIND, CATALOG_KIND, WORKSPACE_KIND, MAPPING_KIND];

export const validateCommand: Command = {
	name: 'validate',
	usage: 'assess validate <file>... [--system <id|file>]',
	summary: 'check indicator system, weights, workspace, region list or catalog files',
	help: `Checks each file: that it is JSON, of a known kind ("kind" field), valid for its schema, and
consistent with what it refers to (weights against their system, a workspace against its
system and the region list). Prints one line per valid file; for a broken file, each problem
with the place in the file. Never changes a file. Exit 0 when all are valid, 2 otherwise.

A weights file is checked against its system ("system" field): a bundled one, or a system
file with that id in the weights file's folder or the folder above; --system names it.
An indicator mapping (assess compare --map) is checked against both systems it names, found
the same way.

JSON Schemas for editors are in indicators/schemas/.

Example:
  assess validate indicators/*.json`,
	options: {system: {type: 'string'}},
	positionals: {min: 1, max: Infinity},
	async run(args, io) {
		let failed = 0;
		const systemArg = stringOption(args, 'system');
		const system = systemArg && (systemArg.includes('/') || systemArg.endsWith('.json')) ? resolve(io.cwd, systemArg) : systemArg;
		for (const name of args.positionals) {
			try {
				const {summary, warnings} = await validateOne(resolve(io.cwd, name), name, system);
				io.out(`ok  ${name}: ${summary}`);
				for (const w of warnings) io.err(formatIssue({file: name, place: w.path.length ? formatPath(w.path) : '', problem: `warning: ${w.message}`}));
			} catch (error) {
				if (!(error instanceof UserError)) throw error;
				failed++;
				for (const issue of error.issues) io.err(formatIssue({...issue, file: issue.file === resolve(io.cwd, name) ? name : issue.file}));
			}
		}
		if (args.positionals.length > 1) io.err(failed ? `${failed} of ${args.positionals.length} files have problems.` : `All ${args.positionals.length} files are valid.`);
		return failed ? 2 : 0;
	},
};

type Checked = {summary: string; warnings: Issue[]};

async function validateOne(file: string, shown: string, systemOverride: string | undefined): Promise<Checked> {
	const raw = parseJsonText(file, readBytes(file));
	const kind = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>).kind : undefined;
	switch (kind) {
		case SYSTEM_KIND: {
			const {index} = loadSystem(file);
			const counts = countByLevel(index);
			return {summary: `indicator system ${index.system.id} ${index.system.version}: ${counts.join(' / ')} indicators by level, ${index.leaves.length} leaves`, warnings: []};
		}
		case WEIGHTS_KIND: {
			const systemId = String((raw as Record<string, unknown>).system ?? '');
			const {index} = systemOverride ? loadSystem(systemOverride) : findSystem(systemId, file, shown);
			const {weights} = loadWeights(file, index);
			return {summary: `weights for ${systemId}: ${index.ordered.length} indicators, siblings sum to 1`, warnings: zeroWeightWarnings(index, weights)};
		}
		case REGIONS_KIND:
			return {summary: `region list: ${loadRegions(file).regions.length} regions`, warnings: []};
		case CATALOG_KIND:
			return {summary: `service-item catalog: ${loadCatalog(file).items.length} items`, warnings: []};
		case WORKSPACE_KIND: {
			const {data, context} = await readWorkspace(file);
			const notes = data.system.digest !== context.system.digest ? ' (note: the system file changed since the workspace was made)' : '';
			const missing = missingEvidence(file, data);
			if (missing.length > 0) {
				const folder = evidenceFolderOf(shown);
				throw UserError.fromIssues(
					shown,
					missing.map(m => ({path: ['findings', m.key, 'evidence'], message: `evidence file ${m.stored} (${m.name}) is missing from ${folder}; copy it there from the assessor's evidence folder`})),
				);
			}
			return {summary: `workspace of ${data.assessor}: ${data.regions.length} regions, ${Object.keys(data.findings).length} findings, ${Object.keys(data.conflicts).length} conflicts${notes}`, warnings: []};
		}
		case MAPPING_KIND: {
			const structure = loadMapping(file, shown);
			const systems = {old: findSystem(structure.from.id, file, shown).index, new: findSystem(structure.to.id, file, shown).index};
			const mapping = loadMapping(file, shown, systems);
			return {summary: `indicator mapping ${mapping.from.id} → ${mapping.to.id}: ${mapping.map.length} entries`, warnings: []};
		}
		default:
			throw UserError.of(shown, `has no known "kind" (expected one of ${KINDS.join(', ')})`, '$.kind');
	}
}

/** The system a weights file names: bundled, or a system file with that id nearby. */
function findSystem(id: string, weightsFile: string, shown: string) {
	if (/^[a-z0-9][a-z0-9-]*$/.test(id) && existsSync(bundledSystemFile(id))) return loadSystem(id);
	for (const dir of [dirname(weightsFile), dirname(dirname(weightsFile))]) {
		for (const name of safeList(dir)) {
			const candidate = join(dir, name);
			if (candidate === weightsFile || !name.endsWith('.json')) continue;
			try {
				const raw = parseJsonText(candidate, readBytes(candidate)) as Record<string, unknown>;
				if (raw && raw.kind === SYSTEM_KIND && raw.id === id) return loadSystem(candidate);
			} catch {
				// Not a readable system file: keep looking.
			}
		}
	}
	throw UserError.of(shown, `no indicator system "${id}" was found (bundled, or in this folder or the one above); name it with --system <file>`, '$.system');
}

function safeList(dir: string): string[] {
	try {
		return readdirSync(dir).sort();
	} catch {
		return [];
	}
}

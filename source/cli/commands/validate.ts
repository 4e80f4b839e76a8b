import {resolve, dirname, join} from 'node:path';
import {existsSync, readdirSync} from 'node:fs';
import type {Command} from '../command.js';
import {stringOption} from '../command.js';
import {readBytes, parseJsonText} from '../../storage/read-json-file.js';
import {verbatim} from '../../domain/words/message.js';
import {issue} from '../../domain/issues.js';
import {UserError, formatIssue} from '../../storage/user-error.js';
import {loadSystem, loadWeights, loadRegions, loadCatalog} from '../../storage/load-files.js';
import {bundledSystemFile} from '../../storage/bundled-paths.js';
import {readWorkspace, realWorkspacePath} from '../../storage/workspace-store.js';
import {auditTrailOf} from '../../storage/change-log.js';
import {countByLevel} from '../../domain/system/system-index.js';
import {SYSTEM_KIND} from '../../domain/system/system-schema.js';
import {WEIGHTS_KIND, zeroWeightWarnings} from '../../domain/weights/weights-schema.js';
import {missingEvidence, evidenceFolderOf} from '../../storage/evidence-store.js';
import {formatPath} from '../../domain/issues.js';
import {REGIONS_KIND} from '../../domain/regions/region-schema.js';
import {CATALOG_KIND} from '../../domain/catalog/catalog-schema.js';
import {WORKSPACE_KIND} from '../../domain/workspace/workspace-schema.js';
import {SAMPLE_PLAN_KIND, planDifferences, describePlanDifference} from '../../domain/sample-plan/sample-plan.js';
import {measureRuleWarnings, measureDataWarnings} from '../../domain/rules/measure-warnings.js';
import {sourceChanges, describeSourceChange} from '../../domain/workspace/source-changes.js';
import {scoreOf} from '../../domain/workspace/workspace-ops.js';
import {loadSamplePlan} from '../../storage/load-sample-plan.js';
import {relativeToWorkspace} from '../../storage/bundled-paths.js';
import {MAPPING_KIND} from '../../domain/compare/mapping-schema.js';
import {loadMapping} from '../../storage/load-mapping.js';

const KINDS = [SYSTEM_KIND, WEIGHTS_KIND, REGIONS_KIND, CATALOG_KIND, WORKSPACE_KIND, SAMPLE_PLAN_KIND, MAPPING_KIND];

export const validateCommand: Command = {
	name: 'validate',
	usage: 'assess validate <file>... [--system <id|file>]',
	summary: 'check indicator system, weights, workspace, sample plan, region list or catalog files',
	help: `Checks each file: that it is JSON, of a known kind ("kind" field), valid for its schema, and
consistent with what it refers to (weights against their system, a workspace against its
system and the region list). Prints one line per valid file; for a broken file, each problem
with the place in the file. Never changes a file. Exit 0 when all are valid, 2 otherwise.

A weights file or a sample plan is checked against its system ("system" field): a bundled
one, or a system file with that id in the file's folder or the folder above; --system names it.

Warnings (the file is still valid; exit 0) go to stderr as "warn": measure rules whose method
can degenerate (ratio with lower-is-better, where one region at 0 gives the others 0), measure
values in a workspace that make it degenerate (all regions equal, one region alone), regions
whose sampled items differ from the workspace's sample plan, a plan shorter than a rule's
sample size, and a system or weights file changed since the workspace was made.
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
				const warnings: string[] = [];
				io.out(`ok  ${name}: ${await validateOne(resolve(io.cwd, name), name, system, warnings)}`);
				for (const w of warnings) io.err(`warn ${name}: ${w}`);
			} catch (error) {
				if (!(error instanceof UserError)) throw error;
				failed++;
				for (const issue of error.issues) io.err(formatIssue({...issue, file: issue.file === resolve(io.cwd, name) ? name : issue.file}, io.lang));
			}
		}
		if (args.positionals.length > 1) io.err(failed ? `${failed} of ${args.positionals.length} files have problems.` : `All ${args.positionals.length} files are valid.`);
		return failed ? 2 : 0;
	},
};

async function validateOne(file: string, shown: string, systemOverride: string | undefined, warnings: string[]): Promise<string> {
	const raw = parseJsonText(file, readBytes(file));
	const kind = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>).kind : undefined;
	switch (kind) {
		case SYSTEM_KIND: {
			const {index} = loadSystem(file);
			for (const w of measureRuleWarnings(index)) warnings.push(`${w.indicator} ${w.name}: ${w.message}`);
			const counts = countByLevel(index);
			return `indicator system ${index.system.id} ${index.system.version}: ${counts.join(' / ')} indicators by level, ${index.leaves.length} leaves`;
		}
		case WEIGHTS_KIND: {
			const systemId = String((raw as Record<string, unknown>).system ?? '');
			const {index} = systemOverride ? loadSystem(systemOverride) : findSystem(systemId, file, shown);
			const {weights} = loadWeights(file, index);
			for (const w of zeroWeightWarnings(index, weights)) warnings.push(`${formatPath(w.path)}: ${w.message}`);
			return `weights for ${systemId}: ${index.ordered.length} indicators, siblings sum to 1`;
		}
		case REGIONS_KIND:
			return `region list: ${loadRegions(file).regions.length} regions`;
		case CATALOG_KIND:
			return `service-item catalog: ${loadCatalog(file).items.length} items`;
		case SAMPLE_PLAN_KIND: {
			const systemId = String((raw as Record<string, unknown>).system ?? '');
			const {index} = systemOverride ? loadSystem(systemOverride) : findSystem(systemId, file, shown);
			const plan = loadSamplePlan(file, index);
			for (const w of plan.warnings) warnings.push(w.message);
			return `sample plan for ${systemId}: ${plan.plan.groups.length} groups, ${plan.plan.groups.reduce((n, g) => n + g.indicators.length, 0)} sampled leaves`;
		}
		case WORKSPACE_KIND: {
			const {data, context} = await readWorkspace(file);
			const names = new Map(context.regions.regions.map(r => [r.code, r.name]));
			for (const change of sourceChanges(data, {systemDigest: context.system.digest, weightsDigest: context.weights.digest})) warnings.push(describeSourceChange(change));
			const scores = scoreOf(context.system.index, context.weights.weights.weights, data);
			for (const w of measureDataWarnings(context.system.index, scores.stats, data.regions.length)) warnings.push(`${w.indicator} ${w.name}: ${w.message}`);
			let planned = '';
			if (data.samplePlan) {
				const plan = loadSamplePlan(relativeToWorkspace(file, data.samplePlan), context.system.index);
				const differences = planDifferences(data, plan.plan);
				for (const d of differences) warnings.push(`differs from the sample plan ${data.samplePlan}: ${describePlanDifference(d, c => names.get(c) ?? c)}`);
				planned = `, sample plan ${data.samplePlan} (${differences.length ? `${differences.length} leaves differ` : 'every recorded sample follows it'})`;
			}
			const missing = missingEvidence(file, data);
			if (missing.length > 0) {
				const folder = evidenceFolderOf(shown);
				throw UserError.fromIssues(
					shown,
					missing.map(m => issue(['findings', m.key, 'evidence'], verbatim(`evidence file ${m.stored} (${m.name}) is missing from ${folder}; copy it there from the assessor's evidence folder`))),
				);
			}
			// Its change log: lines that are not changes, and changes it lacks (recovered by assess log).
			let trail = '';
			try {
				const audit = auditTrailOf(realWorkspacePath(file), data);
				for (const p of audit.problems.slice(0, 10)) warnings.push(`change log line ${p.line}: ${p.problem}`);
				if (audit.problems.length > 10) warnings.push(`change log: … and ${audit.problems.length - 10} more lines that are not changes`);
				const logged = audit.entries.length - audit.recovered;
				// A workspace from before change logs has none: its findings' histories are its trail.
				if (audit.recovered && logged) warnings.push(`${audit.recovered} change${audit.recovered === 1 ? ' is' : 's are'} not in the change log (assess log recovers them from the findings' histories)`);
				trail = logged ? `, ${logged} changes logged` : ', no change log yet (assess log shows the findings\' histories)';
			} catch (error) {
				if (!(error instanceof UserError)) throw error;
				warnings.push(`change log: ${error.issues[0]?.file}: ${error.issues[0]?.problem}`);
			}
			return `workspace of ${data.assessor}: ${data.regions.length} regions, ${Object.keys(data.findings).length} findings, ${Object.keys(data.conflicts).length} conflicts${planned}${trail}`;
		}
		case MAPPING_KIND: {
			const structure = loadMapping(file, shown);
			const systems = {old: findSystem(structure.from.id, file, shown).index, new: findSystem(structure.to.id, file, shown).index};
			const mapping = loadMapping(file, shown, systems);
			return `indicator mapping ${mapping.from.id} → ${mapping.to.id}: ${mapping.map.length} entries`;
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

import {samplePlan, checkSamplePlan, type SamplePlan} from '../domain/sample-plan/sample-plan.js';
import type {SystemIndex} from '../domain/system/system-index.js';
import type {Issue} from '../domain/issues.js';
import {sha256} from '../domain/canonical-json.js';
import {readBytes} from './read-json-file.js';
import {loadValidated, loadCatalog} from './load-files.js';
import {UserError} from './user-error.js';

export type LoadedSamplePlan = {file: string; plan: SamplePlan; digest: string; warnings: Issue[]};

/** A team's sample plan, validated, and checked against its system and the catalog. */
export function loadSamplePlan(file: string, index: SystemIndex): LoadedSamplePlan {
	const bytes = readBytes(file);
	const plan = loadValidated(file, samplePlan, bytes);
	const {issues, warnings} = checkSamplePlan(index, plan, new Set(loadCatalog().items.map(i => i.id)));
	if (issues.length) throw UserError.fromIssues(file, issues);
	return {file, plan, digest: sha256(bytes), warnings};
}

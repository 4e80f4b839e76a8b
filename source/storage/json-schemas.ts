import * as z from 'zod';
import {indicatorSystem} from '../domain/system/system-schema.js';
import {weightsFile} from '../domain/weights/weights-schema.js';
import {regionList} from '../domain/regions/region-schema.js';
import {serviceCatalog} from '../domain/catalog/catalog-schema.js';
import {workspace} from '../domain/workspace/workspace-schema.js';
import {samplePlan} from '../domain/sample-plan/sample-plan.js';
import {indicatorMapping} from '../domain/compare/mapping-schema.js';

/** The JSON Schemas editors use to check our files, generated from the zod schemas. */
export const SCHEMA_FILES: Readonly<Record<string, z.ZodType>> = {
	'indicator-system.schema.json': indicatorSystem,
	'weights.schema.json': weightsFile,
	'regions.schema.json': regionList,
	'service-items.schema.json': serviceCatalog,
	'workspace.schema.json': workspace,
	'sample-plan.schema.json': samplePlan,
	'indicator-mapping.schema.json': indicatorMapping,
};

export function jsonSchemaText(schema: z.ZodType): string {
	// Input shape: what a person may write (defaults may be left out).
	return JSON.stringify(z.toJSONSchema(schema, {io: 'input', unrepresentable: 'any', cycles: 'ref'}), null, 2) + '\n';
}

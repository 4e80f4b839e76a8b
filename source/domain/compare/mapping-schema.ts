import * as z from 'zod';
import {indicatorCode} from '../system/system-schema.js';

export const MAPPING_KIND = 'assess/indicator-mapping';

/** One side of an entry: a code, or a list of codes (a merge or a split); none is written []. */
const codes = z.union([indicatorCode, z.array(indicatorCode)]);

/** The system one side of a mapping is for: its id, and the version when it matters. */
const systemRef = z.strictObject({id: z.string().min(1), version: z.string().min(1).optional()});

/**
 * Which indicators of an older system became which of a newer one. Each entry maps codes of
 * the old system (`from`) onto codes of the new one (`to`): one onto one is kept or renamed,
 * several onto one merged, one onto several split, anything onto none dropped, none onto
 * anything added. Codes that an entry does not mention are compared when both systems have
 * the same code with the same name; a mapping lists only what changed.
 */
export const indicatorMapping = z.strictObject({
	$schema: z.string().optional(),
	kind: z.literal(MAPPING_KIND),
	formatVersion: z.literal(1),
	from: systemRef,
	to: systemRef,
	note: z.string().optional(),
	map: z.array(
		z.strictObject({
			from: codes,
			to: codes,
			/** Why (a published change notice, a method note); shown beside the change. */
			note: z.string().optional(),
		}),
	),
});
export type IndicatorMapping = z.infer<typeof indicatorMapping>;
export type MappingEntry = IndicatorMapping['map'][number];

export const codesOf = (side: string | readonly string[]): string[] => (typeof side === 'string' ? [side] : [...side]);

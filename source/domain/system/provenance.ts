import * as z from 'zod';

/**
 * Where a node's name comes from. The official tertiary indicators and all weights are
 * unpublished, so every node says whether it is published (and where) or derived by us
 * (and from what), and nothing may depend on bundled content being official.
 */
export const provenance = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('published'),
		source: z.string().min(1, 'a published node names its source'),
	}),
	z.strictObject({
		kind: z.literal('derived'),
		basis: z.string().min(1, 'a derived node names the standard or method it comes from'),
	}),
	z.strictObject({
		kind: z.literal('official'),
		source: z.string().min(1, 'an official node names the document it comes from'),
	}),
]);
export type Provenance = z.infer<typeof provenance>;

import * as z from 'zod';
import {messages} from '../words/message.js';
import {schemaText} from '../words/zod-issues.js';

const S = messages('domain/provenance', {
	published: {zh: '"published" 节点须写明出处（"source"）', en: 'a published node names its source'},
	derived: {zh: '"derived" 节点须写明所依据的标准或方法（"basis"）', en: 'a derived node names the standard or method it comes from'},
	official: {zh: '"official" 节点须写明所依据的文件（"source"）', en: 'an official node names the document it comes from'},
});

/**
 * Where a node's name comes from. The official tertiary indicators and all weights are
 * unpublished, so every node says whether it is published (and where) or derived by us
 * (and from what), and nothing may depend on bundled content being official.
 */
export const provenance = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('published'),
		source: z.string().min(1, schemaText(S.published())),
	}),
	z.strictObject({
		kind: z.literal('derived'),
		basis: z.string().min(1, schemaText(S.derived())),
	}),
	z.strictObject({
		kind: z.literal('official'),
		source: z.string().min(1, schemaText(S.official())),
	}),
]);
export type Provenance = z.infer<typeof provenance>;

import * as z from 'zod';
import {messages} from '../words/message.js';
import {schemaText, addIssue} from '../words/zod-issues.js';

const S = messages('domain/catalog-schema', {
	ids: {zh: '事项的 "id" 形如 "SI-0001"', en: 'item ids look like "SI-0001"'},
	idTwice: {zh: '事项 "id" 值 "{id}" 用了两次', en: 'item id "{id}" is used twice'},
});

export const serviceItem = z.strictObject({
	id: z.string().regex(/^[A-Z]{2,4}-[0-9]{3,6}$/, schemaText(S.ids())),
	name: z.string().min(1),
	category: z.string().min(1),
	department: z.string().min(1),
	/** Who applies: natural persons (个人), legal persons (法人), or both. */
	audience: z.enum(['person', 'business', 'both']),
	aliases: z.array(z.string().min(1)).optional(),
});
export type ServiceItem = z.infer<typeof serviceItem>;

export const CATALOG_KIND = 'assess/service-items';

export const serviceCatalog = z
	.strictObject({
		$schema: z.string().optional(),
		kind: z.literal(CATALOG_KIND),
		formatVersion: z.literal(1),
		note: z.string().optional(),
		items: z.array(serviceItem),
	})
	.superRefine((catalog, ctx) => {
		const ids = new Set<string>();
		for (const [index, item] of catalog.items.entries()) {
			if (ids.has(item.id)) addIssue(ctx, ['items', index, 'id'], S.idTwice({id: item.id}));
			ids.add(item.id);
		}
	});
export type ServiceCatalog = z.infer<typeof serviceCatalog>;

import * as z from 'zod';

export const serviceItem = z.strictObject({
	id: z.string().regex(/^[A-Z]{2,4}-[0-9]{3,6}$/, 'item ids look like "SI-0001"'),
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
			if (ids.has(item.id)) ctx.addIssue({code: 'custom', path: ['items', index, 'id'], message: `item id "${item.id}" is used twice`});
			ids.add(item.id);
		}
	});
export type ServiceCatalog = z.infer<typeof serviceCatalog>;

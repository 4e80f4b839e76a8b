import * as z from 'zod';
import {messages} from '../words/message.js';
import {schemaText, addIssue} from '../words/zod-issues.js';

const S = messages('domain/region-schema', {
	codes: {zh: '地区代码为六位数字或大写字母，如 "110000"', en: 'region codes have six digits or capitals, like "110000"'},
	codeTwice: {zh: '地区代码 "{code}" 用了两次', en: 'region code "{code}" is used twice'},
	unknownProvince: {zh: '未知的省级代码 "{code}"', en: 'unknown province code "{code}"'},
});

export const regionCode = z.string().regex(/^[0-9A-Z]{6}$/, schemaText(S.codes()));

export const regionKind = z.enum(['province', 'municipality', 'autonomous-region', 'corps', 'capital', 'planned-city']);
export type RegionKind = z.infer<typeof regionKind>;

export const region = z.strictObject({
	code: regionCode,
	/** Whether `code` is a GB/T 2260 code; 新疆生产建设兵团 has none and uses a project-local one. */
	standardCode: z.boolean(),
	name: z.string().min(1),
	short: z.string().min(1),
	en: z.string().min(1),
	/** Which kind of indicator system assesses it: the provincial-level units or the key cities. */
	level: z.enum(['province', 'city']),
	kind: regionKind,
	/** For a key city, the code of its province. */
	province: regionCode.optional(),
	/** Readings of names that pinyin tools get wrong, e.g. 乐清 → "yue qing". */
	pinyin: z.string().optional(),
});
export type Region = z.infer<typeof region>;

export const REGIONS_KIND = 'assess/regions';

export const regionList = z
	.strictObject({
		$schema: z.string().optional(),
		kind: z.literal(REGIONS_KIND),
		formatVersion: z.literal(1),
		note: z.string().optional(),
		regions: z.array(region).min(1),
	})
	.superRefine((list, ctx) => {
		const seen = new Set<string>();
		for (const [index, r] of list.regions.entries()) {
			if (seen.has(r.code)) addIssue(ctx, ['regions', index, 'code'], S.codeTwice({code: r.code}));
			seen.add(r.code);
		}
		for (const [index, r] of list.regions.entries()) {
			if (r.province && !seen.has(r.province)) addIssue(ctx, ['regions', index, 'province'], S.unknownProvince({code: r.province}));
		}
	});
export type RegionList = z.infer<typeof regionList>;

import * as z from 'zod';

/** A text in Chinese, with an optional English rendering for `--lang en`. */
export const localizedText = z.strictObject({
	zh: z.string().min(1, 'needs Chinese text'),
	en: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof localizedText>;

export type Lang = 'zh' | 'en';

/** English when asked for and present, Chinese otherwise (Chinese is always there). */
export function pick(text: LocalizedText, lang: Lang): string {
	return lang === 'en' && text.en ? text.en : text.zh;
}

import * as z from 'zod';
import {both, type Message} from './words/message.js';
import {schemaText} from './words/zod-issues.js';
import {messages} from './words/message.js';

const S = messages('domain/text', {
	needsChinese: {zh: '需要中文文本', en: 'needs Chinese text'},
});

/** A text in Chinese, with an optional English rendering for `--lang en`. */
export const localizedText = z.strictObject({
	zh: z.string().min(1, schemaText(S.needsChinese())),
	en: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof localizedText>;

export type Lang = 'zh' | 'en';

/** English when asked for and present, Chinese otherwise (Chinese is always there). */
export function pick(text: LocalizedText, lang: Lang): string {
	return lang === 'en' && text.en ? text.en : text.zh;
}

/** A text from a file as a message: its English where the file has one and English is asked for. */
export const inBoth = (text: LocalizedText): Message => both(lang => pick(text, lang));

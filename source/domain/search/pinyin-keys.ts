import {pinyin, customPinyin} from 'pinyin-pro';

/** Full pinyin without tones or spaces, and the initials: 办事指南 → banshizhinan, bszn. */
export type PinyinKeys = {full: string; initials: string};

/**
 * Teaches the converter readings it gets wrong in context (长沙 read as zhang sha,
 * 乐清 as le qing); the region list carries the right ones.
 */
export function teachReadings(readings: Readonly<Record<string, string>>): void {
	if (Object.keys(readings).length > 0) customPinyin(readings);
}

export function pinyinKeys(text: string): PinyinKeys {
	if (!/[\u3400-\u9fff]/.test(text)) return {full: '', initials: ''};
	const syllables = pinyin(text, {toneType: 'none', type: 'array', nonZh: 'removed', v: true});
	return {full: syllables.join(''), initials: syllables.map(s => s[0] ?? '').join('')};
}

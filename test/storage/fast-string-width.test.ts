import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import realStringWidth from 'string-width';
import fastStringWidth from '../../source/text/fast-string-width.js';

const pieces = ['a', 'Z', ' ', '~', '办', '事', '指', '南', '，', '。', '「', '　', 'ア', 'ひ', '한', 'Ａ', '￥', '×', '°', 'é', '\u00AD', '😀', '👩‍💻', 'e\u0301', '\u200B', '\u001B[31m', '\u001B[0m', '\t', '\n', 'Ω', '→', '…', '—', '\uFF9E', '𠀀'];

describe('the fast string width', () => {
	it('agrees with string-width on every character of its fast ranges', () => {
		const ranges: [number, number][] = [[0x20, 0x7e], [0xa0, 0xff], [0x3000, 0x303f], [0x3040, 0x30ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0xff00, 0xffef]];
		const wrong: string[] = [];
		for (const [from, to] of ranges) {
			for (let c = from; c <= to; c++) {
				const ch = String.fromCharCode(c);
				if (fastStringWidth(ch) !== realStringWidth(ch)) wrong.push(c.toString(16));
			}
		}
		expect(wrong).toEqual([]);
	});

	it('gives exactly what string-width gives, for any mix of scripts, emoji, marks and escapes', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 30}), parts => {
				const text = parts.join('');
				expect(fastStringWidth(text)).toBe(realStringWidth(text));
				expect(fastStringWidth(text, {ambiguousIsNarrow: false})).toBe(realStringWidth(text, {ambiguousIsNarrow: false}));
			}),
			{numRuns: 2000},
		);
		fc.assert(
			fc.property(fc.string({unit: 'binary'}), text => {
				expect(fastStringWidth(text)).toBe(realStringWidth(text));
			}),
			{numRuns: 2000},
		);
	});
});

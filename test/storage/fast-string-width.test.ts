import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import realStringWidth from 'string-width';
import fastStringWidth, {FAST_RANGES} from '../../source/runtime/fast-string-width.js';

const pieces = ['a', 'Z', ' ', '~', '办', '事', '指', '南', '，', '。', '「', '　', 'ア', 'ひ', '한', 'Ａ', '￥', '×', '°', 'é', '\u00AD', '😀', '👩‍💻', 'e\u0301', '\u200B', '\u001B[31m', '\u001B[0m', '\t', '\n', 'Ω', 'κ', '→', '↑', '…', '—', '─', '│', '┌', '█', '▶', '◽', '✓', '★', '\u2028', '\u200D', '\uFE0F', '\uFF9E', '𠀀'];

describe('the fast string width', () => {
	it('agrees with string-width on every character of its fast ranges', () => {
		// Each range, and the blocks around it (where the fast path hands over to string-width).
		const wrong: string[] = [];
		let checked = 0;
		for (const [from, to, width] of FAST_RANGES) {
			for (let c = Math.max(0, from - 0x40); c <= to + 0x40; c++) {
				const ch = String.fromCharCode(c);
				if (fastStringWidth(ch) !== realStringWidth(ch)) wrong.push(c.toString(16));
				if (c >= from && c <= to) {
					checked++;
					if (realStringWidth(ch) !== width) wrong.push(`${c.toString(16)} is not ${width} wide`);
					// Next to each other, the characters of the ranges do not join into wider clusters.
					if (realStringWidth(`${ch}${ch}a办─`) !== 2 * width + 4) wrong.push(`${c.toString(16)} joins its neighbours`);
				}
			}
		}
		expect(wrong).toEqual([]);
		expect(checked).toBeGreaterThan(39_000);
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

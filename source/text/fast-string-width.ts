import realStringWidth from '../../node_modules/string-width/index.js';

type Options = {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean};

/**
 * `string-width` with a fast path for the text this program shows: ASCII, CJK ideographs and
 * punctuation, kana, Hangul syllables, fullwidth forms and Latin-1. Those have one width each
 * and need neither Intl.Segmenter nor the emoji regular expression (whose first use alone costs
 * ~80 ms, and which string-width runs per character cluster on every frame). Anything else
 * (emoji, combining marks, joiners, other scripts) goes to string-width itself, so the result is
 * always the same as string-width's; a property test checks it. The bundle aliases
 * `string-width` to this module, for Ink's layout as well as ours.
 */
export default function stringWidth(input: string, options: Options = {}): number {
	if (typeof input !== 'string' || input.length === 0) return 0;
	if (options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes) return realStringWidth(input, options);
	let width = 0;
	for (let i = 0; i < input.length; i++) {
		const c = input.charCodeAt(i);
		if (c >= 0x20 && c <= 0x7e) width += 1;
		else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3001 && c <= 0x3029) || (c >= 0x302e && c <= 0x303e) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c === 0x3000) width += 2;
		else if (c >= 0xa0 && c <= 0xff && c !== 0xad) width += 1;
		else return realStringWidth(input, options);
	}
	return width;
}

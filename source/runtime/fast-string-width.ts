import {createRequire} from 'node:module';

type Options = {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean};
type StringWidth = (input: string, options?: Options) => number;

/**
 * UTF-16 code unit ranges whose characters each take a fixed width, alone or next to any other
 * character of these ranges: [from, to, width]. ASCII, Latin-1, Greek, the punctuation, arrows,
 * box drawing and blocks a terminal UI draws with, CJK ideographs and punctuation, kana, Hangul
 * syllables, fullwidth forms. A test checks every one of them against string-width.
 */
export const FAST_RANGES: readonly (readonly [number, number, 1 | 2])[] = [
	[0x20, 0x7e, 1],
	[0xa0, 0xac, 1],
	[0xae, 0xff, 1], // not U+00AD, the soft hyphen (width 0)
	[0x391, 0x3a1, 1],
	[0x3a3, 0x3a9, 1],
	[0x3b1, 0x3c9, 1],
	[0x2010, 0x2027, 1],
	[0x2030, 0x205e, 1],
	[0x2190, 0x21ff, 1],
	[0x2500, 0x259f, 1],
	[0x3000, 0x3000, 2],
	[0x3001, 0x3029, 2],
	[0x302e, 0x303e, 2],
	[0x3041, 0x3096, 2],
	[0x30a1, 0x30fa, 2],
	[0x3400, 0x4dbf, 2],
	[0x4e00, 0x9fff, 2],
	[0xac00, 0xd7a3, 2],
	[0xff01, 0xff60, 2],
	[0xffe0, 0xffe6, 2],
];

// Width per code unit of the ranges above (0 = not in them), for the 64 Ki code units of the BMP.
const WIDTH = new Uint8Array(0x10000);
for (const [from, to, width] of FAST_RANGES) WIDTH.fill(width, from, to + 1);

// string-width itself, loaded on first need: its module makes an Intl.Segmenter and compiles
// emoji regular expressions (~10 ms of every start-up), and most sessions never need it.
let real: StringWidth | undefined;
function realStringWidth(input: string, options: Options): number {
	real ??= (createRequire(import.meta.url)('string-width') as {default: StringWidth}).default;
	return real(input, options);
}

/**
 * `string-width` with a fast path for the text this program shows (FAST_RANGES). Those need
 * neither Intl.Segmenter nor the emoji regular expression, which string-width runs per character
 * cluster on every frame. Anything else (emoji, combining marks, joiners, other scripts) goes to
 * string-width itself, so the result is always the same as string-width's; a property test
 * checks it. The bundle aliases `string-width` to this module, for Ink's layout as well as ours.
 */
export default function stringWidth(input: string, options: Options = {}): number {
	if (typeof input !== 'string' || input.length === 0) return 0;
	if (options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes) return realStringWidth(input, options);
	let width = 0;
	for (let i = 0; i < input.length; i++) {
		const w = WIDTH[input.charCodeAt(i)]!;
		if (w === 0) return realStringWidth(input, options);
		width += w;
	}
	return width;
}

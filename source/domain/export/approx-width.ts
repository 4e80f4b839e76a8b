/**
 * A quick display width for sizing spreadsheet columns: two for East Asian wide characters,
 * one for the rest. Exact enough for column widths, and far cheaper than `cellWidth` over the
 * tens of thousands of cells of a big export.
 */
export function approxWidth(text: string): number {
	let width = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff) {
			width += 2;
			i++;
		} else width += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
	}
	return width;
}

import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import {styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar} from '@alcalzone/ansi-tokenize';

/**
 * Ink's `Output` (ink/build/output.js, Ink 6.8), the grid each frame is drawn into, with the
 * same output byte for byte (a differential test runs both on the same writes), made cheap for
 * frames that change a few lines of many. Ink's own builds every frame from nothing: each line
 * of text is tokenized into one object per character, and each row of the grid turned back into
 * a string, ~3 ms of a 4 ms keypress at 140 × 45. Here the characters of a line are kept across
 * frames, so a row made of the same character objects as in the last frame reuses that frame's
 * string. The bundle and the UI tests put this module in place of Ink's (substitutions.mjs).
 */

type Transformer = (line: string, index: number) => string;
type Clip = {x1: number | undefined; x2: number | undefined; y1: number | undefined; y2: number | undefined};
type Operation = {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]} | {type: 'clip'; clip: Clip} | {type: 'unclip'};
type Cell = StyledChar | undefined;

/** A map that forgets what was not used lately: two generations, the older dropped when the newer fills. */
class Recent<K, V> {
	#now = new Map<K, V>();
	#before = new Map<K, V>();
	readonly #limit: number;

	constructor(limit: number) {
		this.#limit = limit;
	}

	get(key: K, make: (key: K) => V): V {
		let value = this.#now.get(key);
		if (value !== undefined) return value;
		value = this.#before.get(key);
		if (value === undefined) value = make(key);
		if (this.#now.size >= this.#limit) {
			this.#before = this.#now;
			this.#now = new Map();
		}
		this.#now.set(key, value);
		return value;
	}
}

/** A line's characters, each with the columns it takes (at least one, as Ink counts them). */
type Line = {chars: StyledChar[]; widths: Uint8Array};

const lines = new Recent<string, Line>(4000);
const widths = new Recent<string, number>(8000);
const slices = new Recent<string, string>(4000);
// The cell after a wide character, one per character object (Ink makes a new one each time).
const continuations = new WeakMap<StyledChar, StyledChar>();
const BLANK: StyledChar = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) as unknown as StyledChar['styles']});
// Rows of the last frame drawn (by position), with their strings.
let lastRows: {cells: Cell[]; text: string}[] = [];

/** How many rows the last frame had to turn into strings (the others were the last frame's): for tests. */
export const frameStats = {rowsBuilt: 0};

function lineOf(text: string): Line {
	return lines.get(text, t => {
		const chars = styledCharsFromTokens(tokenize(t));
		const w = new Uint8Array(chars.length);
		for (let i = 0; i < chars.length; i++) w[i] = Math.min(255, Math.max(1, widthOf(chars[i]!.value)));
		return {chars, widths: w};
	});
}

const widthOf = (text: string) => widths.get(text, stringWidth);

function widestLine(text: string): number {
	let widest = 0;
	for (const line of text.split('\n')) widest = Math.max(widest, widthOf(line));
	return widest;
}

function continuationOf(char: StyledChar): StyledChar {
	let cell = continuations.get(char);
	if (!cell) {
		cell = {type: 'char', value: '', fullWidth: false, styles: char.styles};
		continuations.set(char, cell);
	}
	return cell;
}

function sameCells(a: Cell[], b: Cell[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

export default class Output {
	width: number;
	height: number;
	readonly operations: Operation[] = [];

	constructor(options: {width: number; height: number}) {
		this.width = options.width;
		this.height = options.height;
	}

	write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void {
		if (!text) return;
		this.operations.push({type: 'write', x, y, text, transformers: options.transformers});
	}

	clip(clip: Clip): void {
		this.operations.push({type: 'clip', clip});
	}

	unclip(): void {
		this.operations.push({type: 'unclip'});
	}

	get(): {output: string; height: number} {
		const output: Cell[][] = [];
		for (let y = 0; y < this.height; y++) output.push(new Array<Cell>(this.width).fill(BLANK));
		const clips: Clip[] = [];
		for (const operation of this.operations) {
			if (operation.type === 'clip') clips.push(operation.clip);
			if (operation.type === 'unclip') clips.pop();
			if (operation.type !== 'write') continue;
			const {text, transformers} = operation;
			let {x, y} = operation;
			let texts = text.split('\n');
			const clip = clips.at(-1);
			if (clip) {
				const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
				const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
				// Text wholly outside the clipping area is skipped.
				if (clipHorizontally) {
					const width = widestLine(text);
					if (x + width < clip.x1! || x > clip.x2!) continue;
				}
				if (clipVertically) {
					if (y + texts.length < clip.y1! || y > clip.y2!) continue;
				}
				if (clipHorizontally) {
					texts = texts.map(line => {
						const from = x < clip.x1! ? clip.x1! - x : 0;
						const width = widthOf(line);
						const to = x + width > clip.x2! ? clip.x2! - x : width;
						return slices.get(`${from}:${to}:${line}`, () => sliceAnsi(line, from, to));
					});
					if (x < clip.x1!) x = clip.x1!;
				}
				if (clipVertically) {
					const from = y < clip.y1! ? clip.y1! - y : 0;
					const to = y + texts.length > clip.y2! ? clip.y2! - y : texts.length;
					texts = texts.slice(from, to);
					if (y < clip.y1!) y = clip.y1!;
				}
			}
			// As Ink does: a line that falls outside the grid does not move the lines after it
			// down (so text that starts above the grid is dropped whole).
			let offsetY = 0;
			for (let index = 0; index < texts.length; index++) {
				const row = output[y + offsetY];
				if (!row) continue;
				offsetY++;
				let line = texts[index]!;
				for (const transformer of transformers) line = transformer(line, index);
				const {chars, widths: w} = lineOf(line);
				let offsetX = x;
				for (let i = 0; i < chars.length; i++) {
					const char = chars[i]!;
					row[offsetX] = char;
					const width = w[i]!;
					// The cells a wide character covers are cleared, so no stray spaces show.
					for (let k = 1; k < width; k++) row[offsetX + k] = continuationOf(char);
					offsetX += width;
				}
			}
		}
		const rows = new Array<{cells: Cell[]; text: string}>(output.length);
		frameStats.rowsBuilt = 0;
		for (let y = 0; y < output.length; y++) {
			const cells = output[y]!;
			const last = lastRows[y];
			if (last && sameCells(last.cells, cells)) rows[y] = last;
			else {
				rows[y] = {cells, text: styledCharsToString(cells.filter((c): c is StyledChar => c !== undefined)).trimEnd()};
				frameStats.rowsBuilt++;
			}
		}
		lastRows = rows;
		return {output: rows.map(r => r.text).join('\n'), height: output.length};
	}
}

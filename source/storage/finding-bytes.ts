import type {Finding} from '../domain/workspace/workspace-schema.js';
import {MAX_JSON_DEPTH} from './json-structure.js';

/**
 * For merging: the bytes of findings already read and validated (each the first copy of its
 * version), by key. Thirty assessors' files hold mostly the same findings, written the same way
 * (the program writes every finding as `JSON.stringify` does, at the same depth), so most of a
 * later file's findings are, byte for byte, one already read: those are not decoded, parsed or
 * validated again, only compared (see `reduceFindings`).
 */
export class KnownFindings {
	readonly #byKey = new Map<string, Known[]>();

	/**
	 * Remembers a finding read and validated, with the bytes of its value as they stand in the
	 * file, and what it was checked against (the digest of its file's system and regions).
	 */
	add(key: string, bytes: Buffer, finding: Finding, context: string): void {
		const list = this.#byKey.get(key);
		const entry = {bytes: Buffer.from(bytes), finding, context};
		if (list) list.push(entry);
		else this.#byKey.set(key, [entry]);
	}

	/** The known finding whose value's bytes stand in `bytes` at `at`, if one is. */
	match(key: string, bytes: Buffer, at: number): Known | undefined {
		for (const known of this.#byKey.get(key) ?? []) {
			const length = known.bytes.length;
			if (at + length <= bytes.length && bytes[at + length - 1] === 0x7d && known.bytes.compare(bytes, at, at + length) === 0) return known;
		}
		return undefined;
	}
}

type Known = {bytes: Buffer; finding: Finding; context: string};

/**
 * A workspace file's bytes with the values of the findings already known replaced by `0`:
 * everything else (keys, commas, white space, the rest of the file) as it was. What JSON.parse
 * and the checks then see is a tenth of a later assessor's file; the placeholders stand for the
 * known findings, byte for byte the text of a value that was parsed and checked before.
 */
export type Reduced = {
	bytes: Buffer;
	/** The known findings, by key, that the placeholders stand for. */
	known: Map<string, Finding>;
	/** What they were checked against (see `KnownFindings.add`). */
	contexts: Set<string>;
	/** Where the value of every other finding (an object) stands in the original bytes: to remember it once validated. */
	values: Map<string, [number, number]>;
};

const PLACEHOLDER = Buffer.from('0');
const FINDINGS = Buffer.from('findings');

/**
 * Finds the values of `findings`'s members in a workspace file's bytes and replaces each one
 * that is byte for byte a known finding's value (at the same key) with a placeholder. Returns
 * undefined when it finds nothing to do or the bytes are not what it expects (too deep): the
 * file is then read whole, which says what is wrong with it, if anything.
 *
 * Sound on any bytes: the scan follows strings and escapes as JSON does, so a value it finds
 * after a key of the findings object is a whole JSON value where JSON.parse would read one; a
 * value replaced is the exact text of a valid value, and putting another value in its place
 * (the `0`) leaves the file valid or invalid as it was, with the same keys in every object.
 */
export function reduceFindings(bytes: Buffer, known: KnownFindings): Reduced | undefined {
	const n = bytes.length;
	const pieces: Buffer[] = [];
	const found = new Map<string, Finding>();
	const contexts = new Set<string>();
	const values = new Map<string, [number, number]>();
	let cursor = 0;
	let depth = 0;
	// The last key read in the top object was "findings", and its object is open (at depth 2).
	let afterFindingsKey = false;
	let inFindings = false;
	// The member of the findings object being read: its key and where its value began.
	let member: string | undefined;
	let memberStart = -1;
	for (let i = 0; i < n; i++) {
		const c = bytes[i]!;
		if (c === 0x22) {
			const start = i;
			let escaped = false;
			i++;
			while (i < n) {
				const d = bytes[i]!;
				if (d === 0x5c) {
					escaped = true;
					i += 2;
				} else if (d === 0x22) break;
				else i++;
			}
			let j = i + 1;
			while (j < n && isSpace(bytes[j]!)) j++;
			if (bytes[j] !== 0x3a) continue;
			// A key.
			if (depth === 1) {
				afterFindingsKey = i - start - 1 === FINDINGS.length && FINDINGS.compare(bytes, start + 1, i) === 0;
				continue;
			}
			if (depth !== 2 || !inFindings) continue;
			const key = keyText(bytes, start, i, escaped);
			if (key === undefined) return undefined;
			let k = j + 1;
			while (k < n && isSpace(bytes[k]!)) k++;
			if (bytes[k] !== 0x7b) continue;
			const match = known.match(key, bytes, k);
			if (match) {
				pieces.push(bytes.subarray(cursor, k), PLACEHOLDER);
				cursor = k + match.bytes.length;
				found.set(key, match.finding);
				contexts.add(match.context);
				// On after the value.
				i = cursor - 1;
			} else {
				member = key;
				memberStart = k;
				i = k - 1;
			}
		} else if (c === 0x7b || c === 0x5b) {
			if (++depth > MAX_JSON_DEPTH) return undefined;
			if (depth === 2) {
				inFindings = afterFindingsKey && c === 0x7b;
				afterFindingsKey = false;
			}
		} else if (c === 0x7d || c === 0x5d) {
			if (depth === 3 && inFindings && member !== undefined && c === 0x7d) {
				values.set(member, [memberStart, i + 1]);
				member = undefined;
			}
			if (depth === 2) inFindings = false;
			depth--;
		}
	}
	if (values.size === 0 && found.size === 0) return undefined;
	if (found.size === 0) return {bytes, known: found, contexts, values};
	pieces.push(bytes.subarray(cursor));
	return {bytes: Buffer.concat(pieces), known: found, contexts, values};
}

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** A key's text from its bytes (quotes included at `start` and `end`); undefined if it is not a JSON string. */
function keyText(bytes: Buffer, start: number, end: number, escaped: boolean): string | undefined {
	if (!escaped) return bytes.toString('utf8', start + 1, end);
	try {
		const key: unknown = JSON.parse(bytes.toString('utf8', start, end + 1));
		return typeof key === 'string' ? key : undefined;
	} catch {
		return undefined;
	}
}

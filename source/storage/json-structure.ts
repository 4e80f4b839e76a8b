/**
 * What JSON.parse lets through and we must not: a key given twice in one object (JSON.parse
 * keeps the last, so a second `"findings": {}` silently emptied a workspace and the next save
 * wrote that), a `__proto__` key, and nesting deep enough to overflow the stack of the code that
 * walks the data afterwards (JSON.parse itself copes with any depth).
 */

import {messages, type Message} from '../domain/words/message.js';

const M = messages('storage/json-structure', {
	tooDeep: {zh: '嵌套超过 {max} 层；assess 的文件不会嵌套这么深', en: 'is nested more than {max} levels deep; no file of assess is nested that deep'},
	proto: {zh: '含有键 "__proto__"，assess 不接受此键（它会改变数据的行为）', en: 'has a key "__proto__", which assess does not accept (it would change how the data behaves)'},
	twice: {zh: '{key} 在同一个对象中出现了两次；后一个会悄悄覆盖前一个', en: '{key} appears twice in the same object; the second would silently replace the first'},
});

/** No file of ours comes near this; a team's deepest indicator tree uses about 2 levels per tier. */
export const MAX_JSON_DEPTH = 128;

export type StructureProblem = {offset: number; problem: Message};

/**
 * One pass over the bytes (strings skipped), counting object members and the deepest nesting.
 * Over the UTF-8 bytes rather than the decoded text: every byte that matters is ASCII, and a
 * byte array is read faster than a string of two-byte characters (~5 ms for a 3 MB workspace).
 * Iterative, and safe on bytes that are not valid JSON. `tooDeepAt` is a byte offset.
 */
export function scanStructure(bytes: Uint8Array): {members: number; tooDeepAt: number | undefined} {
	let depth = 0;
	let members = 0;
	const n = bytes.length;
	for (let i = 0; i < n; i++) {
		const c = bytes[i]!;
		if (c === 0x22) {
			i++;
			while (i < n) {
				const d = bytes[i]!;
				if (d === 0x5c) i += 2;
				else if (d === 0x22) break;
				else i++;
			}
			let j = i + 1;
			while (j < n) {
				const e = bytes[j]!;
				if (e === 0x20 || e === 0x0a || e === 0x0d || e === 0x09) j++;
				else break;
			}
			if (bytes[j] === 0x3a) members++;
		} else if (c === 0x7b || c === 0x5b) {
			if (++depth > MAX_JSON_DEPTH) return {members, tooDeepAt: i};
		} else if (c === 0x7d || c === 0x5d) depth--;
	}
	return {members, tooDeepAt: undefined};
}

/**
 * Own members of every object in parsed JSON, counted without recursion, and whether one of
 * them is `__proto__` (JSON.parse makes it an own property, however the key is written: an
 * escaped `"\u005f_proto__"` too). With for…in, not Object.keys: no array of keys made per
 * object (a 3 MB workspace at its first open: 4–7 ms where Object.keys took 11–15). The objects
 * JSON.parse makes inherit nothing enumerable; were something added to Object.prototype, the
 * counts would differ and the search for the place (findKeyProblem) would find nothing wrong.
 */
export function countMembers(value: unknown): {members: number; proto: boolean} {
	let count = 0;
	let proto = false;
	const stack: unknown[] = [value];
	while (stack.length > 0) {
		const v = stack.pop();
		if (v === null || typeof v !== 'object') continue;
		if (Array.isArray(v)) {
			for (let i = 0; i < v.length; i++) {
				const e: unknown = v[i];
				if (e !== null && typeof e === 'object') stack.push(e);
			}
			continue;
		}
		for (const key in v) {
			count++;
			if (key === '__proto__') proto = true;
			const e = (v as Record<string, unknown>)[key];
			if (e !== null && typeof e === 'object') stack.push(e);
		}
	}
	return {members: count, proto};
}

/**
 * The structure problems of a text JSON.parse accepted (or, with `parsed` undefined, the
 * depth only), given its bytes and what it parsed to. The slow search for the place runs only
 * when the fast counts say there is something to find. Offsets are in the text's characters.
 */
export function structureProblem(text: string, bytes: Uint8Array, parsed: unknown, scan = scanStructure(bytes)): StructureProblem | undefined {
	if (scan.tooDeepAt !== undefined) {
		// The offset of a bracket, an ASCII byte: the bytes before it decode to whole characters.
		const offset = Buffer.from(bytes.buffer, bytes.byteOffset, scan.tooDeepAt).toString('utf8').length;
		return {offset, problem: M.tooDeep({max: MAX_JSON_DEPTH})};
	}
	const counted = countMembers(parsed);
	if (scan.members === counted.members && !counted.proto) return undefined;
	return findKeyProblem(text);
}

/** Walks the text keeping the keys of each open object: the first repeated or `__proto__` key. */
export function findKeyProblem(text: string): StructureProblem | undefined {
	const open: (Set<string> | undefined)[] = [];
	const n = text.length;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x7b) open.push(new Set());
		else if (c === 0x5b) open.push(undefined);
		else if (c === 0x7d || c === 0x5d) open.pop();
		else if (c === 0x22) {
			const start = i;
			i++;
			while (i < n) {
				const d = text.charCodeAt(i);
				if (d === 0x5c) i += 2;
				else if (d === 0x22) break;
				else i++;
			}
			let j = i + 1;
			while (j < n && /\s/.test(text[j]!)) j++;
			const keys = open.at(-1);
			if (text[j] !== ':' || !keys) continue;
			let key: string;
			try {
				key = JSON.parse(text.slice(start, i + 1)) as string;
			} catch {
				continue;
			}
			if (key === '__proto__') return {offset: start, problem: M.proto()};
			if (keys.has(key)) return {offset: start, problem: M.twice({key: JSON.stringify(key)})};
			keys.add(key);
		}
	}
	return undefined;
}

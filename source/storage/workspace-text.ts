import type {Workspace} from '../domain/workspace/workspace-schema.js';

/**
 * The bytes of a workspace file: `JSON.stringify` with two-space indents and the findings and
 * conflicts sorted by key, so that git diffs stay small. Byte for byte the UTF-8 of
 * `JSON.stringify({...ws, findings: sorted, conflicts: sorted}, null, 2) + '\n'` (a property
 * test checks it), but each finding is kept encoded with the finding: a save after one change
 * stringifies and encodes one finding, not 4,096, and joins bytes instead of strings (joining
 * thousands of strings and encoding the result costs more than stringifying the whole).
 * Findings are never mutated once made (the reducers make new objects), so a finding's bytes
 * never go stale; the cache holds findings weakly.
 */
export function workspaceBytes(ws: Workspace): Buffer {
	const parts: Buffer[] = [];
	// Text not yet encoded: everything outside the findings and conflicts.
	let text = '{';
	let first = true;
	for (const key of Object.keys(ws)) {
		const value = (ws as Record<string, unknown>)[key];
		if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
		text += `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
		first = false;
		if (key !== 'findings' && key !== 'conflicts') {
			text += nested(JSON.stringify(value, null, 2), 1);
			continue;
		}
		const record = value as Record<string, unknown>;
		const keys = jsonKeyOrder(Object.keys(record).filter(k => record[k] !== undefined).sort());
		if (keys.length === 0) {
			text += '{}';
			continue;
		}
		parts.push(Buffer.from(text + '{'));
		for (let i = 0; i < keys.length; i++) {
			if (i > 0) parts.push(COMMA);
			parts.push(memberBytes(keys[i]!, record[keys[i]!]));
		}
		text = '\n  }';
	}
	parts.push(Buffer.from(text + (first ? '}\n' : '\n}\n')));
	return Buffer.concat(parts);
}

/** The same, as text (for tests, and callers that want a string). */
export function serializeWorkspace(ws: Workspace): string {
	return workspaceBytes(ws).toString('utf8');
}

const COMMA = Buffer.from(',');

/** `{\n  "a": {` and `\n  }\n}`: the wrapper around a member that `memberBytes` stringifies. */
const WRAPPER_HEAD = 10;
const WRAPPER_TAIL = 6;

/** Encoded members of the findings and conflicts records (`\n    "key": {…}`), by value. */
const members = new WeakMap<object, {key: string; bytes: Buffer}>();

function memberBytes(key: string, value: unknown): Buffer {
	const cacheable = typeof value === 'object' && value !== null;
	const hit = cacheable ? members.get(value) : undefined;
	if (hit && hit.key === key) return hit.bytes;
	// Stringified two levels deep as it stands in the file, the wrapper's text cut off: no pass
	// over the text to indent it (a computed key is an own property, "__proto__" too).
	const text = JSON.stringify({a: {[key]: value}}, null, 2);
	const bytes = Buffer.from(text.slice(WRAPPER_HEAD, text.length - WRAPPER_TAIL));
	if (cacheable) members.set(value, {key, bytes});
	return bytes;
}

/**
 * Sorted keys in the order an object made from them lists them: array-index keys ("7") come
 * first, by number, whatever the order they were added in. (Workspace keys never look like
 * that, "110000/1.1.1", but the bytes stay the same as JSON.stringify's for any keys.)
 */
function jsonKeyOrder(sorted: string[]): string[] {
	const isIndex = (k: string) => /^(?:0|[1-9][0-9]{0,9})$/.test(k) && Number(k) < 2 ** 32 - 1;
	if (!sorted.some(isIndex)) return sorted;
	return [...sorted.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...sorted.filter(k => !isIndex(k))];
}

/** A value's own JSON text placed `depth` levels deep: every line after the first indented. */
function nested(text: string, depth: number): string {
	return text.replaceAll('\n', '\n' + '  '.repeat(depth));
}

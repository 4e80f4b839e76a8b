import {createHash} from 'node:crypto';

/** JSON with object keys sorted, so equal data always gives equal text (and equal hashes). */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort()) {
			const v = (value as Record<string, unknown>)[key];
			if (v !== undefined) out[key] = sortKeys(v);
		}
		return out;
	}
	return value;
}

export function sha256(text: string | Uint8Array): string {
	return createHash('sha256').update(text).digest('hex');
}

import type {Region} from '../domain/regions/region-schema.js';
import {UserError} from '../storage/user-error.js';

/**
 * Reads a region argument: `all`, a code, a comma-separated list of codes, or names
 * (北京市, 北京, Beijing). Every one must be among `allowed`.
 */
export function resolveRegions(arg: string, known: readonly Region[], allowed: readonly string[], where: string): string[] {
	if (arg.trim().toLowerCase() === 'all') return [...allowed];
	const out: string[] = [];
	for (const part of arg.split(/[,，]/).map(p => p.trim()).filter(Boolean)) {
		const region = known.find(r => r.code === part.toUpperCase() || r.name === part || r.short === part || r.en.toLowerCase() === part.toLowerCase());
		if (!region) throw UserError.of(where, `"${part}" is not a known region code or name (see indicators/regions.json)`);
		if (!allowed.includes(region.code)) throw UserError.of(where, `${region.name} (${region.code}) is not one of the regions here`);
		if (!out.includes(region.code)) out.push(region.code);
	}
	if (out.length === 0) throw UserError.of(where, 'no region given');
	return out;
}

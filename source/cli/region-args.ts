import type {Region} from '../domain/regions/region-schema.js';
import {UserError} from '../storage/user-error.js';
import {messages} from '../domain/words/message.js';

const M = messages('cli/region-args', {
	unknown: {zh: '"{part}" 不是已知的地区代码或名称（见 indicators/regions.json）', en: '"{part}" is not a known region code or name (see indicators/regions.json)'},
	notHere: {zh: '{name}（{code}）不在此处的地区之中', en: '{name} ({code}) is not one of the regions here'},
	none: {zh: '没有给出地区', en: 'no region given'},
});

/**
 * Reads a region argument: `all`, a code, a comma-separated list of codes, or names
 * (北京市, 北京, Beijing). Every one must be among `allowed`.
 */
export function resolveRegions(arg: string, known: readonly Region[], allowed: readonly string[], where: string): string[] {
	if (arg.trim().toLowerCase() === 'all') return [...allowed];
	const out: string[] = [];
	for (const part of arg.split(/[,，]/).map(p => p.trim()).filter(Boolean)) {
		const region = known.find(r => r.code === part.toUpperCase() || r.name === part || r.short === part || r.en.toLowerCase() === part.toLowerCase());
		if (!region) throw UserError.of(where, M.unknown({part}));
		if (!allowed.includes(region.code)) throw UserError.of(where, M.notHere({name: region.name, code: region.code}));
		if (!out.includes(region.code)) out.push(region.code);
	}
	if (out.length === 0) throw UserError.of(where, M.none());
	return out;
}

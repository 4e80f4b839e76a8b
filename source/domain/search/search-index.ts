import Fuse, {type IFuseOptions} from 'fuse.js';
import {pinyinKeys} from './pinyin-keys.js';

/** Something that can be found: an indicator, a service item, a region. */
export type SearchEntry = {
	kind: 'indicator' | 'service-item' | 'region';
	/** The code or id that identifies it (1.2.3, SI-0001, 110000). */
	id: string;
	title: string;
	/** Secondary text shown beside the title: English name, category, department. */
	detail: string;
	/** Longer text searched with less weight (an indicator's guide). */
	body?: string;
	/** Other names people type for it. */
	aliases?: readonly string[];
};

type Indexed = SearchEntry & {full: string; initials: string; aliasKeys: string};

export type SearchHit = {entry: SearchEntry; score: number};

export type SearchIndex = {
	readonly size: number;
	search(query: string, options?: {limit?: number; kinds?: readonly SearchEntry['kind'][]}): SearchHit[];
};

const OPTIONS: IFuseOptions<Indexed> = {
	includeScore: true,
	ignoreLocation: true,
	// Fuse's defaults (0.6, location-biased) return hundreds of weak matches; 0.3 keeps them tight.
	threshold: 0.3,
	minMatchCharLength: 1,
	keys: [
		{name: 'id', weight: 3},
		{name: 'title', weight: 3},
		{name: 'full', weight: 2},
		{name: 'initials', weight: 2},
		{name: 'aliasKeys', weight: 2},
		{name: 'detail', weight: 1},
		{name: 'body', weight: 0.5},
	],
};

/**
 * A fuzzy index over Chinese text, full pinyin and pinyin initials. Pinyin is computed once
 * here, never per keystroke (per-query conversion is far too slow for 10,000 items).
 */
export function buildSearchIndex(entries: readonly SearchEntry[]): SearchIndex {
	const indexed: Indexed[] = entries.map(e => {
		const keys = pinyinKeys(e.title);
		const aliasKeys = (e.aliases ?? []).flatMap(a => {
			const k = pinyinKeys(a);
			return [a, k.full, k.initials];
		});
		return {...e, full: keys.full, initials: keys.initials, aliasKeys: aliasKeys.filter(Boolean).join(' ')};
	});
	const fuse = new Fuse(indexed, OPTIONS);
	return {
		size: indexed.length,
		search(query, options = {}) {
			const q = normalise(query);
			if (q === '') return [];
			const limit = options.limit ?? 50;
			const kinds = options.kinds;
			// Fuse's bitap patterns are capped at 32 characters; longer queries search their start.
			const hits = fuse.search(q.slice(0, 32), {limit: kinds ? limit * 4 : limit});
			const scored = hits
				.filter(h => !kinds || kinds.includes(h.item.kind))
				.map(h => ({entry: strip(h.item), score: boost(h.item, q, h.score ?? 1)}))
				.sort((a, b) => a.score - b.score);
			return scored.slice(0, limit);
		},
	};
}

/** Exact and prefix matches first: someone who types "bszn" wants 办事指南 above near misses. */
function boost(item: Indexed, q: string, score: number): number {
	const lower = q.toLowerCase();
	if (item.id.toLowerCase() === lower || item.title === q) return score * 0.01;
	if (item.title.includes(q) || item.initials.startsWith(lower) || item.full.startsWith(lower)) return score * 0.1;
	if (item.initials.includes(lower) || item.full.includes(lower) || item.aliasKeys.includes(q)) return score * 0.3;
	return score;
}

function normalise(query: string): string {
	return query.trim().replace(/\s+/g, ' ');
}

function strip(item: Indexed): SearchEntry {
	const {full: _f, initials: _i, aliasKeys: _a, ...entry} = item;
	return entry;
}

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

/**
 * An entry with its search keys computed (pinyin, lower case). A class, so every item has one
 * shape: objects spread from entries of different shapes fall into V8's slow dictionary mode,
 * which made the per-keystroke scan several times slower.
 */
class Indexed {
	readonly kind: SearchEntry['kind'];
	readonly id: string;
	readonly title: string;
	readonly body: string | undefined;
	readonly full: string;
	readonly initials: string;
	readonly aliasKeys: string;
	readonly lowerId: string;
	readonly lowerTitle: string;
	readonly lowerDetail: string;
	readonly haystack: string;
	readonly entry: SearchEntry;

	constructor(e: SearchEntry) {
		const keys = pinyinKeys(e.title);
		const aliases = (e.aliases ?? []).flatMap(a => {
			const k = pinyinKeys(a);
			return [a, k.full, k.initials];
		});
		this.entry = e;
		this.kind = e.kind;
		this.id = e.id;
		this.title = e.title;
		this.body = e.body;
		this.full = keys.full.toLowerCase();
		this.initials = keys.initials.toLowerCase();
		this.aliasKeys = aliases.filter(Boolean).join(' ').toLowerCase();
		this.lowerId = e.id.toLowerCase();
		this.lowerTitle = e.title.toLowerCase();
		this.lowerDetail = e.detail.toLowerCase();
		// Every key in one string: a single substring test rules out most items per keystroke.
		// toLowerCase also flattens what \`join\` leaves as a rope, which substring tests prefer.
		this.haystack = [this.lowerId, this.lowerTitle, this.full, this.initials, this.aliasKeys, this.lowerDetail, e.body ?? ''].join('\u0000').toLowerCase();
	}
}

export type SearchHit = {entry: SearchEntry; score: number};

export type SearchIndex = {
	readonly size: number;
	search(query: string, options?: {limit?: number; kinds?: readonly SearchEntry['kind'][]}): SearchHit[];
};

const FUSE_OPTIONS: IFuseOptions<Indexed> = {
	includeScore: true,
	ignoreLocation: true,
	// Fuse's defaults (0.6, location-biased) return hundreds of weak matches; 0.3 keeps them tight.
	threshold: 0.3,
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
 * Search over Chinese text, full pinyin and pinyin initials, in two passes. First a direct
 * pass over precomputed keys: exact, prefix and substring matches, ranked in that order — what
 * someone typing "bszn" or "公积金" means, and fast enough for every keystroke over 10,000 items.
 * Only when that finds nothing does Fuse's fuzzy matching run, to forgive a typo. Pinyin is
 * computed once here, never per keystroke.
 */
export function buildSearchIndex(entries: readonly SearchEntry[]): SearchIndex {
	return assembleSearchIndex(prepareSearchEntries(entries));
}

/** An entry with its search keys computed: the costly part of building an index. */
export type PreparedEntry = Indexed;

/** Computes the keys of some entries; a UI can call it slice by slice between keystrokes. */
export function prepareSearchEntries(entries: readonly SearchEntry[]): PreparedEntry[] {
	return entries.map(e => new Indexed(e));
}

/** The index over prepared entries. */
export function assembleSearchIndex(prepared: readonly PreparedEntry[]): SearchIndex {
	const indexed = [...prepared];
	// Shorter titles first ("营业执照" before "营业执照遗失补领"): sorted once, so each bucket
	// below fills in order and no keystroke sorts thousands of matches.
	indexed.sort((a, b) => a.title.length - b.title.length || a.id.localeCompare(b.id));
	let fuse: Fuse<Indexed> | undefined;
	return {
		size: indexed.length,
		search(query, options = {}) {
			const q = query.trim().replace(/\s+/g, ' ').toLowerCase();
			if (q === '') return [];
			const limit = options.limit ?? 50;
			const kinds = options.kinds;
			// Rank buckets: 0 exact, 1 prefix, 2 substring of a name key, 3 elsewhere (detail, guide).
			const buckets: Indexed[][] = [[], [], [], []];
			for (const item of indexed) {
				if (!item.haystack.includes(q) || (kinds && !kinds.includes(item.kind))) continue;
				const rank = rankOf(item, q);
				if (rank !== undefined && buckets[rank]!.length < limit) buckets[rank]!.push(item);
			}
			const hits: SearchHit[] = [];
			for (const [rank, bucket] of buckets.entries()) {
				for (const item of bucket) {
					if (hits.length >= limit) break;
					hits.push({entry: strip(item), score: rank / 4});
				}
			}
			if (hits.length > 0 || q.length < 2) return hits;
			// Nothing matched directly: forgive a typo. Bitap patterns are capped at 32 characters.
			fuse ??= new Fuse(indexed, FUSE_OPTIONS);
			return fuse
				.search(q.slice(0, 32), {limit: kinds ? limit * 4 : limit})
				.filter(h => !kinds || kinds.includes(h.item.kind))
				.slice(0, limit)
				.map(h => ({entry: strip(h.item), score: 0.75 + (h.score ?? 1) / 4}));
		},
	};
}

function rankOf(item: Indexed, q: string): number | undefined {
	const title = item.lowerTitle;
	if (item.lowerId === q || title === q) return 0;
	if (title.startsWith(q) || item.lowerId.startsWith(q) || item.initials.startsWith(q) || item.full.startsWith(q)) return 1;
	if (title.includes(q) || item.initials.includes(q) || item.full.includes(q) || item.aliasKeys.includes(q)) return 2;
	if (item.lowerDetail.includes(q) || (item.body !== undefined && item.body.includes(q))) return 3;
	return undefined;
}

function strip(item: Indexed): SearchEntry {
	return item.entry;
}

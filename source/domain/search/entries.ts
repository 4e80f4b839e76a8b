import type {SystemIndex} from '../system/system-index.js';
import type {ServiceItem} from '../catalog/catalog-schema.js';
import type {Region} from '../regions/region-schema.js';
import type {SearchEntry} from './search-index.js';

/** Every indicator of a system, searchable by code, names and guide text. */
export function systemEntries(index: SystemIndex): SearchEntry[] {
	return index.ordered.map(n => ({
		kind: 'indicator',
		id: n.code,
		title: n.node.name.zh,
		detail: [index.system.id, n.node.name.en].filter(Boolean).join(' · '),
		body: n.node.guide ? `${n.node.guide.check} ${n.node.guide.where} ${n.node.guide.met}` : n.node.description,
	}));
}

export function catalogEntries(items: readonly ServiceItem[]): SearchEntry[] {
	return items.map(i => ({kind: 'service-item', id: i.id, title: i.name, detail: `${i.category} · ${i.department}`, aliases: i.aliases}));
}

export function regionEntries(regions: readonly Region[]): SearchEntry[] {
	return regions.map(r => ({kind: 'region', id: r.code, title: r.name, detail: r.en, aliases: [r.short]}));
}

/** The readings the region list gives for names pinyin tools get wrong (长沙 → chang sha). */
export function regionReadings(regions: readonly Region[]): Record<string, string> {
	return Object.fromEntries(regions.filter(r => r.pinyin).map(r => [r.name, r.pinyin!]));
}

import type {Command} from '../command.js';
import {stringOption} from '../command.js';
import {loadSystem, loadCatalog, loadRegions} from '../../storage/load-files.js';
import {systemEntries, catalogEntries, regionEntries, regionReadings} from '../../domain/search/entries.js';
import {renderTable} from '../table.js';

export const searchCommand: Command = {
	name: 'search',
	usage: 'assess search <query> [--system <id|file>] [--limit <n>] [--json]',
	summary: 'fuzzy-search indicators, service items and regions (Chinese, pinyin, initials)',
	help: `Searches the indicators of a system, the service-item catalog and the regions by Chinese
text, full pinyin or pinyin initials, codes and guide text. Best matches first.

  --system <id|file>   which indicator system (default: both bundled systems)
  --limit <n>          at most n results (default 20)
  --json               machine-readable output on stdout

Examples:
  assess search bszn          办事指南…
  assess search yyzz          营业执照…
  assess search 公积金提取`,
	options: {system: {type: 'string'}, limit: {type: 'string'}, json: {type: 'boolean'}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const query = args.positionals[0]!;
		const systems = stringOption(args, 'system') ? [stringOption(args, 'system')!] : ['2020-province', '2020-city'];
		// The pinyin dictionary is large: loaded only by the commands that search.
		const [{buildSearchIndex}, {teachReadings}] = await Promise.all([import('../../domain/search/search-index.js'), import('../../domain/search/pinyin-keys.js')]);
		const regions = loadRegions().regions;
		teachReadings(regionReadings(regions));
		const entries = [...systems.flatMap(s => systemEntries(loadSystem(s).index)), ...catalogEntries(loadCatalog().items), ...regionEntries(regions)];
		const limit = Math.max(1, Number(stringOption(args, 'limit') ?? 20) || 20);
		const hits = buildSearchIndex(entries).search(query, {limit});
		if (args.values.json) {
			io.out(JSON.stringify({query, results: hits.map(h => ({...h.entry, score: Math.round(h.score * 1e4) / 1e4}))}, null, 2));
			return 0;
		}
		if (hits.length === 0) {
			io.err(`Nothing matches "${query}".`);
			return 0;
		}
		const kindName = {indicator: '指标', 'service-item': '事项', region: '地区'} as const;
		io.out(renderTable([{header: '类别'}, {header: '编码'}, {header: '名称'}, {header: '说明'}], hits.map(h => [kindName[h.entry.kind], h.entry.id, h.entry.title, h.entry.detail])));
		return 0;
	},
};

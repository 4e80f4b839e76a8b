import type {Command} from '../command.js';
import {stringOption} from '../command.js';
import {messages, words, say} from '../../domain/words/message.js';
import {loadSystem, loadCatalog, loadRegions} from '../../storage/load-files.js';
import {systemEntries, catalogEntries, regionEntries, regionReadings} from '../../domain/search/entries.js';
import {renderTable} from '../table.js';

const M = messages('cli/search', {
	nothing: {zh: '没有与 "{query}" 匹配的结果。', en: 'Nothing matches "{query}".'},
});

const H = words('cli/search/words', {
	kind: {zh: '类别', en: 'Kind'},
	code: {zh: '编码', en: 'Code'},
	name: {zh: '名称', en: 'Name'},
	detail: {zh: '说明', en: 'Detail'},
	indicator: {zh: '指标', en: 'indicator'},
	'service-item': {zh: '事项', en: 'item'},
	region: {zh: '地区', en: 'region'},
});

export const searchCommand: Command = {
	name: 'search',
	usage: {zh: 'assess search <查询> [--system <id|文件>] [--limit <n>] [--json] [--lang zh|en]', en: 'assess search <query> [--system <id|file>] [--limit <n>] [--json] [--lang zh|en]'},
	summary: {zh: '模糊搜索评估指标、政务服务事项和地区（中文、全拼、首字母）', en: 'fuzzy-search indicators, service items and regions (Chinese, pinyin, initials)'},
	help: {
		zh: `按中文、全拼或拼音首字母、编码和指南文字，搜索指标体系中的评估指标、政务服务事项目录和地区。
最匹配的排在前面。

  --system <id|文件>   在哪个指标体系中搜索（默认：两个内置指标体系）
  --limit <n>          最多 n 条结果（默认 20）
  --json               在标准输出上输出机器可读的结果
  --lang zh|en         输出语言（默认随系统区域设置）

示例：
  assess search bszn          办事指南…
  assess search yyzz          营业执照…
  assess search 公积金提取`,
		en: `Searches the indicators of a system, the service-item catalog and the regions by Chinese
text, full pinyin or pinyin initials, codes and guide text. Best matches first.

  --system <id|file>   which indicator system (default: both bundled systems)
  --limit <n>          at most n results (default 20)
  --json               machine-readable output on stdout
  --lang zh|en         the language (default: from the locale)

Examples:
  assess search bszn          (办事指南…)
  assess search yyzz          (营业执照…)
  assess search 公积金提取`,
	},
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
			io.err(say(io.lang, M.nothing({query})));
			return 0;
		}
		const h = (key: keyof typeof H) => H[key][io.lang];
		io.out(renderTable([{header: h('kind')}, {header: h('code')}, {header: h('name')}, {header: h('detail')}], hits.map(hit => [h(hit.entry.kind), hit.entry.id, hit.entry.title, detailIn(io.lang, hit.entry)])));
		return 0;
	},
};

/** An entry's detail in Chinese leaves out the English names it carries (an indicator's, a region's). */
function detailIn(lang: 'zh' | 'en', entry: {kind: string; detail: string}): string {
	if (lang === 'en') return entry.detail;
	if (entry.kind === 'indicator') return entry.detail.split(' · ')[0] ?? '';
	if (entry.kind === 'region') return '';
	return entry.detail;
}

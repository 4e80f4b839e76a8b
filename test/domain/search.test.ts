import {describe, it, expect} from 'vitest';
import {buildSearchIndex, type SearchEntry} from '../../source/domain/search/search-index.js';
import {pinyinKeys, teachReadings} from '../../source/domain/search/pinyin-keys.js';

const entries: SearchEntry[] = [
	{kind: 'indicator', id: '2.2', title: '办事指南发布情况', detail: 'Publication of Service Guides'},
	{kind: 'indicator', id: '3', title: '办事指南准确度', detail: 'Service Guide Accuracy'},
	{kind: 'service-item', id: 'SI-0001', title: '企业设立登记', detail: '企业开办 · 市场监督管理部门', aliases: ['营业执照办理']},
	{kind: 'service-item', id: 'SI-0002', title: '住房公积金提取', detail: '住房公积金 · 住房公积金管理中心', aliases: ['公积金提取']},
	{kind: 'service-item', id: 'SI-0003', title: '社会保障卡申领', detail: '社会保障 · 人力资源和社会保障部门', aliases: ['社保卡']},
	{kind: 'region', id: '430100', title: '长沙市', detail: 'Changsha'},
];

describe('pinyin keys', () => {
	it('gives full pinyin and initials, nothing for text without Chinese', () => {
		expect(pinyinKeys('办事指南')).toEqual({full: 'banshizhinan', initials: 'bszn'});
		expect(pinyinKeys('SI-0001')).toEqual({full: '', initials: ''});
	});

	it('learns readings it gets wrong in context', () => {
		teachReadings({长沙市: 'chang sha shi'});
		expect(pinyinKeys('长沙市').initials).toBe('css');
	});
});

describe('search index', () => {
	const index = buildSearchIndex(entries);
	const first = (q: string) => index.search(q)[0]?.entry.id;

	it('matches Chinese text, pinyin initials and full pinyin', () => {
		expect(first('办事指南')).toMatch(/^(2\.2|3)$/);
		expect(index.search('bszn').map(h => h.entry.id).slice(0, 2).sort()).toEqual(['2.2', '3']);
		expect(first('banshizhinan')).toMatch(/^(2\.2|3)$/);
	});

	it('matches aliases and their initials (yyzz → 营业执照办理 → 企业设立登记)', () => {
		expect(first('yyzz')).toBe('SI-0001');
		expect(first('公积金提取')).toBe('SI-0002');
		expect(first('sbk')).toBe('SI-0003');
	});

	it('matches codes and ids exactly first', () => {
		expect(first('SI-0002')).toBe('SI-0002');
		expect(first('2.2')).toBe('2.2');
	});

	it('filters by kind, limits results, and returns nothing for an empty query', () => {
		expect(index.search('bszn', {kinds: ['service-item']})).toEqual([]);
		expect(index.search('s', {limit: 2}).length).toBeLessThanOrEqual(2);
		expect(index.search('   ')).toEqual([]);
	});

	it('handles queries longer than the 32-character fuzzy limit', () => {
		expect(() => index.search('办'.repeat(80))).not.toThrow();
	});
});

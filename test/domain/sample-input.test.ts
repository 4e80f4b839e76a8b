import {describe, it, expect} from 'vitest';
import {parseSampleInput, applySampleEdit, catalogLookup} from '../../source/domain/rules/sample-input.js';
import {parseValue, formatValue} from '../../source/domain/rules/parse-value.js';
import {tierCaption, tierEdgesText} from '../../source/domain/scoring/tiers.js';
import {isoWithOffset, excelSerial} from '../../source/domain/export/times.js';
import {orderRegions, regionColumnTitle} from '../../source/domain/export/workbook-model.js';
import type {RegionRow} from '../../source/domain/scoring/score-report.js';
import type {ServiceItem} from '../../source/domain/catalog/catalog-schema.js';
import {miniIndex, miniSystem} from '../helpers/mini-system.js';

const item = (id: string, name: string): ServiceItem => ({id, name, category: 'c', department: 'd', audience: 'both'});
const catalog = catalogLookup([item('SI-0001', '企业开办'), item('SI-0002', '社会保障卡申领'), item('SI-0356', '建设工程规划许可')]);
const parse = (text: string) => parseSampleInput(text, catalog);

describe('the sampled-items syntax', () => {
	it('reads items with pass, fail and ? (not judged yet)', () => {
		expect(parse('SI-0001:pass, SI-0002:fail，SI-0356:?')).toEqual({
			ok: true,
			value: {mode: 'replace', samples: [{item: 'SI-0001', pass: true}, {item: 'SI-0002', pass: false}, {item: 'SI-0356', pass: null}]},
		});
	});

	it('refuses a code that is not in the catalog, saying how to record an item outside it on purpose', () => {
		// The reproduction: record … SI-9999:pass accepted a code not in the catalog.
		const r = parse('SI-9999:pass');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.issues[0]!.message).toContain('"SI-9999" is not in the service-item catalog');
		if (!r.ok) expect(r.issues[0]!.message).toContain('name:<its name>:pass');
	});

	it('takes an item outside the catalog by name only when said so, and a catalog name as its id', () => {
		expect(parse('name:新生儿出生一件事:pass')).toMatchObject({ok: true, value: {samples: [{item: '新生儿出生一件事', pass: true}]}});
		expect(parse('名称：社会保障卡申领:fail')).toMatchObject({ok: true, value: {samples: [{item: 'SI-0002', pass: false}]}});
		expect(parse('企业开办:pass')).toMatchObject({ok: true, value: {samples: [{item: 'SI-0001', pass: true}]}});
		expect(parse('不存在的事项:pass').ok).toBe(false);
		expect(parse('name:SI-0001:pass').ok).toBe(false);
	});

	it('a leading + adds; otherwise the list replaces, and says which items it replaced', () => {
		const before = [{item: 'SI-0001', pass: true, note: '正常'}, {item: 'SI-0002', pass: false}, {item: 'SI-0356', pass: true}];
		const add = parse('+SI-0356:fail,name:新事项:?');
		expect(add.ok && add.value.mode).toBe('add');
		if (!add.ok) return;
		const added = applySampleEdit(before, add.value);
		expect(added.samples).toEqual([before[0], before[1], {item: 'SI-0356', pass: false}, {item: '新事项', pass: null}]);
		expect(added.replaced).toEqual([]);
		const replace = parse('SI-0001:fail');
		if (!replace.ok) throw new Error('parse');
		const replaced = applySampleEdit(before, replace.value);
		// An item named again keeps its note; the others are said to be replaced.
		expect(replaced.samples).toEqual([{item: 'SI-0001', pass: false, note: '正常'}]);
		expect(replaced.replaced.map(s => s.item)).toEqual(['SI-0002', 'SI-0356']);
	});

	it('refuses an item listed twice and a missing verdict', () => {
		expect(parse('SI-0001:pass,SI-0001:fail').ok).toBe(false);
		expect(parse('SI-0001').ok).toBe(false);
		expect(parse('+').ok).toBe(false);
	});

	it('parseValue reads the same syntax without a catalog, and formats unjudged items', () => {
		expect(parseValue(miniIndex.nodes.get('1.2.1')!.rule!, 'SI-0001:?,x:pass')).toEqual({ok: true, value: {type: 'sampled', samples: [{item: 'SI-0001', pass: null}, {item: 'x', pass: true}]}});
		expect(formatValue(miniIndex.nodes.get('1.2.1')!.rule!, {type: 'sampled', samples: [{item: 'a', pass: true}, {item: 'b', pass: null}, {item: 'c', pass: false}]})).toBe('1/2（1 项未判定）');
	});
});

describe('the published layout, in pieces', () => {
	it('tier labels as published, derived from the tier edges', () => {
		expect(miniSystem.tiers.map((_, i) => tierCaption(miniSystem.tiers, i))).toEqual(['非常高（90分以上）', '高（80–90分）', '中（80分以下）']);
		expect(tierEdgesText(miniSystem.tiers)).toBe('非常高：超过90分；高：80分（含）至90分（含）；中：低于80分');
	});

	it('the region column says 省级政府 or 重点城市', () => {
		expect([regionColumnTitle('province'), regionColumnTitle('city'), regionColumnTitle('other')]).toEqual(['省级政府', '重点城市', '地区']);
	});

	it('the 2022 order: grouped by tier, within a tier by administrative code, no total last', () => {
		const row = (code: string, tierId: string | null, rank: number | null) => ({code, tierId, rank}) as RegionRow;
		const rows = [row('440000', 'high', 3), row('XJBT00', 'very-high', 2), row('110000', 'very-high', 1), row('320000', null, null), row('310000', 'high', 4)];
		expect(orderRegions(rows, 'tier', ['very-high', 'high', 'medium']).map(r => r.code)).toEqual(['110000', 'XJBT00', '310000', '440000', '320000']);
		expect(orderRegions(rows, 'rank', []).map(r => r.code)).toEqual(['110000', 'XJBT00', '440000', '310000', '320000']);
	});

	it('times in the user\'s zone: ISO 8601 with the offset, and Excel serial dates of the local time', () => {
		const beijing = () => 480;
		expect(isoWithOffset('2026-11-23T01:30:00.000Z', beijing)).toBe('2026-11-23T09:30:00+08:00');
		expect(isoWithOffset('2026-11-23T01:30:00.250Z', () => -300)).toBe('2026-11-22T20:30:00.250-05:00');
		// 2026-11-23 09:30 local = serial 46349.395833…
		expect(excelSerial('2026-11-23T01:30:00.000Z', beijing)).toBeCloseTo(46349 + 9.5 / 24, 9);
	});
});

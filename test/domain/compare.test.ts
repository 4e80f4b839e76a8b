import {describe, it, expect} from 'vitest';
import {matchIndicators, checkMapping} from '../../source/domain/compare/match-indicators.js';
import {compareResults, type EditionInput} from '../../source/domain/compare/compare-results.js';
import {indicatorMapping} from '../../source/domain/compare/mapping-schema.js';
import {scoreReport} from '../../source/domain/scoring/score-report.js';
import {scoreOf} from '../../source/domain/workspace/workspace-ops.js';
import type {Workspace} from '../../source/domain/workspace/workspace-schema.js';
import type {SystemIndex} from '../../source/domain/system/system-index.js';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {compareFixtures, compareFolder, oldSystem, newSystem, oldWeights, newWeights} from '../helpers/compare-fixtures.js';
import {say} from '../../source/domain/words/message.js';

const mapping = () => indicatorMapping.parse(JSON.parse(readFileSync(join(compareFixtures, 'mapping.json'), 'utf8')));
const edition = (index: SystemIndex, weights: Record<string, number>, ws: Workspace): EditionInput => ({index, weights, report: scoreReport(index, ws, scoreOf(index, weights, ws), c => c), provisional: r => r.unscored > 0});

describe('matching two systems', () => {
	it('without a mapping, pairs codes with the same code and name and lists the rest as unmatched', () => {
		const m = matchIndicators(oldSystem().index, newSystem().index);
		expect(m.pairs.every(p => p.kind === 'same' && !p.mapped)).toBe(true);
		expect(m.pairs.map(p => p.to[0])).toEqual(['1', '1.1', '1.1.1', '1.2', '1.2.1', '1.2.2', '2', '2.1', '2.2', '3', '3.1', '3.1.1']);
		expect(m.unmatched.old).toEqual(['1.1.2', '2.1.1', '2.1.2', '2.1.3', '2.2.1', '3.1.2']);
		expect(m.unmatched.new).toEqual(['1.1.2', '2.1.1', '2.1.2', '2.2.1', '2.2.2', '3.1.2']);
	});

	it('with a mapping: renamed, merged, split, dropped and added, the rest by code and name, nothing unmatched', () => {
		const m = matchIndicators(oldSystem().index, newSystem().index, mapping());
		const kinds = Object.fromEntries(m.pairs.filter(p => p.mapped).map(p => [`${p.from.join('+')}→${p.to.join('+')}`, p.kind]));
		expect(kinds).toEqual({'1.1.2→1.1.2': 'renamed', '2.1.1+2.1.2→2.1.1': 'merged', '2.1.3→2.1.2': 'renamed', '2.2.1→2.2.1+2.2.2': 'split', '3.1.2→': 'dropped', '→3.1.2': 'added'});
		expect(m.unmatched).toEqual({old: [], new: []});
		// In the new table's order, the dropped one last.
		expect(m.pairs.at(-1)!.kind).toBe('dropped');
	});

	it('checks a mapping against both systems, naming the place of each problem', () => {
		const bad = indicatorMapping.parse({...mapping(), map: [{from: '9.9', to: '1.1.1'}, {from: '1.1.1', to: ['1.1.2', '1.1.2']}, {from: [], to: []}, {from: '1.1.1', to: '8.8'}]});
		const issues = checkMapping(bad, oldSystem().index, newSystem().index);
		expect(issues.map(i => [i.path.join('.'), i.message])).toEqual([
			['map.0.from', '"9.9" is not an indicator of mini-2019 2019.1'],
			['map.1.to.1', '"1.1.2" is named twice in this entry'],
			['map.2', 'maps nothing onto nothing; name at least one code'],
			['map.3.from', '"1.1.1" is already mapped by entry 1 ($.map[1]); each code may appear once on each side'],
			['map.3.to', '"8.8" is not an indicator of mini-2020 2020.1'],
		]);
	});

	it('refuses a mapping for other systems, and says when the workspaces look swapped', () => {
		const swapped = checkMapping(mapping(), newSystem().index, oldSystem().index);
		expect(swapped[0]!.message).toContain('(are the two workspaces the wrong way round?)');
		const other = checkMapping({...mapping(), to: {id: 'mini-2020', version: '2099'}}, oldSystem().index, newSystem().index);
		expect(other.map(i => ({path: i.path, message: i.message}))).toEqual([{path: ['to'], message: "the mapping's \"to\" is mini-2020 2099, but the new workspace is of mini-2020 2020.1"}]);
		expect(say('zh', other[0]!.said)).toBe('映射文件的 "to" 是 mini-2020 2099，但本期工作区属于 mini-2020 2020.1');
	});
});

describe('compareResults', () => {
	const f = compareFolder();
	const old = edition(oldSystem().index, oldWeights(), f.oldWs);
	const now = edition(newSystem().index, newWeights(), f.newWs);
	const c = compareResults(old, now, matchIndicators(oldSystem().index, newSystem().index, mapping()));
	const region = (code: string) => c.regions.find(r => r.code === code)!;
	const change = (code: string, to: string, from = to) => region(code).indicators[c.pairs.findIndex(p => p.to.join('+') === to && p.from.join('+') === from)]!;

	it('gives each region’s total, rank and tier then and now, as each edition’s score report has them', () => {
		for (const r of c.regions) {
			const then = old.report.regions.find(x => x.code === r.code);
			const nowRow = now.report.regions.find(x => x.code === r.code);
			expect(r.old?.total ?? null).toBe(then?.total ?? null);
			expect(r.new?.total ?? null).toBe(nowRow?.total ?? null);
			expect(r.old?.rank ?? null).toBe(then?.rank ?? null);
			expect(r.new?.tier ?? null).toBe(nowRow?.tier ?? null);
		}
		// 江苏 climbs from last (4) to first.
		expect([region('320000').old!.rank, region('320000').new!.rank, region('320000').rankChange]).toEqual([4, 1, 3]);
		expect(region('320000').totalChange).toBe(Math.round((region('320000').new!.total! - region('320000').old!.total!) * 100) / 100);
	});

	it('lists the regions of the new edition, then those only the old one has, and says the sets differ', () => {
		expect(c.regions.map(r => r.code)).toEqual(['110000', '310000', '320000', '440000', '330000']);
		expect(region('440000').old).toBeNull();
		expect(region('330000').new).toBeNull();
		expect(region('440000').rankChange).toBeNull();
		expect(c.sameRegions).toBe(false);
	});

	it('compares merged and split groups by their members weighted as they count in the total', () => {
		// 北京 2019: 网上支付 yes (100), 物流送达 no (0), equal weights → 50; 2020 网上支付与物流 yes → 100.
		expect(change('110000', '2.1.1', '2.1.1+2.1.2')).toMatchObject({old: 50, new: 100, change: 50});
		// 北京 2019 电子证照 partial (60); 2020 免提交 full (100) and 出证 no (0) → 50.
		expect(change('110000', '2.2.1+2.2.2', '2.2.1')).toMatchObject({old: 60, new: 50, change: -10});
		// Recoded: 2019 2.1.3 网办占比 80 → 2020 2.1.2 全程网办占比 75.
		expect(change('110000', '2.1.2', '2.1.3')).toMatchObject({old: 80, new: 75, change: -5});
		// Dropped and added: one side only, no change.
		expect(change('110000', '', '3.1.2')).toMatchObject({old: 100, new: null, change: null});
		expect(change('110000', '3.1.2', '')).toMatchObject({old: null, new: 100, change: null});
	});
});

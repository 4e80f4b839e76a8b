import {describe, it, expect} from 'vitest';
import {agreementOf, cohensKappa, mergedAgreement} from '../../source/domain/agreement/agreement.js';
import {cohensTerms} from '../../source/domain/agreement/cohens-kappa.js';
import {pooledKappa} from '../../source/domain/agreement/pooled-kappa.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import type {Workspace} from '../../source/domain/workspace/workspace-schema.js';
import {miniIndex} from '../helpers/mini-system.js';

const regions = ['110000', '310000', '320000', '330000'];
const blank = (who: string) => createWorkspace({id: who, index: miniIndex, systemDigest: '0'.repeat(64), assessor: who, createdAt: '2026-11-01T00:00:00.000Z', regions});
const at = '2026-11-02T00:00:00.000Z';
const yesno = (ws: Workspace, answers: boolean[]) => answers.reduce((w, met, i) => applyChange(w, [regions[i]!], '1.1.1', {value: {type: 'yesno', met}}, w.assessor, at), ws);

describe("Cohen's kappa", () => {
	it('matches worked examples', () => {
		// 2×2 table: both yes 20, both no 15, a yes b no 5, a no b yes 10 → po .70, pe .50, kappa .40
		const pairs: [string, string][] = [...Array(20).fill(['y', 'y']), ...Array(15).fill(['n', 'n']), ...Array(5).fill(['y', 'n']), ...Array(10).fill(['n', 'y'])];
		expect(cohensKappa(pairs)).toBeCloseTo(0.4, 10);
		expect(cohensKappa([['a', 'a'], ['b', 'b']])).toBe(1);
		expect(cohensKappa([['a', 'a'], ['a', 'a']])).toBeNull();
		expect(cohensKappa([])).toBeNull();
	});
});

describe('agreementOf', () => {
	it('compares only leaves both scored, per indicator and overall, and lists disagreements', () => {
		let a = yesno(blank('张三'), [true, true, false, true]);
		let b = yesno(blank('李四'), [true, false, false]);
		a = applyChange(a, ['110000'], '2.1.3', {value: {type: 'direct', score: 80}}, '张三', at);
		b = applyChange(b, ['110000'], '2.1.3', {value: {type: 'direct', score: 70}}, '李四', at);
		a = applyChange(a, ['310000'], '2.1.3', {value: {type: 'direct', score: 50}}, '张三', at);
		const r = agreementOf(miniIndex, a, b);
		expect(r.items).toBe(4);
		expect(r.agreed).toBe(2);
		const yn = r.indicators.find(i => i.indicator === '1.1.1')!;
		expect(yn).toMatchObject({items: 3, agreed: 2});
		expect(yn.kappa).toBeCloseTo(0.4, 10); // po 2/3, pe = (2/3·1/3 + 1/3·2/3) = 4/9
		expect(r.indicators.find(i => i.indicator === '2.1.3')).toMatchObject({items: 1, agreed: 0, meanAbsDiff: 10, kappa: null});
		expect(r.meanAbsScoreDiff).toBe(10);
		expect(r.disagreements).toEqual([
			{region: '310000', indicator: '1.1.1', a: '是', b: '否'},
			{region: '110000', indicator: '2.1.3', a: '80', b: '70'},
		]);
	});

	it('says nothing can be compared when nothing is shared', () => {
		const r = agreementOf(miniIndex, blank('a'), blank('b'));
		expect(r).toMatchObject({items: 0, percent: null, kappa: null, disagreements: []});
	});
});

describe('mergedAgreement', () => {
	it('counts united verdicts as agreement and conflicts as disagreement, from the merged file alone', () => {
		const a = yesno(blank('张三'), [true, true, false]);
		const b = yesno(blank('李四'), [true, false, false]);
		const merged = mergeWorkspaces([a, b], {id: 'm', assessor: '组长', createdAt: at});
		if (!merged.ok) throw new Error('merge failed');
		const r = mergedAgreement(miniIndex, merged.value.workspace);
		expect(r).toMatchObject({items: 3, agreed: 2});
		expect(r.percent).toBeCloseTo(2 / 3, 10);
		expect(r.kappa).toBeCloseTo(0.4, 10); // the same pairs as agreementOf(a, b)
		expect(agreementOf(miniIndex, a, b).kappa).toBeCloseTo(0.4, 10);
	});

	it('pools kappa over indicators as agreementOf does, so the conflicts screen and assess agreement say the same', () => {
		const levels = (ws: Workspace, ids: string[]) => ids.reduce((w, level, i) => applyChange(w, [regions[i]!], '1.1.2', {value: {type: 'levels', level}}, w.assessor, at), ws);
		const a = levels(yesno(blank('张三'), [true, true, false, false]), ['full', 'partial', 'none', 'none']);
		const b = levels(yesno(blank('李四'), [true, false, false, false]), ['full', 'none', 'none', 'partial']);
		const merged = mergeWorkspaces([a, b], {id: 'm', assessor: '组长', createdAt: at});
		if (!merged.ok) throw new Error('merge failed');
		const yn = cohensTerms([['y', 'y'], ['y', 'n'], ['n', 'n'], ['n', 'n']])!;
		const lv = cohensTerms([['full', 'full'], ['partial', 'none'], ['none', 'none'], ['none', 'partial']])!;
		const po = (yn.observed + lv.observed) / 2;
		const pe = (yn.expected + lv.expected) / 2;
		const pooled = (po - pe) / (1 - pe);
		expect(agreementOf(miniIndex, a, b).kappa).toBeCloseTo(pooled, 12);
		expect(mergedAgreement(miniIndex, merged.value.workspace).kappa).toBeCloseTo(pooled, 12);
		// The indicators' own kappas are 0.5 and 0.2. One kappa over indicator-tagged categories (the
		// first version) halved chance agreement, as if the two could disagree about which indicator
		// they scored, and said 0.52.
		expect([pooledKappa([yn]), pooledKappa([lv]), pooled]).toEqual([0.5, expect.closeTo(0.2, 12), expect.closeTo(1 / 3, 12)]);
		const tagged = [...Array(4).keys()].flatMap(i => (['1.1.1', '1.1.2'] as const).map(code => [`${code}:${JSON.stringify(a.findings[`${regions[i]}/${code}`]!.value)}`, `${code}:${JSON.stringify(b.findings[`${regions[i]}/${code}`]!.value)}`] as [string, string]));
		expect(cohensKappa(tagged)).toBeCloseTo(0.52, 12);
	});
});

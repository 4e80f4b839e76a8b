import {describe, it, expect} from 'vitest';
import {parseValue, describeAccepted, checkValue, formatValue} from '../../source/domain/rules/parse-value.js';
import fc from 'fast-check';
import {leafScore, measureScore, statsOf, bestOf, sampledScore} from '../../source/domain/rules/leaf-score.js';
import {measureRule} from '../../source/domain/rules/rule-schema.js';
import {miniIndex} from '../helpers/mini-system.js';
import {say} from '../../source/domain/words/message.js';

const rule = (code: string) => miniIndex.nodes.get(code)!.rule!;

describe('parseValue', () => {
	it('reads yes/no in English and Chinese', () => {
		for (const t of ['y', 'YES', '是', '1']) expect(parseValue(rule('1.1.1'), t)).toEqual({ok: true, value: {type: 'yesno', met: true}});
		for (const t of ['n', 'no', '否', '0']) expect(parseValue(rule('1.1.1'), t)).toEqual({ok: true, value: {type: 'yesno', met: false}});
	});

	it('refuses a wrong yes/no value and says what the rule accepts', () => {
		const r = parseValue(rule('1.1.1'), 'maybe');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.issues[0]!.message).toBe('"maybe" is not yes or no; this rule accepts yes or no (y/n)');
	});

	it('reads a level by number, id or label', () => {
		expect(parseValue(rule('1.1.2'), '2')).toEqual({ok: true, value: {type: 'levels', level: 'partial'}});
		expect(parseValue(rule('1.1.2'), 'none')).toEqual({ok: true, value: {type: 'levels', level: 'none'}});
		expect(parseValue(rule('1.1.2'), '完全满足')).toEqual({ok: true, value: {type: 'levels', level: 'full'}});
		const bad = parseValue(rule('1.1.2'), '4');
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.issues[0]!.message).toContain('1=full (完全满足, 100), 2=partial (部分满足, 60), 3=none (不满足, 0)');
	});

	it('reads sampled items with pass/fail, with Chinese punctuation too', () => {
		expect(parseValue(rule('1.2.1'), 'SI-0001:pass, SI-0002:fail，营业执照办理：是')).toEqual({
			ok: true,
			value: {type: 'sampled', samples: [{item: 'SI-0001', pass: true}, {item: 'SI-0002', pass: false}, {item: '营业执照办理', pass: true}]},
		});
		expect(parseValue(rule('1.2.1'), 'SI-0001').ok).toBe(false);
		expect(parseValue(rule('1.2.1'), 'SI-0001:pass,SI-0001:fail').ok).toBe(false);
	});

	it('reads measurements within the rule bounds', () => {
		expect(parseValue(rule('2.1.1'), '85.5%')).toEqual({ok: true, value: {type: 'measure', amount: 85.5}});
		expect(parseValue(rule('2.1.1'), '101').ok).toBe(false);
		expect(parseValue(rule('2.1.1'), '-1').ok).toBe(false);
		expect(parseValue(rule('2.1.1'), 'abc').ok).toBe(false);
	});

	it('reads direct scores from 0 to 100 only', () => {
		expect(parseValue(rule('2.1.3'), '87.5')).toEqual({ok: true, value: {type: 'direct', score: 87.5}});
		expect(parseValue(rule('2.1.3'), '100.1').ok).toBe(false);
		expect(parseValue(rule('2.1.3'), '').ok).toBe(false);
	});

	it('describes every rule kind', () => {
		for (const leaf of miniIndex.leaves) expect(describeAccepted(leaf.rule!).length).toBeGreaterThan(5);
	});
});

describe('checkValue and formatValue', () => {
	it('finds a value of the wrong kind or an unknown level', () => {
		expect(say('en', checkValue(rule('1.1.1'), {type: 'direct', score: 3})!)).toContain('"yesno"');
		expect(say('en', checkValue(rule('1.1.2'), {type: 'levels', level: 'great'})!)).toContain('not one of full, partial, none');
		expect(say('zh', checkValue(rule('1.1.2'), {type: 'levels', level: 'great'})!)).toBe('档次 "great" 不是 full、partial、none 之一');
		expect(checkValue(rule('1.1.2'), {type: 'levels', level: 'full'})).toBeUndefined();
	});

	it('formats values as a table shows them', () => {
		expect(formatValue(rule('1.1.2'), {type: 'levels', level: 'partial'})).toBe('部分满足');
		expect(formatValue(rule('1.2.1'), {type: 'sampled', samples: [{item: 'a', pass: true}, {item: 'b', pass: false}]})).toBe('1/2');
		expect(formatValue(rule('2.1.2'), {type: 'measure', amount: 2})).toBe('2 次');
	});
});

describe('leafScore', () => {
	it('scores each kind of rule', () => {
		expect(leafScore(rule('1.1.1'), {type: 'yesno', met: true})).toBe(100);
		expect(leafScore(rule('1.1.1'), {type: 'yesno', met: false})).toBe(0);
		expect(leafScore(rule('1.1.2'), {type: 'levels', level: 'partial'})).toBe(60);
		expect(leafScore(rule('1.2.1'), {type: 'sampled', samples: [{item: 'a', pass: true}, {item: 'b', pass: true}, {item: 'c', pass: false}, {item: 'd', pass: true}]})).toBe(75);
		expect(leafScore(rule('1.2.1'), {type: 'sampled', samples: []})).toBeNull();
		expect(leafScore(rule('2.1.1'), {type: 'measure', amount: 40}, {best: 80, worst: 40, count: 2})).toBe(50);
		expect(leafScore(rule('2.1.3'), {type: 'direct', score: 42})).toBe(42);
		expect(leafScore(rule('2.1.3'), null)).toBeNull();
		expect(leafScore(rule('2.1.3'), {type: 'yesno', met: true})).toBeNull();
	});

	it('scores sampled items on the judged ones only: an unjudged item counts neither way', () => {
		expect(sampledScore([{item: 'a', pass: true}, {item: 'b', pass: null}])).toBe(100);
		expect(sampledScore([{item: 'a', pass: false}, {item: 'b', pass: null}, {item: 'c', pass: true}])).toBe(50);
		expect(sampledScore([{item: 'a', pass: null}])).toBeNull();
		expect(leafScore(rule('1.2.1'), {type: 'sampled', samples: [{item: 'a', pass: null}]})).toBeNull();
	});
});

const measure = (input: Record<string, unknown>) => measureRule.parse({type: 'measure', unit: {zh: '次'}, min: 0, ...input});

describe('measure methods', () => {
	const higher = measure({better: 'higher'});
	const lower = measure({better: 'lower'});

	it('keep value / best for higher-is-better by default (ratio), as before', () => {
		const st = statsOf('higher', [80, 40, 20])!;
		expect(measureScore(higher, 80, st)).toBe(100);
		expect(measureScore(higher, 40, st)).toBe(50);
		expect(measureScore(higher, 5, undefined)).toBeNull();
	});

	it('do not give every other region 0 points when one lower-is-better region is at 0 (平均跑动次数 = 0)', () => {
		// The reproduction: best / value with best 0 gave 0 to everyone but the region at 0.
		const st = statsOf('lower', [0, 1, 2, 4])!;
		const scores = [0, 1, 2, 4].map(v => measureScore(lower, v, st));
		expect(scores).toEqual([100, 75, 50, 0]);
		expect(scores.filter(s => s === 0)).toHaveLength(1);
		// Asked for explicitly, ratio still does what it says (validate warns about it).
		expect(measureScore(measure({better: 'lower', method: 'ratio'}), 1, st)).toBe(0);
	});

	it('range: (value − worst) / (best − worst) × 100, all 100 when all regions are equal', () => {
		const range = measure({better: 'higher', method: 'range'});
		const st = statsOf('higher', [50, 60, 70])!;
		expect([50, 60, 70].map(v => measureScore(range, v, st))).toEqual([0, 50, 100]);
		expect(measureScore(range, 3, statsOf('higher', [3, 3])!)).toBe(100);
		expect(measureScore(lower, 2, statsOf('lower', [2])!)).toBe(100);
	});

	it('target: full points at the target, capped at 100, whatever the other regions do', () => {
		const up = measure({better: 'higher', method: 'target', target: 90});
		expect(measureScore(up, 45, undefined)).toBe(50);
		expect(measureScore(up, 99, undefined)).toBe(100);
		const down = measure({better: 'lower', method: 'target', target: 1});
		expect(measureScore(down, 0, undefined)).toBe(100);
		expect(measureScore(down, 1, undefined)).toBe(100);
		expect(measureScore(down, 4, undefined)).toBe(25);
	});

	it('refuse a target method without a target above 0, and a target without the method', () => {
		expect(measureRule.safeParse({type: 'measure', unit: {zh: '次'}, better: 'lower', method: 'target'}).success).toBe(false);
		expect(measureRule.safeParse({type: 'measure', unit: {zh: '次'}, better: 'lower', method: 'target', target: 0}).success).toBe(false);
		expect(measureRule.safeParse({type: 'measure', unit: {zh: '次'}, better: 'lower', target: 3}).success).toBe(false);
	});

	it('never divide by zero, stay within 0–100, and never zero every region with the default methods (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.double({min: 0, max: 1000, noNaN: true}), {minLength: 1, maxLength: 40}), fc.constantFrom('higher' as const, 'lower' as const), (values, better) => {
				const rule = measure({better});
				const st = statsOf(better, values)!;
				const scores = values.map(v => measureScore(rule, v, st)!);
				for (const s of scores) expect(Number.isFinite(s) && s >= 0 && s <= 100).toBe(true);
				// The best region always gets 100, so not everyone is at 0.
				expect(Math.max(...scores)).toBe(100);
			}),
		);
	});

	it('statsOf and bestOf find the best and worst by direction', () => {
		expect(bestOf('higher', [3, 9, 1])).toBe(9);
		expect(bestOf('lower', [3, 9, 1])).toBe(1);
		expect(statsOf('lower', [3, 9, 1])).toEqual({best: 1, worst: 9, count: 3});
		expect(bestOf('lower', [])).toBeUndefined();
	});
});

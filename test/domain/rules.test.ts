import {describe, it, expect} from 'vitest';
import {parseValue, describeAccepted, checkValue, formatValue} from '../../source/domain/rules/parse-value.js';
import {leafScore, relativeScore, bestOf} from '../../source/domain/rules/leaf-score.js';
import {miniIndex} from '../helpers/mini-system.js';

const rule = (code: string) => miniIndex.nodes.get(code)!.rule!;

describe('parseValue', () => {
	it('reads yes/no in English and Chinese', () => {
		for (const t of ['y', 'YES', '是', '1']) expect(parseValue(rule('1.1.1'), t)).toEqual({ok: true, value: {type: 'yesno', met: true}});
		for (const t of ['n', 'no', '否', '0']) expect(parseValue(rule('1.1.1'), t)).toEqual({ok: true, value: {type: 'yesno', met: false}});
	});

	it('refuses a wrong yes/no value and says what the rule accepts', () => {
		const r = parseValue(rule('1.1.1'), 'maybe');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.issues[0]!.message).toBe('"maybe" is not yes or no; this rule accepts yes or no (y/n, 是/否)');
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
		expect(checkValue(rule('1.1.1'), {type: 'direct', score: 3})).toContain('"yesno"');
		expect(checkValue(rule('1.1.2'), {type: 'levels', level: 'great'})).toContain('not one of full, partial, none');
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
		expect(leafScore(rule('2.1.1'), {type: 'measure', amount: 40}, 80)).toBe(50);
		expect(leafScore(rule('2.1.3'), {type: 'direct', score: 42})).toBe(42);
		expect(leafScore(rule('2.1.3'), null)).toBeNull();
		expect(leafScore(rule('2.1.3'), {type: 'yesno', met: true})).toBeNull();
	});

	it('scores measurements relative to the best region', () => {
		expect(relativeScore('higher', 80, 80)).toBe(100);
		expect(relativeScore('higher', 0, 0)).toBe(0);
		expect(relativeScore('lower', 2, 1)).toBe(50);
		expect(relativeScore('lower', 0, 0)).toBe(100);
		expect(relativeScore('lower', 3, 0)).toBe(0);
		expect(relativeScore('higher', 5, undefined)).toBeNull();
		expect(bestOf('higher', [3, 9, 1])).toBe(9);
		expect(bestOf('lower', [3, 9, 1])).toBe(1);
		expect(bestOf('lower', [])).toBeUndefined();
	});
});

import type {Rule} from './rule-schema.js';
import type {FindingValue} from '../workspace/workspace-schema.js';
import {type Result, ok, fail} from '../issues.js';
import {parseSampleInput} from './sample-input.js';
import {sampleCounts} from './leaf-score.js';
import {methodOf} from './rule-schema.js';
import {messages, say, both, list, type Message} from '../words/message.js';
import {issue} from '../issues.js';
import {pick, type Lang} from '../text.js';

const YES = new Set(['y', 'yes', 'true', '1', '是', '有', '符合', '满足', 'met', 'pass']);
const NO = new Set(['n', 'no', 'false', '0', '否', '无', '不符合', '不满足', 'unmet', 'fail']);

const R = messages('domain/rules', {
	yesno: {zh: '是或否（y/n）', en: 'yes or no (y/n)'},
	levels: {zh: '选择一档：{levels}', en: 'one level: {levels}'},
	level: {zh: '{n}={label}（{points}分，也可输入 "{id}"）', en: '{n}={id} ({label}, {points})'},
	sampled: {zh: '抽查事项逐项记录通过、不通过或 ?（未判定），得分＝通过数÷已判定数×100；以 + 开头为追加（指南要求抽查 {size} 项）', en: 'sampled items with pass, fail or ? (not judged yet), like "SI-0001:pass,SI-0002:fail"; a leading + adds to the items already there (the guide asks for {size})'},
	measure: {zh: '一个数值，单位：{unit}，不小于 {min}；{method}', en: 'a number in {unit}, at least {min}; scored {method}'},
	measureMax: {zh: '一个数值，单位：{unit}，不小于 {min}、不大于 {max}；{method}', en: 'a number in {unit}, at least {min} and at most {max}; scored {method}'},
	direct: {zh: '0–100 的得分', en: 'a score from 0 to 100'},
	refused: {zh: '{why}；此规则接受：{accepted}', en: '{why}; this rule accepts {accepted}'},
	noValue: {zh: '没有给出分值', en: 'no value given'},
	notYesNo: {zh: '"{input}" 不是“是”或“否”', en: '"{input}" is not yes or no'},
	notLevel: {zh: '"{input}" 不是其中的任何一档', en: '"{input}" is not one of the levels'},
	notNumber: {zh: '"{input}" 不是数字', en: '"{input}" is not a number'},
	below: {zh: '{amount} 小于 {min}', en: '{amount} is below {min}'},
	above: {zh: '{amount} 大于 {max}', en: '{amount} is above {max}'},
	outside: {zh: '{score} 不在 0–100 之间', en: '{score} is outside 0–100'},
	otherRule: {zh: '此分值属于 "{valueType}" 规则，但此末级指标的规则是 "{ruleType}"', en: 'the value is for a "{valueType}" rule but this leaf\'s rule is "{ruleType}"'},
	notOneOf: {zh: '档次 "{level}" 不是 {levels} 之一', en: 'level "{level}" is not one of {levels}'},
	outsideRule: {zh: '{amount} 超出此规则接受的范围（{accepted}）', en: '{amount} is outside what the rule accepts ({accepted})'},
	yes: {zh: '是', en: 'yes'},
	no: {zh: '否', en: 'no'},
	notJudged: {zh: '{passed}/{judged}（{n} 项未判定）', en: '{passed}/{judged} ({n} not judged)'},
	higher: {zh: '越高越好', en: 'higher is better'},
	lower: {zh: '越低越好', en: 'lower is better'},
	ratioHigher: {zh: '{dir}，按最优地区比值折算（数值÷最优值×100）', en: '{dir}, relative to the best region (value / best × 100)'},
	ratioLower: {zh: '{dir}，按最优地区比值折算（最优值÷数值×100）', en: '{dir}, relative to the best region (best / value × 100)'},
	range: {zh: '{dir}，按极差折算（(数值−最差值)÷(最优值−最差值)×100，全部相同时均为100）', en: '{dir}, between the worst and the best region ((value − worst) / (best − worst) × 100; all 100 when all are equal)'},
	targetHigher: {zh: '{dir}，按目标值折算（目标 {target}，数值÷目标×100，封顶100）', en: '{dir}, against a target of {target} (value / target × 100, at most 100)'},
	targetLower: {zh: '{dir}，按目标值折算（目标 {target}，目标÷数值×100，封顶100）', en: '{dir}, against a target of {target} (target / value × 100, at most 100)'},
});

/** What a rule accepts, in both languages (labels and units from the system file, in the language where it has one). */
export function acceptedBy(rule: Rule): Message {
	switch (rule.type) {
		case 'yesno':
			return R.yesno();
		case 'levels':
			return both(lang => say(lang, R.levels({levels: list(rule.levels.map((l, i) => R.level({n: i + 1, id: l.id, label: pick(l.label, lang), points: l.points})))})));
		case 'sampled':
			return R.sampled({size: rule.sampleSize});
		case 'measure': {
			const unit = both(lang => (lang === 'en' && rule.unit.en ? `${rule.unit.zh} (${rule.unit.en})` : rule.unit.zh));
			const method = methodWords(rule);
			return rule.max === undefined ? R.measure({unit, min: rule.min, method}) : R.measureMax({unit, min: rule.min, max: rule.max, method});
		}
		case 'direct':
			return R.direct();
	}
}

/** What a rule accepts, in words, for messages and the help line of the editor. */
export function describeAccepted(rule: Rule, lang: 'zh' | 'en' = 'en'): string {
	return say(lang, acceptedBy(rule));
}

/**
 * Reads a value typed by a person (command line or TUI) for a leaf's rule.
 * Refuses anything the rule does not accept, saying what it does accept.
 */
export function parseValue(rule: Rule, text: string): Result<FindingValue> {
	const input = text.trim();
	const refuse = (why: Message) => fail<FindingValue>(issue([], R.refused({why, accepted: acceptedBy(rule)})));
	if (input === '') return refuse(R.noValue());
	switch (rule.type) {
		case 'yesno': {
			const word = input.toLowerCase();
			if (YES.has(word)) return ok({type: 'yesno', met: true});
			if (NO.has(word)) return ok({type: 'yesno', met: false});
			return refuse(R.notYesNo({input}));
		}
		case 'levels': {
			const byNumber = /^[0-9]+$/.test(input) ? rule.levels[Number(input) - 1] : undefined;
			const level = byNumber ?? rule.levels.find(l => l.id === input.toLowerCase() || l.label.zh === input || l.label.en?.toLowerCase() === input.toLowerCase());
			if (!level) return refuse(R.notLevel({input}));
			return ok({type: 'levels', level: level.id});
		}
		case 'sampled': {
			// The catalog is checked where one is at hand (assess record); see sample-input.ts.
			const parsed = parseSampleInput(input);
			if (!parsed.ok) return fail(parsed.issues[0]!);
			return ok({type: 'sampled', samples: parsed.value.samples});
		}
		case 'measure': {
			const amount = parseNumber(input);
			if (amount === undefined) return refuse(R.notNumber({input}));
			if (amount < rule.min) return refuse(R.below({amount, min: rule.min}));
			if (rule.max !== undefined && amount > rule.max) return refuse(R.above({amount, max: rule.max}));
			return ok({type: 'measure', amount});
		}
		case 'direct': {
			const score = parseNumber(input);
			if (score === undefined) return refuse(R.notNumber({input}));
			if (score < 0 || score > 100) return refuse(R.outside({score}));
			return ok({type: 'direct', score});
		}
	}
}

function parseNumber(text: string): number | undefined {
	const cleaned = text.replace(/%$/, '');
	if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return undefined;
	const n = Number(cleaned);
	return Number.isFinite(n) ? n : undefined;
}

/** Does a value fit a rule? (Checks a value read from a file, which a person may have edited.) */
export function checkValue(rule: Rule, value: FindingValue): Message | undefined {
	if (value.type !== rule.type) return R.otherRule({valueType: value.type, ruleType: rule.type});
	if (value.type === 'levels' && rule.type === 'levels' && !rule.levels.some(l => l.id === value.level)) {
		return R.notOneOf({level: value.level, levels: rule.levels.map(l => l.id)});
	}
	if (value.type === 'measure' && rule.type === 'measure') {
		if (value.amount < rule.min || (rule.max !== undefined && value.amount > rule.max)) return R.outsideRule({amount: value.amount, accepted: acceptedBy(rule)});
	}
	return undefined;
}

/**
 * A value in words, as a table or export shows it: Chinese by default (the exports' words);
 * in English, a level's or unit's English name where the system file gives one.
 */
export function formatValue(rule: Rule | undefined, value: FindingValue | null, lang: Lang = 'zh'): string {
	if (!value) return '';
	switch (value.type) {
		case 'yesno':
			return say(lang, value.met ? R.yes() : R.no());
		case 'levels': {
			const level = rule?.type === 'levels' ? rule.levels.find(l => l.id === value.level) : undefined;
			return level ? pick(level.label, lang) : value.level;
		}
		case 'sampled': {
			const c = sampleCounts(value.samples);
			return c.unjudged ? say(lang, R.notJudged({passed: c.passed, judged: c.total - c.unjudged, n: c.unjudged})) : `${c.passed}/${c.total - c.unjudged}`;
		}
		case 'measure':
			return String(value.amount) + (rule?.type === 'measure' ? ` ${pick(rule.unit, lang)}` : '');
		case 'direct':
			return String(value.score);
	}
}

/** The same, in both languages. */
export const valueWords = (rule: Rule | undefined, value: FindingValue | null): Message => both(lang => formatValue(rule, value, lang));

/** How a measure rule turns values into scores, in words (its method, default filled in). */
export function describeMethod(rule: Extract<Rule, {type: 'measure'}>, lang: 'zh' | 'en' = 'en'): string {
	return say(lang, methodWords(rule));
}

/** How a measure rule turns values into scores, in both languages. */
export function methodWords(rule: Extract<Rule, {type: 'measure'}>): Message {
	const higher = rule.better === 'higher';
	const method = methodOf(rule);
	const dir = higher ? R.higher() : R.lower();
	if (method === 'ratio') return higher ? R.ratioHigher({dir}) : R.ratioLower({dir});
	if (method === 'range') return R.range({dir});
	return higher ? R.targetHigher({dir, target: String(rule.target)}) : R.targetLower({dir, target: String(rule.target)});
}

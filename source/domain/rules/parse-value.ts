import type {Rule} from './rule-schema.js';
import type {FindingValue} from '../workspace/workspace-schema.js';
import {type Result, ok, fail} from '../issues.js';
import {parseSampleInput} from './sample-input.js';
import {sampleCounts} from './leaf-score.js';
import {methodOf} from './rule-schema.js';

const YES = new Set(['y', 'yes', 'true', '1', '是', '有', '符合', '满足', 'met', 'pass']);
const NO = new Set(['n', 'no', 'false', '0', '否', '无', '不符合', '不满足', 'unmet', 'fail']);

/** What a rule accepts, in words, for messages and the help line of the editor. */
export function describeAccepted(rule: Rule, lang: 'zh' | 'en' = 'en'): string {
	if (lang === 'zh') return describeAcceptedZh(rule);
	switch (rule.type) {
		case 'yesno':
			return 'yes or no (y/n, 是/否)';
		case 'levels':
			return `one level: ${rule.levels.map((l, i) => `${i + 1}=${l.id} (${l.label.zh}, ${l.points})`).join(', ')}`;
		case 'sampled':
			return `sampled items with pass, fail or ? (not judged yet), like "SI-0001:pass,SI-0002:fail"; a leading + adds to the items already there (the guide asks for ${rule.sampleSize})`;
		case 'measure':
			return `a number in ${rule.unit.zh}${rule.unit.en ? ` (${rule.unit.en})` : ''}, at least ${rule.min}${rule.max === undefined ? '' : ` and at most ${rule.max}`}; scored ${describeMethod(rule, 'en')}`;
		case 'direct':
			return 'a score from 0 to 100';
	}
}

function describeAcceptedZh(rule: Rule): string {
	switch (rule.type) {
		case 'yesno':
			return '是或否（y/n）';
		case 'levels':
			return `选择一档：${rule.levels.map((l, i) => `${i + 1}=${l.label.zh}（${l.points}分）`).join('，')}`;
		case 'sampled':
			return `抽查事项逐项记录通过、不通过或 ?（未判定），得分＝通过数÷已判定数×100；以 + 开头为追加（指南要求抽查 ${rule.sampleSize} 项）`;
		case 'measure':
			return `一个数值，单位：${rule.unit.zh}，不小于 ${rule.min}${rule.max === undefined ? '' : `、不大于 ${rule.max}`}；${describeMethod(rule, 'zh')}`;
		case 'direct':
			return '0–100 的得分';
	}
}

/**
 * Reads a value typed by a person (command line or TUI) for a leaf's rule.
 * Refuses anything the rule does not accept, saying what it does accept.
 */
export function parseValue(rule: Rule, text: string): Result<FindingValue> {
	const input = text.trim();
	const refuse = (why: string) => fail<FindingValue>({path: [], message: `${why}; this rule accepts ${describeAccepted(rule)}`});
	if (input === '') return refuse('no value given');
	switch (rule.type) {
		case 'yesno': {
			const word = input.toLowerCase();
			if (YES.has(word)) return ok({type: 'yesno', met: true});
			if (NO.has(word)) return ok({type: 'yesno', met: false});
			return refuse(`"${input}" is not yes or no`);
		}
		case 'levels': {
			const byNumber = /^[0-9]+$/.test(input) ? rule.levels[Number(input) - 1] : undefined;
			const level = byNumber ?? rule.levels.find(l => l.id === input.toLowerCase() || l.label.zh === input || l.label.en?.toLowerCase() === input.toLowerCase());
			if (!level) return refuse(`"${input}" is not one of the levels`);
			return ok({type: 'levels', level: level.id});
		}
		case 'sampled': {
			// The catalog is checked where one is at hand (assess record); see sample-input.ts.
			const parsed = parseSampleInput(input);
			if (!parsed.ok) return fail({path: [], message: parsed.issues[0]!.message});
			return ok({type: 'sampled', samples: parsed.value.samples});
		}
		case 'measure': {
			const amount = parseNumber(input);
			if (amount === undefined) return refuse(`"${input}" is not a number`);
			if (amount < rule.min) return refuse(`${amount} is below ${rule.min}`);
			if (rule.max !== undefined && amount > rule.max) return refuse(`${amount} is above ${rule.max}`);
			return ok({type: 'measure', amount});
		}
		case 'direct': {
			const score = parseNumber(input);
			if (score === undefined) return refuse(`"${input}" is not a number`);
			if (score < 0 || score > 100) return refuse(`${score} is outside 0–100`);
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
export function checkValue(rule: Rule, value: FindingValue): string | undefined {
	if (value.type !== rule.type) return `the value is for a "${value.type}" rule but this leaf's rule is "${rule.type}"`;
	if (value.type === 'levels' && rule.type === 'levels' && !rule.levels.some(l => l.id === value.level)) {
		return `level "${value.level}" is not one of ${rule.levels.map(l => l.id).join(', ')}`;
	}
	if (value.type === 'measure' && rule.type === 'measure') {
		if (value.amount < rule.min || (rule.max !== undefined && value.amount > rule.max)) return `${value.amount} is outside what the rule accepts (${describeAccepted(rule)})`;
	}
	return undefined;
}

/** A value in words, as a table or export shows it. */
export function formatValue(rule: Rule | undefined, value: FindingValue | null): string {
	if (!value) return '';
	switch (value.type) {
		case 'yesno':
			return value.met ? '是' : '否';
		case 'levels': {
			const level = rule?.type === 'levels' ? rule.levels.find(l => l.id === value.level) : undefined;
			return level ? level.label.zh : value.level;
		}
		case 'sampled': {
			const c = sampleCounts(value.samples);
			return `${c.passed}/${c.total - c.unjudged}${c.unjudged ? `（${c.unjudged} 项未判定）` : ''}`;
		}
		case 'measure':
			return String(value.amount) + (rule?.type === 'measure' ? ` ${rule.unit.zh}` : '');
		case 'direct':
			return String(value.score);
	}
}

/** How a measure rule turns values into scores, in words (its method, default filled in). */
export function describeMethod(rule: Extract<Rule, {type: 'measure'}>, lang: 'zh' | 'en' = 'en'): string {
	const higher = rule.better === 'higher';
	const method = methodOf(rule);
	if (lang === 'zh') {
		const dir = higher ? '越高越好' : '越低越好';
		if (method === 'ratio') return `${dir}，按最优地区比值折算（${higher ? '数值÷最优值' : '最优值÷数值'}×100）`;
		if (method === 'range') return `${dir}，按极差折算（(数值−最差值)÷(最优值−最差值)×100，全部相同时均为100）`;
		return `${dir}，按目标值折算（目标 ${rule.target}，${higher ? '数值÷目标' : '目标÷数值'}×100，封顶100）`;
	}
	const dir = higher ? 'higher is better' : 'lower is better';
	if (method === 'ratio') return `${dir}, relative to the best region (${higher ? 'value / best' : 'best / value'} × 100)`;
	if (method === 'range') return `${dir}, between the worst and the best region ((value − worst) / (best − worst) × 100; all 100 when all are equal)`;
	return `${dir}, against a target of ${rule.target} (${higher ? 'value / target' : 'target / value'} × 100, at most 100)`;
}

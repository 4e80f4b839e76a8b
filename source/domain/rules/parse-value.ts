import type {Rule} from './rule-schema.js';
import type {FindingValue} from '../workspace/workspace-schema.js';
import {type Result, ok, fail} from '../issues.js';

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
			return `sampled items with pass or fail, like "SI-0001:pass,SI-0002:fail" (the guide asks for ${rule.sampleSize})`;
		case 'measure':
			return `a number in ${rule.unit.zh}${rule.unit.en ? ` (${rule.unit.en})` : ''}, at least ${rule.min}${rule.max === undefined ? '' : ` and at most ${rule.max}`}`;
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
			return `抽查事项逐项记录通过或不通过，得分＝通过数÷抽查数×100（指南要求抽查 ${rule.sampleSize} 项）`;
		case 'measure':
			return `一个数值，单位：${rule.unit.zh}，不小于 ${rule.min}${rule.max === undefined ? '' : `、不大于 ${rule.max}`}；按最优地区折算（${rule.better === 'higher' ? '越高越好' : '越低越好'}）`;
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
			const samples: {item: string; pass: boolean}[] = [];
			for (const part of input.split(/[,，;；\n]+/).map(p => p.trim()).filter(Boolean)) {
				const match = /^(.+?)\s*[:=：]\s*([^:=：]+)$/.exec(part);
				if (!match) return refuse(`"${part}" does not say pass or fail`);
				const verdict = match[2]!.trim().toLowerCase();
				if (YES.has(verdict)) samples.push({item: match[1]!.trim(), pass: true});
				else if (NO.has(verdict)) samples.push({item: match[1]!.trim(), pass: false});
				else return refuse(`"${match[2]}" is not pass or fail`);
			}
			const seen = new Set<string>();
			for (const s of samples) {
				if (seen.has(s.item)) return refuse(`item "${s.item}" is listed twice`);
				seen.add(s.item);
			}
			return ok({type: 'sampled', samples});
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
		case 'sampled':
			return `${value.samples.filter(s => s.pass).length}/${value.samples.length}`;
		case 'measure':
			return String(value.amount) + (rule?.type === 'measure' ? ` ${rule.unit.zh}` : '');
		case 'direct':
			return String(value.score);
	}
}

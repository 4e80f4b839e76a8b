import type {Rule} from '../domain/rules/rule-schema.js';
import type {FindingValue, Sample} from '../domain/workspace/workspace-schema.js';
import {describeAccepted, formatValue} from '../domain/rules/parse-value.js';
import {sampleCounts} from '../domain/rules/leaf-score.js';
import type {Lang} from '../domain/text.js';
import {fromFile, localized} from './display.js';
import {padEnd} from '../text/cell-width.js';

/**
 * A recorded value in the TUI's language. Chinese is the domain's `formatValue` (the words of
 * the exports); English says the same in English, with a level's or unit's English name where
 * the system file gives one. Labels and units come from files: through the boundary.
 */
export function valueText(rule: Rule | undefined, value: FindingValue | null, lang: Lang): string {
	if (!value) return '';
	if (lang === 'zh') return fromFile(formatValue(rule, value));
	switch (value.type) {
		case 'yesno':
			return value.met ? 'yes' : 'no';
		case 'levels': {
			const level = rule?.type === 'levels' ? rule.levels.find(l => l.id === value.level) : undefined;
			return level ? localized(level.label, 'en') : fromFile(value.level);
		}
		case 'sampled': {
			const c = sampleCounts(value.samples);
			return `${c.passed}/${c.total - c.unjudged}${c.unjudged ? ` (${c.unjudged} not judged)` : ''}`;
		}
		case 'measure':
			return `${value.amount}${rule?.type === 'measure' ? ` ${localized(rule.unit, 'en')}` : ''}`;
		case 'direct':
			return String(value.score);
	}
}

/** "3/10 judged: 2 pass, 1 fail; 1 not judged" — judged against what the guide asks for (`sampleCounts`). */
export function sampleCountText(samples: readonly Sample[], sampleSize: number, lang: Lang): string {
	const c = sampleCounts(samples);
	const judged = c.passed + c.failed;
	if (lang === 'zh') return `已判定 ${judged}/${sampleSize} 项（通过 ${c.passed}，不通过 ${c.failed}）${c.unjudged ? `，未判定 ${c.unjudged} 项` : ''}${c.total < sampleSize ? `，还差 ${sampleSize - c.total} 项` : ''}`;
	return `${judged}/${sampleSize} judged (${c.passed} pass, ${c.failed} fail)${c.unjudged ? `, ${c.unjudged} not judged` : ''}${c.total < sampleSize ? `, ${sampleSize - c.total} more needed` : ''}`;
}

const MARK = {pass: {zh: '[通过]', en: '[pass]'}, fail: {zh: '[不通过]', en: '[fail]'}, unjudged: {zh: '[未判定]', en: '[ ?? ]'}} as const;

/** A sampled item's verdict as a mark of one width per language (columns line up). */
export function sampleMark(pass: boolean | null, lang: Lang): string {
	const mark = MARK[pass === true ? 'pass' : pass === false ? 'fail' : 'unjudged'][lang];
	return padEnd(mark, lang === 'zh' ? 8 : 6);
}

export const SAMPLE_MARKS = MARK;

/**
 * What a rule accepts, as the item panel says it: the domain's `describeAccepted`, except in
 * English for the rules whose domain words carry Chinese (the 是/否 a command line accepts, a
 * level's Chinese label where the system gives an English one): the TUI's keys instead.
 */
export function ruleText(rule: Rule, lang: Lang): string {
	if (lang === 'en' && rule.type === 'yesno') return 'yes or no (y or 1 is yes, 0 is no)';
	if (lang === 'en' && rule.type === 'levels') return `one level, by its number: ${rule.levels.map((l, i) => `${i + 1}=${localized(l.label, 'en')} (${l.points})`).join(', ')}`;
	return fromFile(describeAccepted(rule, lang));
}

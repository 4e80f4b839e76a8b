import type {Rule} from '../domain/rules/rule-schema.js';
import type {FindingValue} from '../domain/workspace/workspace-schema.js';

/** What a quick key means for a leaf's rule: a value to record, a prompt to open, or nothing. */
export type QuickIntent = {kind: 'value'; value: FindingValue} | {kind: 'prompt'; initial: string} | {kind: 'levels'} | {kind: 'samples'} | undefined;

/**
 * 0–9 and y/n record a value at once where the rule allows it (yes/no, a level by number);
 * for a number rule a digit opens the value field with that digit typed. `n` means "no" only in
 * the item pane, because in the tree it walks to the next unscored leaf.
 */
export function quickIntent(rule: Rule, input: string, inItemPane: boolean): QuickIntent {
	switch (rule.type) {
		case 'yesno':
			if (input === 'y' || input === '1') return {kind: 'value', value: {type: 'yesno', met: true}};
			if (input === '0' || (input === 'n' && inItemPane)) return {kind: 'value', value: {type: 'yesno', met: false}};
			return undefined;
		case 'levels': {
			if (!/^[1-9]$/.test(input)) return undefined;
			const level = rule.levels[Number(input) - 1];
			return level ? {kind: 'value', value: {type: 'levels', level: level.id}} : undefined;
		}
		case 'measure':
		case 'direct':
			return /^[0-9]$/.test(input) ? {kind: 'prompt', initial: input} : undefined;
		case 'sampled':
			return undefined;
	}
}

/** What `v` (or Enter in the item pane) opens for a rule. */
export function valueEditorFor(rule: Rule, current: FindingValue | null): QuickIntent {
	switch (rule.type) {
		case 'yesno':
			return {kind: 'value', value: {type: 'yesno', met: !(current?.type === 'yesno' && current.met)}};
		case 'levels':
			return {kind: 'levels'};
		case 'measure':
			return {kind: 'prompt', initial: current?.type === 'measure' ? String(current.amount) : ''};
		case 'direct':
			return {kind: 'prompt', initial: current?.type === 'direct' ? String(current.score) : ''};
		case 'sampled':
			return {kind: 'samples'};
	}
}

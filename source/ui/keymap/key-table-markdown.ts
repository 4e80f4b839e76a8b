import type {Lang} from '../../domain/text.js';
import {BINDINGS} from './bindings.js';
import {SECTIONS} from './key-table.js';
import {keyLabels} from './key-labels.js';

/** Where the README keeps the key table made from the code's (test/ui/readme-keys.test.ts holds them equal). */
export const README_MARKS = {start: '<!-- keys:start (made by scripts/write-keys.ts from source/ui/keymap/) -->', end: '<!-- keys:end -->'};

/** The key table as a Markdown table, section by section, in the order of the help. */
export function keyTableMarkdown(lang: Lang = 'en'): string {
	const head = lang === 'zh' ? ['位置', '按键', '作用'] : ['where', 'keys', 'what they do'];
	const lines = [`| ${head.join(' | ')} |`, '|---|---|---|'];
	for (const section of SECTIONS) {
		const bindings = BINDINGS.filter(b => b.context === section.context);
		bindings.forEach((b, i) => {
			const keys = keyLabels(b.keys)
				.map(k => `\`${k}\``)
				.join(' ');
			lines.push(`| ${i === 0 ? section.title[lang] : ''} | ${keys} | ${b.label[lang].replace(/\|/g, '\\|')} |`);
		});
	}
	return lines.join('\n');
}

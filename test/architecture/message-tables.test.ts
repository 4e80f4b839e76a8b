import {describe, it, expect, beforeAll} from 'vitest';
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {pathToFileURL} from 'node:url';
import {repoRoot} from '../helpers/run-cli.js';
import {HAN, englishWords} from '../helpers/language.js';
import {MESSAGE_TABLES, placeholders, say, messages, list, type Entry} from '../../source/domain/words/message.js';
import type {Command} from '../../source/cli/command.js';

/**
 * Issue 13, "Neither language leaks into the other": every table of the program's own words
 * outside the TUI (the CLI's help and messages, the storage layer's and the domain's messages;
 * test/ui/string-tables.test.ts holds the TUI's) is checked here: no Han in English, no English
 * words in Chinese but codes, units, file formats and names, and the same placeholders in both.
 */

/** In help texts, lines that show a command as typed hold data and codes as typed (`--assessor 张三`, `--review required`). */
const withoutExamples = (text: string) =>
	text
		.split('\n')
		.filter(line => !/^\s*(\$ )?(assess|git)\s/.test(line))
		.join('\n');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap(e => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []));
}

/**
 * Every module that can hold the program's words outside the TUI (the entry point runs the
 * program, a worker's entry runs in its thread: left out; what they say comes from the others).
 */
const modules = ['domain', 'storage', 'cli', 'export', 'report-files'].flatMap(layer => sourceFiles(join(repoRoot, 'source', layer))).filter(file => !/-worker\.ts$/.test(file));

let commands: readonly Command[] = [];
beforeAll(async () => {
	for (const file of modules) await import(pathToFileURL(file).href);
	commands = await (await import('../../source/cli/command-table.js')).loadCommands();
}, 60_000);

type Pair = {where: string; entry: Entry; help?: boolean};
const pairs = (): Pair[] => [
	...MESSAGE_TABLES.filter(t => !t.area.startsWith('test/')).flatMap(t => Object.entries(t.table).map(([key, entry]) => ({where: `${t.area}.${key}`, entry}))),
	...commands.flatMap(c =>
		(['usage', 'summary', 'help'] as const).map(field => {
			const text = c[field];
			return {where: `${c.name}.${field}`, entry: text, help: true};
		}),
	),
];

describe('the program’s words are in one language at a time (issue 13)', () => {
	it('finds the tables (the check works)', () => {
		expect(modules.length).toBeGreaterThan(100);
		expect(MESSAGE_TABLES.length).toBeGreaterThan(30);
		expect(pairs().length).toBeGreaterThan(600);
		expect(englishWords('{file}：第 3 行，"accepted" 不是 --status 的值；用 `assess init` 或 assess merge 新建 ws.json（LANG=C）')).toEqual([]);
		expect(englishWords('已判定 [pass] 项')).toEqual([]);
		expect(englishWords('已判定 [passed] 项')).toEqual(['passed']);
		expect(englishWords('未找到 workspace')).toEqual(['workspace']);
	});

	it('every table entry and every command’s help: no Han in English, no English words in Chinese, the same placeholders', () => {
		const problems: string[] = [];
		for (const {where, entry, help} of pairs()) {
			const en = help ? withoutExamples(entry.en) : entry.en;
			if (HAN.test(en)) problems.push(`${where}: Han in English: ${en}`);
			const words = englishWords(help ? withoutExamples(entry.zh) : entry.zh);
			if (words.length) problems.push(`${where}: English in Chinese (${words.join(', ')}): ${entry.zh}`);
			if (entry.zh === entry.en && englishWords(entry.en).length && !help) problems.push(`${where}: not translated: ${entry.zh}`);
			// `{english}` holds text only English has (what Node or zod said): Chinese says it in its own words.
			// A count that only chooses an English plural ({n|it waits|they wait}) need not appear in Chinese.
			const pluralOnly = (name: string) => entry.en.includes(`{${name}|`) && !entry.en.includes(`{${name}}`);
			const zhNames = placeholders(entry.zh).filter(n => n !== 'english');
			const enNames = placeholders(entry.en).filter(n => n !== 'english' && !(pluralOnly(n) && !zhNames.includes(n)));
			if (!placeholders(entry.en).includes('english') && zhNames.join() !== enNames.join()) problems.push(`${where}: placeholders differ: zh {${zhNames.join(', ')}} en {${enNames.join(', ')}}`);
			if (placeholders(entry.en).includes('english') && zhNames.some(n => !enNames.includes(n)) && enNames.length) problems.push(`${where}: placeholders differ: zh {${zhNames.join(', ')}} en {${enNames.join(', ')}}`);
		}
		expect(problems).toEqual([]);
	});

	it('every command has its help in both languages, and the help names --lang', () => {
		for (const c of commands) {
			expect(typeof c.help, c.name).toBe('object');
			expect(typeof c.usage, c.name).toBe('object');
			expect(typeof c.summary, c.name).toBe('object');
		}
	});
});

describe('the program says nothing in one language only (issue 13)', () => {
	it('no UserError made from a plain string outside the TUI (a message from a table is in both languages)', () => {
		const plain = modules.flatMap(file => {
			const text = readFileSync(file, 'utf8');
			return [...text.matchAll(/UserError\.of\((?:[^,()]|\([^()]*\))*,\s*['"`]/g)].map(m => `${relative(repoRoot, file)}: ${m[0]}`);
		});
		expect(plain).toEqual([]);
	});

	it('no issue made from a plain string: every domain and storage problem carries its message (`said`)', () => {
		const plain = modules.flatMap(file => {
			const text = readFileSync(file, 'utf8');
			return [...text.matchAll(/\{path: [^}]*message: /g)].map(m => `${relative(repoRoot, file)}: ${m[0]}`);
		});
		expect(plain).toEqual([]);
	});
});

describe('messages say plurals and lists in each language (issue 13)', () => {
	const T = messages('test/plurals', {regions: {zh: '{n} 个地区', en: '{n} {n|region|regions}'}});

	it('one region, two regions; Chinese has no plural', () => {
		expect(say('en', T.regions({n: 1}))).toBe('1 region');
		expect(say('en', T.regions({n: 2}))).toBe('2 regions');
		expect(say('en', T.regions({n: 0}))).toBe('0 regions');
		expect(say('zh', T.regions({n: 1}))).toBe('1 个地区');
	});

	it('lists: a, b in English, a、b in Chinese; a message inside a message in the same language', () => {
		expect(say('en', list(['a', T.regions({n: 1})]))).toBe('a, 1 region');
		expect(say('zh', list(['a', T.regions({n: 1})]))).toBe('a、1 个地区');
	});

	it('no English plural written by hand: `${n} …s` patterns are gone from the sources (they said "1 regions")', () => {
		const handMade = modules
			.flatMap(file => {
				const text = readFileSync(file, 'utf8');
				return [...text.matchAll(/\$\{[^}]*\}\s(?:[a-z]+ )?[a-z]+s\b(?!['"])/g)].filter(m => !/\$\{[^}]*\} (is|was|has|does|says|goes|takes|gives|lists|makes|sees|needs|means|holds|keeps|names|asks|shows|changes|uses|scores|adds|refuses|works|leaves)\b/.test(m[0])).map(m => `${relative(repoRoot, file)}: ${m[0]}`);
			});
		expect(handMade).toEqual([]);
	});
});

import {mkdirSync, readFileSync, lstatSync, existsSync} from 'node:fs';
import {UserError} from '../../storage/user-error.js';
import {fsProblem} from '../../storage/fs-errors.js';
import {messages, say} from '../../domain/words/message.js';
import {writeFileDurably} from '../../storage/durable-json-file.js';
import {join, resolve, dirname} from 'node:path';
import type {Command} from '../command.js';
import {stringOption} from '../command.js';
import {SCHEMA_FILES, jsonSchemaText} from '../../storage/json-schemas.js';

const M = messages('cli/schemas', {
	notFolder: {zh: '不是文件夹；--write 应为存放这些 JSON Schema 的文件夹', en: 'is not a folder; --write takes the folder the schemas go into'},
	cannotCreate: {zh: '无法创建：{problem}', en: 'cannot be created: {problem}'},
	wrote: {zh: '已将 {n} 个 JSON Schema 写入 {folder}。', en: 'Wrote {n} schemas to {folder}.'},
	outOfDate: {zh: '{file}：已过时；请运行 `npm run schemas`', en: '{file}: out of date; run `npm run schemas`'},
});

export const schemasCommand: Command = {
	name: 'schemas',
	usage: {zh: 'assess schemas [--write <文件夹>] [--check <文件夹>] [--lang zh|en]', en: 'assess schemas [--write <folder>] [--check <folder>] [--lang zh|en]'},
	summary: {zh: '输出或写出各种文件的 JSON Schema', en: 'print or write the JSON Schemas of every file kind'},
	help: {
		zh: `输出由程序自身的数据格式定义生成的 JSON Schema，或把它们写入一个文件夹（--write），或检查一个文件夹
中的 JSON Schema 是否未变（--check，有变化时退出码为 2）。

  --write <文件夹>   把 JSON Schema 写入这个文件夹
  --check <文件夹>   检查这个文件夹中的 JSON Schema 是否最新
  --lang zh|en       输出语言（默认随系统区域设置）`,
		en: `Prints the JSON Schemas generated from the program's own schemas, or writes them into a
folder (--write), or checks that a folder holds them unchanged (--check, exit 2 when not).

  --write <folder>   write the schemas into this folder
  --check <folder>   check that this folder's schemas are up to date
  --lang zh|en       the language (default: from the locale)`,
	},
	options: {write: {type: 'string'}, check: {type: 'string'}},
	positionals: {min: 0, max: 0},
	async run(args, io) {
		const write = stringOption(args, 'write');
		const check = stringOption(args, 'check');
		if (write) {
			const dir = resolve(io.cwd, write);
			if (lstatSync(dir, {throwIfNoEntry: false})?.isDirectory() === false) throw UserError.of(write, M.notFolder());
			try {
				makeFolders(dir);
			} catch (error) {
				throw UserError.of(write, M.cannotCreate({problem: fsProblem(error)}));
			}
			for (const [name, schema] of Object.entries(SCHEMA_FILES)) await writeFileDurably(join(dir, name), jsonSchemaText(schema), {keepPrevious: false});
			io.err(say(io.lang, M.wrote({n: Object.keys(SCHEMA_FILES).length, folder: write})));
			return 0;
		}
		if (check) {
			const stale = Object.entries(SCHEMA_FILES).filter(([name, schema]) => {
				try {
					return readFileSync(join(resolve(io.cwd, check), name), 'utf8') !== jsonSchemaText(schema);
				} catch {
					return true;
				}
			});
			for (const [name] of stale) io.err(say(io.lang, M.outOfDate({file: join(check, name)})));
			return stale.length ? 2 : 0;
		}
		io.out(JSON.stringify(Object.fromEntries(Object.entries(SCHEMA_FILES).map(([n, s]) => [n, JSON.parse(jsonSchemaText(s))])), null, 2));
		return 0;
	},
};

/**
 * mkdir -p, one level at a time: Node's recursive mkdir loops forever where a parent refuses
 * new entries with ENOENT (/proc).
 */
function makeFolders(dir: string): void {
	const missing: string[] = [];
	for (let at = dir; !existsSync(at); at = dirname(at)) {
		missing.unshift(at);
		if (dirname(at) === at) break;
	}
	for (const folder of missing) mkdirSync(folder);
}

import {relative, resolve} from 'node:path';
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {UserError} from '../storage/user-error.js';
import type {Lang} from '../domain/text.js';
import {messages, say, pair, type Entry, type Message} from '../domain/words/message.js';
import {bundledName} from '../storage/bundled-paths.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Where a command writes: data for scripts to stdout, messages to stderr. */
export type Io = {
	out: (text: string) => void;
	err: (text: string) => void;
	/** Is stdin/stdout an interactive terminal (the TUI needs one)? */
	isTty: boolean;
	env: NodeJS.ProcessEnv;
	cwd: string;
	/** The language of every word the command says (`langFrom`: --lang, else the locale). */
	lang: Lang;
	/** Where answers to questions come from (default: the process's stdin). */
	stdin?: NodeJS.ReadableStream;
	/** The paths the user typed, by the absolute path they were resolved to (see `pathArg`). */
	typed?: Map<string, string>;
};

export type Parsed = {values: Record<string, string | boolean | string[] | undefined>; positionals: string[]};

/** One sub-command: its usage line, its help, its flags, and what it does; its words in both languages. */
export type Command = {
	name: string;
	usage: Entry;
	summary: Entry;
	help: Entry;
	options: Options;
	/** How many positional arguments it takes. */
	positionals: {min: number; max: number};
	run(args: Parsed, io: Io): Promise<number>;
};

const M = messages('cli/command', {
	usage: {zh: '{problem}\n用法：{usage}\n（参见：assess {name} --help）', en: '{problem}\nusage: {usage}\n(see: assess {name} --help)'},
	missing: {zh: '缺少参数', en: 'missing arguments'},
	tooMany: {zh: '参数过多：{extra}', en: 'too many arguments: {extra}'},
	unknownOption: {zh: '未知的选项 {option}', en: 'unknown option {option}'},
	needsValue: {zh: '选项 {option} 需要一个值', en: 'option {option} needs a value'},
	takesNoValue: {zh: '选项 {option} 不带值', en: 'option {option} takes no value'},
	bundledSystem: {zh: '内置指标体系 {id}', en: 'the bundled {id} system'},
	bundledWeights: {zh: '内置的 {id} 权重', en: 'the bundled {id} weights'},
	bundledRegions: {zh: '内置地区列表', en: 'the bundled region list'},
	bundledCatalog: {zh: '内置政务服务事项目录', en: 'the bundled service-item catalog'},
	bundledDemo: {zh: '内置演示工作区', en: 'the bundled demo workspace'},
	bundledSchema: {zh: '内置 JSON Schema {name}', en: 'the bundled JSON Schema {name}'},
	equalWeights: {zh: '（同级等权，没有权重文件）', en: '(equal weights: no weights file)'},
});

/** Every command takes --lang (main reads it first: help and usage errors follow it too). */
const LANG_OPTION: Options = {lang: {type: 'string'}};

/** Reads the arguments of a command; a wrong flag or count is a usage error (exit 2). */
export function parseCommandArgs(command: Command, argv: string[]): Parsed {
	let parsed;
	try {
		parsed = parseArgs({args: argv, options: {...LANG_OPTION, ...command.options}, allowPositionals: true, strict: true});
	} catch (error) {
		throw usageError(command, parseProblem(error));
	}
	const n = parsed.positionals.length;
	if (n < command.positionals.min) throw usageError(command, M.missing());
	if (n > command.positionals.max) throw usageError(command, M.tooMany({extra: parsed.positionals.slice(command.positionals.max).join(' ')}));
	return parsed as Parsed;
}

/** node:util's parseArgs says what is wrong in English (and by code): in our words, in both languages. */
function parseProblem(error: unknown): Message {
	const e = error as {code?: string; message?: string};
	const option = /'(-[^']*)'/.exec(e.message ?? '')?.[1] ?? /(--?[\w-]+)/.exec(e.message ?? '')?.[1] ?? '';
	if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return M.unknownOption({option});
	if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(e.message ?? '')) return M.takesNoValue({option: option.split('=')[0]!});
	if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return M.needsValue({option});
	if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return M.tooMany({extra: /'([^']*)'/.exec(e.message ?? '')?.[1] ?? ''});
	return M.unknownOption({option: String(e.message ?? error)});
}

export function usageError(command: Command, problem: Message): UserError {
	return UserError.of(`assess ${command.name}`, M.usage({problem, usage: usageLine(command), name: command.name}));
}

/** A command's usage line in both languages. */
export const usageLine = (command: Command): Message => pair(command.usage.zh, command.usage.en);

/** One of a command's texts (usage, summary, help) in one language. */
export const commandText = (lang: Lang, text: Entry): string => text[lang];

/** A message in the command's language. */
export const sayIn = (io: Pick<Io, 'lang'>, message: Message): string => say(io.lang, message);

export function stringOption(args: Parsed, name: string): string | undefined {
	const v = args.values[name];
	return typeof v === 'string' ? v : undefined;
}

export function listOption(args: Parsed, name: string): string[] {
	const v = args.values[name];
	return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/**
 * A path argument, resolved against the folder the user is in; remembered as they typed it, so
 * that every message about it names it that way (main renames errors at the boundary).
 */
export function pathArg(io: Io, typed: string): string {
	const absolute = resolve(io.cwd, typed);
	if (absolute !== typed) io.typed?.set(absolute, typed);
	return absolute;
}

/** A path as the user would type it from where they are, when it is below there. */
export function displayPath(cwd: string, file: string): string {
	if (!file.startsWith('/')) return file;
	const rel = relative(cwd, file);
	return rel.startsWith('..') ? file : rel;
}

/**
 * A file as a message names it: as the user typed it; a bundled file as what it is ("the
 * bundled 2020-province weights"), never by the folder the program is installed in; else
 * relative to where the user is, when it is below there.
 */
export function shownFile(io: Pick<Io, 'cwd' | 'typed'>, file: string): Message | string {
	const typed = io.typed?.get(file);
	if (typed !== undefined) return typed;
	if (file === '(equal weights)') return M.equalWeights();
	const bundled = bundledName(file);
	if (bundled) {
		switch (bundled.kind) {
			case 'system':
				return M.bundledSystem({id: bundled.id});
			case 'weights':
				return M.bundledWeights({id: bundled.id});
			case 'regions':
				return M.bundledRegions();
			case 'catalog':
				return M.bundledCatalog();
			case 'demo':
				return M.bundledDemo();
			case 'schema':
				return M.bundledSchema({name: bundled.id});
		}
	}
	return displayPath(io.cwd, file);
}

/** The same in words of the command's language. */
export const shownFileText = (io: Pick<Io, 'cwd' | 'typed' | 'lang'>, file: string): string => say(io.lang, shownFile(io, file));

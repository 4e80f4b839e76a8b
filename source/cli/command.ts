import {relative} from 'node:path';
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {UserError} from '../storage/user-error.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Where a command writes: data for scripts to stdout, messages to stderr. */
export type Io = {
	out: (text: string) => void;
	err: (text: string) => void;
	/** Is stdin/stdout an interactive terminal (the TUI needs one)? */
	isTty: boolean;
	env: NodeJS.ProcessEnv;
	cwd: string;
	/** Where answers to questions come from (default: the process's stdin). */
	stdin?: NodeJS.ReadableStream;
};

export type Parsed = {values: Record<string, string | boolean | string[] | undefined>; positionals: string[]};

/** One sub-command: its usage line, its help, its flags, and what it does. */
export type Command = {
	name: string;
	usage: string;
	summary: string;
	help: string;
	options: Options;
	/** How many positional arguments it takes. */
	positionals: {min: number; max: number};
	run(args: Parsed, io: Io): Promise<number>;
};

/** Reads the arguments of a command; a wrong flag or count is a usage error (exit 2). */
export function parseCommandArgs(command: Command, argv: string[]): Parsed {
	let parsed;
	try {
		parsed = parseArgs({args: argv, options: command.options, allowPositionals: true, strict: true});
	} catch (error) {
		const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error);
		throw usageError(command, message);
	}
	const n = parsed.positionals.length;
	if (n < command.positionals.min) throw usageError(command, `missing arguments`);
	if (n > command.positionals.max) throw usageError(command, `too many arguments: ${parsed.positionals.slice(command.positionals.max).join(' ')}`);
	return parsed as Parsed;
}

export function usageError(command: Command, problem: string): UserError {
	return new UserError([{file: `assess ${command.name}`, place: '', problem: `${problem}\nusage: ${command.usage}\n(see: assess ${command.name} --help)`}]);
}

export function stringOption(args: Parsed, name: string): string | undefined {
	const v = args.values[name];
	return typeof v === 'string' ? v : undefined;
}

export function listOption(args: Parsed, name: string): string[] {
	const v = args.values[name];
	return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** A path as the user would type it from where they are, when it is below there. */
export function displayPath(cwd: string, file: string): string {
	if (!file.startsWith('/')) return file;
	const rel = relative(cwd, file);
	return rel.startsWith('..') ? file : rel;
}

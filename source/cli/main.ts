import type {Command, Io} from './command.js';
import {parseCommandArgs} from './command.js';
import {UserError, formatIssue} from '../storage/user-error.js';
import {messages, say} from '../domain/words/message.js';
import type {Lang} from '../domain/text.js';
import {langFrom, langArgument} from './lang-option.js';
import {shownFile, commandText} from './command.js';
import {VERSION} from '../version.js';
import {WARM_UP} from '../runtime/boot.js';
import {loadCommand, loadCommands} from './command-table.js';


const M = messages('cli/main', {
	help: {
		zh: `assess {version} —— 省级政府和重点城市网上政务服务能力调查评估离线工作台

用法：assess [<命令>] [<参数>]      （不带命令：打开你的演示工作区副本）

命令：
{commands}

  assess <命令> --help   查看某个命令的参数和示例
  assess --version（-V）  版本号
  --lang zh|en           界面语言（默认随系统区域设置：zh_* 为中文，否则为英文）

退出码：0 成功，1 程序故障，2 输入或用法有误，3 合并后留有冲突。`,
		en: `assess {version} — offline workbench for China's assessment of online government service capability

usage: assess [<command>] [<args>]      (no command: open your copy of the demo)

commands:
{commands}

  assess <command> --help   for a command's arguments and examples
  assess --version (-V)
  --lang zh|en              the language (default: from the locale; Chinese for zh_*, else English)

Exit codes: 0 success, 1 program failure, 2 bad input or usage, 3 merge left conflicts.`,
	},
	commandHelp: {zh: '用法：{usage}\n\n{summary}。\n\n{help}', en: 'usage: {usage}\n\n{summary}.\n\n{help}'},
	unknownCommand: {zh: 'assess：未知的命令 "{name}"\n\n{help}', en: 'assess: unknown command "{name}"\n\n{help}'},
	badLang: {zh: '应为 zh 或 en（而不是 "{lang}"）', en: 'must be zh or en (not "{lang}")'},
	internal: {zh: 'assess：内部错误——请连同你运行的命令一起报告：\n{trace}', en: 'assess: internal error — please report it with the command you ran:\n{trace}'},
});

/** A command's words in one language. */
const entry = commandText;

async function mainHelp(lang: Lang): Promise<string> {
	const all = await loadCommands();
	const width = Math.max(...all.map(c => c.name.length));
	const commands = all.map(c => `  ${c.name.padEnd(width)}  ${entry(lang, c.summary)}`).join('\n');
	return say(lang, M.help({version: VERSION, commands}));
}

/** Runs the command line; returns the exit code. Never lets a stack trace reach a user for bad input. */
export async function main(argv: string[], base: Omit<Io, 'lang'> & {lang?: Lang}): Promise<number> {
	const asked = langArgument(argv);
	const lang = langFrom(asked, base.env);
	const io: Io = {...base, lang, typed: base.typed ?? new Map()};
	const [first, ...rest] = argv;
	if (asked !== undefined && asked !== 'zh' && asked !== 'en') {
		io.err(formatIssue({file: '--lang', place: '', problem: M.badLang({lang: asked})}, lang));
		return 2;
	}
	if (first === '--version' || first === '-V' || first === '-v') {
		io.out(VERSION);
		return 0;
	}
	if (first === '--help' || first === '-h' || first === 'help') {
		const named = first === 'help' && rest[0] ? await loadCommand(rest[0]) : undefined;
		io.out(named ? commandHelp(named, lang) : await mainHelp(lang));
		return 0;
	}
	if (first === WARM_UP) {
		// Not for users: the build runs it to ship compiled code for the TUI (source/runtime/warm-up.tsx).
		const {warmUp} = await import('../runtime/warm-up.js');
		await warmUp();
		return 0;
	}
	const command = await loadCommand(first === undefined || first.startsWith('-') ? 'open' : first);
	if (!command) {
		io.err(say(lang, M.unknownCommand({name: first!, help: await mainHelp(lang)})));
		return 2;
	}
	const args = first === undefined || first.startsWith('-') ? argv : rest;
	if (args.includes('--help') || args.includes('-h')) {
		io.out(commandHelp(command, lang));
		return 0;
	}
	try {
		return await command.run(parseCommandArgs(command, args), io);
	} catch (error) {
		if (error instanceof UserError) {
			for (const issue of shownAsTyped(error, io).issues) io.err(formatIssue(issue, lang));
			return error.exitCode;
		}
		const trace = error instanceof Error ? (error.stack ?? error.message) : String(error);
		io.err(say(lang, M.internal({trace})));
		return 1;
	}
}

/** An error naming files as the user typed them (or, for the program's own files, as what they are). */
function shownAsTyped(error: UserError, io: Io): UserError {
	let named = error;
	for (const [absolute, typed] of io.typed ?? []) named = named.named(absolute, typed);
	return new UserError(
		named.issues.map(i => ({...i, file: i.file.startsWith('/') ? say(io.lang, shownFile(io, i.file)) : i.file})),
		named.exitCode,
	);
}

function commandHelp(command: Command, lang: Lang): string {
	return say(lang, M.commandHelp({usage: entry(lang, command.usage), summary: entry(lang, command.summary), help: entry(lang, command.help)}));
}

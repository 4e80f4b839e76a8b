import {readdirSync} from 'node:fs';
import type {Command} from '../command.js';
import {usageError} from '../command.js';
import {messages} from '../../domain/words/message.js';
import {bundledDir} from '../../storage/bundled-paths.js';
import {SHELLS, completionScript, completionSpec, type Shell} from '../shell-completion.js';

/** The words of this command, in both languages. */
const M = messages('cli/completion', {
	unknownShell: {zh: '未知的 shell "{shell}"：应为 {shells} 之一', en: 'unknown shell "{shell}": one of {shells}'},
});

const USAGE = {zh: 'assess completion <bash|zsh|fish|powershell> [--lang zh|en]', en: 'assess completion <bash|zsh|fish|powershell> [--lang zh|en]'};
const SUMMARY = {zh: '输出 bash、zsh、fish 或 PowerShell 的命令补全脚本', en: 'print the shell completion script for bash, zsh, fish or PowerShell'};
const HELP = {
	zh: `输出一个在 shell 中补全 assess 的命令、选项及其取值（语言、格式、状态、内置指标体系、工作区文件）的
脚本。由程序自己的命令表生成；升级后请重新输出。命令说明随 --lang 或系统区域设置的语言。

  bash         ~/.bashrc 中：   \`source <(assess completion bash)\`
  zsh          ~/.zshrc 中，\`compinit\` 之后：   \`source <(assess completion zsh)\`
  fish         \`assess completion fish > ~/.config/fish/completions/assess.fish\`
  powershell   $PROFILE 中：   \`assess completion powershell | Out-String | Invoke-Expression\``,
	en: `Prints a script that completes assess's commands, options and their values (languages,
formats, statuses, bundled indicator systems, workspace files) in your shell. Made from the
program's own command table; print it again after an upgrade. The commands' descriptions are
in the language of --lang or the locale.

  bash         ~/.bashrc:   source <(assess completion bash)
  zsh          ~/.zshrc, after compinit:   source <(assess completion zsh)
  fish         assess completion fish > ~/.config/fish/completions/assess.fish
  powershell   $PROFILE:   assess completion powershell | Out-String | Invoke-Expression`,
};

/** The bundled indicator systems by id (`2020-province`…), which `--system` takes. */
function bundledSystems(): string[] {
	try {
		return readdirSync(bundledDir())
			.filter(name => name.endsWith('.json') && !name.endsWith('.weights.json') && name !== 'regions.json' && name !== 'service-items.json')
			.map(name => name.slice(0, -'.json'.length))
			.sort();
	} catch {
		return [];
	}
}

/** Made with the command table it completes (main.ts passes its own, which lists this command too). */
export function completionCommand(commands: () => Promise<readonly Command[]>): Command {
	const command: Command = {
		name: 'completion',
		usage: USAGE,
		summary: SUMMARY,
		help: HELP,
		options: {},
		positionals: {min: 1, max: 1},
		async run(args, io) {
			const shell = args.positionals[0]!;
			if (!(SHELLS as readonly string[]).includes(shell)) throw usageError(command, M.unknownShell({shell, shells: [...SHELLS]}));
			io.out(completionScript(shell as Shell, completionSpec(await commands(), bundledSystems(), io.lang)).replace(/\n$/, ''));
			return 0;
		},
	};
	return command;
}

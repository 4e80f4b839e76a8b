import {readdirSync} from 'node:fs';
import type {Command} from '../command.js';
import {usageError} from '../command.js';
import {bundledDir} from '../../storage/bundled-paths.js';
import {SHELLS, completionScript, completionSpec, type Shell} from '../shell-completion.js';

/** The words of this command, kept together (to be translated in one place). */
const WORDS = {
	usage: 'assess completion <bash|zsh|fish|powershell>',
	summary: 'print the shell completion script for bash, zsh, fish or PowerShell',
	help: `Prints a script that completes assess's commands, options and their values (languages,
formats, statuses, bundled indicator systems, workspace files) in your shell. Made from the
program's own command table; print it again after an upgrade.

  bash         ~/.bashrc:   source <(assess completion bash)
  zsh          ~/.zshrc, after compinit:   source <(assess completion zsh)
  fish         assess completion fish > ~/.config/fish/completions/assess.fish
  powershell   $PROFILE:   assess completion powershell | Out-String | Invoke-Expression`,
	unknownShell: (shell: string) => `unknown shell "${shell}": one of ${SHELLS.join(', ')}`,
} as const;

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
export function completionCommand(commands: () => readonly Command[]): Command {
	const command: Command = {
		name: 'completion',
		usage: WORDS.usage,
		summary: WORDS.summary,
		help: WORDS.help,
		options: {},
		positionals: {min: 1, max: 1},
		async run(args, io) {
			const shell = args.positionals[0]!;
			if (!(SHELLS as readonly string[]).includes(shell)) throw usageError(command, WORDS.unknownShell(shell));
			io.out(completionScript(shell as Shell, completionSpec(commands(), bundledSystems())).replace(/\n$/, ''));
			return 0;
		},
	};
	return command;
}

import type {Command, Io} from './command.js';
import {parseCommandArgs} from './command.js';
import {initCommand} from './commands/init.js';
import {recordCommand} from './commands/record.js';
import {validateCommand} from './commands/validate.js';
import {scoreCommand} from './commands/score.js';
import {searchCommand} from './commands/search.js';
import {schemasCommand} from './commands/schemas.js';
import {openCommand} from './commands/open.js';
import {mergeCommand} from './commands/merge.js';
import {mergeDriverCommand} from './commands/merge-driver.js';
import {agreementCommand} from './commands/agreement.js';
import {exportCommand} from './commands/export.js';
import {unlockCommand} from './commands/unlock.js';
import {reportCommand} from './commands/report.js';
import {compareCommand} from './commands/compare.js';
import {setupGitCommand} from './commands/setup-git.js';
import {doctorCommand} from './commands/doctor.js';
import {completionCommand} from './commands/completion.js';
import {reviewCommand} from './commands/review.js';
import {reviewPolicyCommand} from './commands/review-policy.js';
import {spotCheckCommand} from './commands/spot-check.js';
import {statusCommand} from './commands/status.js';
import {logCommand} from './commands/log.js';
import {UserError, formatIssue} from '../storage/user-error.js';
import {VERSION} from '../version.js';
import {WARM_UP} from '../runtime/boot.js';

/** Every sub-command, in the order `assess --help` lists them. */
export const COMMANDS: readonly Command[] = [openCommand, initCommand, recordCommand, reviewCommand, reviewPolicyCommand, validateCommand, scoreCommand, searchCommand, mergeCommand, mergeDriverCommand, agreementCommand, spotCheckCommand, statusCommand, logCommand, exportCommand, reportCommand, compareCommand, unlockCommand, schemasCommand, setupGitCommand, doctorCommand, completionCommand(() => COMMANDS)];

function mainHelp(): string {
	const width = Math.max(...COMMANDS.map(c => c.name.length));
	return `assess ${VERSION} — offline workbench for the assessment of online government service capability
(省级政府和重点城市网上政务服务能力调查评估)

usage: assess [<command>] [<args>]      (no command: open your copy of the demo)

commands:
${COMMANDS.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

  assess <command> --help   for a command's arguments and examples
  assess --version (-V)

Exit codes: 0 success, 1 program failure, 2 bad input or usage, 3 merge left conflicts.`;
}

/** Runs the command line; returns the exit code. Never lets a stack trace reach a user for bad input. */
export async function main(argv: string[], io: Io): Promise<number> {
	const [first, ...rest] = argv;
	if (first === '--version' || first === '-V' || first === '-v') {
		io.out(VERSION);
		return 0;
	}
	if (first === '--help' || first === '-h' || first === 'help') {
		const named = first === 'help' && rest[0] ? COMMANDS.find(c => c.name === rest[0]) : undefined;
		io.out(named ? commandHelp(named) : mainHelp());
		return 0;
	}
	if (first === WARM_UP) {
		// Not for users: the build runs it to ship compiled code for the TUI (source/runtime/warm-up.tsx).
		const {warmUp} = await import('../runtime/warm-up.js');
		await warmUp();
		return 0;
	}
	const command = first === undefined || first.startsWith('-') ? openCommand : COMMANDS.find(c => c.name === first);
	if (!command) {
		io.err(`assess: unknown command "${first}"\n\n${mainHelp()}`);
		return 2;
	}
	const args = first === undefined || first.startsWith('-') ? argv : rest;
	if (args.includes('--help') || args.includes('-h')) {
		io.out(commandHelp(command));
		return 0;
	}
	try {
		return await command.run(parseCommandArgs(command, args), io);
	} catch (error) {
		if (error instanceof UserError) {
			for (const issue of error.issues) io.err(formatIssue(issue));
			return error.exitCode;
		}
		const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
		io.err(`assess: internal error — please report it with the command you ran:\n${message}`);
		return 1;
	}
}

function commandHelp(command: Command): string {
	return `usage: ${command.usage}\n\n${command.summary}.\n\n${command.help}`;
}

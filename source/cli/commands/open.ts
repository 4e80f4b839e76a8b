import {resolve} from 'node:path';
import type {Command, Io} from '../command.js';
import {stringOption} from '../command.js';
import {userDemo} from '../user-demo.js';
import {UserError} from '../../storage/user-error.js';
import {langFrom} from '../lang-option.js';

export const openCommand: Command = {
	name: 'open',
	usage: 'assess open [<workspace>] [--weights <file>] [--lang zh|en] [--by <name>] [--review]',
	summary: 'open a workspace in the terminal UI (default: your copy of the demo)',
	help: `Opens a workspace in the terminal UI. Without one, your own copy of the bundled demo:
~/.local/share/assess/demo.json (ASSESS_DATA_DIR or XDG_DATA_HOME move it; on macOS
~/Library/Application Support/assess, on Windows %APPDATA%\\assess), made the first time;
delete it to start again. While a workspace is open it is locked; a second instance opens
it read-only and says who holds it.

  --weights <file>   score with this weights file (watched: edits re-score live)
  --lang zh|en       interface language (default: from the locale; English unless zh_*)
  --by <name>        who records and settles findings in this session (default: the
                     workspace's assessor; a team lead settling a merged file gives their name)
  --review           review mode (with --by): walk the findings waiting for your review,
                     accept or return them

Keys: ? shows them all. ↑↓/jk move, →/Enter open, ←/Esc back, Tab switches pane, / search,
n/N next/previous unscored leaf, y/n and 0–9 record a value, e note, a evidence, f flag,
d done, - not applicable, s scoreboard, u undo, q quit (everything is already saved).

Needs an interactive terminal. Without one (a pipe, a script, CI), use the commands that work
without it: assess score, assess record, assess search, assess validate.`,
	options: {weights: {type: 'string'}, lang: {type: 'string'}, by: {type: 'string'}, review: {type: 'boolean'}},
	positionals: {min: 0, max: 1},
	async run(args, io) {
		const lang = stringOption(args, 'lang');
		if (lang !== undefined && lang !== 'zh' && lang !== 'en') throw UserError.of('--lang', `must be zh or en (not "${lang}")`);
		const review = Boolean(args.values.review);
		if (review && !stringOption(args, 'by')?.trim()) throw UserError.of('--review', 'needs --by <name>: a review records who gave it');
		if (!io.isTty) {
			throw UserError.of(
				'assess open',
				'needs an interactive terminal, and stdin or stdout is not one (a pipe, a script or CI).\n' +
					'Without a terminal, use: assess score <ws> (scores and ranks), assess record <ws> … (findings),\n' +
					'assess search <query>, assess validate <file>… — see assess --help.',
			);
		}
		const file = args.positionals[0] ? resolve(io.cwd, args.positionals[0]) : openDemo(io);
		const weights = stringOption(args, 'weights');
		// Loaded only here, so the plain commands never pay for the UI's start-up.
		const {runTui} = await import('../../ui/run-tui.js');
		return runTui({file, weights: weights ? resolve(io.cwd, weights) : undefined, lang: langFrom(lang, io.env), env: io.env, cwd: io.cwd, by: stringOption(args, 'by')?.trim() || undefined, review});
	},
};

/** The user's copy of the demo (source/cli/user-demo.ts), saying where it is when it was just made. */
function openDemo(io: Io): string {
	const demo = userDemo(io.env);
	if (demo.made === 'new') io.err(`assess: your own copy of the demo is ${demo.file} (delete it to start again from the bundled one).`);
	if (demo.made === 'updated') io.err(`assess: ${demo.file} follows the new bundled demo (you had not changed it).`);
	return demo.file;
}

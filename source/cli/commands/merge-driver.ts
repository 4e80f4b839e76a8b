import {resolve} from 'node:path';
import type {Command} from '../command.js';
import {readBytes, parseJsonText} from '../../storage/read-json-file.js';
import {parseWorkspace} from '../../storage/workspace-store.js';
import {workspaceBytes} from '../../storage/workspace-text.js';
import {writeFileDurably} from '../../storage/durable-json-file.js';
import {mergeWorkspaces} from '../../domain/merge/merge-workspaces.js';
import {UserError} from '../../storage/user-error.js';
import {EXIT_CONFLICTS} from './merge.js';

export const mergeDriverCommand: Command = {
	name: 'merge-driver',
	usage: 'assess merge-driver %O %A %B %P',
	summary: 'the same merge, as a git merge driver for workspace files',
	help: `A three-way merge driver for git: %O is the common ancestor, %A ours (the result is
written there), %B theirs, %P the path in the repository (for messages). Findings merge as in
\`assess merge\`; disagreements are recorded in the file as conflicts, never as text markers,
so the file stays valid JSON. Exit 0 when clean, 3 when conflicts remain (git then reports
the file as conflicted; settle in the TUI, then \`git add\`).

Set up once in each clone of the repository: \`assess setup-git\` (.gitattributes, .gitignore
and this driver in git's config, by the program's absolute path; \`assess setup-git --check\`
says what is missing). Never \`npx assess\`: that npm name is someone else's package.`,
	options: {},
	positionals: {min: 3, max: 4},
	async run(args, io) {
		const [base, ours, theirs, path] = args.positionals as [string, string, string, string | undefined];
		const shown = path ?? ours;
		const read = (file: string, role: string) => {
			try {
				return parseWorkspace(file, parseJsonText(file, readBytes(resolve(io.cwd, file))));
			} catch (error) {
				if (error instanceof UserError) throw new UserError([{file: `${shown} (${role})`, place: '', problem: 'cannot be merged:'}, ...error.issues]);
				throw error;
			}
		};
		const o = read(base, 'common ancestor');
		const a = read(ours, 'ours');
		const b = read(theirs, 'theirs');
		const merged = mergeWorkspaces([a, b, o], {id: a.id, assessor: a.assessor, createdAt: a.createdAt});
		if (!merged.ok) throw UserError.fromIssues(shown, merged.issues);
		await writeFileDurably(resolve(io.cwd, ours), workspaceBytes(merged.value.workspace));
		if (merged.value.conflicts > 0) {
			io.err(`assess: ${shown}: ${merged.value.conflicts} findings disagree; they are recorded in the file as conflicts. Settle them with \`assess open ${shown}\` (c), then git add.`);
			return EXIT_CONFLICTS;
		}
		return 0;
	},
};

import {resolve} from 'node:path';
import type {Command} from '../command.js';
import {readBytes, parseJsonText} from '../../storage/read-json-file.js';
import {parseWorkspace, loadContext} from '../../storage/workspace-store.js';
import type {Workspace} from '../../domain/workspace/workspace-schema.js';
import {workspaceBytes} from '../../storage/workspace-text.js';
import {writeFileDurably} from '../../storage/durable-json-file.js';
import {mergeWorkspaces} from '../../domain/merge/merge-workspaces.js';
import {verbatim} from '../../domain/words/message.js';
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
says what is missing). Never \`npx assess\`: that npm name is someone else's package.

With no common ancestor (both branches added the file), ours and theirs merge two-way. A
result that does not fit the indicator system is refused, ours is left as it was, and the
message says how to take theirs.`,
	options: {},
	positionals: {min: 3, max: 4},
	async run(args, io) {
		const [base, ours, theirs, path] = args.positionals as [string, string, string, string | undefined];
		const shown = path ?? ours;
		const read = (file: string, role: string): Workspace | undefined => {
			const bytes = readBytes(resolve(io.cwd, file));
			// No common ancestor (both branches added the file): git passes an empty one.
			if (role === 'common ancestor' && bytes.length === 0) return undefined;
			return parseWorkspace(file, parseJsonText(file, bytes));
		};
		try {
			const a = read(ours, 'ours')!;
			const b = whose(`${shown} (theirs)`, () => read(theirs, 'theirs')!);
			let o: Workspace | undefined;
			try {
				o = read(base, 'common ancestor');
			} catch (error) {
				if (!(error instanceof UserError)) throw error;
				// The ancestor only adds versions the two sides already descend from.
				io.err(`assess: ${shown}: the common ancestor cannot be read (${error.issues[0]?.problem}); merging ours and theirs two-way.`);
			}
			const merged = mergeWorkspaces(o ? [a, b, o] : [a, b], {id: a.id, assessor: a.assessor, createdAt: a.createdAt});
			if (!merged.ok) throw UserError.fromIssues(shown, merged.issues);
			const ws = merged.value.workspace;
			// The result must be a workspace every command opens: checked against its system, whose
			// file (if a team's own) is named relative to the workspace's place in the repository.
			whose(shown, () => loadContext(resolve(io.cwd, shown), ws), 'the merged result does not fit its indicator system:');
			// git's temporary file gets no `~` copy (it would be left in the repository).
			await writeFileDurably(resolve(io.cwd, ours), workspaceBytes(ws), {keepPrevious: false});
			if (merged.value.conflicts > 0) {
				io.err(`assess: ${shown}: ${merged.value.conflicts} findings disagree; they are recorded in the file as conflicts. Settle them with \`assess open ${shown}\` (c), then git add.`);
				return EXIT_CONFLICTS;
			}
			return 0;
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			const advice = `assess: ${shown}: not merged; ours is left as it was. To take theirs instead: git checkout --theirs -- ${shown} && git add ${shown}; to keep ours: git add ${shown}.`;
			throw new UserError([...error.issues, {file: shown, place: '', problem: verbatim(advice.slice(`assess: ${shown}: `.length))}]);
		}
	},
};

/** Names the side a problem came from, for the message git shows. */
function whose<T>(side: string, run: () => T, problem = 'cannot be merged:'): T {
	try {
		return run();
	} catch (error) {
		if (error instanceof UserError) throw new UserError([{file: side, place: '', problem: verbatim(problem)}, ...error.issues]);
		throw error;
	}
}

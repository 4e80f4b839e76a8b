import {resolve} from 'node:path';
import type {Command} from '../command.js';
import {applyGitSetup, checkGitSetup, findRepo, shownRepo} from '../git-setup.js';

/** The words of this command, kept together (to be translated in one place). */
const WORDS = {
	usage: 'assess setup-git [<repo>] [--check]',
	summary: "set up a git repository to sync workspaces: merge driver, .gitattributes, .gitignore",
	help: `Sets up a git repository (default: the one the current folder is in) so that a team can
sync workspace files through it:

  .gitattributes   workspace files (workspaces/*.json, and any other folder holding
                   workspace files) merged by assess, never as text; evidence files binary
  .gitignore       what a workspace leaves beside it and is never shared: locks
                   (*.json.lock), the previous save (*.json~), session backups
                   (*.json.backups/), unfinished writes (*.tmp-*)
  git config       merge.assess.driver: this program by its absolute path (node and
                   bin/assess.js; never npx, which would fetch someone else's package)

Commit .gitattributes and .gitignore; every member runs \`assess setup-git\` once in their
clone (git does not share its config), and again after moving the program or Node. Running it
again changes nothing that is in place.

  --check   change nothing; list what is missing (exit 1 when something is, 0 when all is set)

Example:
  git clone https://git.example.org/team/assessment.git && cd assessment
  assess setup-git
  git add .gitattributes .gitignore && git commit -m "assess merges workspaces"`,
	changed: (repo: string) => `assess: set up ${repo} for workspace merges:`,
	unchanged: (repo: string) => `assess: ${repo} is already set up; nothing changed.`,
	commit: 'Commit .gitattributes and .gitignore so the team shares them; each member runs assess setup-git once in their clone.',
	checkOk: (repo: string) => `assess: ${repo} is set up for workspace merges.`,
	checkMissing: (repo: string, n: number) => `assess: ${repo} is not fully set up (${n} missing); run: assess setup-git${repo === '.' ? '' : ` ${repo}`}`,
	marks: {ok: 'ok     ', missing: 'MISSING', note: 'note   '},
} as const;

export const setupGitCommand: Command = {
	name: 'setup-git',
	usage: WORDS.usage,
	summary: WORDS.summary,
	help: WORDS.help,
	options: {check: {type: 'boolean'}},
	positionals: {min: 0, max: 1},
	async run(args, io) {
		const repo = findRepo(resolve(io.cwd, args.positionals[0] ?? '.'));
		const shown = shownRepo(io.cwd, repo.top);
		if (args.values.check) {
			const items = checkGitSetup(repo);
			for (const item of items) io.out(`  ${WORDS.marks[item.state]}  ${item.text}`);
			const missing = items.filter(i => i.state === 'missing').length;
			io.err(missing ? WORDS.checkMissing(shown, missing) : WORDS.checkOk(shown));
			return missing ? 1 : 0;
		}
		const changes = applyGitSetup(repo);
		if (!changes.length) {
			io.err(WORDS.unchanged(shown));
			return 0;
		}
		io.err(WORDS.changed(shown));
		for (const change of changes) io.err(`  ${change}`);
		io.err(WORDS.commit);
		return 0;
	},
};

import type {Command} from '../command.js';
import {runChecks, buildOf, type Check} from '../doctor-checks.js';
import {installRoot} from '../../storage/bundled-paths.js';
import {VERSION} from '../../version.js';

/** The words of this command, kept together (to be translated in one place). */
const WORDS = {
	usage: 'assess doctor [--json]',
	summary: 'what the program sees here (Node, terminal, locks, git…), and what to do about it',
	help: `Checks what assess depends on, from where you run it, and says what to do about anything
that needs it:

  Node        its version, and whether assess and Node itself still support it
  terminal    an interactive terminal? its size and colours
  language    the locale, and the language assess chooses from it (UTF-8?)
  cache       the cache folder (compiled code, validated files): can it be written?
  your files  where your copy of the demo is
  lock        workspaces here (and in workspaces/) that someone has open, and who
  git         in a git repository: the merge driver and .gitattributes/.gitignore
  evidence    every evidence file the workspaces here name is in their evidence folders

Exit 0 when nothing needs doing (notes are for information), 1 when something does not work.

  --json   the checks as JSON: {"version", "checks": [{"topic", "state", "text", "fix"}]}`,
	heading: (version: string, build: string, root: string) => `assess ${version} (build ${build}) in ${root}`,
	marks: {ok: 'ok     ', note: 'note   ', problem: 'PROBLEM'},
	summaryOk: 'Nothing needs doing.',
	summaryProblems: (n: number) => `${n} ${n === 1 ? 'thing does' : 'things do'} not work; see → above.`,
} as const;

export const doctorCommand: Command = {
	name: 'doctor',
	usage: WORDS.usage,
	summary: WORDS.summary,
	help: WORDS.help,
	options: {json: {type: 'boolean'}},
	positionals: {min: 0, max: 0},
	async run(args, io) {
		const checks = runChecks({
			cwd: io.cwd,
			env: io.env,
			nodeVersion: process.version,
			platform: process.platform,
			today: new Date().toISOString().slice(0, 10),
			stdin: {isTTY: Boolean(process.stdin.isTTY)},
			stdout: {isTTY: Boolean(process.stdout.isTTY), columns: process.stdout.columns, rows: process.stdout.rows, colorDepth: process.stdout.isTTY ? process.stdout.getColorDepth(io.env) : undefined},
		});
		const problems = checks.filter(c => c.state === 'problem').length;
		if (args.values.json) {
			io.out(JSON.stringify({version: VERSION, checks}, null, 2));
			return problems ? 1 : 0;
		}
		io.out(WORDS.heading(VERSION, buildOf(), installRoot()));
		const width = Math.max(...checks.map(c => c.topic.length));
		for (const check of checks) io.out(formatCheck(check, width));
		io.out(problems ? WORDS.summaryProblems(problems) : WORDS.summaryOk);
		return problems ? 1 : 0;
	},
};

function formatCheck(check: Check, width: number): string {
	const head = `  ${WORDS.marks[check.state]}  ${check.topic.padEnd(width)}  `;
	return `${head}${check.text}${check.fix ? `\n${' '.repeat(head.length)}→ ${check.fix}` : ''}`;
}

import type {Command} from './command.js';

/**
 * Every sub-command, in the order `assess --help` lists them, each loaded when it runs: a start
 * of the TUI loads `open` and what it needs, not the other twenty commands, their help in two
 * languages and the exports, reports and merges behind them (the bundle initialises a module
 * reached only through `import()` when it is imported). Help and completion load them all.
 */
const LOADERS: readonly (readonly [string, () => Promise<Command>])[] = [
	['open', async () => (await import('./commands/open.js')).openCommand],
	['init', async () => (await import('./commands/init.js')).initCommand],
	['record', async () => (await import('./commands/record.js')).recordCommand],
	['review', async () => (await import('./commands/review.js')).reviewCommand],
	['review-policy', async () => (await import('./commands/review-policy.js')).reviewPolicyCommand],
	['validate', async () => (await import('./commands/validate.js')).validateCommand],
	['score', async () => (await import('./commands/score.js')).scoreCommand],
	['search', async () => (await import('./commands/search.js')).searchCommand],
	['merge', async () => (await import('./commands/merge.js')).mergeCommand],
	['merge-driver', async () => (await import('./commands/merge-driver.js')).mergeDriverCommand],
	['agreement', async () => (await import('./commands/agreement.js')).agreementCommand],
	['spot-check', async () => (await import('./commands/spot-check.js')).spotCheckCommand],
	['status', async () => (await import('./commands/status.js')).statusCommand],
	['log', async () => (await import('./commands/log.js')).logCommand],
	['export', async () => (await import('./commands/export.js')).exportCommand],
	['report', async () => (await import('./commands/report.js')).reportCommand],
	['compare', async () => (await import('./commands/compare.js')).compareCommand],
	['unlock', async () => (await import('./commands/unlock.js')).unlockCommand],
	['schemas', async () => (await import('./commands/schemas.js')).schemasCommand],
	['setup-git', async () => (await import('./commands/setup-git.js')).setupGitCommand],
	['doctor', async () => (await import('./commands/doctor.js')).doctorCommand],
	['completion', async () => (await import('./commands/completion.js')).completionCommand(loadCommands)],
];

/** One command by name, or undefined for a name that is none. */
export async function loadCommand(name: string): Promise<Command | undefined> {
	const loader = LOADERS.find(([n]) => n === name);
	return loader ? loader[1]() : undefined;
}

/** Every command, in the order `assess --help` lists them. */
export function loadCommands(): Promise<readonly Command[]> {
	return Promise.all(LOADERS.map(([, load]) => load()));
}

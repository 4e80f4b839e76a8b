import {resolve} from 'node:path';
import {existsSync} from 'node:fs';
import type {Command} from '../command.js';
import {lockFileOf, readHolder, describeHolder, isStale, removeLock} from '../../storage/workspace-lock.js';
import {realWorkspacePath} from '../../storage/workspace-store.js';
import {hostname} from 'node:os';
import {askYesNo} from '../ask.js';

export const unlockCommand: Command = {
	name: 'unlock',
	usage: 'assess unlock <workspace> [--yes]',
	summary: 'show who holds a workspace’s lock, and remove it after asking',
	help: `While a workspace is open for writing (the TUI, a record, a merge into it) it is locked:
<workspace>.lock names the holder (user, host, process, since). A lock whose process has
ended on this machine is taken over by itself; one from another machine, or left by a laptop
that crashed, or copied or committed by mistake, stays until someone removes it. This shows
the lock and asks before removing it. Remove a lock only when no one is editing the file:
two writers at once would lose work.

  --yes   remove it without asking (scripts)

Lock files never belong in a team's git repository: see \`assess setup-git\`.`,
	options: {yes: {type: 'boolean', short: 'y'}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const shown = args.positionals[0]!;
		const given = resolve(io.cwd, shown);
		// The lock of a symlinked workspace is its real file's.
		const file = existsSync(given) ? realWorkspacePath(given) : given;
		const lock = lockFileOf(file);
		if (!existsSync(lock)) {
			io.err(`${shown} is not locked; nothing to do.`);
			return 0;
		}
		const holder = readHolder(lock);
		const alive = holder && holder.host === hostname() && !isStale(holder);
		io.err(holder ? `${shown} is locked by ${describeHolder(holder)}${alive ? ' — that process is still running on this machine' : ''}.` : `${shown} is locked, but its lock file ${lock} cannot be read (being written, or broken).`);
		const yes = Boolean(args.values.yes) || (await askYesNo(`Remove the lock? Only if no one is editing ${shown}. [y/N] `, io));
		if (!yes) {
			io.err(`Nothing was removed. \`assess unlock ${shown} --yes\` removes it without asking.`);
			return 2;
		}
		if (!removeLock(file, holder)) {
			io.err(`The lock changed while you were asked (someone took it); nothing was removed.`);
			return 2;
		}
		io.err(`Removed the lock of ${shown}.`);
		return 0;
	},
};

import {existsSync} from 'node:fs';
import type {Command} from '../command.js';
import {pathArg} from '../command.js';
import {lockFileOf, readHolder, holderMessage, isStale, removeLock} from '../../storage/workspace-lock.js';
import {realWorkspacePath} from '../../storage/workspace-store.js';
import {hostname} from 'node:os';
import {askYesNo} from '../ask.js';
import {messages, say, type Message} from '../../domain/words/message.js';

const M = messages('cli/unlock', {
	notLocked: {zh: '{file} 没有被锁定；无须处理。', en: '{file} is not locked; nothing to do.'},
	lockedBy: {zh: '{file} 被 {holder} 锁定。', en: '{file} is locked by {holder}.'},
	lockedByAlive: {zh: '{file} 被 {holder} 锁定——该进程仍在本机上运行。', en: '{file} is locked by {holder} — that process is still running on this machine.'},
	unreadable: {zh: '{file} 已被锁定，但无法读取其锁文件 {lock}（正在写入，或已损坏）。', en: '{file} is locked, but its lock file {lock} cannot be read (being written, or broken).'},
	ask: {zh: '删除这把锁吗？只有在没有人编辑 {file} 时才可删除。[y/N] ', en: 'Remove the lock? Only if no one is editing {file}. [y/N] '},
	kept: {zh: '未删除任何内容。`assess unlock {file} --yes` 可不经询问直接删除。', en: 'Nothing was removed. `assess unlock {file} --yes` removes it without asking.'},
	changed: {zh: '询问期间锁已变化（有人取得了它）；未删除任何内容。', en: 'The lock changed while you were asked (someone took it); nothing was removed.'},
	removed: {zh: '已删除 {file} 的锁。', en: 'Removed the lock of {file}.'},
});

export const unlockCommand: Command = {
	name: 'unlock',
	usage: {zh: 'assess unlock <工作区> [--yes] [--lang zh|en]', en: 'assess unlock <workspace> [--yes] [--lang zh|en]'},
	summary: {zh: '查看谁持有工作区的锁，询问后删除它', en: 'show who holds a workspace’s lock, and remove it after asking'},
	help: {
		zh: `工作区被打开写入时（终端界面、assess record、合并进它的 assess merge）会被锁定：<工作区>.lock 写明持有人（用户、
主机、进程、起始时间）。本机上进程已结束的锁会被自动接手；来自另一台机器的锁，或电脑崩溃后留下的、
被误复制或误提交的锁，会一直保留，直到有人删除它。本命令显示这把锁，并在删除前询问。只有在没有人
编辑该文件时才能删除锁：两人同时写入会丢失工作。

  --yes          不询问，直接删除（用于脚本）
  --lang zh|en   输出语言（默认随系统区域设置）

锁文件绝不应提交到团队的 git 仓库中：参见 \`assess setup-git\`。`,
		en: `While a workspace is open for writing (the TUI, a record, a merge into it) it is locked:
<workspace>.lock names the holder (user, host, process, since). A lock whose process has
ended on this machine is taken over by itself; one from another machine, or left by a laptop
that crashed, or copied or committed by mistake, stays until someone removes it. This shows
the lock and asks before removing it. Remove a lock only when no one is editing the file:
two writers at once would lose work.

  --yes          remove it without asking (scripts)
  --lang zh|en   the language (default: from the locale)

Lock files never belong in a team's git repository: see \`assess setup-git\`.`,
	},
	options: {yes: {type: 'boolean', short: 'y'}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const shown = args.positionals[0]!;
		const t = (m: Message) => say(io.lang, m);
		const given = pathArg(io, shown);
		// The lock of a symlinked workspace is its real file's.
		const file = existsSync(given) ? realWorkspacePath(given) : given;
		const lock = lockFileOf(file);
		if (!existsSync(lock)) {
			io.err(t(M.notLocked({file: shown})));
			return 0;
		}
		const holder = readHolder(lock);
		const alive = holder && holder.host === hostname() && !isStale(holder);
		io.err(t(holder ? (alive ? M.lockedByAlive : M.lockedBy)({file: shown, holder: holderMessage(holder)}) : M.unreadable({file: shown, lock: lockFileOf(shown)})));
		const yes = Boolean(args.values.yes) || (await askYesNo(t(M.ask({file: shown})), io));
		if (!yes) {
			io.err(t(M.kept({file: shown})));
			return 2;
		}
		if (!removeLock(file, holder)) {
			io.err(t(M.changed()));
			return 2;
		}
		io.err(t(M.removed({file: shown})));
		return 0;
	},
};

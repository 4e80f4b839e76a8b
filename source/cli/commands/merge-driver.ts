import {resolve} from 'node:path';
import type {Command} from '../command.js';
import {readBytes, parseJsonText} from '../../storage/read-json-file.js';
import {parseWorkspace, loadContext} from '../../storage/workspace-store.js';
import type {Workspace} from '../../domain/workspace/workspace-schema.js';
import {workspaceBytes} from '../../storage/workspace-text.js';
import {writeFileDurably} from '../../storage/durable-json-file.js';
import {mergeWorkspaces} from '../../domain/merge/merge-workspaces.js';
import {messages, say, type Message} from '../../domain/words/message.js';
import {UserError, firstProblem} from '../../storage/user-error.js';
import {EXIT_CONFLICTS} from './merge.js';

const M = messages('cli/merge-driver', {
	ancestorUnreadable: {zh: 'assess：{file}：无法读取共同祖先（{problem}）；改为把我方和对方两方合并。', en: 'assess: {file}: the common ancestor cannot be read ({problem}); merging ours and theirs two-way.'},
	conflicts: {zh: 'assess：{file}：{n} 条评估结论意见不一，已作为冲突记录在文件中。请用 `assess open {file}`（按 c）裁定，再执行 git add。', en: 'assess: {file}: {n} {n|finding disagrees; it is recorded in the file as a conflict. Settle it|findings disagree; they are recorded in the file as conflicts. Settle them} with `assess open {file}` (c), then git add.'},
	notMerged: {zh: '未合并；我方文件保持原样。若要采用对方的版本：git checkout --theirs -- {file} && git add {file}；若要保留我方：git add {file}。', en: 'not merged; ours is left as it was. To take theirs instead: git checkout --theirs -- {file} && git add {file}; to keep ours: git add {file}.'},
	theirs: {zh: '对方的版本无法合并：', en: '(theirs) cannot be merged:'},
	doesNotFit: {zh: '合并结果不符合其指标体系：', en: 'the merged result does not fit its indicator system:'},
});

export const mergeDriverCommand: Command = {
	name: 'merge-driver',
	usage: {zh: 'assess merge-driver %O %A %B %P', en: 'assess merge-driver %O %A %B %P'},
	summary: {zh: '同样的合并，作为工作区文件的 git 合并驱动', en: 'the same merge, as a git merge driver for workspace files'},
	help: {
		zh: `git 的三方合并驱动：%O 为共同祖先，%A 为我方（结果写到这里），%B 为对方，%P 为文件在仓库中的路径
（用于提示）。评估结论的合并方式与 \`assess merge\` 相同；意见不一之处作为冲突记录在文件中，从不写入
文本冲突标记，因此文件始终是有效的 JSON。无冲突时退出码为 0，留有冲突时为 3（git 随后会把该文件
报告为有冲突；请在终端界面中裁定，再执行 \`git add\`）。

在仓库的每个克隆中设置一次：\`assess setup-git\`（.gitattributes、.gitignore，以及 git 配置中按本程序
绝对路径登记的这个驱动；\`assess setup-git --check\` 会说明缺少什么）。切勿使用 \`npx assess\`：npm 上
这个名称属于别人的软件包。

没有共同祖先时（两个分支都新增了这个文件），把我方和对方两方合并。不符合指标体系的结果会被拒绝，
我方文件保持原样，提示会说明如何改用对方的版本。

  --lang zh|en   提示的语言（默认随 git 运行它时的区域设置）`,
		en: `A three-way merge driver for git: %O is the common ancestor, %A ours (the result is
written there), %B theirs, %P the path in the repository (for messages). Findings merge as in
\`assess merge\`; disagreements are recorded in the file as conflicts, never as text markers,
so the file stays valid JSON. Exit 0 when clean, 3 when conflicts remain (git then reports
the file as conflicted; settle in the TUI, then \`git add\`).

Set up once in each clone of the repository: \`assess setup-git\` (.gitattributes, .gitignore
and this driver in git's config, by the program's absolute path; \`assess setup-git --check\`
says what is missing). Never \`npx assess\`: that npm name is someone else's package.

With no common ancestor (both branches added the file), ours and theirs merge two-way. A
result that does not fit the indicator system is refused, ours is left as it was, and the
message says how to take theirs.

  --lang zh|en   the language of its messages (default: from the locale git runs it in)`,
	},
	options: {},
	positionals: {min: 3, max: 4},
	async run(args, io) {
		const [base, ours, theirs, path] = args.positionals as [string, string, string, string | undefined];
		const shown = path ?? ours;
		const t = (m: Message) => say(io.lang, m);
		const read = (file: string, role: string): Workspace | undefined => {
			const bytes = readBytes(resolve(io.cwd, file));
			// No common ancestor (both branches added the file): git passes an empty one.
			if (role === 'common ancestor' && bytes.length === 0) return undefined;
			return parseWorkspace(file, parseJsonText(file, bytes));
		};
		try {
			const a = read(ours, 'ours')!;
			const b = whose(shown, () => read(theirs, 'theirs')!, M.theirs());
			let o: Workspace | undefined;
			try {
				o = read(base, 'common ancestor');
			} catch (error) {
				if (!(error instanceof UserError)) throw error;
				// The ancestor only adds versions the two sides already descend from.
				io.err(t(M.ancestorUnreadable({file: shown, problem: firstProblem(error)})));
			}
			const merged = mergeWorkspaces(o ? [a, b, o] : [a, b], {id: a.id, assessor: a.assessor, createdAt: a.createdAt});
			if (!merged.ok) throw UserError.fromIssues(shown, merged.issues);
			const ws = merged.value.workspace;
			// The result must be a workspace every command opens: checked against its system, whose
			// file (if a team's own) is named relative to the workspace's place in the repository.
			whose(shown, () => loadContext(resolve(io.cwd, shown), ws), M.doesNotFit());
			// git's temporary file gets no `~` copy (it would be left in the repository).
			await writeFileDurably(resolve(io.cwd, ours), workspaceBytes(ws), {keepPrevious: false});
			if (merged.value.conflicts > 0) {
				io.err(t(M.conflicts({file: shown, n: merged.value.conflicts})));
				return EXIT_CONFLICTS;
			}
			return 0;
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			throw new UserError([...error.issues, {file: shown, place: '', problem: M.notMerged({file: shown})}]);
		}
	},
};

/** Names the side a problem came from, for the message git shows. */
function whose<T>(side: string, run: () => T, problem: Message): T {
	try {
		return run();
	} catch (error) {
		if (error instanceof UserError) throw new UserError([{file: side, place: '', problem}, ...error.issues]);
		throw error;
	}
}

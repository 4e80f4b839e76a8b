import type {Command} from '../command.js';
import {pathArg} from '../command.js';
import {applyGitSetup, checkGitSetup, findRepo, shownRepo} from '../git-setup.js';
import {messages, words, say, type Message} from '../../domain/words/message.js';

/** The words of this command, in both languages. */
const M = messages('cli/setup-git', {
	changed: {zh: 'assess：已为工作区合并设置 {repo}：', en: 'assess: set up {repo} for workspace merges:'},
	unchanged: {zh: 'assess：{repo} 已经设置好；未作任何改动。', en: 'assess: {repo} is already set up; nothing changed.'},
	commit: {zh: '请提交 .gitattributes 和 .gitignore，让团队共用它们；每位成员在自己的克隆中运行一次 assess setup-git。', en: 'Commit .gitattributes and .gitignore so the team shares them; each member runs assess setup-git once in their clone.'},
	checkOk: {zh: 'assess：{repo} 已为工作区合并设置好。', en: 'assess: {repo} is set up for workspace merges.'},
	checkMissing: {zh: 'assess：{repo} 尚未完全设置好（缺少 {n} 项）；请运行：assess setup-git{arg}', en: 'assess: {repo} is not fully set up ({n} missing); run: assess setup-git{arg}'},
	item: {zh: '  {text}', en: '  {text}'},
});

const MARKS = words('cli/setup-git/marks', {
	ok: {zh: '已有', en: 'ok     '},
	missing: {zh: '缺少', en: 'MISSING'},
	note: {zh: '提示', en: 'note   '},
});

export const setupGitCommand: Command = {
	name: 'setup-git',
	usage: {zh: 'assess setup-git [<仓库>] [--check] [--lang zh|en]', en: 'assess setup-git [<repo>] [--check] [--lang zh|en]'},
	summary: {zh: '为通过 git 同步工作区设置仓库：合并驱动、.gitattributes、.gitignore', en: 'set up a git repository to sync workspaces: merge driver, .gitattributes, .gitignore'},
	help: {
		zh: `设置一个 git 仓库（默认：当前文件夹所在的仓库），让团队可以通过它同步工作区文件：

  .gitattributes   工作区文件（workspaces/*.json，以及其他存放工作区文件的文件夹）交给 assess 合并，
                   从不当作文本合并；证据文件按二进制处理
  .gitignore       工作区留在旁边、从不共享的内容：锁（*.json.lock）、上一次保存（*.json~）、会话
                   备份（*.json.backups/）、未完成的写入（*.tmp-*）
  git 配置         merge.assess.driver：按绝对路径登记本程序（Node 和 bin/assess.js；从不用 npx，
                   它会下载别人的软件包）

请提交 .gitattributes 和 .gitignore；每位成员在自己的克隆中运行一次 \`assess setup-git\`（git 不共享其
配置），移动了程序或 Node 之后再运行一次。重复运行不会改动已设置好的内容。

  --check        不作任何改动；列出缺少什么（有缺少时退出码为 1，全部设置好时为 0）
  --lang zh|en   输出语言（默认随系统区域设置）

示例：
  git clone https://git.example.org/team/assessment.git && cd assessment
  assess setup-git
  git add .gitattributes .gitignore && git commit -m "assess merges workspaces"`,
		en: `Sets up a git repository (default: the one the current folder is in) so that a team can
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

  --check        change nothing; list what is missing (exit 1 when something is, 0 when all is set)
  --lang zh|en   the language (default: from the locale)

Example:
  git clone https://git.example.org/team/assessment.git && cd assessment
  assess setup-git
  git add .gitattributes .gitignore && git commit -m "assess merges workspaces"`,
	},
	options: {check: {type: 'boolean'}},
	positionals: {min: 0, max: 1},
	async run(args, io) {
		const t = (m: Message) => say(io.lang, m);
		const repo = findRepo(pathArg(io, args.positionals[0] ?? '.'));
		const shown = shownRepo(io.cwd, repo.top);
		if (args.values.check) {
			const items = checkGitSetup(repo);
			for (const item of items) io.out(`  ${MARKS[item.state][io.lang]}  ${t(item.text)}`);
			const missing = items.filter(i => i.state === 'missing').length;
			io.err(t(missing ? M.checkMissing({repo: shown, n: missing, arg: shown === '.' ? '' : ` ${shown}`}) : M.checkOk({repo: shown})));
			return missing ? 1 : 0;
		}
		const changes = applyGitSetup(repo);
		if (!changes.length) {
			io.err(t(M.unchanged({repo: shown})));
			return 0;
		}
		io.err(t(M.changed({repo: shown})));
		for (const change of changes) io.err(t(M.item({text: change})));
		io.err(t(M.commit()));
		return 0;
	},
};

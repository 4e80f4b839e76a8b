import type {Command} from '../command.js';
import {runChecks, buildOf, type Check} from '../doctor-checks.js';
import {installRoot} from '../../storage/bundled-paths.js';
import {VERSION} from '../../version.js';
import {messages, words, say} from '../../domain/words/message.js';
import {cellWidth, padEnd} from '../../text/cell-width.js';
import type {Lang} from '../../domain/text.js';

const M = messages('cli/doctor', {
	heading: {zh: 'assess {version}（构建 {build}），位于 {root}', en: 'assess {version} (build {build}) in {root}'},
	fromSources: {zh: '从源代码运行', en: 'run from the sources'},
	summaryOk: {zh: '无须处理任何事项。', en: 'Nothing needs doing.'},
	summaryProblems: {zh: '有 {n} 项不能正常工作；见上面的 →。', en: '{n} {n|thing does|things do} not work; see → above.'},
});

const MARKS = words('cli/doctor/marks', {
	ok: {zh: '正常', en: 'ok     '},
	note: {zh: '提示', en: 'note   '},
	problem: {zh: '问题', en: 'PROBLEM'},
});

export const doctorCommand: Command = {
	name: 'doctor',
	usage: {zh: 'assess doctor [--json] [--lang zh|en]', en: 'assess doctor [--json] [--lang zh|en]'},
	summary: {zh: '程序在这里看到的情况（Node、终端、锁、git…），以及该怎么处理', en: 'what the program sees here (Node, terminal, locks, git…), and what to do about it'},
	help: {
		zh: `从你运行它的地方检查 assess 所依赖的一切，并对需要处理的事项说明怎么做：

  Node        它的版本，以及 assess 和 Node 自身是否仍支持它
  终端        是否为交互式终端？大小和颜色
  语言        区域设置，以及 assess 据此选用的语言（是否为 UTF-8？）
  缓存        缓存文件夹（编译后的代码、已验证的文件）：能否写入？
  你的文件    你的演示工作区副本在哪里
  锁          这里（以及 workspaces/ 中）有人打开着的工作区，以及是谁
  git         在 git 仓库中时：合并驱动和 .gitattributes/.gitignore
  证据        这里的工作区引用的每个证据文件都在其证据文件夹中

无须处理任何事项时退出码为 0（提示仅供参考），有不能正常工作的事项时为 1。

  --json         以 JSON 输出检查结果：{"version", "checks": [{"topic", "state", "text", "fix"}]}
                 （其中的文字为英文，供脚本使用）
  --lang zh|en   输出语言（默认随系统区域设置）`,
		en: `Checks what assess depends on, from where you run it, and says what to do about anything
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

  --json         the checks as JSON: {"version", "checks": [{"topic", "state", "text", "fix"}]}
                 (their words in English, for scripts)
  --lang zh|en   the language (default: from the locale)`,
	},
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
			// Data for scripts: the same words whatever the language.
			const en = (c: Check) => ({topic: say('en', c.topic), state: c.state, text: say('en', c.text), ...(c.fix ? {fix: say('en', c.fix)} : {})});
			io.out(JSON.stringify({version: VERSION, checks: checks.map(en)}, null, 2));
			return problems ? 1 : 0;
		}
		const build = buildOf();
		io.out(say(io.lang, M.heading({version: VERSION, build: build === 'run from the sources' ? M.fromSources() : build, root: installRoot()})));
		const width = Math.max(...checks.map(c => cellWidth(say(io.lang, c.topic))));
		for (const check of checks) io.out(formatCheck(check, width, io.lang));
		io.out(say(io.lang, problems ? M.summaryProblems({n: problems}) : M.summaryOk()));
		return problems ? 1 : 0;
	},
};

function formatCheck(check: Check, width: number, lang: Lang): string {
	const mark = padEnd(MARKS[check.state][lang], 7);
	const head = `  ${mark}  ${padEnd(say(lang, check.topic), width)}  `;
	return `${head}${say(lang, check.text)}${check.fix ? `\n${' '.repeat(cellWidth(head))}→ ${say(lang, check.fix)}` : ''}`;
}

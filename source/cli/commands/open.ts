import type {Command, Io} from '../command.js';
import {stringOption, pathArg} from '../command.js';
import {userDemo} from '../user-demo.js';
import {UserError} from '../../storage/user-error.js';
import {messages, say} from '../../domain/words/message.js';

const M = messages('cli/open', {
	noTerminal: {
		zh: '需要一个交互式终端，而标准输入或标准输出不是（管道、脚本或 CI）。\n没有终端时，请用：assess score <工作区>（得分和排名）、assess record <工作区> …（评估结论）、\nassess search <查询>、assess validate <文件>… —— 参见 assess --help。',
		en: 'needs an interactive terminal, and stdin or stdout is not one (a pipe, a script or CI).\nWithout a terminal, use: assess score <ws> (scores and ranks), assess record <ws> … (findings),\nassess search <query>, assess validate <file>… — see assess --help.',
	},
	reviewNeedsBy: {zh: '需要 --by <姓名>：审核要记录是谁做的', en: 'needs --by <name>: a review records who gave it'},
	demoNew: {zh: 'assess：你的演示工作区副本是 {file}（删除它即可从内置演示重新开始）。', en: 'assess: your own copy of the demo is {file} (delete it to start again from the bundled one).'},
	demoUpdated: {zh: 'assess：{file} 已更新为新的内置演示（你没有改动过它）。', en: 'assess: {file} follows the new bundled demo (you had not changed it).'},
});

export const openCommand: Command = {
	name: 'open',
	usage: {zh: 'assess open [<工作区>] [--weights <文件>] [--lang zh|en] [--by <姓名>] [--review]', en: 'assess open [<workspace>] [--weights <file>] [--lang zh|en] [--by <name>] [--review]'},
	summary: {zh: '在终端界面中打开工作区（默认：你的演示工作区副本）', en: 'open a workspace in the terminal UI (default: your copy of the demo)'},
	help: {
		zh: `在终端界面中打开工作区。不指定时，打开你自己的内置演示副本：~/.local/share/assess/demo.json
（ASSESS_DATA_DIR 或 XDG_DATA_HOME 可改变位置；macOS 上为 ~/Library/Application Support/assess，
Windows 上为 %APPDATA%\\assess），第一次使用时建立；删除它即可重新开始。工作区打开期间会被锁定；
再打开一个实例时以只读方式打开，并说明是谁持有它。

  --weights <文件>   用这个权重文件计分（会被监视：修改后立即重新计分）
  --lang zh|en       界面语言（默认随系统区域设置：zh_* 为中文，否则为英文）
  --by <姓名>        本次会话中记录和裁定评估结论的人（默认：工作区的评估人；组长裁定
                     合并文件时填自己的姓名）

按键：? 显示全部按键。↑↓/jk 移动，→/Enter 打开，←/Esc 返回，Tab 切换面板，/ 搜索，
n/N 下一个/上一个未评的末级指标，y/n 和 0–9 记录分值，e 备注，a 证据，f 待复核，
d 完成，- 不适用，s 排行榜，u 撤销，q 退出（所有改动都已随时保存）。

需要交互式终端。没有终端时（管道、脚本、CI），请用不需要终端的命令：assess score、
assess record、assess search、assess validate。`,
		en: `Opens a workspace in the terminal UI. Without one, your own copy of the bundled demo:
~/.local/share/assess/demo.json (ASSESS_DATA_DIR or XDG_DATA_HOME move it; on macOS
~/Library/Application Support/assess, on Windows %APPDATA%\\assess), made the first time;
delete it to start again. While a workspace is open it is locked; a second instance opens
it read-only and says who holds it.

  --weights <file>   score with this weights file (watched: edits re-score live)
  --lang zh|en       interface language (default: from the locale; Chinese for zh_*, else English)
  --by <name>        who records and settles findings in this session (default: the
                     workspace's assessor; a team lead settling a merged file gives their name)
  --review           review mode (with --by): walk the findings waiting for your review,
                     accept or return them

Keys: ? shows them all. ↑↓/jk move, →/Enter open, ←/Esc back, Tab switches pane, / search,
n/N next/previous unscored leaf, y/n and 0–9 record a value, e note, a evidence, f flag,
d done, - not applicable, s scoreboard, u undo, q quit (everything is already saved).

Needs an interactive terminal. Without one (a pipe, a script, CI), use the commands that work
without it: assess score, assess record, assess search, assess validate.`,
	},
	options: {weights: {type: 'string'}, by: {type: 'string'}, review: {type: 'boolean'}},
	positionals: {min: 0, max: 1},
	async run(args, io) {
		const review = Boolean(args.values.review);
		if (review && !stringOption(args, 'by')?.trim()) throw UserError.of('--review', M.reviewNeedsBy());
		if (!io.isTty) throw UserError.of('assess open', M.noTerminal());
		const file = args.positionals[0] ? pathArg(io, args.positionals[0]) : openDemo(io);
		const weights = stringOption(args, 'weights');
		// Loaded only here, so the plain commands never pay for the UI's start-up.
		const {runTui} = await import('../../ui/run-tui.js');
		// The language main decided: --lang, else the locale (langFrom), the same for the TUI.
		return runTui({file, weights: weights ? pathArg(io, weights) : undefined, lang: io.lang, env: io.env, cwd: io.cwd, by: stringOption(args, 'by')?.trim() || undefined, review});
	},
};

/** The user's copy of the demo (source/cli/user-demo.ts), saying where it is when it was just made. */
function openDemo(io: Io): string {
	const demo = userDemo(io.env);
	if (demo.made === 'new') io.err(say(io.lang, M.demoNew({file: demo.file})));
	if (demo.made === 'updated') io.err(say(io.lang, M.demoUpdated({file: demo.file})));
	return demo.file;
}

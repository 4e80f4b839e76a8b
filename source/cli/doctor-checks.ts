import {accessSync, constants, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {cacheFolder, BUILD_ID} from '../storage/cache-folder.js';
import {evidenceFolderOf} from '../storage/evidence-store.js';
import {isStale, readHolder, holderMessage} from '../storage/workspace-lock.js';
import {inert} from '../text/cell-width.js';
import {langFrom, osLocale} from './lang-option.js';
import {messages, say, both, type Message} from '../domain/words/message.js';
import {checkGitSetup, isWorkspaceFile, repoOf, shownRepo} from './git-setup.js';
import {nodeSupport, ENGINES_RANGE, TESTED_LINES} from './node-support.js';
import {userDataFolder} from './user-demo.js';
import {displayPath} from './command.js';
import {hostname} from 'node:os';

/** One line of `assess doctor`: what the program sees, and what to do about it when anything. */
export type Check = {
	topic: Message;
	/** ok: nothing to do; note: worth knowing, works; problem: something does not work (exit 1). */
	state: 'ok' | 'note' | 'problem';
	text: Message;
	fix?: Message;
};

/** What the checks look at: the process's surroundings, passed in so tests can set them. */
export type DoctorInput = {
	cwd: string;
	env: NodeJS.ProcessEnv;
	nodeVersion: string;
	platform: NodeJS.Platform;
	today: string;
	stdin: {isTTY: boolean};
	stdout: {isTTY: boolean; columns?: number; rows?: number; colorDepth?: number};
};

/** The words of doctor, in both languages. */
export const DOCTOR_WORDS = {
	topics: messages('cli/doctor/topics', {node: {zh: 'Node', en: 'Node'}, terminal: {zh: '终端', en: 'terminal'}, colour: {zh: '颜色', en: 'colour'}, locale: {zh: '语言', en: 'language'}, cache: {zh: '缓存', en: 'cache'}, data: {zh: '你的文件', en: 'your files'}, lock: {zh: '锁', en: 'lock'}, git: {zh: 'git', en: 'git'}, evidence: {zh: '证据', en: 'evidence'}}),
	node: messages('cli/doctor/node', {
		ok: {zh: '{v}：受支持', en: '{v}: supported'},
		okUntil: {zh: '{v}：受支持（Node 对它的维护持续到 {eol}）', en: '{v}: supported (Node maintains it until {eol})'},
		old: {zh: '{v}：assess 仍支持，但 Node {major} 已于 {eol} 停止维护（不再有安全修复）', en: '{v}: still supported by assess, but Node {major} reached its end of life on {eol} (no more security fixes)'},
		oldFix: {zh: '请安装 Node 24（或 22），即仍在维护的长期支持版本；assess 无须改动即可在其上运行', en: 'install Node 24 (or 22), the maintained long-term releases; assess runs on them unchanged'},
		untested: {zh: '{v}：比 assess 测试过的版本（Node {tested}）更新；应当可以运行', en: '{v}: newer than the versions assess is tested on (Node {tested}); it should work'},
		untestedFix: {zh: '如有问题，请告诉我们，并暂时使用 Node 24', en: 'if anything fails, tell us, and use Node 24 meanwhile'},
		unsupported: {zh: '{v}：assess 不能在其上运行（需要 Node {range}）', en: '{v}: assess does not run on it (it needs Node {range})'},
		unsupportedFix: {zh: '请安装 Node 24（或 22），即仍在维护的长期支持版本', en: 'install Node 24 (or 22), the maintained long-term releases'},
	}),
	terminal: messages('cli/doctor/terminal', {
		tty: {zh: '交互式终端', en: 'an interactive terminal'},
		ttySize: {zh: '交互式终端，{cols}×{rows}', en: 'an interactive terminal, {cols}×{rows}'},
		small: {zh: '交互式终端，{cols}×{rows}：终端界面至少需要 80×24（100 列起详情面板在树旁显示）', en: 'an interactive terminal, {cols}×{rows}: the terminal UI needs at least 80×24 (item panel beside the tree from 100 columns)'},
		smallFix: {zh: '请把窗口放大', en: 'make the window larger'},
		noneBoth: {zh: '标准输入和标准输出都没有连接到终端（管道、脚本或 CI）：这里无法打开终端界面；其他命令都可以使用', en: 'stdin and stdout are not connected to a terminal (a pipe, a script or CI): the terminal UI cannot open here; every other command works'},
		noneIn: {zh: '标准输入没有连接到终端（管道、脚本或 CI）：这里无法打开终端界面；其他命令都可以使用', en: 'stdin is not connected to a terminal (a pipe, a script or CI): the terminal UI cannot open here; every other command works'},
		noneOut: {zh: '标准输出没有连接到终端（管道、脚本或 CI）：这里无法打开终端界面；其他命令都可以使用', en: 'stdout is not connected to a terminal (a pipe, a script or CI): the terminal UI cannot open here; every other command works'},
		noneFix: {zh: '要使用终端界面，请在终端窗口中运行 assess', en: 'run assess from a terminal window for the terminal UI'},
	}),
	colour: messages('cli/doctor/colour', {
		off: {zh: '关闭（设置了 NO_COLOR）；焦点仍以粗体和反显表示', en: 'off (NO_COLOR is set); focus still shows in bold and inverse'},
		millions: {zh: '真彩色', en: 'millions of colours'},
		c256: {zh: '256 色', en: '256 colours'},
		c16: {zh: '16 色', en: '16 colours'},
		none: {zh: '无', en: 'none'},
		depth: {zh: '{depth}（TERM={term}）', en: '{depth} (TERM={term})'},
		depthCi: {zh: '{depth}（TERM={term}，CI={ci}）', en: '{depth} (TERM={term}, CI={ci})'},
		noneFix: {zh: '请把 TERM 设为你的终端（如 xterm-256color；设置了 CI 变量会使程序以为是 CI 日志），或设 NO_COLOR=1 以有意关闭颜色', en: 'set TERM to your terminal (e.g. xterm-256color; a CI variable makes programs assume a CI log), or NO_COLOR=1 to turn colour off on purpose'},
		noTerminal: {zh: '没有终端，无从得知', en: 'not known without a terminal'},
	}),
	locale: messages('cli/doctor/locale', {
		chosenZh: {zh: '中文（zh），依据 {from}；--lang zh|en 可改变', en: 'Chinese (zh), from {from}; --lang zh|en overrides it'},
		chosenEn: {zh: '英文（en），依据 {from}；--lang zh|en 可改变', en: 'English (en), from {from}; --lang zh|en overrides it'},
		notUtf8: {zh: '{chosen}；区域设置 {locale} 不是 UTF-8：中文可能显示为问号或乱码', en: '{chosen}; the locale {locale} is not UTF-8: Chinese text may show as question marks or garbage'},
		notUtf8Fix: {zh: '请在 shell 配置文件中设置 LANG=zh_CN.UTF-8（或 C.UTF-8）', en: 'set LANG=zh_CN.UTF-8 (or C.UTF-8) in your shell profile'},
		unset: {zh: '未设置区域（LANG、LC_ALL）', en: 'no locale set (LANG, LC_ALL)'},
		os: {zh: '操作系统的区域设置 {locale}', en: 'the system locale {locale}'},
		none: {zh: '（无）', en: '(none)'},
	}),
	cache: messages('cli/doctor/cache', {
		ok: {zh: '{dir}（编译后的代码和已验证的文件，只为加快速度；删除它是安全的）', en: '{dir} (compiled code and validated files, only for speed; deleting it is safe)'},
		off: {zh: '已关闭（ASSESS_CACHE_DIR=off）：每次启动都要编译程序并完整验证文件', en: 'off (ASSESS_CACHE_DIR=off): every start compiles the program and validates files in full'},
		none: {zh: '没有缓存文件夹（没有主文件夹）：每次启动都要编译程序并完整验证文件', en: 'no cache folder (no home folder): every start compiles the program and validates files in full'},
		noneFix: {zh: '请把 ASSESS_CACHE_DIR 设为你可以写入的文件夹', en: 'set ASSESS_CACHE_DIR to a folder you can write'},
		unwritable: {zh: '{dir} 无法写入：每次启动都要编译程序并完整验证文件', en: '{dir} cannot be written: every start compiles the program and validates files in full'},
		unwritableFix: {zh: '请让你对 {dir} 有写权限，或把 ASSESS_CACHE_DIR 设为另一个文件夹', en: 'make {dir} writable for you, or set ASSESS_CACHE_DIR to another folder'},
	}),
	data: messages('cli/doctor/data', {
		demo: {zh: '你的演示工作区副本：{file}', en: 'your copy of the demo: {file}'},
		demoLater: {zh: '你的演示工作区副本将是 {file}（由不带参数的 `assess` 建立）', en: 'your copy of the demo will be {file} (made by a bare `assess`)'},
		none: {zh: '没有存放你的演示工作区副本的文件夹（没有主文件夹）', en: 'no folder for your copy of the demo (no home folder)'},
		noneFix: {zh: '请把 ASSESS_DATA_DIR 设为你可以写入的文件夹', en: 'set ASSESS_DATA_DIR to a folder you can write'},
	}),
	lock: messages('cli/doctor/lock', {
		none: {zh: '这里没有被锁定的工作区', en: 'no workspace here is locked'},
		held: {zh: '{ws} 正由 {who} 编辑', en: '{ws} is being edited by {who}'},
		heldFix: {zh: '请等对方退出（q）；在此期间只能以只读方式打开', en: 'wait until they quit (q); meanwhile it opens read-only'},
		elsewhere: {zh: '{ws} 被另一台计算机上的 {who} 锁定', en: '{ws} is locked by {who}, on another computer'},
		elsewhereFix: {zh: '如果那里没有人在编辑（共享文件夹，或锁被误复制、误提交）：assess unlock {ws}', en: 'if no one is editing it there (a shared folder, a lock copied or committed by mistake): assess unlock {ws}'},
		stale: {zh: '{ws}：它的锁是由一个已结束的进程留下的（{who}）', en: '{ws}: its lock was left by a process that ended ({who})'},
		staleFix: {zh: '无须处理：下一个打开它的 assess 会接手这把锁', en: 'nothing: the next assess to open it takes the lock over'},
		unreadable: {zh: '{ws}：无法读取它的锁文件', en: '{ws}: its lock file cannot be read'},
		unreadableFix: {zh: '如果没有 assess 正打开它：assess unlock {ws}', en: 'if no assess has it open: assess unlock {ws}'},
	}),
	git: messages('cli/doctor/git', {
		noRepo: {zh: '不在 git 仓库中（通过 git 同步工作区的团队：在仓库中运行 assess setup-git）', en: 'not in a git repository (a team that syncs workspaces through git: assess setup-git there)'},
		ok: {zh: '{repo}：合并驱动和 .gitattributes/.gitignore 都已设置', en: '{repo}: the merge driver and .gitattributes/.gitignore are set up'},
		missing: {zh: '{repo} 尚未设置好工作区合并：{parts}', en: '{repo} is not set up for workspace merges: {parts}'},
		lines: {zh: '{file} 缺少 {n} 行', en: '{file} lacks {n} {n|line|lines}'},
		uncovered: {zh: '有 {n} 个工作区文件会被 git 当作文本合并', en: '{n} workspace {n|file|files} would be merged by git as text'},
		fix: {zh: '请运行：assess setup-git{repo}（--check 逐项列出）', en: 'run: assess setup-git{repo} (--check lists every item)'},
	}),
	evidence: messages('cli/doctor/evidence', {
		noWorkspaces: {zh: '这里（以及 workspaces/ 中）没有工作区文件', en: 'no workspace files here (nor in workspaces/)'},
		ok: {zh: '{ws}：全部 {n} 个证据文件都在 {folder} 中', en: '{ws}: all {n} evidence files are in {folder}'},
		none: {zh: '{ws}：没有证据文件', en: '{ws}: no evidence files'},
		missing: {zh: '{ws}：{folder} 中，{n} 个证据文件有 {missing} 个缺失或损坏（例如 {example}）', en: '{ws}: {missing} of {n} evidence files are missing or damaged in {folder} (e.g. {example})'},
		fix: {zh: '请把 {folder} 与工作区文件一起复制（使用 git 时：git add {folder}）', en: 'copy {folder} along with the workspace file (with git: git add {folder})'},
		unreadable: {zh: '{ws} 无法作为 JSON 读取', en: '{ws} cannot be read as JSON'},
		unreadableFix: {zh: '请运行：assess validate {ws}', en: 'run: assess validate {ws}'},
	}),
} as const;

const W = DOCTOR_WORDS;

export function runChecks(input: DoctorInput): Check[] {
	return [nodeCheck(input), ...terminalChecks(input), localeCheck(input), cacheCheck(input), dataCheck(input), ...lockChecks(input), ...gitChecks(input), ...evidenceChecks(input)];
}

export function nodeCheck({nodeVersion, today}: DoctorInput): Check {
	const s = nodeSupport(nodeVersion, today);
	const topic = W.topics.node();
	switch (s.state) {
		case 'ok':
			return {topic, state: 'ok', text: s.endOfLife ? W.node.okUntil({v: nodeVersion, eol: s.endOfLife}) : W.node.ok({v: nodeVersion})};
		case 'old':
			return {topic, state: 'note', text: W.node.old({v: nodeVersion, major: nodeVersion.split('.')[0]!.slice(1), eol: s.endOfLife!}), fix: W.node.oldFix()};
		case 'untested':
			return {topic, state: 'note', text: W.node.untested({v: nodeVersion, tested: TESTED_LINES.join(', ')}), fix: W.node.untestedFix()};
		default:
			return {topic, state: 'problem', text: W.node.unsupported({v: nodeVersion, range: ENGINES_RANGE}), fix: W.node.unsupportedFix()};
	}
}

function terminalChecks({stdin, stdout, env}: DoctorInput): Check[] {
	const checks: Check[] = [];
	const {terminal: t, colour: c} = W;
	if (!stdin.isTTY || !stdout.isTTY) {
		checks.push({topic: W.topics.terminal(), state: 'note', text: !stdin.isTTY && !stdout.isTTY ? t.noneBoth() : !stdin.isTTY ? t.noneIn() : t.noneOut(), fix: t.noneFix()});
	} else if (stdout.columns && stdout.rows && (stdout.columns < 80 || stdout.rows < 24)) {
		checks.push({topic: W.topics.terminal(), state: 'note', text: t.small({cols: stdout.columns, rows: stdout.rows}), fix: t.smallFix()});
	} else checks.push({topic: W.topics.terminal(), state: 'ok', text: stdout.columns && stdout.rows ? t.ttySize({cols: stdout.columns, rows: stdout.rows}) : t.tty()});
	const depth = (n: number) => {
		const words = n >= 24 ? c.millions() : n >= 8 ? c.c256() : n >= 4 ? c.c16() : c.none();
		const term = inert(env.TERM ?? 'unset');
		return env.CI === undefined ? c.depth({depth: words, term}) : c.depthCi({depth: words, term, ci: inert(env.CI)});
	};
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') checks.push({topic: W.topics.colour(), state: 'ok', text: c.off()});
	else if (!stdout.isTTY || stdout.colorDepth === undefined) checks.push({topic: W.topics.colour(), state: 'ok', text: c.noTerminal()});
	else if (stdout.colorDepth < 4) checks.push({topic: W.topics.colour(), state: 'note', text: depth(stdout.colorDepth), fix: c.noneFix()});
	else checks.push({topic: W.topics.colour(), state: 'ok', text: depth(stdout.colorDepth)});
	return checks;
}

function localeCheck({env, platform}: DoctorInput): Check {
	const name = env.LC_ALL ? 'LC_ALL' : env.LC_MESSAGES ? 'LC_MESSAGES' : env.LANG ? 'LANG' : undefined;
	const locale = name ? env[name]! : undefined;
	const lang = langFrom(undefined, env);
	// With no variable set (Windows), the system's locale decides (langFrom asks Intl).
	const system = name ? undefined : osLocale();
	const from = name ? `${name}=${inert(locale!)}` : system ? W.locale.os({locale: inert(system)}) : W.locale.unset();
	const topic = W.topics.locale();
	const chosen = lang === 'zh' ? W.locale.chosenZh({from}) : W.locale.chosenEn({from});
	// Windows consoles are Unicode whatever LANG says (it is usually unset there).
	if (platform !== 'win32' && (!locale || !/utf-?8/i.test(locale))) {
		return {topic, state: 'note', text: W.locale.notUtf8({chosen, locale: locale ? inert(locale) : W.locale.none()}), fix: W.locale.notUtf8Fix()};
	}
	return {topic, state: 'ok', text: chosen};
}

function cacheCheck({env, cwd}: DoctorInput): Check {
	const topic = W.topics.cache();
	if (env.ASSESS_CACHE_DIR === 'off' || env.ASSESS_CACHE_DIR === '') return {topic, state: 'note', text: W.cache.off()};
	const dir = cacheFolder(env);
	if (!dir) return {topic, state: 'note', text: W.cache.none(), fix: W.cache.noneFix()};
	const shown = displayPath(cwd, dir);
	if (!canWrite(dir)) return {topic, state: 'note', text: W.cache.unwritable({dir: shown}), fix: W.cache.unwritableFix({dir: shown})};
	return {topic, state: 'ok', text: W.cache.ok({dir: shown})};
}

function dataCheck({env, cwd}: DoctorInput): Check {
	const topic = W.topics.data();
	const dir = userDataFolder(env);
	if (!dir) return {topic, state: 'note', text: W.data.none(), fix: W.data.noneFix()};
	const demo = join(dir, 'demo.json');
	return {topic, state: 'ok', text: existsSync(demo) ? W.data.demo({file: displayPath(cwd, demo)}) : W.data.demoLater({file: displayPath(cwd, demo)})};
}

/** Can files be made in this folder (made if missing, as the program would)? Leaves nothing behind. */
function canWrite(dir: string): boolean {
	try {
		mkdirSync(dir, {recursive: true});
		accessSync(dir, constants.W_OK);
		const probe = join(dir, `.doctor-${process.pid}`);
		writeFileSync(probe, '');
		rmSync(probe);
		return true;
	} catch {
		return false;
	}
}

/** The folders doctor looks at for workspaces: the current one and its workspaces/. */
function foldersHere(cwd: string): string[] {
	return [cwd, join(cwd, 'workspaces')].filter(dir => {
		try {
			return statSync(dir).isDirectory();
		} catch {
			return false;
		}
	});
}

function filesIn(dir: string, test: (name: string) => boolean): string[] {
	try {
		return readdirSync(dir).filter(test).sort().map(name => join(dir, name));
	} catch {
		return [];
	}
}

function lockChecks({cwd}: DoctorInput): Check[] {
	const topic = W.topics.lock();
	const checks: Check[] = [];
	for (const dir of foldersHere(cwd)) {
		for (const lock of filesIn(dir, name => name.endsWith('.json.lock'))) {
			const ws = displayPath(cwd, lock.slice(0, -'.lock'.length));
			const holder = readHolder(lock);
			if (!holder) {
				checks.push({topic, state: 'note', text: W.lock.unreadable({ws}), fix: W.lock.unreadableFix({ws})});
				continue;
			}
			const who = holderMessage(holder);
			if (holder.host !== hostname()) checks.push({topic, state: 'note', text: W.lock.elsewhere({ws, who}), fix: W.lock.elsewhereFix({ws})});
			else if (isStale(holder)) checks.push({topic, state: 'note', text: W.lock.stale({ws, who}), fix: W.lock.staleFix()});
			else checks.push({topic, state: 'note', text: W.lock.held({ws, who}), fix: W.lock.heldFix()});
		}
	}
	return checks.length ? checks : [{topic, state: 'ok', text: W.lock.none()}];
}

function gitChecks({cwd}: DoctorInput): Check[] {
	const topic = W.topics.git();
	const repo = repoOf(cwd);
	if (!repo) return [{topic, state: 'ok', text: W.git.noRepo()}];
	const shown = shownRepo(cwd, repo.top);
	const items = checkGitSetup(repo).filter(item => item.state !== 'ok');
	if (!items.length) return [{topic, state: 'ok', text: W.git.ok({repo: shown})}];
	const count = (kind: string) => items.filter(i => i.kind === kind && i.state === 'missing').length;
	const parts: Message[] = [];
	for (const item of items) if (item.kind === 'driver' || (item.kind === 'name' && count('driver') === 0)) parts.push(item.text);
	if (count('attributes')) parts.push(W.git.lines({file: '.gitattributes', n: count('attributes')}));
	if (count('ignore')) parts.push(W.git.lines({file: '.gitignore', n: count('ignore')}));
	if (count('uncovered')) parts.push(W.git.uncovered({n: count('uncovered')}));
	// It breaks something only where git would merge workspace files as text.
	const breaks = count('uncovered') > 0;
	const joined = both(lang => parts.map(p => say(lang, p)).join(lang === 'zh' ? '；' : '; '));
	return [{topic, state: breaks ? 'problem' : 'note', text: W.git.missing({repo: shown, parts: joined}), fix: W.git.fix({repo: shown === '.' ? '' : ` ${shown}`})}];
}

type FileEvidence = {stored: string; size: number; name: string; where: string};

/** Every file evidence a workspace names: in its findings and in the candidates of its conflicts. */
function fileEvidenceOf(data: unknown): FileEvidence[] {
	const out: FileEvidence[] = [];
	const visit = (finding: unknown, where: string) => {
		const evidence = (finding as {evidence?: unknown})?.evidence;
		if (!Array.isArray(evidence)) return;
		for (const e of evidence as Array<Record<string, unknown>>) {
			if (e?.kind === 'file' && typeof e.stored === 'string') out.push({stored: e.stored, size: Number(e.size), name: String(e.name ?? e.stored), where});
		}
	};
	const ws = data as {findings?: Record<string, unknown>; conflicts?: Record<string, {candidates?: unknown[]}>};
	for (const [key, finding] of Object.entries(ws.findings ?? {})) visit(finding, key);
	for (const [key, conflict] of Object.entries(ws.conflicts ?? {})) for (const c of conflict?.candidates ?? []) visit(c, key);
	return out;
}

function evidenceChecks({cwd}: DoctorInput): Check[] {
	const topic = W.topics.evidence();
	const checks: Check[] = [];
	for (const dir of foldersHere(cwd)) {
		for (const file of filesIn(dir, name => name.endsWith('.json')).filter(isWorkspaceFile)) {
			const ws = displayPath(cwd, file);
			let data: unknown;
			try {
				data = JSON.parse(readFileSync(file, 'utf8'));
			} catch {
				checks.push({topic, state: 'problem', text: W.evidence.unreadable({ws}), fix: W.evidence.unreadableFix({ws})});
				continue;
			}
			const folder = evidenceFolderOf(file);
			const shownFolder = `${displayPath(cwd, folder)}/`;
			const all = fileEvidenceOf(data);
			// One stored file can serve several findings: each is looked at once.
			const unique = [...new Map(all.map(e => [e.stored, e])).values()];
			const bad = unique.filter(e => {
				try {
					const stat = statSync(join(folder, e.stored));
					return !stat.isFile() || (Number.isFinite(e.size) && stat.size !== e.size);
				} catch {
					return true;
				}
			});
			if (!bad.length) checks.push({topic, state: 'ok', text: unique.length ? W.evidence.ok({ws, n: unique.length, folder: shownFolder}) : W.evidence.none({ws})});
			else {
				const first = bad[0]!;
				checks.push({topic, state: 'problem', text: W.evidence.missing({ws, missing: bad.length, n: unique.length, folder: shownFolder, example: `${inert(first.where)}: ${inert(first.name)} → ${first.stored}`}), fix: W.evidence.fix({folder: shownFolder})});
			}
		}
	}
	return checks.length ? checks : [{topic, state: 'ok', text: W.evidence.noWorkspaces()}];
}

/** The program itself, for the heading. */
export const buildOf = () => BUILD_ID ?? 'run from the sources';

import {spawnSync} from 'node:child_process';
import {chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {basename, dirname, join, posix, relative, sep} from 'node:path';
import {installRoot} from '../storage/bundled-paths.js';
import {UserError} from '../storage/user-error.js';
import {messages, type Message} from '../domain/words/message.js';
import {fsProblem} from '../storage/fs-errors.js';

/**
 * What a git repository needs so that a team can sync workspaces through it (`assess
 * setup-git`, and the same check in `assess doctor`): workspace files merged by assess's merge
 * driver, what the program leaves beside a workspace kept out of commits, and the driver's
 * command naming this program by its absolute path. Never `npx assess`: the npm name `assess`
 * is someone else's package, which npx would fetch and run.
 */

/** What setup-git writes into the repository's files and config: file content, the same in every language. */
export const GIT_SETUP_TEXT = {
	attributesHeader: '# assess: workspace files are merged by assess (assess setup-git)',
	ignoreHeader: '# assess: what a workspace leaves beside it, never shared (assess setup-git)',
	driverName: 'assess workspace merge',
} as const;

/** The words of setup-git and its check, in both languages. */
export const GIT_SETUP_WORDS = messages('cli/git-setup', {
	notRepo: {zh: '不在 git 仓库中：请先在那里运行 `git init`，或给出仓库的文件夹（assess setup-git <仓库>）', en: "is not inside a git repository: run `git init` there first, or name the repository's folder (assess setup-git <repo>)"},
	notFound: {zh: '不存在', en: 'does not exist'},
	noGit: {zh: '没有安装 git（或不在 PATH 中）：assess setup-git 写入的是 git 自己的设置，需要它', en: 'git is not installed (or not on PATH): assess setup-git writes git\'s own set-up and needs it'},
	lineMissing: {zh: '{file} 缺少：`{line}`', en: '{file} lacks: {line}'},
	lineAdded: {zh: '{file}：已添加 `{line}`', en: '{file}: added {line}'},
	lineOk: {zh: '{file} 已有：`{line}`', en: '{file} has: {line}'},
	driverMissing: {zh: '没有设置 merge.assess.driver：git 会把工作区文件当作文本合并（冲突标记会破坏 JSON）', en: 'merge.assess.driver is not set: git merges workspace files as text (conflict markers break the JSON)'},
	driverNpx: {zh: 'merge.assess.driver 运行的是 `{value}`：npx 会下载 npm 上名为 assess 的软件包，那是别人的程序', en: 'merge.assess.driver runs `{value}`: npx would fetch the npm package named assess, which is someone else\'s program'},
	driverGone: {zh: 'merge.assess.driver 运行的是 `{value}`，但 {path} 已不存在', en: 'merge.assess.driver runs `{value}`, but {path} no longer exists'},
	driverOther: {zh: 'merge.assess.driver 运行的是另一份 assess：`{value}`', en: 'merge.assess.driver runs another copy of assess: `{value}`'},
	driverOk: {zh: 'merge.assess.driver 运行的是 {value}', en: 'merge.assess.driver runs {value}'},
	driverSet: {zh: 'merge.assess.driver：{value}', en: 'merge.assess.driver: {value}'},
	driverChanged: {zh: 'merge.assess.driver：{value}（原为：{before}）', en: 'merge.assess.driver: {value} (was: {before})'},
	nameMissing: {zh: '没有设置 merge.assess.name', en: 'merge.assess.name is not set'},
	nameSet: {zh: 'merge.assess.name：{value}', en: 'merge.assess.name: {value}'},
	uncoveredText: {zh: '{file} 是工作区文件，git 会把它当作文本合并，而不是交给 assess', en: '{file} is a workspace file that git merges as text, not with assess'},
	uncovered: {zh: '{file} 是工作区文件，git 会用 "{merge}" 合并它，而不是交给 assess', en: '{file} is a workspace file that git merges with "{merge}", not with assess'},
	cannotSet: {zh: '无法设置 {key}：{english}', en: 'could not set {key}: {english}'},
	notWritten: {zh: '写入失败：{problem}；文件保持原样', en: 'could not be written: {problem}; it is unchanged'},
});

export type GitSetupItem = {
	/** ok: in place; missing: setup-git would add or change it (a problem); note: works, but worth knowing. */
	state: 'ok' | 'missing' | 'note';
	kind: 'attributes' | 'ignore' | 'driver' | 'name' | 'uncovered';
	text: Message;
};

export type Repo = {top: string};

/** Runs git; undefined when git itself cannot be run. */
function git(cwd: string, args: readonly string[]): {status: number; stdout: string; stderr: string} | undefined {
	const r = spawnSync('git', args, {cwd, encoding: 'utf8', env: {...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C'}});
	if (r.error) return undefined;
	return {status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr};
}

/** The repository a folder is in, or a UserError saying why there is none. */
export function findRepo(dir: string): Repo {
	if (!existsSync(dir)) throw UserError.of(dir, GIT_SETUP_WORDS.notFound());
	const r = git(dir, ['rev-parse', '--show-toplevel']);
	if (!r) throw UserError.of('git', GIT_SETUP_WORDS.noGit());
	if (r.status !== 0) throw UserError.of(dir, GIT_SETUP_WORDS.notRepo());
	return {top: r.stdout.trim()};
}

/** The repository a folder is in, if any (doctor: not being in one is no problem). */
export function repoOf(dir: string): Repo | undefined {
	try {
		return findRepo(dir);
	} catch {
		return undefined;
	}
}

/** The driver command for this program: node and bin/assess.js by absolute paths, quoted for git's shell. */
export function driverCommand(node = process.execPath, bin = join(installRoot(), 'bin', 'assess.js')): string {
	return `${shellQuote(node)} ${shellQuote(bin)} merge-driver %O %A %B %P`;
}

/** Quoted for the POSIX shell git runs merge drivers with (Git for Windows too). */
export function shellQuote(word: string): string {
	const posixWord = word.split(sep).join(sep === '\\' ? '/' : sep);
	return /^[\w@%+=:,./-]+$/.test(posixWord) ? posixWord : `'${posixWord.replace(/'/g, `'\\''`)}'`;
}

/** The words of a command written by driverCommand (single quotes and plain words only). */
export function shellWords(command: string): string[] {
	const words: string[] = [];
	const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
	for (const m of command.matchAll(re)) words.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!);
	return words;
}

/** The .gitignore lines: locks, the previous save (`~`), session backups, unfinished writes. */
export const IGNORE_LINES = ['*.json.lock', '*.json.lock.break', '*.json~', '*.json.backups/', '*.tmp-*'] as const;

/**
 * The .gitattributes lines: workspace files merged by assess, change logs united line by line, evidence files never converted
 * (their names are their SHA-256; a line-ending conversion would break them). A folder of
 * workspace files gets one pattern (`workspaces/*.json`), so that a new assessor's file is
 * covered too; a folder that also holds other JSON (weights, a system file) names its
 * workspace files one by one, since the driver merges workspaces only.
 */
export function attributeLines(top: string): string[] {
	const {json, workspaces} = jsonFilesIn(top);
	const folderOf = (file: string) => posix.dirname(file);
	const onlyWorkspaces = (folder: string) => json.filter(f => folderOf(f) === folder).every(f => workspaces.includes(f));
	const patterns = new Set<string>();
	if (onlyWorkspaces('workspaces')) patterns.add('workspaces/*.json');
	for (const file of workspaces) {
		const folder = folderOf(file);
		patterns.add(folder !== '.' && onlyWorkspaces(folder) ? `${folder}/*.json` : `/${file}`);
	}
	// A workspace's change log (`<ws>.changes.jsonl`) only ever gains whole lines: git's own union merge unites two branches' logs.
	return [...[...patterns].map(p => `${p} merge=assess`), '*.changes.jsonl merge=union', '**/*.evidence/** binary'];
}

/** Workspace files in the repository (tracked, or new and not ignored), as paths relative to it with `/`. */
export const workspaceFilesIn = (top: string): string[] => jsonFilesIn(top).workspaces;

function jsonFilesIn(top: string): {json: string[]; workspaces: string[]} {
	const r = git(top, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*.json']);
	if (!r || r.status !== 0) return {json: [], workspaces: []};
	const json = [...new Set(r.stdout.split('\0').filter(Boolean))].sort();
	return {json, workspaces: json.filter(file => isWorkspaceFile(join(top, file)))};
}

/** A workspace file says so near its start (`"kind": "assess/workspace"`); only that much is read. */
export function isWorkspaceFile(file: string): boolean {
	try {
		const fd = openSync(file, 'r');
		try {
			const head = Buffer.alloc(1024);
			const n = readSync(fd, head, 0, head.length, 0);
			return /"kind"\s*:\s*"assess\/workspace"/.test(head.subarray(0, n).toString('utf8'));
		} finally {
			closeSync(fd);
		}
	} catch {
		return false;
	}
}

function linesOf(file: string): string[] {
	try {
		return readFileSync(file, 'utf8').split(/\r?\n/).map(l => l.trim());
	} catch {
		return [];
	}
}

function configValue(top: string, key: string): string | undefined {
	const r = git(top, ['config', '--get', key]);
	return r && r.status === 0 ? r.stdout.replace(/\n$/, '') : undefined;
}

/** What is in place and what is missing, without changing anything (`--check`, doctor). */
export function checkGitSetup(repo: Repo, ours = driverCommand()): GitSetupItem[] {
	const items: GitSetupItem[] = [];
	const w = GIT_SETUP_WORDS;
	const lineItems = (name: string, kind: 'attributes' | 'ignore', wanted: readonly string[]) => {
		const have = new Set(linesOf(join(repo.top, name)));
		for (const line of wanted) items.push(have.has(line) ? {state: 'ok', kind, text: w.lineOk({file: name, line})} : {state: 'missing', kind, text: w.lineMissing({file: name, line})});
	};
	lineItems('.gitattributes', 'attributes', attributeLines(repo.top));
	lineItems('.gitignore', 'ignore', IGNORE_LINES);
	items.push({kind: 'driver', ...driverItem(configValue(repo.top, 'merge.assess.driver'), ours)});
	const name = configValue(repo.top, 'merge.assess.name');
	items.push(name ? {state: 'ok', kind: 'name', text: w.nameSet({value: name})} : {state: 'missing', kind: 'name', text: w.nameMissing()});
	// What git will really do with each workspace file here (another attribute can win over ours).
	const files = workspaceFilesIn(repo.top);
	if (files.length) {
		const r = git(repo.top, ['check-attr', '-z', 'merge', '--', ...files]);
		if (r && r.status === 0) {
			const parts = r.stdout.split('\0');
			for (let i = 0; i + 2 < parts.length; i += 3) {
				if (parts[i + 2] !== 'assess') items.push({state: 'missing', kind: 'uncovered', text: parts[i + 2] === 'unspecified' ? w.uncoveredText({file: parts[i]!}) : w.uncovered({file: parts[i]!, merge: parts[i + 2]!})});
			}
		}
	}
	return items;
}

function driverItem(value: string | undefined, ours: string): Omit<GitSetupItem, 'kind'> {
	const w = GIT_SETUP_WORDS;
	if (!value) return {state: 'missing', text: w.driverMissing()};
	if (/(^|[\s/])npx(\s|$)|npm\s+exec/.test(value)) return {state: 'missing', text: w.driverNpx({value})};
	if (value === ours) return {state: 'ok', text: w.driverOk({value})};
	// Another copy of assess (another Node, another install): fine while its files exist.
	const words = shellWords(value);
	const gone = words.slice(0, 2).find(word => (word.includes('/') || word.includes('\\')) && !existsSync(word));
	if (gone) return {state: 'missing', text: w.driverGone({value, path: gone})};
	return {state: 'note', text: w.driverOther({value})};
}

/** Puts everything in place; returns what it changed (empty: nothing needed changing). */
export function applyGitSetup(repo: Repo, ours = driverCommand()): Message[] {
	const w = GIT_SETUP_WORDS;
	const changes: Message[] = [];
	const addLines = (name: string, header: string, wanted: readonly string[]) => {
		const file = join(repo.top, name);
		const have = new Set(linesOf(file));
		const missing = wanted.filter(line => !have.has(line));
		if (!missing.length) return;
		let text = '';
		try {
			text = readFileSync(file, 'utf8');
		} catch {
			// A new file.
		}
		const eol = text.includes('\r\n') ? '\r\n' : '\n';
		const block = [...(have.has(header) ? [] : [header]), ...missing];
		const next = `${text}${text && !text.endsWith('\n') ? eol : ''}${text.trim() ? eol : ''}${block.join(eol)}${eol}`;
		writeWhole(file, next);
		for (const line of missing) changes.push(w.lineAdded({file: name, line}));
	};
	addLines('.gitattributes', GIT_SETUP_TEXT.attributesHeader, attributeLines(repo.top));
	addLines('.gitignore', GIT_SETUP_TEXT.ignoreHeader, IGNORE_LINES);
	const before = configValue(repo.top, 'merge.assess.driver');
	if (before !== ours) {
		setConfig(repo.top, 'merge.assess.driver', ours);
		changes.push(before ? w.driverChanged({value: ours, before}) : w.driverSet({value: ours}));
	}
	if (configValue(repo.top, 'merge.assess.name') !== GIT_SETUP_TEXT.driverName) {
		setConfig(repo.top, 'merge.assess.name', GIT_SETUP_TEXT.driverName);
		changes.push(w.nameSet({value: GIT_SETUP_TEXT.driverName}));
	}
	return changes;
}

function setConfig(top: string, key: string, value: string): void {
	const r = git(top, ['config', '--local', key, value]);
	if (!r || r.status !== 0) throw UserError.of(join(top, '.git', 'config'), r ? GIT_SETUP_WORDS.cannotSet({key, english: r.stderr.trim()}) : GIT_SETUP_WORDS.noGit());
}

/** A file the user owns, rewritten whole or not at all (temporary file, fsync, rename), keeping its mode. */
function writeWhole(file: string, text: string): void {
	let mode = 0o644;
	try {
		mode = statSync(file).mode & 0o777;
	} catch {
		// A new file.
	}
	const tmp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}`);
	try {
		writeFileSync(tmp, text, {mode});
		chmodSync(tmp, mode);
		const fd = openSync(tmp, 'r+');
		try {
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(tmp, file);
	} catch (error) {
		if (existsSync(tmp)) unlinkSync(tmp);
		throw UserError.of(file, GIT_SETUP_WORDS.notWritten({problem: fsProblem(error)}));
	}
}

/** A repository path as the user would type it from where they are. */
export const shownRepo = (cwd: string, top: string) => relative(cwd, top) || '.';

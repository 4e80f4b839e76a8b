import {accessSync, constants, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {cacheFolder, BUILD_ID} from '../storage/cache-folder.js';
import {evidenceFolderOf} from '../storage/evidence-store.js';
import {isStale, readHolder, describeHolder} from '../storage/workspace-lock.js';
import {inert} from '../text/cell-width.js';
import {langFrom} from './lang-option.js';
import {checkGitSetup, isWorkspaceFile, repoOf, shownRepo} from './git-setup.js';
import {nodeSupport, ENGINES_RANGE, TESTED_LINES} from './node-support.js';
import {userDataFolder} from './user-demo.js';
import {displayPath} from './command.js';
import {hostname} from 'node:os';

/** One line of `assess doctor`: what the program sees, and what to do about it when anything. */
export type Check = {
	topic: string;
	/** ok: nothing to do; note: worth knowing, works; problem: something does not work (exit 1). */
	state: 'ok' | 'note' | 'problem';
	text: string;
	fix?: string;
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

/** The words of doctor, kept together (to be translated in one place). */
export const DOCTOR_WORDS = {
	topics: {node: 'Node', terminal: 'terminal', colour: 'colour', locale: 'language', cache: 'cache', data: 'your files', lock: 'lock', git: 'git', evidence: 'evidence'},
	node: {
		ok: (v: string, eol: string | undefined) => `${v}: supported${eol ? ` (Node maintains it until ${eol})` : ''}`,
		old: (v: string, eol: string) => `${v}: still supported by assess, but Node ${v.split('.')[0]!.slice(1)} reached its end of life on ${eol} (no more security fixes)`,
		oldFix: 'install Node 24 (or 22), the maintained long-term releases; assess runs on them unchanged',
		untested: (v: string) => `${v}: newer than the versions assess is tested on (Node ${TESTED_LINES.join(', ')}); it should work`,
		untestedFix: 'if anything fails, tell us, and use Node 24 meanwhile',
		unsupported: (v: string) => `${v}: assess does not run on it (it needs Node ${ENGINES_RANGE})`,
		unsupportedFix: 'install Node 24 (or 22), the maintained long-term releases',
	},
	terminal: {
		tty: (cols: number | undefined, rows: number | undefined) => `an interactive terminal${cols && rows ? `, ${cols}×${rows}` : ''}`,
		small: (cols: number, rows: number) => `an interactive terminal, ${cols}×${rows}: the terminal UI needs at least 80×24 (item panel beside the tree from 100 columns)`,
		smallFix: 'make the window larger',
		none: (which: string) => `${which} not connected to a terminal (a pipe, a script or CI): the terminal UI cannot open here; every other command works`,
		noneFix: 'run assess from a terminal window for the terminal UI',
	},
	colour: {
		off: 'off (NO_COLOR is set); focus still shows in bold and inverse',
		depth: (n: number, term: string | undefined, ci: string | undefined) => `${n >= 24 ? 'millions of colours' : n >= 8 ? '256 colours' : n >= 4 ? '16 colours' : 'none'} (TERM=${inert(term ?? 'unset')}${ci === undefined ? '' : `, CI=${inert(ci)}`})`,
		noneFix: 'set TERM to your terminal (e.g. xterm-256color; a CI variable makes programs assume a CI log), or NO_COLOR=1 to turn colour off on purpose',
		noTerminal: 'not known without a terminal',
	},
	locale: {
		chosen: (lang: string, from: string) => `${lang === 'zh' ? 'Chinese (zh)' : 'English (en)'}, from ${from}; --lang zh|en overrides it`,
		notUtf8: (locale: string) => `the locale ${locale} is not UTF-8: Chinese text may show as question marks or garbage`,
		notUtf8Fix: 'set LANG=zh_CN.UTF-8 (or C.UTF-8) in your shell profile',
		unset: 'no locale set (LANG, LC_ALL)',
	},
	cache: {
		ok: (dir: string) => `${dir} (compiled code and validated files, only for speed; deleting it is safe)`,
		off: 'off (ASSESS_CACHE_DIR=off): every start compiles the program and validates files in full',
		none: 'no cache folder (no home folder): every start compiles the program and validates files in full',
		noneFix: 'set ASSESS_CACHE_DIR to a folder you can write',
		unwritable: (dir: string) => `${dir} cannot be written: every start compiles the program and validates files in full`,
		unwritableFix: (dir: string) => `make ${dir} writable for you, or set ASSESS_CACHE_DIR to another folder`,
	},
	data: {
		demo: (file: string, exists: boolean) => (exists ? `your copy of the demo: ${file}` : `your copy of the demo will be ${file} (made by a bare \`assess\`)`),
		none: 'no folder for your copy of the demo (no home folder)',
		noneFix: 'set ASSESS_DATA_DIR to a folder you can write',
	},
	lock: {
		none: 'no workspace here is locked',
		held: (ws: string, who: string) => `${ws} is being edited by ${who}`,
		heldFix: 'wait until they quit (q); meanwhile it opens read-only',
		elsewhere: (ws: string, who: string) => `${ws} is locked by ${who}, on another computer`,
		elsewhereFix: (ws: string) => `if no one is editing it there (a shared folder, a lock copied or committed by mistake): assess unlock ${ws}`,
		stale: (ws: string, who: string) => `${ws}: its lock was left by a process that ended (${who})`,
		staleFix: 'nothing: the next assess to open it takes the lock over',
		unreadable: (ws: string) => `${ws}: its lock file cannot be read`,
		unreadableFix: (ws: string) => `if no assess has it open: assess unlock ${ws}`,
	},
	git: {
		noRepo: 'not in a git repository (a team that syncs workspaces through git: assess setup-git there)',
		ok: (repo: string) => `${repo}: the merge driver and .gitattributes/.gitignore are set up`,
		missing: (repo: string, parts: string[]) => `${repo} is not set up for workspace merges: ${parts.join('; ')}`,
		lines: (file: string, n: number) => `${file} lacks ${n} ${n === 1 ? 'line' : 'lines'}`,
		uncovered: (n: number) => `${n} workspace ${n === 1 ? 'file' : 'files'} would be merged by git as text`,
		fix: (repo: string) => `run: assess setup-git${repo === '.' ? '' : ` ${repo}`} (--check lists every item)`,
	},
	evidence: {
		noWorkspaces: 'no workspace files here (nor in workspaces/)',
		ok: (ws: string, n: number, folder: string) => (n ? `${ws}: all ${n} evidence files are in ${folder}` : `${ws}: no evidence files`),
		missing: (ws: string, missing: number, n: number, folder: string, example: string) => `${ws}: ${missing} of ${n} evidence files are missing or damaged in ${folder} (e.g. ${example})`,
		fix: (folder: string) => `copy ${folder} along with the workspace file (with git: git add ${folder})`,
		unreadable: (ws: string) => `${ws} cannot be read as JSON`,
		unreadableFix: (ws: string) => `run: assess validate ${ws}`,
	},
} as const;

const W = DOCTOR_WORDS;

export function runChecks(input: DoctorInput): Check[] {
	return [nodeCheck(input), ...terminalChecks(input), localeCheck(input), cacheCheck(input), dataCheck(input), ...lockChecks(input), ...gitChecks(input), ...evidenceChecks(input)];
}

export function nodeCheck({nodeVersion, today}: DoctorInput): Check {
	const s = nodeSupport(nodeVersion, today);
	const topic = W.topics.node;
	switch (s.state) {
		case 'ok':
			return {topic, state: 'ok', text: W.node.ok(nodeVersion, s.endOfLife)};
		case 'old':
			return {topic, state: 'note', text: W.node.old(nodeVersion, s.endOfLife!), fix: W.node.oldFix};
		case 'untested':
			return {topic, state: 'note', text: W.node.untested(nodeVersion), fix: W.node.untestedFix};
		default:
			return {topic, state: 'problem', text: W.node.unsupported(nodeVersion), fix: W.node.unsupportedFix};
	}
}

function terminalChecks({stdin, stdout, env}: DoctorInput): Check[] {
	const checks: Check[] = [];
	const {terminal: t, colour: c} = W;
	if (!stdin.isTTY || !stdout.isTTY) {
		checks.push({topic: W.topics.terminal, state: 'note', text: t.none(!stdin.isTTY && !stdout.isTTY ? 'stdin and stdout are' : !stdin.isTTY ? 'stdin is' : 'stdout is'), fix: t.noneFix});
	} else if (stdout.columns && stdout.rows && (stdout.columns < 80 || stdout.rows < 24)) {
		checks.push({topic: W.topics.terminal, state: 'note', text: t.small(stdout.columns, stdout.rows), fix: t.smallFix});
	} else checks.push({topic: W.topics.terminal, state: 'ok', text: t.tty(stdout.columns, stdout.rows)});
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') checks.push({topic: W.topics.colour, state: 'ok', text: c.off});
	else if (!stdout.isTTY || stdout.colorDepth === undefined) checks.push({topic: W.topics.colour, state: 'ok', text: c.noTerminal});
	else if (stdout.colorDepth < 4) checks.push({topic: W.topics.colour, state: 'note', text: c.depth(stdout.colorDepth, env.TERM, env.CI), fix: c.noneFix});
	else checks.push({topic: W.topics.colour, state: 'ok', text: c.depth(stdout.colorDepth, env.TERM, env.CI)});
	return checks;
}

function localeCheck({env, platform}: DoctorInput): Check {
	const name = env.LC_ALL ? 'LC_ALL' : env.LC_MESSAGES ? 'LC_MESSAGES' : env.LANG ? 'LANG' : undefined;
	const locale = name ? env[name]! : undefined;
	const lang = langFrom(undefined, env);
	const from = name ? `${name}=${inert(locale!)}` : W.locale.unset;
	const topic = W.topics.locale;
	// Windows consoles are Unicode whatever LANG says (it is usually unset there).
	if (platform !== 'win32' && (!locale || !/utf-?8/i.test(locale))) {
		return {topic, state: 'note', text: `${W.locale.chosen(lang, from)}; ${W.locale.notUtf8(locale ? inert(locale) : '(none)')}`, fix: W.locale.notUtf8Fix};
	}
	return {topic, state: 'ok', text: W.locale.chosen(lang, from)};
}

function cacheCheck({env, cwd}: DoctorInput): Check {
	const topic = W.topics.cache;
	if (env.ASSESS_CACHE_DIR === 'off' || env.ASSESS_CACHE_DIR === '') return {topic, state: 'note', text: W.cache.off};
	const dir = cacheFolder(env);
	if (!dir) return {topic, state: 'note', text: W.cache.none, fix: W.cache.noneFix};
	const shown = displayPath(cwd, dir);
	if (!canWrite(dir)) return {topic, state: 'note', text: W.cache.unwritable(shown), fix: W.cache.unwritableFix(shown)};
	return {topic, state: 'ok', text: W.cache.ok(shown)};
}

function dataCheck({env, cwd}: DoctorInput): Check {
	const topic = W.topics.data;
	const dir = userDataFolder(env);
	if (!dir) return {topic, state: 'note', text: W.data.none, fix: W.data.noneFix};
	const demo = join(dir, 'demo.json');
	return {topic, state: 'ok', text: W.data.demo(displayPath(cwd, demo), existsSync(demo))};
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
	const topic = W.topics.lock;
	const checks: Check[] = [];
	for (const dir of foldersHere(cwd)) {
		for (const lock of filesIn(dir, name => name.endsWith('.json.lock'))) {
			const ws = displayPath(cwd, lock.slice(0, -'.lock'.length));
			const holder = readHolder(lock);
			if (!holder) {
				checks.push({topic, state: 'note', text: W.lock.unreadable(ws), fix: W.lock.unreadableFix(ws)});
				continue;
			}
			const who = inert(describeHolder(holder));
			if (holder.host !== hostname()) checks.push({topic, state: 'note', text: W.lock.elsewhere(ws, who), fix: W.lock.elsewhereFix(ws)});
			else if (isStale(holder)) checks.push({topic, state: 'note', text: W.lock.stale(ws, who), fix: W.lock.staleFix});
			else checks.push({topic, state: 'note', text: W.lock.held(ws, who), fix: W.lock.heldFix});
		}
	}
	return checks.length ? checks : [{topic, state: 'ok', text: W.lock.none}];
}

function gitChecks({cwd}: DoctorInput): Check[] {
	const topic = W.topics.git;
	const repo = repoOf(cwd);
	if (!repo) return [{topic, state: 'ok', text: W.git.noRepo}];
	const shown = shownRepo(cwd, repo.top);
	const items = checkGitSetup(repo).filter(item => item.state !== 'ok');
	if (!items.length) return [{topic, state: 'ok', text: W.git.ok(shown)}];
	const count = (kind: string) => items.filter(i => i.kind === kind && i.state === 'missing').length;
	const parts: string[] = [];
	for (const item of items) if (item.kind === 'driver' || (item.kind === 'name' && count('driver') === 0)) parts.push(item.text);
	if (count('attributes')) parts.push(W.git.lines('.gitattributes', count('attributes')));
	if (count('ignore')) parts.push(W.git.lines('.gitignore', count('ignore')));
	if (count('uncovered')) parts.push(W.git.uncovered(count('uncovered')));
	// It breaks something only where git would merge workspace files as text.
	const breaks = count('uncovered') > 0;
	return [{topic, state: breaks ? 'problem' : 'note', text: W.git.missing(shown, parts), fix: W.git.fix(shown)}];
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
	const topic = W.topics.evidence;
	const checks: Check[] = [];
	for (const dir of foldersHere(cwd)) {
		for (const file of filesIn(dir, name => name.endsWith('.json')).filter(isWorkspaceFile)) {
			const ws = displayPath(cwd, file);
			let data: unknown;
			try {
				data = JSON.parse(readFileSync(file, 'utf8'));
			} catch {
				checks.push({topic, state: 'problem', text: W.evidence.unreadable(ws), fix: W.evidence.unreadableFix(ws)});
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
			if (!bad.length) checks.push({topic, state: 'ok', text: W.evidence.ok(ws, unique.length, shownFolder)});
			else {
				const first = bad[0]!;
				checks.push({topic, state: 'problem', text: W.evidence.missing(ws, bad.length, unique.length, shownFolder, `${inert(first.where)}: ${inert(first.name)} → ${first.stored}`), fix: W.evidence.fix(shownFolder)});
			}
		}
	}
	return checks.length ? checks : [{topic, state: 'ok', text: W.evidence.noWorkspaces}];
}

/** The program itself, for the heading. */
export const buildOf = () => BUILD_ID ?? 'run from the sources';

import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {basename, dirname, join} from 'node:path';
import {demoWorkspaceFile} from '../storage/bundled-paths.js';
import {lockFileOf} from '../storage/workspace-lock.js';
import {UserError} from '../storage/user-error.js';
import {messages} from '../domain/words/message.js';
import {fsProblem} from '../storage/fs-errors.js';

const M = messages('cli/user-demo', {
	noFolder: {zh: '找不到存放你的演示工作区副本的文件夹（没有主文件夹）；请把 ASSESS_DATA_DIR 设为你可以写入的文件夹，或打开一个工作区：assess open <工作区>', en: 'has no folder for your copy of the demo (no home folder); set ASSESS_DATA_DIR to a folder you can write, or open a workspace: assess open <ws>'},
	notMade: {zh: '无法建立你的演示工作区副本：{problem}。请把 ASSESS_DATA_DIR 设为你可以写入的文件夹，或打开一个工作区：assess open <工作区>', en: 'could not be made as your copy of the demo: {problem}. Set ASSESS_DATA_DIR to a folder you can write, or open a workspace: assess open <ws>'},
});

/**
 * Where the program keeps a user's own files: ASSESS_DATA_DIR, or the platform's place for
 * application data. Not a cache: what is here is the user's work (their copy of the demo).
 */
export function userDataFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: () => string = homedir): string | undefined {
	if (env.ASSESS_DATA_DIR) return env.ASSESS_DATA_DIR;
	try {
		if (platform === 'win32') return env.APPDATA ? join(env.APPDATA, 'assess') : undefined;
		if (platform === 'darwin') return join(home(), 'Library', 'Application Support', 'assess');
		return join(env.XDG_DATA_HOME || join(home(), '.local', 'share'), 'assess');
	} catch {
		return undefined;
	}
}

export type UserDemo = {file: string; made: 'new' | 'updated' | undefined};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The demo a bare `assess` opens: the user's own copy, made from the bundled one the first time.
 * The bundled demo is the program's: a global install by root cannot be written (or locked) by
 * its users, and an upgrade would replace it; a copy lets a newcomer try everything (record,
 * undo, export) on their own file. The copy remembers which bundled demo it came from
 * (`demo.json.origin`), so after an upgrade an untouched copy follows the new demo, while a
 * copy the user changed is left as it is.
 */
export function userDemo(env: NodeJS.ProcessEnv): UserDemo {
	const folder = userDataFolder(env);
	if (!folder) throw UserError.of('assess', M.noFolder());
	const file = join(folder, 'demo.json');
	const originFile = `${file}.origin`;
	const bundled = readFileSync(demoWorkspaceFile());
	const digest = sha256(bundled);
	try {
		if (existsSync(file)) {
			const origin = readOrigin(originFile);
			const untouched = origin !== undefined && origin !== digest && sha256(readFileSync(file)) === origin;
			if (!untouched || existsSync(lockFileOf(file))) return {file, made: undefined};
			placeCopy(file, bundled);
			writeFileSync(originFile, `${digest}\n`);
			return {file, made: 'updated'};
		}
		mkdirSync(folder, {recursive: true});
		placeCopy(file, bundled);
		writeFileSync(originFile, `${digest}\n`);
		return {file, made: 'new'};
	} catch (error) {
		if (error instanceof UserError) throw error;
		throw UserError.of(file, M.notMade({problem: fsProblem(error)}));
	}
}

function readOrigin(file: string): string | undefined {
	try {
		const text = readFileSync(file, 'utf8').trim();
		return /^[0-9a-f]{64}$/.test(text) ? text : undefined;
	} catch {
		return undefined;
	}
}

/** Whole or not at all: a temporary file renamed into place. */
function placeCopy(file: string, bytes: Uint8Array): void {
	const tmp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}`);
	try {
		writeFileSync(tmp, bytes, {mode: 0o644});
		renameSync(tmp, file);
	} finally {
		if (existsSync(tmp)) unlinkSync(tmp);
	}
}

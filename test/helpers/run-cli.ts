import {spawnSync, spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const bin = join(repoRoot, 'bin', 'assess.js');

export type CliResult = {code: number; stdout: string; stderr: string};

/**
 * The program speaks the user's language (LC_ALL, LC_MESSAGES, LANG): tests run it in English
 * unless they say otherwise, whatever the machine's locale.
 */
export const ENGLISH: Record<string, string> = {LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: ''};
/** The same in Chinese, as a team in China runs it. */
export const CHINESE: Record<string, string> = {LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: ''};

/** Runs the built program as a user would, in `cwd`, without a terminal. */
export function runCli(args: readonly string[], options: {cwd?: string; env?: Record<string, string>} = {}): CliResult {
	const r = spawnSync(process.execPath, [bin, ...args], {
		cwd: options.cwd ?? repoRoot,
		env: {...process.env, NO_COLOR: '1', ...ENGLISH, ...options.env},
		encoding: 'utf8',
		timeout: 60_000,
	});
	return {code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr};
}

/** The same, without waiting: for races between two processes. */
export function runCliAsync(args: readonly string[], options: {cwd?: string; env?: Record<string, string>} = {}): Promise<CliResult> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [bin, ...args], {cwd: options.cwd ?? repoRoot, env: {...process.env, NO_COLOR: '1', ...ENGLISH, ...options.env}});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', d => (stdout += d));
		child.stderr.on('data', d => (stderr += d));
		child.on('close', code => resolve({code: code ?? -1, stdout, stderr}));
	});
}

export function tempDir(prefix = 'assess-cli-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

/** A user-facing failure shows no JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
	return /\n\s+at .+[:(]\d+:\d+\)?/.test(text) || /Error: .*\n\s+at /.test(text);
}

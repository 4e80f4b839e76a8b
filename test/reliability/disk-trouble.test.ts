import {describe, it, expect, afterEach} from 'vitest';
import {readFileSync, writeFileSync, chmodSync, statSync, cpSync} from 'node:fs';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';
import {runCli, tempDir, hasStackTrace, repoRoot} from '../helpers/run-cli.js';

const isRoot = process.getuid?.() === 0;
const canMount = isRoot && (() => {
	const dir = tempDir('assess-mount-probe-');
	const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
	if (ok) spawnSync('umount', [dir]);
	return ok;
})();
if (!canMount) console.warn('SKIPPED the disk-full and read-only disk tests: mounting a small tmpfs needs root on this machine.');
const mounts: string[] = [];
afterEach(() => {
	while (mounts.length) spawnSync('umount', ['-l', mounts.pop()!]);
});

function smallDisk(kb: number): string {
	const dir = tempDir('assess-tmpfs-');
	expect(spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]).status).toBe(0);
	mounts.push(dir);
	return dir;
}

function workspaceIn(dir: string): string {
	const ws = join(dir, 'ws.json');
	expect(runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', '110000']).code).toBe(0);
	expect(runCli(['record', ws, '110000', '1.1.1', 'y', '--note', '原始记录']).code).toBe(0);
	return ws;
}

describe.skipIf(!canMount)('disk trouble', () => {
	it('disk full: a clear message, exit 2, the previous file intact', () => {
		const dir = smallDisk(256);
		const ws = workspaceIn(dir);
		const before = readFileSync(ws);
		// Fill the disk to the last few kilobytes.
		const free = () => Number(spawnSync('df', ['--output=avail', '-B1', dir], {encoding: 'utf8'}).stdout.split('\n')[1]);
		writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, free() - 4096)));
		const r = runCli(['record', ws, '110000', '1.1.2', '1', '--note', '长'.repeat(20_000)]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/the disk is full/);
		expect(hasStackTrace(r.stderr)).toBe(false);
		expect(readFileSync(ws)).toEqual(before);
	});

	it('read-only disk: a clear message, exit 2, the file intact', () => {
		const dir = smallDisk(1024);
		const ws = workspaceIn(dir);
		const before = readFileSync(ws);
		expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
		const r = runCli(['record', ws, '110000', '1.1.2', '1']);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/read-only/);
		expect(hasStackTrace(r.stderr)).toBe(false);
		expect(readFileSync(ws)).toEqual(before);
		// Reading still works.
		expect(runCli(['score', ws, '--json']).code).toBe(0);
	});
});

/**
 * The unprivileged user runs a copy of the built program from a folder anyone may read (a fresh
 * clone often sits in a private temporary folder). The bundle needs no node_modules.
 */
const publicCopy = (() => {
	if (!isRoot) return undefined;
	const dir = tempDir('assess-public-');
	for (const part of ['bin', 'dist', 'indicators', 'package.json']) cpSync(join(repoRoot, part), join(dir, part), {recursive: true});
	spawnSync('chmod', ['-R', 'a+rX', dir]);
	return join(dir, 'bin', 'assess.js');
})();
const asNobody = (...args: string[]) => spawnSync('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', process.execPath, publicCopy!, ...args], {encoding: 'utf8', env: {...process.env, ASSESS_LOCK_WAIT_MS: '0'}});
const nobodyCanRun = publicCopy !== undefined && asNobody('--version').status === 0;
if (isRoot && !nobodyCanRun) console.warn('SKIPPED the permission test: the unprivileged user cannot run the program from this folder.');

describe.skipIf(!nobodyCanRun)('permission denied', () => {
	it('a workspace the user may read but not write: a clear message, exit 2, the file intact', () => {
		const dir = tempDir('assess-perm-');
		const ws = workspaceIn(dir);
		// The folder (and the one above, a private temporary folder) readable, not writable, by others.
		spawnSync('chmod', ['o+x', join(dir, '..')]);
		chmodSync(dir, 0o755);
		chmodSync(ws, 0o644);
		const before = readFileSync(ws);
		const r = asNobody('record', ws, '110000', '1.1.2', '1');
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/permission denied/);
		expect(hasStackTrace(r.stderr)).toBe(false);
		expect(readFileSync(ws)).toEqual(before);
		expect(statSync(ws).mode & 0o777).toBe(0o644);
	});
});

import {describe, it, expect} from 'vitest';
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {repoRoot, runCli, tempDir} from '../helpers/run-cli.js';
import {CACHED_COMMANDS, codeKey, commandOf, shippedCodeCache} from '../../source/runtime/boot.js';
import {loadCommands} from '../../source/cli/command-table.js';
import {CodeCache} from '../../source/runtime/code-cache.js';

const COMMANDS = await loadCommands();

describe('the code cache', () => {
	it('is kept per command, for every command there is', () => {
		expect([...CACHED_COMMANDS].sort()).toEqual(COMMANDS.map(c => c.name).sort());
		expect(commandOf([])).toBe('open');
		expect(commandOf(['--lang', 'en'])).toBe('open');
		expect(commandOf(['score', 'w.json'])).toBe('score');
		expect(commandOf(['--help'])).toBeUndefined();
		expect(commandOf(['-V'])).toBeUndefined();
		expect(commandOf(['nonsense'])).toBeUndefined();
	});

	it('is made by the first run of a build, used by the next ones, and made again when it is broken', () => {
		const cache = tempDir('assess-code-');
		const env = {ASSESS_CACHE_DIR: cache};
		const score = () => runCli(['score', 'workspaces/demo.json', '--json'], {env});
		const first = score();
		expect(first.code).toBe(0);
		const files = readdirSync(join(cache, 'code'));
		expect(files).toHaveLength(1);
		expect(files[0]).toBe(`${files[0]!.slice(0, 32)}-score-${codeKey()}.bin`);
		expect(files[0]).toMatch(/^[0-9a-f]{32}-score-/);
		const file = join(cache, 'code', files[0]!);
		const made = statSync(file).mtimeMs;
		// Used, not made again; the same output.
		const second = score();
		expect(second.stdout).toBe(first.stdout);
		expect(statSync(file).mtimeMs).toBe(made);
		// Garbage in the cache: V8 refuses it, the program runs as usual and writes a good one.
		writeFileSync(file, Buffer.alloc(5000, 7));
		const third = score();
		expect(third.code).toBe(0);
		expect(third.stdout).toBe(first.stdout);
		expect(readFileSync(file).equals(Buffer.alloc(5000, 7))).toBe(false);
		expect(score().stdout).toBe(first.stdout);
	});

	it('is kept apart per V8 version and CPU, and the build ships the TUI\'s for its own Node only', () => {
		expect(codeKey({v8: '12.4.254.21-node.57'}, 'arm64')).toBe('12.4.254.21-node.57-arm64');
		expect(codeKey({v8: 'a/b\\c:d'}, 'x64')).toBe('a_b_c_d-x64');
		expect(existsSync(shippedCodeCache(join(repoRoot, 'dist', 'assess.cjs'), 'open'))).toBe(true);
		expect(readdirSync(join(repoRoot, 'dist')).filter(f => f.endsWith('.bin'))).toEqual([`code-open-${codeKey()}.bin`]);
		// Two Node versions side by side (an nvm user): each keeps its own code.
		const cache = tempDir('assess-code-');
		new CodeCache(cache, 'b1', `open-${codeKey({v8: '1'}, 'x64')}`).write(Buffer.from('one'));
		new CodeCache(cache, 'b1', `open-${codeKey({v8: '2'}, 'x64')}`).write(Buffer.from('two'));
		expect(readdirSync(join(cache, 'code')).sort()).toEqual(['b1-open-1-x64.bin', 'b1-open-2-x64.bin']);
	});

	it('forgets the code of other builds, and is no cache (but no failure) where it cannot be written', () => {
		const dir = tempDir('assess-code-');
		mkdirSync(join(dir, 'code'));
		writeFileSync(join(dir, 'code', 'old-build-open.bin'), 'x');
		new CodeCache(dir, 'new-build', 'open').write(Buffer.from('code'));
		expect(readdirSync(join(dir, 'code'))).toEqual(['new-build-open.bin']);
		expect(new CodeCache(dir, 'new-build', 'open').read()?.toString()).toBe('code');
		expect(new CodeCache(dir, 'other', 'open').read()).toBeUndefined();
		// A cache folder that cannot be made (a file is in the way): no cache, and no failure.
		const blocked = join(tempDir('assess-code-'), 'file');
		writeFileSync(blocked, '');
		expect(() => new CodeCache(blocked, 'b', 'open').write(Buffer.from('x'))).not.toThrow();
		const run = runCli(['score', 'workspaces/demo.json'], {env: {ASSESS_CACHE_DIR: blocked}});
		expect(run.code).toBe(0);
		expect(run.stderr).toBe('');
	});
});

import {describe, it, expect} from 'vitest';
import {readdirSync, readFileSync, cpSync, writeFileSync, openSync, ftruncateSync, closeSync} from 'node:fs';
import {join} from 'node:path';
import {runCli, repoRoot, tempDir, hasStackTrace} from '../helpers/run-cli.js';

const badDir = join(repoRoot, 'test', 'fixtures', 'bad');
const badFiles = readdirSync(badDir).sort();

/** Snapshot of every file in a folder, to prove nothing was written. */
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map(n => [n, readFileSync(join(dir, n)).toString('base64')]));

describe('bad input: every broken file is refused readably and left as it was', () => {
	it('has a corpus of broken files of every kind', () => {
		expect(badFiles.length).toBeGreaterThanOrEqual(30);
		for (const kind of ['system-', 'weights-', 'regions-', 'catalog-', 'workspace-', 'sample-plan-']) expect(badFiles.some(f => f.startsWith(kind))).toBe(true);
	});

	it.each(badFiles)('%s: exit 2, names the file and the place, no stack trace, nothing changed', name => {
		const dir = tempDir();
		cpSync(join(repoRoot, 'test', 'fixtures'), dir, {recursive: true});
		const before = snapshot(join(dir, 'bad'));
		const r = runCli(['validate', `bad/${name}`], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		const first = r.stderr.split('\n')[0]!;
		expect(first.startsWith(`bad/${name}: `)).toBe(true);
		expect(hasStackTrace(r.stderr)).toBe(false);
		expect(snapshot(join(dir, 'bad'))).toEqual(before);
	});

	it('says where the problem is for typical mistakes', () => {
		const cases: Record<string, RegExp> = {
			'system-duplicate-code.json': /\$\.indicators\[0\]\.children\[0\]\.children\[1\]\.code: code "1\.1\.1" is used twice/,
			'system-leaf-without-rule.json': /leaf "1\.1\.1" needs a scoring rule/,
			'weights-not-summing-to-1.json': /the weights of the primaries \(1, 2\) sum to 1\.1, not 1/,
			'weights-missing-indicator.json': /indicator "2\.1\.3" \(综合评分\) has no weight/,
			'workspace-unknown-region.json': /\$\.regions\[2\]: unknown region code "999999"/,
			'workspace-value-wrong-rule.json': /\$\.findings\["110000\/1\.1\.1"\]\.value: the value is for a "direct" rule/,
			'workspace-newer-format.json': /newer version of assess/,
			'workspace-bad-review.json': /\$\.findings\["110000\/1\.1\.1"\]\.review\.state: Invalid option: expected one of "accepted"\|"returned"/,
			'workspace-bad-review-policy.json': /\$\.reviewPolicy\.changes\[0\]\.reviewers\["北京"\]: "北京" is not a region code/,
			'sample-plan-not-sampled.json': /\$\.groups\[0\]\.indicators\[0\]: "1\.1\.1" \(统一身份认证\) is not a sampled leaf/,
			'system-measure-target-without-target.json': /rule\.target: the "target" method needs a target above 0/,
			'truncated.json': /line \d+, column \d+: is not valid JSON: it ends too early/,
			'trailing-comma.json': /line 4, column 1: is not valid JSON/,
			'bom.json': /byte-order mark/,
			'binary.json': /binary file/,
			'empty.json': /is empty/,
			'workspace-missing-system.json': /missing-system\.json: does not exist/,
		};
		for (const [name, pattern] of Object.entries(cases)) {
			const r = runCli(['validate', `test/fixtures/bad/${name}`]);
			expect(r.stderr, name).toMatch(pattern);
		}
	});

	it('refuses a huge file without reading it', () => {
		const dir = tempDir();
		const file = join(dir, 'huge.json');
		// A sparse file: 300 MB on paper, nothing on disk.
		const fd = openSync(file, 'w');
		ftruncateSync(fd, 300 * 1024 * 1024);
		closeSync(fd);
		const r = runCli(['validate', file]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('is 300 MB; files over 256 MB are refused');
	});

	it('validates every bundled file', () => {
		const files = readdirSync(join(repoRoot, 'indicators')).filter(f => f.endsWith('.json')).map(f => `indicators/${f}`);
		expect(files.length).toBe(6);
		const r = runCli(['validate', ...files]);
		expect(r.stderr).toContain('All 6 files are valid.');
		expect(r.code).toBe(0);
	});

	it('keeps checking the other files after a broken one, and fails overall', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'ok.json'), readFileSync(join(repoRoot, 'indicators', 'regions.json')));
		writeFileSync(join(dir, 'bad.json'), '{');
		const r = runCli(['validate', 'bad.json', 'ok.json'], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stdout).toContain('ok  ok.json: region list: 64 regions');
		expect(r.stderr).toContain('1 of 2 files have problems.');
	});
});

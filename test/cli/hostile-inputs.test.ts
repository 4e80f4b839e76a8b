import {describe, it, expect} from 'vitest';
import {readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {spawn, spawnSync} from 'node:child_process';
import {createServer} from 'node:net';
import {createHash} from 'node:crypto';
import {runCli, runCliAsync, repoRoot, tempDir, hasStackTrace, bin} from '../helpers/run-cli.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';

/**
 * Issue 11, "Inputs that hang, explode or lie": FIFOs and devices hung the program or read
 * without bound, evidence was stored under a hash of other bytes, duplicate keys dropped data,
 * deep nesting and prototype names crashed it. Each was reproduced on the old main.
 */

function init(dir: string, name = 'ws.json', regions = '110000,310000'): string {
	const ws = join(dir, name);
	const r = runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', regions]);
	expect(r.code, r.stderr).toBe(0);
	return ws;
}

function mkfifo(path: string): void {
	expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

/** Runs the program with a deadline: a hang is a failure, not a stuck test run. */
function runBounded(args: string[], options: {cwd?: string} = {}) {
	const r = spawnSync(process.execPath, ['--max-old-space-size=512', bin, ...args], {cwd: options.cwd ?? repoRoot, env: {...process.env, NO_COLOR: '1', ASSESS_LOCK_WAIT_MS: '0'}, encoding: 'utf8', timeout: 15_000});
	return {code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, timedOut: r.signal === 'SIGTERM'};
}

describe('files that are not regular files', () => {
	it('refuses a FIFO as a workspace, at once, for every command that reads one', () => {
		const dir = tempDir();
		const fifo = join(dir, 'pipe.json');
		mkfifo(fifo);
		for (const args of [['validate', fifo], ['score', fifo], ['record', fifo, '110000', '1.1.1', 'y'], ['export', fifo, '--allow-incomplete', '-o', join(dir, 'x.xlsx')]]) {
			const r = runBounded(args);
			expect(r.timedOut, args[0]).toBe(false);
			expect(r.code, `${args[0]}: ${r.stderr}`).toBe(2);
			expect(r.stderr).toMatch(/not a regular file/);
			expect(hasStackTrace(r.stderr)).toBe(false);
		}
	});

	it('refuses a FIFO or a device named as a workspace’s system or weights file', () => {
		const dir = tempDir();
		const ws = init(dir);
		const data = JSON.parse(readFileSync(ws, 'utf8'));
		mkfifo(join(dir, 'weights-pipe.json'));
		for (const weights of ['/dev/zero', 'weights-pipe.json']) {
			writeFileSync(ws, JSON.stringify({...data, weights}, null, 2));
			const r = runBounded(['score', ws]);
			expect(r.timedOut, weights).toBe(false);
			expect(r.code, `${weights}: ${r.stderr}`).toBe(2);
			expect(r.stderr).toMatch(/not a regular file/);
		}
		mkfifo(join(dir, 'system-pipe.json'));
		writeFileSync(ws, JSON.stringify({...data, system: {...data.system, file: 'system-pipe.json'}}, null, 2));
		const r = runBounded(['score', ws]);
		expect(r.timedOut).toBe(false);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/system-pipe\.json.*not a regular file/);
	});

	it('refuses a socket and a device given to validate', async () => {
		const dir = tempDir();
		const socket = join(dir, 'sock.json');
		const server = createServer().listen(socket);
		await new Promise(r => server.once('listening', r));
		try {
			for (const file of [socket, '/dev/null', '/dev/zero']) {
				const r = runBounded(['validate', file]);
				expect(r.timedOut, file).toBe(false);
				expect(r.code, file).toBe(2);
				expect(r.stderr, file).toMatch(/not a regular file/);
			}
		} finally {
			server.close();
		}
	});

	it('refuses a FIFO or /dev/zero as evidence, without reading it', () => {
		const dir = tempDir();
		const ws = init(dir);
		mkfifo(join(dir, 'shot.png'));
		for (const evidence of ['/dev/zero', join(dir, 'shot.png')]) {
			const r = runBounded(['record', ws, '110000', '1.1.1', 'y', '--evidence', evidence]);
			expect(r.timedOut, evidence).toBe(false);
			expect(r.code, evidence).toBe(2);
			expect(r.stderr).toMatch(/not a regular file/);
		}
		expect(JSON.parse(readFileSync(ws, 'utf8')).findings).toEqual({});
	});
});

describe('evidence files', () => {
	it('stores a file that is still being written under the SHA-256 of the bytes it stored, with their size', async () => {
		const dir = tempDir();
		const ws = init(dir);
		const shot = join(dir, 'download.bin');
		writeFileSync(shot, Buffer.alloc(8 * 1024 * 1024, 1));
		// A download in progress: a second process keeps appending while the file is stored.
		const writer = spawn(process.execPath, ['-e', `const fs=require('fs');const b=Buffer.alloc(64*1024,2);setInterval(()=>fs.appendFileSync(${JSON.stringify(shot)},b),1);setTimeout(()=>process.exit(0),4000)`]);
		await new Promise(r => setTimeout(r, 100));
		const r = await runCliAsync(['record', ws, '110000', '1.1.1', 'y', '--evidence', shot]);
		writer.kill();
		expect(r.code, r.stderr).toBe(0);
		const [evidence] = JSON.parse(readFileSync(ws, 'utf8')).findings['110000/1.1.1'].evidence;
		const stored = readFileSync(join(dir, 'ws.evidence', evidence.stored));
		expect(createHash('sha256').update(stored).digest('hex')).toBe(evidence.sha256);
		expect(stored.length).toBe(evidence.size);
	});
});

describe('duplicate keys', () => {
	it('a second "findings" in a big workspace is refused with its place, and record leaves the file as it was', () => {
		const {file} = completeWorkspace(['110000', '310000']);
		const text = readFileSync(file, 'utf8');
		expect(Object.keys(JSON.parse(text).findings).length).toBeGreaterThan(100);
		const broken = text.replace(/\n}\n$/, ',\n  "findings": {}\n}\n');
		writeFileSync(file, broken);
		const v = runCli(['validate', file]);
		expect(v.code).toBe(2);
		expect(v.stderr).toMatch(/line \d+, column \d+: "findings" appears twice/);
		const r = runCli(['record', file, '110000', '1.1.1', 'y', '--note', 'x']);
		expect(r.code).toBe(2);
		expect(readFileSync(file, 'utf8')).toBe(broken);
	});

	it('is refused in every kind of file', () => {
		const dir = tempDir();
		const regions = readFileSync(join(repoRoot, 'indicators', 'regions.json'), 'utf8').replace('"kind": "assess/regions",', '"kind": "assess/regions", "kind": "assess/regions",');
		const weights = readFileSync(join(repoRoot, 'indicators', '2020-province.weights.json'), 'utf8').replace('"1.1": ', '"1.1": 0.2, "1.1": ');
		const system = readFileSync(join(repoRoot, 'test', 'fixtures', 'team-system.json'), 'utf8').replace('"ranking":', '"ranking": "dense", "ranking":');
		const catalog = readFileSync(join(repoRoot, 'indicators', 'service-items.json'), 'utf8').replace(/"name":/, '"name": "x", "name":');
		for (const [name, text] of Object.entries({'regions.json': regions, 'w.weights.json': weights, 'system.json': system, 'catalog.json': catalog})) {
			expect(text, `${name} has a duplicate key`).toMatch(/("[^"]+": [^,]+, )\1|"kind": "assess\/regions", "kind"|"1\.1": 0\.2, "1\.1"|"ranking": "dense", "ranking"|"name": "x", "name"/);
			writeFileSync(join(dir, name), text);
			const r = runCli(['validate', name, '--system', '2020-province'], {cwd: dir});
			expect(r.code, name).toBe(2);
			expect(r.stderr, name).toMatch(/line \d+, column \d+: ".+" appears twice/);
		}
	});
});

describe('deeply nested JSON', () => {
	it('8,000 [ is a bad-input error with a message, not a stack', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'deep.json'), '['.repeat(8000) + ']'.repeat(8000));
		const r = runCli(['validate', 'deep.json'], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/nested/);
		expect(hasStackTrace(r.stderr)).toBe(false);
		writeFileSync(join(dir, 'cut.json'), '['.repeat(8000));
		const cut = runCli(['validate', 'cut.json'], {cwd: dir});
		expect(cut.code).toBe(2);
		expect(hasStackTrace(cut.stderr)).toBe(false);
	});

	it('a system file 700 levels deep is refused with a message', () => {
		const dir = tempDir();
		const system = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'team-system.json'), 'utf8'));
		let node: Record<string, unknown> = {code: '1', name: {zh: '深'}, provenance: {kind: 'derived', basis: 'x'}, guide: {check: 'a', where: 'b', met: 'c'}, rule: {type: 'yesno'}};
		for (let depth = 0; depth < 700; depth++) node = {code: '1', name: {zh: '深'}, provenance: {kind: 'derived', basis: 'x'}, children: [node]};
		writeFileSync(join(dir, 'deep-system.json'), JSON.stringify({...system, indicators: [node]}));
		const r = runCli(['validate', 'deep-system.json'], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/deep-system\.json/);
		expect(hasStackTrace(r.stderr)).toBe(false);
	});
});

describe('assess schemas --write', () => {
	it('onto an existing file, or into /proc, is exit 2 with a message', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'file'), 'x');
		for (const target of [join(dir, 'file'), '/proc/assess-schemas']) {
			const r = runCli(['schemas', '--write', target]);
			expect(r.code, target).toBe(2);
			expect(r.stderr).toContain(target);
			expect(hasStackTrace(r.stderr)).toBe(false);
		}
		expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('x');
	});
});

describe('names of Object.prototype', () => {
	it('an indicator code "toString" or a weights key "constructor" or "__proto__" is refused', () => {
		const dir = tempDir();
		const system = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'team-system.json'), 'utf8'));
		system.indicators[0].code = 'toString';
		system.indicators[0].children = undefined;
		system.indicators[0].guide = {check: 'a', where: 'b', met: 'c'};
		system.indicators[0].rule = {type: 'yesno'};
		writeFileSync(join(dir, 'proto-system.json'), JSON.stringify(system, null, 2));
		const r = runCli(['validate', 'proto-system.json'], {cwd: dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/toString/);
		const weights = readFileSync(join(repoRoot, 'indicators', '2020-province.weights.json'), 'utf8');
		for (const key of ['constructor', '__proto__', 'toString']) {
			writeFileSync(join(dir, 'w.json'), weights.replace('"weights": {', `"weights": {\n    "${key}": 0,`));
			const w = runCli(['validate', 'w.json'], {cwd: dir});
			expect(w.code, key).toBe(2);
			expect(w.stderr, key).toContain(key);
		}
	});
});

describe('zero weights', () => {
	it('validate warns about indicators that weigh 0', () => {
		const dir = tempDir();
		const weights = JSON.parse(readFileSync(join(repoRoot, 'indicators', '2020-province.weights.json'), 'utf8'));
		const siblings = Object.keys(weights.weights).filter(c => /^1\.1\.\d+$/.test(c));
		for (const c of siblings) weights.weights[c] = c === '1.1.1' ? 1 : 0;
		writeFileSync(join(dir, 'zero.weights.json'), JSON.stringify(weights, null, 2));
		const r = runCli(['validate', 'zero.weights.json'], {cwd: dir});
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toMatch(/1\.1\.2.*weight 0|weigh 0/);
	});

	it('score shows a node whose applicable children weigh 0 as no score, and says why', () => {
		const dir = tempDir();
		const weights = JSON.parse(readFileSync(join(repoRoot, 'indicators', '2020-province.weights.json'), 'utf8'));
		for (const c of Object.keys(weights.weights).filter(c => /^1\.1\.\d+$/.test(c))) weights.weights[c] = c === '1.1.1' ? 1 : 0;
		writeFileSync(join(dir, 'zero.weights.json'), JSON.stringify(weights, null, 2));
		const ws = join(dir, 'ws.json');
		expect(runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', '110000', '--weights', join(dir, 'zero.weights.json')]).code).toBe(0);
		expect(runCli(['record', ws, '110000', '1.1.1', '-', '--status', 'na', '--reason', '本地区无此事项']).code).toBe(0);
		expect(runCli(['record', ws, '110000', '1.1.2', '1']).code).toBe(0);
		const json = JSON.parse(runCli(['score', ws, '--json']).stdout);
		const row = (code: string) => json.regions[0].indicators.find((i: {code: string}) => i.code === code);
		expect(row('1.1.2')).toMatchObject({score: 100, na: false});
		expect(row('1.1')).toMatchObject({score: null, na: false, weightless: true});
		expect(runCli(['score', ws]).stdout).toMatch(/1\.1 .+\s+— \(weight 0\)/);
		expect(runCli(['score', ws, '--lang', 'zh']).stdout).toMatch(/1\.1 \S+\s+—（权重为0）/);
	});
});

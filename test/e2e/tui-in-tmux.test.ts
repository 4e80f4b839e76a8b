import {describe, it, expect, afterEach} from 'vitest';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runCli, tempDir, bin, repoRoot} from '../helpers/run-cli.js';
import {waitFor} from '../helpers/wait-for.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('SKIPPED the tmux end-to-end test: tmux is not installed (apt-get install tmux).');

let session = `assess-e2e-${process.pid}`;
let sessions = 0;
/** A fresh tmux session for each test (one left over from a failed test never gets in the way). */
function newSession(...args: string[]) {
	session = `assess-e2e-${process.pid}-${++sessions}`;
	return tmux('new-session', '-d', '-s', session, ...args);
}
const tmux = (...args: string[]) => spawnSync('tmux', args, {encoding: 'utf8'});
const screen = () => tmux('capture-pane', '-p', '-t', session).stdout;
const alive = () => tmux('has-session', '-t', session).status === 0;

/** The screen as tmux shows it, waited for for up to 15 s (the real program on a busy machine). */
const waitForScreen = (test: (text: string) => boolean, what: string) => waitFor(screen, test, what, 15_000, 50);

/** Types keys as a person would: one at a time, with the screen catching up in between. */
async function keys(...names: string[]) {
	for (const k of names) {
		tmux('send-keys', '-t', session, k);
		await new Promise(r => setTimeout(r, 120));
	}
}
async function type(text: string) {
	tmux('send-keys', '-t', session, '-l', text);
	await new Promise(r => setTimeout(r, 150));
}

afterEach(() => {
	if (hasTmux && alive()) tmux('kill-session', '-t', session);
});

describe.skipIf(!hasTmux)('the real TUI in tmux', () => {
	it('walks to an unscored leaf, records a value with a note and a URL, and quits with it all on disk', async () => {
		const dir = tempDir('assess-e2e-');
		const ws = join(dir, 'zhang.json');
		expect(runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', '110000,310000']).code).toBe(0);

		const started = newSession('-x', '120', '-y', '32', '-c', dir, `env LANG=C.UTF-8 NO_COLOR=1 ${process.execPath} ${bin} open zhang.json --lang en`);
		expect(started.status).toBe(0);
		await waitForScreen(t => t.includes('assess · 2020-province · Regions') && t.includes('北京市'), 'the regions screen');

		await keys('Enter');
		await waitForScreen(t => t.includes('北京市 110000 · Total —'), 'the region tree');
		await keys('n');
		await waitForScreen(t => t.includes('1.1.1 Linked to the national platform') && t.includes('[ ] not yet'), 'the first unscored leaf');

		await keys('y');
		await waitForScreen(t => t.includes('Total 100.00'), 'the total to move from — to 100.00');
		await keys('e');
		await waitForScreen(t => t.includes('Note (Enter: new line'), 'the note editor');
		await type('门户首页可跳转国家平台');
		await keys('C-s');
		await waitForScreen(t => t.includes('Note: 门户首页可跳转国家平台'), 'the note');
		await keys('a');
		await waitForScreen(t => t.includes('Evidence: a URL'), 'the evidence field');
		await type('https://banshi.beijing.gov.cn/');
		await keys('Enter');
		await waitForScreen(t => t.includes('url   https://banshi.beijing.gov.cn/') && /saved \d\d:\d\d:\d\d/.test(t), 'the evidence, saved');
		await keys('n');
		await waitForScreen(t => t.includes('1.1.2 City and county services'), 'the next unscored leaf');

		await keys('q');
		const until = Date.now() + 10_000;
		while (alive() && Date.now() < until) await new Promise(r => setTimeout(r, 50));
		expect(alive()).toBe(false);
		expect(existsSync(`${ws}.lock`)).toBe(false);

		const data = JSON.parse(readFileSync(ws, 'utf8'));
		expect(data.findings['110000/1.1.1']).toMatchObject({
			value: {type: 'yesno', met: true},
			note: '门户首页可跳转国家平台',
			by: '张三',
			evidence: [{kind: 'url', url: 'https://banshi.beijing.gov.cn/', by: '张三'}],
		});
		const score = JSON.parse(runCli(['score', ws, '--json']).stdout);
		const bj = score.regions.find((r: {code: string}) => r.code === '110000');
		expect(bj).toMatchObject({total: 100, rank: 1});
		expect(bj.indicators.find((i: {code: string}) => i.code === '1.1.1')).toMatchObject({score: 100, rank: 1});
	});

	it('keeps keys typed while it starts: no echo scrolls the screen, and Enter is Enter', async () => {
		const dir = tempDir('assess-e2e-');
		expect(runCli(['init', join(dir, 'w.json'), '--system', '2020-province', '--assessor', '张三', '--regions', '110000,310000']).code).toBe(0);
		newSession('-x', '120', '-y', '32', '-c', dir, `env LANG=C.UTF-8 NO_COLOR=1 ${process.execPath} ${bin} open w.json --lang en`);
		// The program takes the terminal (raw mode: no canonical input, no echo) before it draws
		// anything: a key typed from then on is the TUI's, not the terminal's to echo.
		const tty = tmux('display-message', '-p', '-t', session, '#{pane_tty}').stdout.trim();
		const until = Date.now() + 15_000;
		let shownWhenRaw: string | undefined;
		while (shownWhenRaw === undefined && Date.now() < until) {
			if (/-icanon/.test(spawnSync('stty', ['-a', '-F', tty], {encoding: 'utf8'}).stdout)) shownWhenRaw = screen();
			else await new Promise(r => setTimeout(r, 2));
		}
		expect(shownWhenRaw).toBeDefined();
		expect(shownWhenRaw).not.toContain('assess ·');
		tmux('send-keys', '-t', session, 'Enter');
		const opened = await waitForScreen(t => t.includes('北京市 110000 · Total —'), 'the region opened by the early Enter');
		expect(opened.split('\n')[0]).toBe('assess · 2020-province · 北京市 110000 · Total —');
		await keys('q');
		const gone = Date.now() + 10_000;
		while (alive() && Date.now() < gone) await new Promise(r => setTimeout(r, 50));
	});

	it('re-scores live when the weights file changes, and keeps the last good weights on a broken edit', async () => {
		const dir = tempDir('assess-e2e-');
		const ws = join(dir, 'w.json');
		const weightsFile = join(dir, 'team.weights.json');
		const weights = JSON.parse(readFileSync(join(repoRoot, 'indicators', '2020-province.weights.json'), 'utf8'));
		writeFileSync(weightsFile, JSON.stringify(weights, null, 2));
		expect(runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', '110000']).code).toBe(0);
		runCli(['record', ws, '110000', '1.1.1', 'y']);
		runCli(['record', ws, '110000', '2.1.3', 'n']);
		newSession('-x', '120', '-y', '32', '-c', dir, `env LANG=C.UTF-8 NO_COLOR=1 ${process.execPath} ${bin} open w.json --weights team.weights.json --lang en`);
		const first = await waitForScreen(t => t.includes('北京市'), 'the regions screen');
		expect(first).toMatch(/50\.00/);

		writeFileSync(weightsFile, '{"kind": "assess/weights", "formatVersion": 1, "system": "2020-province", "weights": {');
		const broken = await waitForScreen(t => t.includes('keeping the last good weights'), 'the weights error');
		expect(broken).toMatch(/50\.00/);

		weights.weights['1'] = 0.8;
		weights.weights['2'] = 0.05;
		weights.weights['3'] = 0.05;
		weights.weights['4'] = 0.05;
		weights.weights['5'] = 0.05;
		writeFileSync(weightsFile, JSON.stringify(weights, null, 2));
		const fixed = await waitForScreen(t => t.includes('weights file changed'), 'the re-score');
		expect(fixed).toMatch(/94\.12/);
		await keys('q');
		const until = Date.now() + 10_000;
		while (alive() && Date.now() < until) await new Promise(r => setTimeout(r, 50));
	});
});

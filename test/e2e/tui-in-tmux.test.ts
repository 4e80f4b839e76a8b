import {describe, it, expect} from 'vitest';
import {spawnSync} from 'node:child_process';
import {existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runCli, tempDir, bin, repoRoot} from '../helpers/run-cli.js';
import {waitFor} from '../helpers/wait-for.js';
import {hasTmux, tmuxSessions, quitAndWait} from '../helpers/tmux.js';

if (!hasTmux) console.warn('SKIPPED the tmux end-to-end test: tmux is not installed (apt-get install tmux).');

const start = tmuxSessions();
const open = (dir: string, args: string, size = {x: 120, y: 32}) => start(dir, `env LANG=C.UTF-8 NO_COLOR=1 ${process.execPath} ${bin} ${args}`, size);

describe.skipIf(!hasTmux)('the real TUI in tmux', () => {
	it('walks to an unscored leaf, records a value with a note and a URL, and quits with it all on disk', async () => {
		const dir = tempDir('assess-e2e-');
		const ws = join(dir, 'zhang.json');
		expect(runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', '110000,310000']).code).toBe(0);
		const tui = open(dir, 'open zhang.json --lang en');
		await tui.waitFor(t => t.includes('assess  2020-province  Regions') && t.includes('北京市'), 'the regions screen');

		await tui.keys('Enter');
		await tui.waitFor(t => t.includes('北京市 110000  Total -'), 'the region tree');
		await tui.keys('n');
		await tui.waitFor(t => t.includes('1.1.1 Linked to the national platform') && t.includes('[ ] not yet'), 'the first unscored leaf');

		await tui.keys('y');
		await tui.waitFor(t => t.includes('Total 100.00'), 'the total to move from - to 100.00');
		await tui.keys('e');
		await tui.waitFor(t => t.includes('Ctrl+S saves, Enter is a new line'), 'the note editor');
		await tui.type('门户首页可跳转国家平台');
		await tui.keys('C-s');
		await tui.waitFor(t => t.includes('Note: 门户首页可跳转国家平台'), 'the note');
		await tui.keys('a');
		await tui.waitFor(t => t.includes('Evidence: a URL'), 'the evidence field');
		await tui.type('https://banshi.beijing.gov.cn/');
		await tui.keys('Enter');
		await tui.waitFor(t => t.includes('url   https://banshi.beijing.gov.cn/') && /saved \d\d:\d\d:\d\d/.test(t), 'the evidence, saved');
		await tui.keys('n');
		await tui.waitFor(t => t.includes('1.1.2 City and county services'), 'the next unscored leaf');

		await quitAndWait(tui);
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

	it('says so when a save skips the backups because the folder is a symbolic link (issue 11), in the user’s language; colleagues’ files stay', async () => {
		const dir = tempDir('assess-e2e-');
		const ws = join(dir, 'zhang.json');
		expect(runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', '110000']).code).toBe(0);
		writeFileSync(join(dir, 'li.json'), '{"not": "ours"}');
		// A committed symlink `<ws>.backups -> .`: git stores it, every teammate gets it.
		symlinkSync('.', join(dir, 'zhang.json.backups'));
		const tui = open(dir, 'open zhang.json --lang zh', {x: 160, y: 32});
		await tui.waitFor(t => t.includes('北京市'), 'the regions screen');
		await tui.keys('n');
		await tui.waitFor(t => t.includes('1.1.1'), 'the first leaf to do');
		await tui.keys('y');
		await tui.waitFor(t => t.includes('zhang.json.backups 是符号链接'), 'the warning about the backups folder');
		await quitAndWait(tui);
		expect(readFileSync(join(dir, 'li.json'), 'utf8')).toBe('{"not": "ours"}');
		expect(lstatSync(join(dir, 'zhang.json.backups')).isSymbolicLink()).toBe(true);
		expect(JSON.parse(readFileSync(ws, 'utf8')).findings['110000/1.1.1']).toMatchObject({value: {type: 'yesno', met: true}});
	});

	it('keeps keys typed while it starts: no echo scrolls the screen, and Enter is Enter', async () => {
		const dir = tempDir('assess-e2e-');
		expect(runCli(['init', join(dir, 'w.json'), '--system', '2020-province', '--assessor', '张三', '--regions', '110000,310000']).code).toBe(0);
		const tui = open(dir, 'open w.json --lang en');
		// The program takes the terminal (raw mode: no canonical input, no echo) before it draws
		// anything: a key typed from then on is the TUI's, not the terminal's to echo.
		const until = Date.now() + 15_000;
		let shownWhenRaw: string | undefined;
		while (shownWhenRaw === undefined && Date.now() < until) {
			if (/-icanon/.test(spawnSync('stty', ['-a', '-F', tui.tty()], {encoding: 'utf8'}).stdout)) shownWhenRaw = tui.screen();
			else await new Promise(r => setTimeout(r, 2));
		}
		expect(shownWhenRaw).toBeDefined();
		expect(shownWhenRaw).not.toContain('assess  ');
		tui.send('Enter');
		const opened = await tui.waitFor(t => t.includes('北京市 110000  Total -'), 'the region opened by the early Enter');
		expect(opened.split('\n')[0]).toBe('assess  2020-province  北京市 110000  Total -');
		await quitAndWait(tui);
	});

	it('re-scores live when the weights file changes, and keeps the last good weights on a broken edit, saying so until it is fixed', async () => {
		const dir = tempDir('assess-e2e-');
		const ws = join(dir, 'w.json');
		const weightsFile = join(dir, 'team.weights.json');
		const weights = JSON.parse(readFileSync(join(repoRoot, 'indicators', '2020-province.weights.json'), 'utf8'));
		writeFileSync(weightsFile, JSON.stringify(weights, null, 2));
		expect(runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', '110000']).code).toBe(0);
		runCli(['record', ws, '110000', '1.1.1', 'y']);
		runCli(['record', ws, '110000', '2.1.3', 'n']);
		const tui = open(dir, 'open w.json --weights team.weights.json --lang en');
		const first = await tui.waitFor(t => t.includes('北京市'), 'the regions screen');
		expect(first).toMatch(/50\.00/);

		writeFileSync(weightsFile, '{"kind": "assess/weights", "formatVersion": 1, "system": "2020-province", "weights": {');
		const broken = await tui.waitFor(t => t.includes('using the last good weights (error:'), 'the weights error');
		expect(broken).toMatch(/50\.00/);
		await tui.keys('j', 'k', 's', 'Escape');
		expect(tui.screen()).toContain('using the last good weights (error:');

		weights.weights['1'] = 0.8;
		for (const p of ['2', '3', '4', '5']) weights.weights[p] = 0.05;
		writeFileSync(weightsFile, JSON.stringify(weights, null, 2));
		const fixed = await tui.waitFor(t => t.includes('weights file changed') && !t.includes('using the last good weights'), 'the re-score');
		expect(fixed).toMatch(/94\.12/);
		await quitAndWait(tui);
	});
});

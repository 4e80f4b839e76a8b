import {describe, it, expect} from 'vitest';
import {copyFileSync, existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {createHash} from 'node:crypto';
import {runCli, tempDir, bin, repoRoot} from '../helpers/run-cli.js';
import {hasTmux, tmuxSessions, quitAndWait} from '../helpers/tmux.js';
import {hostile, hostileSystem} from '../helpers/hostile-corpus.js';
import {openpyxl, readWithOpenpyxl, sheetOf} from '../helpers/read-xlsx.js';

if (!hasTmux) console.warn('SKIPPED the tmux end-to-end tests of the output boundary: tmux is not installed (apt-get install tmux).');

const start = tmuxSessions();
const env = `env LANG=C.UTF-8 NO_COLOR=1 ASSESS_LOCK_WAIT_MS=0`;
const open = (dir: string, args: string, size = {x: 140, y: 40}) => start(dir, `${env} ${process.execPath} ${bin} ${args}`, size);
/** The real program under `script`: every byte it writes to the terminal is kept in `log`. */
const recorded = (dir: string, args: string, log: string, size = {x: 140, y: 40}) => start(dir, `${env} script -q -f -e -c '${process.execPath} ${bin} ${args}' ${log}`, size);

/**
 * Every escape sequence the TUI may write, listed on purpose (NO_COLOR is set, so no colour).
 * Ours: the alternate screen and bracketed paste (run-tui.tsx), and the attributes that show
 * focus without colour (bold, inverse, underline, see theme.ts). Ink's: synchronized output,
 * cursor hide/show, erase line, cursor up, column 1, and the moves that place the cursor in a
 * text field for the IME (useCursor).
 */
const ALLOWED = [
	/^\u001b\[\?1049[hl]$/,
	/^\u001b\[\?2004[hl]$/,
	/^\u001b\[(1|22|7|27|4|24)m$/,
	/^\u001b\[\?2026[hl]$/,
	/^\u001b\[\?25[hl]$/,
	/^\u001b\[2K$/,
	/^\u001b\[\d*A$/,
	/^\u001b\[\d*[BCD]$/,
	/^\u001b\[G$/,
	/^\u001b\[\d*G$/,
];

/** Every ESC sequence in raw terminal output, and every control or bidi character outside one. */
function unsafeIn(raw: string): string[] {
	const found = new Set<string>();
	// eslint-disable-next-line no-control-regex
	const sequence = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|P[^\u001b]*(?:\u001b\\)?|_[^\u001b]*(?:\u001b\\)?|.)/g;
	for (const m of raw.matchAll(sequence)) if (!ALLOWED.some(a => a.test(m[0]))) found.add(JSON.stringify(m[0]));
	const rest = raw.replace(sequence, '');
	// eslint-disable-next-line no-control-regex
	for (const c of rest.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/g) ?? []) found.add(`U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return [...found];
}

describe.skipIf(!hasTmux)('the output boundary of the real TUI (issue 13)', () => {
	it('the allow-list is strict: a hostile OSC, CSI, C1, DCS, APC, BEL or bidi override would be found', () => {
		const caught = unsafeIn(`ok\u001b[1mbold\u001b[22m${hostile('x')}`);
		for (const bad of ['"\\u001b]52;c;cm0gLXJmIH4=\\u0007"', '"\\u001b]0;pwned\\u0007"', '"\\u001b[31m"', '"\\u001b[2J"', 'U+009b', '"\\u001bPdcs\\u001b\\\\"', '"\\u001b_apc\\u001b\\\\"', 'U+0007', 'U+202e']) expect(caught).toContain(bad);
		expect(unsafeIn('\u001b[?1049h\u001b[2K\u001b[1A\u001b[G\u001b[7m表\u001b[27m\n')).toEqual([]);
	});

	it('a hostile system, assessors, notes, reasons, evidence and lock holder reach no screen raw: regions, tree, item panel, pickers, search, scoreboard, conflicts, help, prompts, read-only', async () => {
		const dir = tempDir('assess-e2e-hostile-');
		const system = hostileSystem(dir);
		const shot = join(dir, 'shot\u001b]0;pwned\u0007.png');
		writeFileSync(shot, 'not really a png');
		const cli = (args: string[]) => {
			const r = runCli(args, {cwd: dir, env: {ASSESS_LOCK_WAIT_MS: '0'}});
			return {code: r.code === 0 ? 0 : `${r.code}: ${args.join(' ')}: ${r.stderr}`};
		};
		expect(cli(['init', 'zhang.json', '--system', system, '--assessor', hostile('张三'), '--regions', '110000,310000']).code).toBe(0);
		expect(cli(['init', 'li.json', '--system', system, '--assessor', hostile('李四'), '--regions', '110000,310000']).code).toBe(0);
		expect(cli(['record', 'zhang.json', '110000', '1.1.1', 'y', '--note', hostile('note'), '--evidence', `quote:${hostile('quote')}`, '--evidence', shot]).code).toBe(0);
		expect(cli(['record', 'li.json', '110000', '1.1.1', 'n', '--note', hostile('李的备注')]).code).toBe(0);
		expect(cli(['record', 'zhang.json', '310000', '1.1.1', 'y', '--status', 'flagged', '--reason', hostile('reason')]).code).toBe(0);
		expect(cli(['record', 'zhang.json', '310000', '1.1.2', 'full', '--note', hostile('level note')]).code).toBe(0);
		// Exit 3: merged, with a conflict kept in the file.
		expect(runCli(['merge', 'zhang.json', 'li.json', '-o', 'team.json'], {cwd: dir}).code).toBe(3);

		const log = join(dir, 'raw.log');
		const tui = recorded(dir, 'open team.json --lang en', log);
		await tui.waitFor(t => t.includes('Regions') && t.includes('北京市'), 'the regions screen');
		const steps: [string[], (t: string) => boolean, string][] = [
			[['Enter'], t => t.includes('>> Indicators'), 'the tree'],
			[['Tab'], t => t.includes('>> Item'), 'the item panel of a branch'],
			[['Tab', 'n'], t => t.includes('[?] conflict'), 'the leaf in conflict'],
			[['Tab'], t => t.includes('Candidate') || t.includes('conflict:'), 'its candidates'],
			[['Escape', ']'], t => t.includes('上海市 310000'), 'the flagged leaf in Shanghai'],
			[['Tab'], t => t.includes('flagged'), 'its reason'],
			[['Escape', 'j'], t => t.includes('1.1.2'), 'the graded leaf'],
			[['v'], t => t.includes('Pick a level'), 'the level picker'],
			[['Escape', 'e'], t => t.includes('Ctrl+S saves'), 'the note prompt'],
			[['Escape', '/'], t => t.includes('type Chinese, pinyin or initials'), 'search'],
			[['1', '.'], t => /indic\.\s+1\./.test(t), 'search results'],
			[['Escape', 's'], t => t.includes('sorted by'), 'the scoreboard'],
			[['c'], t => t.includes('Conflicts to settle (1)'), 'the conflicts'],
			[['1'], t => t.includes('Why it is settled this way'), 'the settle reason prompt'],
			[['Escape', '?'], t => t.includes('help: every key'), 'the help'],
			[['Escape', 'x'], t => t.includes('this will be a DRAFT'), 'the export prompt with its blockers'],
			[['Escape', 'r'], t => t.includes('Cover'), 'the regions again'],
		];
		for (const [keys, test, what] of steps) {
			await tui.keys(...keys);
			await tui.waitFor(test, what);
		}
		await quitAndWait(tui);

		// The same file held by someone whose lock names a hostile user and host: read-only, named.
		writeFileSync(join(dir, 'team.json.lock'), JSON.stringify({user: hostile('王五'), host: hostile('host'), pid: process.pid, since: new Date().toISOString(), program: hostile('prog')}));
		const log2 = join(dir, 'raw-read-only.log');
		const ro = recorded(dir, 'open team.json --lang en', log2);
		await ro.waitFor(t => t.includes('READ-ONLY: being edited by') && t.includes('王五\\u001b]52'), 'the read-only banner');
		await quitAndWait(ro);

		for (const file of [log, log2]) {
			const raw = readFileSync(file, 'utf8');
			expect(unsafeIn(raw), file).toEqual([]);
			// What was hostile is shown, as visible codes: the screens did show it.
			expect(raw).toContain('\\u001b]52;c;');
			expect(raw).toContain('\\u202etxt.exe');
		}
		const raw = readFileSync(log, 'utf8');
		for (const shown of ['张三\\u001b]52', '李四\\u001b]52', 'note\\u001b]52', 'reason\\u001b]52', 'shot\\u001b]0;pwned\\u0007.png', 'quote\\u001b]52', '服务方式完备度\\u001b]52']) expect(raw, shown).toContain(shown);
		expect(readFileSync(log2, 'utf8')).toContain('王五\\u001b]52');
	});
});

describe.skipIf(!hasTmux)('the real TUI and a file that changed on disk (issue 11)', () => {
	it('a new version moved over the file (as git pull does) is merged with what the TUI records, and the screen says so', async () => {
		const dir = tempDir('assess-e2e-');
		const ws = join(dir, 'team.json');
		expect(runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', '110000,310000']).code).toBe(0);
		const tui = open(dir, 'open team.json --lang en');
		await tui.waitFor(t => t.includes('Regions') && t.includes('北京市'), 'the regions screen');

		// Another program writes a new version beside it and renames it over the file.
		const incoming = join(dir, 'incoming.json');
		copyFileSync(ws, incoming);
		expect(runCli(['record', incoming, '310000', '1.1.1', 'n', '--note', '拉取的结论', '--by', '李四']).code).toBe(0);
		renameSync(incoming, ws);

		await tui.keys('Enter', 'n');
		await tui.waitFor(t => t.includes('[ ] not yet') && t.includes('1.1.1'), 'the first unscored leaf');
		await tui.keys('y');
		await tui.waitFor(t => t.includes('the file was changed by another program: 1 finding taken from it'), 'the merge, said');
		// The merged version is saved in turn.
		await tui.waitFor(t => /saved \d\d:\d\d:\d\d/.test(t), 'the merged version saved');
		await quitAndWait(tui);
		expect(existsSync(`${ws}.lock`)).toBe(false);
		const data = JSON.parse(readFileSync(ws, 'utf8'));
		expect(data.findings['110000/1.1.1']).toMatchObject({value: {type: 'yesno', met: true}, by: '张三'});
		expect(data.findings['310000/1.1.1']).toMatchObject({value: {type: 'yesno', met: false}, note: '拉取的结论', by: '李四'});
	});
});

describe.skipIf(!hasTmux || !openpyxl)('the real TUI exports what it shows (issue 12)', () => {
	it('after a weights-file edit, x exports a draft scored with the new weights, and 说明 names their digest', async () => {
		const dir = tempDir('assess-e2e-');
		const weightsFile = join(dir, 'team.weights.json');
		const weights = JSON.parse(readFileSync(join(repoRoot, 'indicators', '2020-province.weights.json'), 'utf8'));
		writeFileSync(weightsFile, JSON.stringify(weights, null, 2));
		expect(runCli(['init', join(dir, 'w.json'), '--system', '2020-province', '--assessor', '张三', '--regions', '110000']).code).toBe(0);
		runCli(['record', join(dir, 'w.json'), '110000', '1.1.1', 'y']);
		runCli(['record', join(dir, 'w.json'), '110000', '2.1.3', 'n']);
		const tui = open(dir, 'open w.json --weights team.weights.json --lang en');
		await tui.waitFor(t => t.includes('北京市') && /50\.00/.test(t), 'the regions screen');
		weights.weights['1'] = 0.8;
		for (const p of ['2', '3', '4', '5']) weights.weights[p] = 0.05;
		writeFileSync(weightsFile, JSON.stringify(weights, null, 2));
		await tui.waitFor(t => t.includes('weights file changed') && /94\.12/.test(t), 'the re-score');
		await tui.keys('x');
		await tui.waitFor(t => t.includes('this will be a DRAFT (the workbook says so): 62 unscored, 2 draft'), 'the export prompt');
		await tui.keys('Enter');
		await tui.waitFor(t => t.includes('exported') && t.includes('(a draft, and the workbook says so)'), 'the export');
		await quitAndWait(tui);
		const sheets = readWithOpenpyxl(join(dir, 'exports', 'w.xlsx'));
		const about = sheetOf(sheets, '说明').rows;
		const digest = about.find(r => r[0] === '权重文件摘要（SHA-256）')?.[1];
		expect(digest).toBe(createHash('sha256').update(readFileSync(weightsFile)).digest('hex'));
		const ranking = sheetOf(sheets, '排名').rows;
		expect(ranking.some(r => r.some(c => c === 94.12))).toBe(true);
	});
});


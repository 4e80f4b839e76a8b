import {describe, it, expect, afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import XLSX from 'xlsx';
import {renderTui, KEYS, leafOf, testWorkspace, pasted} from '../helpers/render-tui.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';
import {runCli} from '../helpers/run-cli.js';
import {serializeWorkspace} from '../../source/storage/workspace-text.js';
import {readWorkspace} from '../../source/storage/workspace-store.js';

afterEach(() => cleanup());

const ESCAPES = '清屏\u001B[2J\u001B]0;pwned\u0007标题\u009B31m';

describe('hostile content is shown inert', () => {
	it('notes and reasons with escape and control characters never reach the terminal as codes', async () => {
		const leaf = leafOf('yesno').code;
		const ws = applyChange(testWorkspace(), ['110000'], leaf, {value: {type: 'yesno', met: true}, note: ESCAPES, status: 'flagged', reason: `原因\u001B[31m红`}, '张三', '2026-11-23T09:00:00.000Z');
		const tui = await renderTui({workspace: ws});
		await tui.press(KEYS.enter, '/');
		await tui.waitFor(t => t.includes('Search'));
		await tui.press(leaf);
		await tui.waitFor(t => t.includes(`indic. ${leaf}`));
		await tui.press(KEYS.enter);
		const raw = await tui.waitFor(() => (tui.lastFrame() ?? '').includes('清屏'), 'the note');
		expect(raw).toContain('清屏\\u001b[2J\\u001b]0;pwned\\u0007标题\\u009b31m');
		const frame = tui.lastFrame()!;
		expect(frame).not.toContain('\u001B[2J');
		expect(frame).not.toContain('\u001B]0;');
		expect(frame).not.toContain('\u0007');
		expect(frame).toContain('原因\\u001b[31m红');
	});

	it('typed or pasted control characters are not stored in a note', async () => {
		const tui = await renderTui();
		await tui.press(KEYS.enter, '/');
		await tui.waitFor(t => t.includes('Search'));
		await tui.press(leafOf('yesno').code);
		await tui.waitFor(t => t.includes('indic.'));
		await tui.press(KEYS.enter, 'e');
		await tui.waitFor(t => t.includes('Ctrl+S saves'));
		// Typed, an escape sequence is a key (one no field takes); pasted, it is text without its ESC.
		await tui.press('a\u0007b\u001B[2Jc', pasted('|x\u001B[2Jy\u0007'), KEYS.ctrlS);
		await tui.waitFor(() => tui.saves.length > 0, 'the note to be saved');
		expect(Object.values(tui.saves.at(-1)!.findings)[0]!.note).toBe('abc|x[2Jy');
	});
});

describe('a 10 MB note', () => {
	it('is stored, scored, validated and exported, and the TUI shows the start of it', async () => {
		const {file, ws, dir} = completeWorkspace(['110000', '310000']);
		const huge = '长'.repeat(5 * 1024 * 1024) + '结尾';
		const key = Object.keys(ws.findings)[0]!;
		const big = {...ws, findings: {...ws.findings, [key]: {...ws.findings[key]!, note: huge}}};
		writeFileSync(file, serializeWorkspace(big));
		expect(runCli(['validate', file]).code).toBe(0);
		expect(runCli(['score', file, '--json']).code).toBe(0);
		const out = join(dir, 'big.xlsx');
		expect(runCli(['export', file, '-o', out]).code).toBe(0);
		const cells = XLSX.readFile(out).Sheets['评估记录']!;
		// Excel holds at most 32,767 characters in a cell; the export says the rest was cut.
		const longest = Object.values(cells).filter(c => typeof c === 'object' && c && 'v' in c).map(c => String((c as XLSX.CellObject).v)).sort((a, b) => b.length - a.length)[0]!;
		expect(longest.length).toBeLessThanOrEqual(32_767);
		expect(longest).toContain('截断');
		const {data} = await readWorkspace(file);
		const tui = await renderTui({workspace: data});
		await tui.press(KEYS.enter, 'n');
		await tui.press(KEYS.up);
		expect(tui.frame().length).toBeLessThan(50_000);
	});
});

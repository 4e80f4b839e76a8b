import {describe, it, expect, afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {renderTui, leafOf, openLeaf, fakePort, testWorkspace, index} from '../helpers/render-tui.js';
import {englishWords, HAN} from '../helpers/language.js';
import {UserError} from '../../source/storage/user-error.js';
import {fsProblem} from '../../source/storage/fs-errors.js';
import {readWorkspace} from '../../source/storage/workspace-store.js';
import {problemText} from '../../source/ui/problem-text.js';
import {findingProblem} from '../../source/ui/session/session-state.js';
import {recordFinding} from '../../source/domain/workspace/record-finding.js';

afterEach(() => cleanup());

/**
 * Issue 13, "Neither language leaks into the other", in the TUI: what the storage layer and the
 * domain say (a save the disk refused, a value out of range, a finding the file would refuse)
 * reached the Chinese screen in English, because the TUI showed their English words.
 */
describe('the TUI says the problems of the files and the domain in the user’s language (issue 13)', () => {
	it('a value out of range, in Chinese', async () => {
		const tui = await renderTui({lang: 'zh'});
		await openLeaf(tui, leafOf('direct').code);
		await tui.act(['number', '1']);
		await tui.press('50');
		await tui.act('fieldSubmit');
		const text = await tui.waitFor(t => t.includes('150 不在 0–100 之间') || t.includes('150 is outside'));
		expect(text).toContain('150 不在 0–100 之间');
	});

	it('a save the disk refused, in Chinese: the file, then the problem in its words', async () => {
		const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
		const port = fakePort({saveError: () => UserError.of('ws.json', fsProblem(full))});
		const tui = await renderTui({lang: 'zh', port});
		await openLeaf(tui, leafOf('yesno').code);
		await tui.act('yes');
		const text = await tui.waitFor(t => t.includes('ws.json: '));
		expect(text).toContain('ws.json: 磁盘已满');
		expect(text).not.toContain('the disk is full');
	});

	it('what a save did but did not stop for (a backups folder skipped, a log not appended) is shown, not dropped', async () => {
		const port = fakePort({saveResult: (_ws, n) => (n === 1 ? {warnings: ['ws.json.backups 是符号链接：备份已跳过']} : {})});
		const tui = await renderTui({lang: 'zh', port});
		await openLeaf(tui, leafOf('yesno').code);
		await tui.act('yes');
		await tui.waitFor(t => t.includes('ws.json.backups 是符号链接：备份已跳过'));
	});

	it('problemText: a storage error in either language, never the other', async () => {
		let error: unknown;
		try {
			await readWorkspace('/nonexistent-folder/ws.json');
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(UserError);
		const zh = problemText('zh', error);
		expect(zh).toMatch(HAN);
		expect(englishWords(zh)).toEqual([]);
		expect(problemText('en', error)).not.toMatch(HAN);
		const denied = Object.assign(new Error("EACCES: permission denied, open '/x/ws.json'"), {code: 'EACCES', path: '/x/ws.json'});
		expect(problemText('zh', denied)).toBe('/x/ws.json: 没有权限 (EACCES)');
		expect(problemText('en', denied)).toBe('/x/ws.json: permission denied (EACCES)');
	});

	it('findingProblem: a finding the file would refuse, in Chinese', () => {
		const ws = testWorkspace(['110000']);
		const f = recordFinding(undefined, '310000', leafOf('yesno').code, {value: {type: 'yesno', met: true}}, '张三', '2026-11-29T00:00:00Z');
		const zh = findingProblem(index, ws, f, 'zh')!;
		expect(zh).toContain('310000');
		expect(zh).toMatch(HAN);
		expect(englishWords(zh)).toEqual([]);
	});
});

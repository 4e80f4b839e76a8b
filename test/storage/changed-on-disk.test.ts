import {describe, it, expect} from 'vitest';
import {mkdtempSync, readFileSync, writeFileSync, renameSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {OpenWorkspace, createWorkspaceFile} from '../../source/storage/workspace-store.js';
import {loadSystem} from '../../source/storage/load-files.js';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {serializeWorkspace} from '../../source/storage/workspace-text.js';
import type {Workspace} from '../../source/domain/workspace/workspace-schema.js';

/**
 * Issue 11: a session that had the workspace open wrote over what another program (git pull,
 * a merge driver, an editor, mv) put in the file meanwhile. Saves now merge that version in.
 */
const {index, digest} = loadSystem('2020-province');

async function openFresh(): Promise<{file: string; ws: OpenWorkspace; base: Workspace}> {
	const dir = mkdtempSync(join(tmpdir(), 'assess-disk-'));
	const file = join(dir, 'ws.json');
	const base = createWorkspace({id: 'w', index, systemDigest: digest, assessor: '张三', createdAt: '2026-11-01T00:00:00.000Z', regions: ['110000', '310000']});
	await createWorkspaceFile(file, base);
	return {file, ws: await OpenWorkspace.open(file, {write: true}), base};
}

/** What another program writes: the file as it was, with a change of its own. */
function otherProgramWrites(file: string, change: (ws: Workspace) => Workspace, how: 'mv' | 'in place'): void {
	const now = JSON.parse(readFileSync(file, 'utf8')) as Workspace;
	const text = serializeWorkspace(change(now));
	if (how === 'mv') {
		writeFileSync(`${file}.new`, text);
		renameSync(`${file}.new`, file);
	} else writeFileSync(file, text);
}

describe('a save after another program changed the file', () => {
	it('keeps the other program’s findings (a new version moved over the file) and says so', async () => {
		const {file, ws} = await openFresh();
		try {
			otherProgramWrites(file, w => applyChange(w, ['310000'], '1.1.1', {value: {type: 'yesno', met: true}, note: 'git pull'}, '李四', '2026-11-02T00:00:00.000Z'), 'mv');
			const report = await ws.save(applyChange(ws.data, ['110000'], '1.1.1', {value: {type: 'yesno', met: false}}, '张三', '2026-11-02T00:01:00.000Z'));
			expect(report.merged).toMatchObject({fromDisk: 1, conflicts: 0});
			const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Workspace;
			expect(onDisk.findings['310000/1.1.1']?.note).toBe('git pull');
			expect(onDisk.findings['110000/1.1.1']?.value).toEqual({type: 'yesno', met: false});
			// The next save, with nothing new on disk, merges nothing.
			expect(await ws.save(applyChange(ws.data, ['110000'], '1.1.2', {value: {type: 'levels', level: 'all'}}, '张三', '2026-11-02T00:02:00.000Z'))).toEqual({});
		} finally {
			await ws.close();
		}
	});

	it('turns a disagreement on the same leaf (an edit in place) into a conflict, as data', async () => {
		const {file, ws} = await openFresh();
		try {
			otherProgramWrites(file, w => applyChange(w, ['110000'], '1.1.1', {value: {type: 'yesno', met: true}}, '李四', '2026-11-02T00:00:00.000Z'), 'in place');
			const report = await ws.save(applyChange(ws.data, ['110000'], '1.1.1', {value: {type: 'yesno', met: false}}, '张三', '2026-11-02T00:01:00.000Z'));
			expect(report.merged?.conflicts).toBe(1);
			const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Workspace;
			expect(onDisk.conflicts['110000/1.1.1']?.candidates.map(c => c.by).sort()).toEqual(['张三', '李四']);
		} finally {
			await ws.close();
		}
	});

	it('refuses to save over a file another program broke, until it is a workspace again', async () => {
		const {file, ws, base} = await openFresh();
		try {
			writeFileSync(file, '{"half": ');
			const change = applyChange(ws.data, ['110000'], '1.1.1', {value: {type: 'yesno', met: true}}, '张三', '2026-11-02T00:01:00.000Z');
			await expect(ws.save(change)).rejects.toThrow(/changed by another program and is not a valid workspace now; nothing was saved/);
			expect(readFileSync(file, 'utf8')).toBe('{"half": ');
			// Restored (a valid workspace again): the session's change goes in at the next save.
			writeFileSync(file, serializeWorkspace(base));
			const report = await ws.save(change);
			expect(report.merged?.conflicts).toBe(0);
			expect((JSON.parse(readFileSync(file, 'utf8')) as Workspace).findings['110000/1.1.1']?.value).toEqual({type: 'yesno', met: true});
		} finally {
			await ws.close();
		}
	});
});

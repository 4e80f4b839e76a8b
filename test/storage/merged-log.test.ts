import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {mkdtempSync, readFileSync, readdirSync, writeFileSync, appendFileSync, closeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadSystem} from '../../source/storage/load-files.js';
import {createWorkspace, applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {workspaceChanges} from '../../source/domain/audit/workspace-changes.js';
import {changeLine} from '../../source/domain/audit/change-entry.js';
import {appendChanges, uniteLogs} from '../../source/storage/change-log.js';
import {startMergedLog, mergedLogPlan, hasSortedId, uniteIntoScratch} from '../../source/storage/merged-log.js';

const {index, digest} = loadSystem('2020-province');
const t = (n: number) => new Date(Date.UTC(2026, 10, 2, 0, n)).toISOString();
const yes = {type: 'yesno', met: true} as const;

/** Two assessors' logs that share the team's first lines, and a merge event of the merge's own. */
async function logs() {
	const dir = mkdtempSync(join(tmpdir(), 'assess-merged-log-'));
	const base = applyChange(createWorkspace({id: 'w', index, systemDigest: digest, assessor: '张三', createdAt: t(0), regions: ['110000', '310000']}), ['110000'], '1.1.1', {value: yes}, '张三', t(1));
	const shared = workspaceChanges(undefined, base, '张三', t(1));
	const a = applyChange(base, ['310000'], '1.1.1', {value: yes}, '李四', t(2));
	const b = applyChange(base, ['110000'], '1.1.2', {value: {type: 'levels', level: 'all'}}, '王五', t(3));
	const files = ['a', 'b'].map(n => join(dir, `${n}.json.changes.jsonl`));
	await appendChanges(files[0]!, [...shared, ...workspaceChanges(base, a, '李四', t(2))]);
	await appendChanges(files[1]!, [...shared, ...workspaceChanges(base, b, '王五', t(3))]);
	const event = workspaceChanges(b, applyChange(b, ['310000'], '1.1.2', {value: {type: 'levels', level: 'all'}}, '合并', t(4)), '合并', t(4))[0]!;
	return {dir, files, events: [shared[0]!, event].map(e => ({id: e.id, line: changeLine(e)}))};
}

const leftovers = (dir: string) => readdirSync(dir).filter(n => n.includes('-union-'));

describe('the merged log, written from a scratch file', () => {
	it('a new output\'s log: the union and the merge\'s events it lacks, byte for byte as the inputs wrote them', async () => {
		const {dir, files, events} = await logs();
		const out = join(dir, 'team.json.changes.jsonl');
		const log = startMergedLog(mergedLogPlan(files, out, false, undefined));
		expect(await log.united()).toEqual({warnings: [], problems: []});
		await log.write(events);
		await log.close();
		const union = uniteLogs(files);
		// The shared event is in already; the other is added once, after the union.
		expect(readFileSync(out, 'utf8')).toBe(Buffer.concat(union.chunks).toString('utf8') + events[1]!.line + '\n');
		expect(leftovers(dir)).toEqual([]);
	});

	it('merging into an input: what its log lacks is appended (a line cut off in it is ended first)', async () => {
		const {dir, files, events} = await logs();
		appendFileSync(files[0]!, '{"id":"cut');
		const before = readFileSync(files[0]!, 'utf8');
		const union = uniteLogs(files);
		const added = Buffer.concat(union.chunks.slice(union.first)).toString('utf8');
		expect(added).toContain('王五');
		const log = startMergedLog(mergedLogPlan(files, files[0]!, true, undefined));
		expect((await log.united()).problems).toEqual([{file: files[0], line: before.trimEnd().split('\n').length, problem: 'not a JSON line (cut off: a save that was interrupted?)'}]);
		await log.write(events);
		await log.close();
		expect(readFileSync(files[0]!, 'utf8')).toBe(before + '\n' + added + events[1]!.line + '\n');
		expect(leftovers(dir)).toEqual([]);
	});

	it('a merge that stops before writing leaves no log and no scratch file', async () => {
		const {dir, files} = await logs();
		const out = join(dir, 'team.json.changes.jsonl');
		const log = startMergedLog(mergedLogPlan(files, out, false, undefined));
		await log.united();
		expect(leftovers(dir)).toHaveLength(1);
		await log.close();
		expect(readdirSync(dir).sort()).toEqual(['a.json.changes.jsonl', 'b.json.changes.jsonl']);
	});

	it('where no scratch file can be made, holds the union instead, and writes the same log', async () => {
		const {dir, files, events} = await logs();
		const out = join(dir, 'team.json.changes.jsonl');
		const made = mergedLogPlan(files, out, false, undefined);
		expect(made.fd).toBeDefined();
		// As if the name had been taken by another program when the merge tried to make it.
		closeSync(made.fd!);
		writeFileSync(made.scratch, 'not ours');
		const plan = {...made, fd: undefined, made: false};
		expect(uniteIntoScratch(plan).inScratch).toBe(false);
		const log = startMergedLog(plan);
		await log.write(events);
		await log.close();
		// Never written over, nor removed.
		expect(readFileSync(plan.scratch, 'utf8')).toBe('not ours');
		expect(readFileSync(out, 'utf8')).toBe(Buffer.concat(uniteLogs(files).chunks).toString('utf8') + events[1]!.line + '\n');
	});

	it('finds an id among sorted ids exactly when it is there (property)', () => {
		const id = fc.stringMatching(/^[0-9a-f]{16}$/);
		fc.assert(
			fc.property(fc.uniqueArray(id, {maxLength: 60}), id, (ids, other) => {
				const sorted = [...ids].sort().join('');
				for (const x of ids) expect(hasSortedId(sorted, x)).toBe(true);
				expect(hasSortedId(sorted, other)).toBe(ids.includes(other));
				expect(hasSortedId(sorted, other.slice(1))).toBe(false);
			}),
		);
	});
});

import {describe, it, expect} from 'vitest';
import {recordFinding, evidenceKey, mergeEvidence, HISTORY_LIMIT} from '../../source/domain/workspace/record-finding.js';
import {migrateWorkspace} from '../../source/domain/workspace/migrate.js';
import type {Evidence} from '../../source/domain/workspace/workspace-schema.js';

const t = (n: number) => `2026-11-23T09:${String(n).padStart(2, '0')}:00.000Z`;
const url: Evidence = {kind: 'url', url: 'https://zwfw.example.gov.cn/a', seenAt: t(0), by: '张三'};

describe('recordFinding', () => {
	it('creates a first version with who and when, and no history', () => {
		const f = recordFinding(undefined, '110000', '1.1.1', {value: {type: 'yesno', met: true}, note: '已核实', addEvidence: [url]}, '张三', t(1));
		expect(f).toMatchObject({region: '110000', indicator: '1.1.1', status: 'draft', note: '已核实', by: '张三', at: t(1), history: []});
		expect(f.rev).toMatch(/^[0-9a-f]{16}$/);
		expect(f.evidence).toEqual([url]);
	});

	it('keeps the previous version in the history, newest first', () => {
		const a = recordFinding(undefined, '110000', '1.1.1', {value: {type: 'yesno', met: true}}, '张三', t(1));
		const b = recordFinding(a, '110000', '1.1.1', {value: {type: 'yesno', met: false}}, '李四', t(2));
		expect(b.history.map(h => h.rev)).toEqual([a.rev]);
		expect(b.history[0]).toMatchObject({value: {type: 'yesno', met: true}, by: '张三', at: t(1)});
		expect(b.rev).not.toBe(a.rev);
		expect(b.by).toBe('李四');
	});

	it('changes nothing when nothing changes', () => {
		const a = recordFinding(undefined, '110000', '1.1.1', {value: {type: 'yesno', met: true}}, '张三', t(1));
		expect(recordFinding(a, '110000', '1.1.1', {value: {type: 'yesno', met: true}}, '张三', t(5))).toBe(a);
	});

	it('keeps only a short history', () => {
		let f = recordFinding(undefined, '110000', '2.1.3', {value: {type: 'direct', score: 0}}, '张三', t(0));
		for (let i = 1; i <= HISTORY_LIMIT + 5; i++) f = recordFinding(f, '110000', '2.1.3', {value: {type: 'direct', score: i}}, '张三', t(i));
		expect(f.history).toHaveLength(HISTORY_LIMIT);
		expect(f.history[0]!.value).toEqual({type: 'direct', score: HISTORY_LIMIT + 4});
	});

	it('adds evidence once, and removes it by key', () => {
		const a = recordFinding(undefined, '110000', '1.1.1', {addEvidence: [url, url]}, '张三', t(1));
		expect(a.evidence).toHaveLength(1);
		const b = recordFinding(a, '110000', '1.1.1', {removeEvidence: [evidenceKey(url)]}, '张三', t(2));
		expect(b.evidence).toEqual([]);
	});

	it('keeps a status reason only while the status stays', () => {
		const a = recordFinding(undefined, '110000', '1.1.1', {status: 'flagged', reason: '页面无法访问'}, '张三', t(1));
		expect(a.reason).toBe('页面无法访问');
		const b = recordFinding(a, '110000', '1.1.1', {note: '补充'}, '张三', t(2));
		expect(b.reason).toBe('页面无法访问');
		const c = recordFinding(b, '110000', '1.1.1', {status: 'done'}, '张三', t(3));
		expect(c.reason).toBeUndefined();
	});

	it('merges evidence lists by identity', () => {
		const quote: Evidence = {kind: 'quote', text: '办理时限：5个工作日', seenAt: t(1), by: '李四'};
		expect(mergeEvidence([url], [{...url, by: '李四'}, quote])).toEqual([url, quote]);
	});
});

describe('migrateWorkspace', () => {
	it('passes the current format through', () => {
		expect(migrateWorkspace({formatVersion: 1, a: 1})).toEqual({ok: true, value: {formatVersion: 1, a: 1}});
	});

	it('refuses a format from a newer program, saying to upgrade', () => {
		const r = migrateWorkspace({formatVersion: 7});
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.issues[0]!.message).toContain('newer version of assess');
	});

	it('upgrades step by step through the migrations', () => {
		const steps = {1: (d: Record<string, unknown>) => ({...d, b: 2}), 2: (d: Record<string, unknown>) => ({...d, c: 3})};
		expect(migrateWorkspace({formatVersion: 1, a: 1}, steps, 3)).toEqual({ok: true, value: {formatVersion: 3, a: 1, b: 2, c: 3}});
		expect(migrateWorkspace({formatVersion: 1}, {}, 2).ok).toBe(false);
		expect(migrateWorkspace([], steps, 3).ok).toBe(false);
		expect(migrateWorkspace({formatVersion: 'x'}, steps, 3).ok).toBe(false);
	});
});

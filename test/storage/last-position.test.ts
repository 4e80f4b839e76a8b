import {describe, it, expect} from 'vitest';
import {mkdtempSync, writeFileSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {LastPositions} from '../../source/storage/last-position.js';

describe('where each assessor left off', () => {
	it('is remembered per workspace and per assessor, in the cache folder only', () => {
		const cache = mkdtempSync(join(tmpdir(), 'assess-pos-'));
		const work = mkdtempSync(join(tmpdir(), 'assess-ws-'));
		const ws = join(work, 'team.json');
		writeFileSync(ws, '{}');
		const positions = new LastPositions(cache);
		expect(positions.get(ws, '张三')).toBeUndefined();
		positions.set(ws, '张三', {region: '110000', node: '1.2.3'});
		positions.set(ws, '李四', {region: '310000', node: '2.1.1'});
		const again = new LastPositions(cache);
		expect(again.get(ws, '张三')).toEqual({region: '110000', node: '1.2.3'});
		expect(again.get(ws, '李四')).toEqual({region: '310000', node: '2.1.1'});
		expect(again.get(join(work, 'other.json'), '张三')).toBeUndefined();
		expect(readdirSync(work)).toEqual(['team.json']);
	});

	it('forgets quietly: a broken file, or no cache folder, means no position', () => {
		const cache = mkdtempSync(join(tmpdir(), 'assess-pos-'));
		writeFileSync(join(cache, 'positions.json'), '{not json');
		expect(new LastPositions(cache).get('/x.json', 'a')).toBeUndefined();
		const off = new LastPositions(undefined);
		off.set('/x.json', 'a', {region: '110000', node: '1'});
		expect(off.get('/x.json', 'a')).toBeUndefined();
	});
});

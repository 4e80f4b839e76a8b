import {describe, it, expect} from 'vitest';
import {readFileSync, existsSync} from 'node:fs';
import {spawn} from 'node:child_process';
import {bin} from '../helpers/run-cli.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';
import {readWorkspace} from '../../source/storage/workspace-store.js';

/** CI runs a reduced count; `npm run test:reliability` runs all 200. */
const RUNS = Number(process.env.ASSESS_CRASH_RUNS ?? 25);

function recordAndMaybeKill(ws: string, region: string, leaf: string, note: string, killAfterMs: number): Promise<{acknowledged: boolean}> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [bin, 'record', ws, region, leaf, '-', '--note', note], {stdio: ['ignore', 'ignore', 'pipe'], env: {...process.env, ASSESS_LOCK_WAIT_MS: '20000'}});
		const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
		child.on('exit', code => {
			clearTimeout(timer);
			resolve({acknowledged: code === 0});
		});
	});
}

describe('a crash in the middle of saving never damages the workspace', () => {
	it(`survives ${RUNS} SIGKILLs at random moments of real-size saves, keeping every acknowledged change`, async () => {
		const regions = ['110000', '120000', '130000', '140000', '150000', '210000', '220000', '230000', '310000', '320000', '330000', '340000', '350000', '360000', '370000', '410000'];
		const {file} = completeWorkspace(regions);
		const before = (await readWorkspace(file)).data;
		const leaves = Object.values(before.findings).map(f => [f.region, f.indicator] as const);
		const acknowledged = new Map<string, string>();
		let seed = 12345;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		let killed = 0;
		// How long one record takes here, so the kills spread over the whole of it (start, read, save).
		const started = performance.now();
		expect((await recordAndMaybeKill(file, '110000', leaves[0]![1], '计时', 60_000)).acknowledged).toBe(true);
		acknowledged.set(`110000/${leaves[0]![1]}`, '计时');
		const duration = performance.now() - started;
		for (let i = 0; i < RUNS; i++) {
			const [region, leaf] = leaves[Math.floor(random() * leaves.length)]!;
			const note = `第${i}次记录`;
			const {acknowledged: ok} = await recordAndMaybeKill(file, region, leaf, note, Math.floor(random() * duration * 1.3));
			if (ok) acknowledged.set(`${region}/${leaf}`, note);
			else killed++;
			const text = readFileSync(file, 'utf8');
			const after = (await readWorkspace(file)).data;
			expect(text.endsWith('}\n')).toBe(true);
			for (const [key, expected] of acknowledged) expect(after.findings[key]!.note, `run ${i}: ${key}`).toBe(expected);
		}
		// The kills must have hit: otherwise this proves nothing.
		expect(killed).toBeGreaterThan(RUNS / 5);
		expect(acknowledged.size).toBeGreaterThan(0);
		// A lock left by a killed process is taken over by the next writer.
		const final = await recordAndMaybeKill(file, '110000', leaves[0]![1], 'after the storm', 30_000);
		expect(final.acknowledged).toBe(true);
		expect(existsSync(`${file}.lock`)).toBe(false);
	}, 600_000);
});

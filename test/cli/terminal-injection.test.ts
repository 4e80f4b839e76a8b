import {describe, it, expect} from 'vitest';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {hostname} from 'node:os';
import {runCli, tempDir, repoRoot} from '../helpers/run-cli.js';
import {HOSTILE, hostile, controlsIn, hostileSystem} from '../helpers/hostile-corpus.js';
import {terminalSafe} from '../../source/text/terminal-safe.js';

/**
 * Issue 13, "One output boundary": a system file whose names held ESC]52 overwrote the
 * clipboard, ESC]0 retitled the pane, OSC 8 and CSI passed through, in `score`, `init`,
 * `record`, `validate`, `agreement` and in error messages quoting file content. Every command's
 * raw output (stdout and stderr) is checked for any control at all.
 */

function all(r: {stdout: string; stderr: string}): string {
	return r.stdout + r.stderr;
}

describe('the output boundary', () => {
	it('shows every control as a visible code and keeps JSON the same JSON', () => {
		const safe = terminalSafe(HOSTILE);
		expect(controlsIn(safe)).toEqual([]);
		expect(safe).toContain('\\u001b]52;c;');
		expect(safe).toContain('\\u009b31m');
		expect(safe).toContain('\\u202etxt.exe');
		const json = JSON.stringify({name: HOSTILE});
		expect(JSON.parse(terminalSafe(json))).toEqual({name: HOSTILE});
		expect('a\tb\nc').toBe(terminalSafe('a\tb\nc'));
	});

	it('no command lets a control from a hostile system, workspace, weights or lock file reach the terminal', () => {
		const dir = tempDir('assess-inject-');
		const system = hostileSystem(dir);
		const ws = join(dir, 'ws.json');
		const li = join(dir, 'li.json');
		const outputs: [string, {code: number; stdout: string; stderr: string}][] = [];
		const run = (label: string, args: string[]) => {
			const r = runCli(args, {cwd: dir, env: {ASSESS_LOCK_WAIT_MS: '0'}});
			outputs.push([label, r]);
			return r;
		};
		expect(run('init', ['init', ws, '--system', system, '--assessor', hostile('张三'), '--regions', '110000,310000']).code).toBe(0);
		expect(run('init li', ['init', li, '--system', system, '--assessor', hostile('李四'), '--regions', '110000,310000']).code).toBe(0);
		expect(run('record', ['record', ws, '110000', '1.1.1', 'y', '--note', hostile('note'), '--evidence', `quote:${hostile('quote')}`]).code).toBe(0);
		run('record li', ['record', li, '110000', '1.1.1', 'n']);
		run('record level', ['record', ws, '110000', '1.1.2', 'full']);
		run('bad level value', ['record', ws, '110000', '1.1.2', hostile('level')]);
		run('flag', ['record', ws, '310000', '1.1.1', 'y', '--status', 'flagged', '--reason', hostile('reason')]);
		run('score', ['score', ws]);
		run('score json', ['score', ws, '--json']);
		run('validate', ['validate', ws, system]);
		run('agreement', ['agreement', ws, li]);
		run('agreement json', ['agreement', ws, li, '--json']);
		run('merge dry run', ['merge', ws, li, '--dry-run']);
		run('merge dry run json', ['merge', ws, li, '--dry-run', '--json']);
		// Review, its policy, the audit trail and the team's progress: names and notes from files and arguments.
		run('review policy', ['review-policy', ws, '--review', 'required', '--reviewer', `${hostile('王五')}=110000`, '--note', hostile('why'), '--by', hostile('组长')]);
		run('review policy shown', ['review-policy', ws]);
		run('review return', ['review', ws, '110000', '1.1.1', 'return', '--note', hostile('fix'), '--by', hostile('王五')]);
		run('review refused', ['review', ws, '110000', '1.1.2', 'accept', '--by', hostile('张三')]);
		run('log', ['log', ws]);
		run('log json', ['log', ws, '--json']);
		run('status', ['status', ws, li]);
		run('status json', ['status', ws, li, '--json']);
		run('export', ['export', ws, '-o', join(dir, 'out.xlsx'), '--allow-incomplete', '--allow-conflicts']);
		run('export json', ['export', ws, '-o', join(dir, 'out.json'), '--allow-incomplete', '--allow-conflicts']);
		// Error messages that quote file content: a weights file's system and keys, a lock's holder.
		const weights = JSON.parse(readFileSync(join(repoRoot, 'indicators', '2020-province.weights.json'), 'utf8'));
		writeFileSync(join(dir, 'w1.json'), JSON.stringify({...weights, system: hostile('sys')}));
		writeFileSync(join(dir, 'w2.json'), JSON.stringify({...weights, weights: {...weights.weights, [hostile('key')]: 0}}));
		run('weights system', ['validate', 'w1.json', '--system', '2020-province']);
		run('weights key', ['validate', 'w2.json']);
		writeFileSync(`${ws}.lock`, JSON.stringify({user: hostile('user'), host: hostile('host'), pid: 4242, since: new Date().toISOString(), program: hostile('prog')}));
		run('locked record', ['record', ws, '110000', '1.1.1', 'n']);
		run('unlock', ['unlock', ws]);
		for (const [label, r] of outputs) {
			expect(controlsIn(all(r)), `${label}: ${JSON.stringify(all(r).slice(0, 300))}`).toEqual([]);
			expect(r.stderr, label).not.toMatch(/\n\s+at .+:\d+:\d+/);
		}
		// The readable parts are still there.
		const score = outputs.find(([l]) => l === 'score')![1];
		expect(score.stdout).toContain('服务方式完备度\\u001b]52;c;');
		const locked = outputs.find(([l]) => l === 'locked record')![1];
		expect(locked.stderr).toContain('user\\u001b]52');
		expect(locked.stderr).not.toContain(hostname() + '\u001b');
		// JSON for scripts parses to the hostile text itself: nothing was lost on the way.
		const json = JSON.parse(outputs.find(([l]) => l === 'score json')![1].stdout);
		expect(json.regions[0].indicators[0].name).toBe(hostile('服务方式完备度'));
	});
});

import {describe, it, expect} from 'vitest';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {runCli, tempDir, bin} from '../helpers/run-cli.js';
import {hasTmux, tmuxSessions, quitAndWait} from '../helpers/tmux.js';

if (!hasTmux) console.warn('SKIPPED the tmux review test: tmux is not installed (apt-get install tmux).');

const start = tmuxSessions();
const open = (dir: string, args: string, size = {x: 120, y: 32}) => start(dir, `env LANG=C.UTF-8 NO_COLOR=1 ${process.execPath} ${bin} ${args}`, size);

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * Issue 15's review walk on the real program: 张三 submits two findings; 组长 opens the file in
 * review mode, accepts one (after taking an accept back with u), returns the other with a note,
 * and quits; the file and its change log record both, with who and when; 张三 then opens it, and
 * n offers the returned finding first with the note.
 */
describe.skipIf(!hasTmux)('the review walk in tmux', () => {
	it('accept one, return another with a note, quit: the file records both; the assessor sees the note and the returned finding first', async () => {
		const dir = tempDir('assess-e2e-review-');
		const ws = join(dir, 'team.json');
		expect(runCli(['init', ws, '--system', '2020-province', '--assessor', '张三', '--regions', '110000,310000', '--review', 'required', '--reviewer', '组长=110000,310000']).code).toBe(0);
		expect(runCli(['record', ws, '110000', '1.1.1', 'y', '--status', 'done']).code).toBe(0);
		expect(runCli(['record', ws, '110000', '1.1.2', '2', '--status', 'done', '--note', '市县入口齐全']).code).toBe(0);

		const lead = open(dir, 'open team.json --review --by 组长 --lang en');
		await lead.waitFor(t => t.includes('review mode 组长: 2 waiting') && t.includes('1.1.1 Linked to the national platform') && t.includes('Review: waiting for review (reviewer 组长)'), 'the first finding waiting');
		await lead.keys('a');
		await lead.waitFor(t => t.includes('1 waiting') && t.includes('Status: [v] done, accepted'), 'accepted');
		await lead.keys('u');
		await lead.waitFor(t => t.includes('2 waiting') && t.includes('undone: the review of 1.1.1'), 'the accept taken back');
		await lead.keys('a');
		await lead.waitFor(t => t.includes('1 waiting') && /saved \d\d:\d\d:\d\d/.test(t), 'accepted again, saved');
		await lead.keys('n');
		await lead.waitFor(t => t.includes('1.1.2 City and county services') && t.includes('Note: 市县入口齐全'), 'the next waiting, its note');
		await lead.keys('R');
		await lead.waitFor(t => t.includes('Return to the assessor: what should be fixed? (required)'), 'the return prompt');
		await lead.type('请补充区县入口截图');
		await lead.keys('Enter');
		await lead.waitFor(t => t.includes('0 waiting') && t.includes('Status: [<] done, returned') && /saved \d\d:\d\d:\d\d/.test(t), 'returned, saved');
		await quitAndWait(lead);

		const data = JSON.parse(readFileSync(ws, 'utf8'));
		const accepted = data.findings['110000/1.1.1'];
		const returned = data.findings['110000/1.1.2'];
		expect(accepted).toMatchObject({by: '张三', status: 'done', review: {state: 'accepted', by: '组长'}});
		expect(accepted.review.at).toMatch(ISO);
		expect(returned).toMatchObject({by: '张三', status: 'done', note: '市县入口齐全', review: {state: 'returned', by: '组长', note: '请补充区县入口截图'}});
		expect(returned.review.at).toMatch(ISO);
		// The change log: both reviews by 组长, and the undo logged under 组长 too (OpenWorkspace's actor), not the assessor.
		const log = JSON.parse(runCli(['log', ws, '--json']).stdout).entries as {by: string; field: string; indicator?: string; via?: string; to: unknown}[];
		const reviews = log.filter(e => e.field === 'review');
		expect(reviews.filter(e => e.to !== null).map(e => [e.indicator, e.by, (e.to as {state: string}).state])).toEqual([
			['1.1.1', '组长', 'accepted'],
			['1.1.1', '组长', 'accepted'],
			['1.1.2', '组长', 'returned'],
		]);
		expect(reviews.find(e => e.via === 'undo')).toMatchObject({by: '组长', indicator: '1.1.1', to: null});

		const assessor = open(dir, 'open team.json --lang en', {x: 160, y: 40});
		await assessor.waitFor(t => t.includes('Regions') && t.includes('北京市'), 'the regions screen');
		await assessor.keys('n');
		const walk = await assessor.waitFor(t => t.includes('returned by 组长: 请补充区县入口截图'), 'the returned finding offered first');
		expect(walk).toContain('1.1.2 City and county services');
		expect(walk).toMatch(/>\s+\[<\] 1\.1\.2 /);
		expect(walk).toMatch(/Review: returned by 组长 \d{4}-\d\d-\d\d \d\d:\d\d: 请补充区县入口截图/);
		await assessor.keys('n');
		await assessor.waitFor(t => /\[ \] 1\.1\.3 /.test(t) && /^>\s+\[ \] 1\.1\.3 /m.test(t), 'then the first unscored leaf');
		await quitAndWait(assessor);
	});

	it('--review without --by is refused before anything opens', () => {
		const dir = tempDir('assess-e2e-review-');
		expect(runCli(['init', join(dir, 'w.json'), '--system', '2020-province', '--assessor', '张三', '--regions', '110000']).code).toBe(0);
		const r = runCli(['open', join(dir, 'w.json'), '--review']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--review');
		expect(r.stderr).toContain('--by <name>');
	});
});

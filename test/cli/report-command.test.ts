import {describe, it, expect} from 'vitest';
import {readFileSync, existsSync, readdirSync, writeFileSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {runCli, hasStackTrace, CHINESE} from '../helpers/run-cli.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';
import {compareFolder} from '../helpers/compare-fixtures.js';

const regions = ['110000', '310000', '320000', '330000', '440000'];
const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').trim();

/** The cells of every `<tr data-code="…">` of a page: code → cell texts. */
function tableRows(html: string, table: string): Map<string, string[]> {
	const body = html.match(new RegExp(`<table class="${table}">([\\s\\S]*?)</table>`))![1]!;
	const rows = new Map<string, string[]>();
	for (const m of body.matchAll(/<tr[^>]*data-(?:code|region)="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)) rows.set(m[1]!, [...m[2]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(c => text(c[1]!)));
	return rows;
}

describe('assess report', () => {
	it('shows the numbers assess score --json prints: every region page, every row, and the overview', () => {
		const {file, dir} = completeWorkspace(regions);
		const out = join(dir, 'report');
		const r = runCli(['report', file, '-o', out]);
		expect(r.stderr).toContain('Wrote the report');
		expect(r.code).toBe(0);
		expect(readdirSync(out).sort()).toEqual([...regions.map(c => `${c}.html`), 'index.html', 'overview.html'].sort());
		const score = JSON.parse(runCli(['score', file, '--json']).stdout);
		const overview = tableRows(readFileSync(join(out, 'overview.html'), 'utf8'), 'ranking');
		for (const region of score.regions) {
			const html = readFileSync(join(out, `${region.code}.html`), 'utf8');
			expect(text(html.match(/data-field="total">([^<]*)</)![1]!)).toBe(region.total.toFixed(2));
			expect(html.match(/data-field="rank">(\d+)</)![1]).toBe(String(region.rank));
			expect(html.match(/data-field="tier">([^<]*)</)![1]).toBe(region.tier);
			const rows = tableRows(html, 'indicators');
			expect(rows.get('total')!.slice(0, 3)).toEqual(['总得分', region.total.toFixed(2), String(region.rank)]);
			const shown = region.indicators.filter((i: {level: number}) => i.level <= 2);
			expect([...rows.keys()].slice(1)).toEqual(shown.map((i: {code: string}) => i.code));
			for (const i of shown) expect(rows.get(i.code)!.slice(1, 3)).toEqual([i.score.toFixed(2), String(i.rank)]);
			// The overview's ranking row: rank, name, total, tier, the five primaries.
			const primaries = region.indicators.filter((i: {level: number}) => i.level === 1).map((i: {score: number}) => i.score.toFixed(2));
			expect(overview.get(region.code)).toEqual([String(region.rank), region.name, region.total.toFixed(2), region.tier, ...primaries]);
		}
	});

	it('writes one document with --detail, tertiaries included, and replaces its own earlier report only', () => {
		const {file, dir} = completeWorkspace(['110000', '310000']);
		const out = join(dir, 'r.html');
		expect(runCli(['report', file, '-o', out, '--detail', '--lang', 'en']).code).toBe(0);
		const html = readFileSync(out, 'utf8');
		expect(html).toContain('<html lang="en">');
		expect(html.match(/<section class="page region-page"/g)).toHaveLength(2);
		expect(html).toContain('data-code="1.1.1"');
		// Again: an earlier report of ours is replaced.
		expect(runCli(['report', file, '-o', out]).code).toBe(0);
		// Anyone else's file is not.
		const theirs = join(dir, 'theirs.html');
		writeFileSync(theirs, '<html><body>mine</body></html>');
		const refused = runCli(['report', file, '-o', theirs]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('is not an earlier report of assess');
		expect(readFileSync(theirs, 'utf8')).toBe('<html><body>mine</body></html>');
		// Nor a folder holding other files, nor a name that says it is something else.
		const folder = join(dir, 'docs');
		mkdirSync(folder);
		writeFileSync(join(folder, 'notes.txt'), 'x');
		expect(runCli(["report", file, "-o", folder]).stderr).toContain("is a folder with other files in it (notes.txt)");
		expect(readdirSync(folder)).toEqual(['notes.txt']);
		const json = runCli(['report', file, '-o', join(dir, 'report.json')]);
		expect(json.code).toBe(2);
		expect(json.stderr).toContain('-o takes a folder, a .html file or a .pdf file');
		expect(hasStackTrace(json.stderr)).toBe(false);
	});

	it('rewrites its own folder, removing pages of regions no longer reported', () => {
		const {file, dir} = completeWorkspace(['110000', '310000', '320000']);
		const out = join(dir, 'rep');
		expect(runCli(['report', file, '-o', out]).code).toBe(0);
		expect(runCli(['report', file, '-o', out, '--region', '北京,320000']).code).toBe(0);
		expect(readdirSync(out).sort()).toEqual(['110000.html', '320000.html', 'index.html', 'overview.html']);
		// The folder is replaced whole: no temporary folder is left beside it.
		expect(readdirSync(dir).filter(n => n.startsWith('.'))).toEqual([]);
		// Once someone else's file is in it, it is no longer only a report: refused, left as it is.
		writeFileSync(join(out, 'notes.txt'), 'mine');
		const refused = runCli(['report', file, '-o', out]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('is a folder with other files in it (notes.txt)');
		expect(readdirSync(out).sort()).toEqual(['110000.html', '320000.html', 'index.html', 'notes.txt', 'overview.html']);
		// The overview still covers every region.
		expect(readFileSync(join(out, 'overview.html'), 'utf8')).toContain('上海市');
	});

	it('says which package to install when --pdf has no browser, and writes nothing', () => {
		const {file, dir} = completeWorkspace(['110000']);
		const out = join(dir, 'r.pdf');
		const r = runCli(['report', file, '-o', out], {env: {ASSESS_CHROMIUM: join(dir, 'no-such-browser')}});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('install Debian\'s or Ubuntu\'s "chromium" package (apt-get install chromium)');
		expect(existsSync(out)).toBe(false);
		const folder = join(dir, 'f');
		expect(runCli(['report', file, '-o', folder, '--pdf'], {env: {ASSESS_CHROMIUM: join(dir, 'no-such-browser')}}).code).toBe(2);
		expect(existsSync(folder)).toBe(false);
	});

	it('with --compare, adds each region’s year on year and the rank-movement chart', () => {
		const f = compareFolder();
		const out = join(f.dir, 'rep.html');
		const r = runCli(['report', f.new, '-o', out, '--compare', f.old, '--map', f.mapping]);
		expect(r.stderr).toContain('Wrote the report');
		const html = readFileSync(out, 'utf8');
		expect(html).toContain('data-chart="rank-movement"');
		expect(html.match(/<g class="movement"/g)).toHaveLength(3);
		const changes = tableRows(html, 'changes');
		expect(changes.get('320000')!.slice(-2)).toEqual([expect.stringMatching(/^\+\d+\.\d\d$/), '↑3']);
		expect(changes.get('440000')!.slice(0, 3)).toEqual(['广东省', '—', '—']);
		expect(runCli(['report', f.new, '-o', out, '--map', f.mapping]).stderr).toContain('--map goes with --compare');
	});
});

describe('assess compare', () => {
	it('prints totals, ranks and tiers then and now, and each corresponding indicator', () => {
		const f = compareFolder();
		const r = runCli(['compare', f.old, f.new, '--map', f.mapping], {cwd: f.dir, env: CHINESE});
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('测试指标体系（2019年） mini-2019 2019.1（2019） → 测试指标体系（2020年） mini-2020 2020.1（2020）');
		expect(r.stdout).toMatch(/江苏省\s+\d+\.\d\d\s+\d+\.\d\d\s+\+\d+\.\d\d\s+4\s+1\s+↑3/);
		expect(r.stdout).toMatch(/广东省\s+上期未评估/);
		expect(r.stdout).toContain('评估指标对应：相同 12、改名 2、合并 1、拆分 1、撤销 1、新增 1；未匹配：上期 0 项，本期 0 项');
		// In English, the same in English (the indicators by their names in the files).
		expect(runCli(['compare', f.old, f.new, '--map', f.mapping], {cwd: f.dir}).stdout).toContain('Indicators: same 12, renamed 2, merged 1, split 1, dropped 1, added 1; unmatched: 0 old, 0 new');
		expect(r.stdout).toMatch(/合并\s+2\.1\.1 网上支付 \+ 2\.1\.2 物流送达\s+2\.1\.1 网上支付与物流\s+合并/);
		expect(r.stdout).toMatch(/2\.2\.1\+2\.2\.2 电子证照免提交、电子证照出证\s+拆分 ← 2\.2\.1\s+60\.00\s+50\.00\s+-10\.00/);
	});

	it('without a mapping, lists what does not match by code and name', () => {
		const f = compareFolder();
		const r = runCli(['compare', f.old, f.new, '--summary'], {cwd: f.dir, env: CHINESE});
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('未匹配：上期 6 项，本期 6 项');
		expect(r.stdout).toContain('上期未匹配（6）：1.1.2 办事指南完整；2.1.1 网上支付；2.1.2 物流送达；2.1.3 网办占比；2.2.1 电子证照；3.1.2 旧版满意度调查');
	});

	it('--json gives every figure', () => {
		const f = compareFolder();
		const r = runCli(['compare', f.old, f.new, '--map', f.mapping, '--json'], {cwd: f.dir});
		const c = JSON.parse(r.stdout);
		expect(c.kind).toBe('assess/comparison');
		expect(c.pairs.find((p: {kind: string}) => p.kind === 'split')).toMatchObject({from: ['2.2.1'], to: ['2.2.1', '2.2.2'], toNames: ['电子证照免提交', '电子证照出证'], note: '拆分'});
		const oldScore = JSON.parse(runCli(['score', f.old, '--json']).stdout);
		const newScore = JSON.parse(runCli(['score', f.new, '--json']).stdout);
		for (const region of c.regions) {
			expect(region.old?.total ?? null).toBe(oldScore.regions.find((r: {code: string}) => r.code === region.code)?.total ?? null);
			expect(region.new?.total ?? null).toBe(newScore.regions.find((r: {code: string}) => r.code === region.code)?.total ?? null);
		}
	});

	it('refuses a mapping that does not fit, naming the file and the place', () => {
		const f = compareFolder();
		const mapping = JSON.parse(readFileSync(f.mapping, 'utf8'));
		mapping.map.push({from: '1.1.9', to: '1.1.1'});
		writeFileSync(join(f.dir, 'bad.json'), JSON.stringify(mapping));
		const r = runCli(['compare', 'old.json', 'new.json', '--map', 'bad.json'], {cwd: f.dir});
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('bad.json: $.map[6].from: "1.1.9" is not an indicator of mini-2019 2019.1');
		writeFileSync(join(f.dir, 'bad2.json'), JSON.stringify({...mapping, map: [{from: 1, to: '1.1.1'}]}));
		const r2 = runCli(['compare', 'old.json', 'new.json', '--map', 'bad2.json'], {cwd: f.dir});
		expect(r2.code).toBe(2);
		expect(r2.stderr).toContain('bad2.json: $.map[0].from');
		// The two workspaces the wrong way round.
		const r3 = runCli(['compare', 'new.json', 'old.json', '--map', 'mapping.json'], {cwd: f.dir});
		expect(r3.stderr).toContain('are the two workspaces the wrong way round?');
		expect(hasStackTrace(r.stderr + r2.stderr + r3.stderr)).toBe(false);
	});

	it('the mapping file has a JSON Schema, and assess validate checks a mapping file', () => {
		const schemas = JSON.parse(runCli(['schemas']).stdout);
		expect(schemas['indicator-mapping.schema.json'].properties.kind.const).toBe('assess/indicator-mapping');
		const f = compareFolder();
		const ok = runCli(['validate', 'mapping.json'], {cwd: f.dir});
		expect(ok.stdout).toContain('ok  mapping.json: indicator mapping mini-2019 → mini-2020: 6 entries');
		const mapping = JSON.parse(readFileSync(f.mapping, 'utf8'));
		mapping.map[0].to = '7.7';
		writeFileSync(join(f.dir, 'bad.json'), JSON.stringify(mapping));
		const bad = runCli(['validate', 'bad.json'], {cwd: f.dir});
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('bad.json: $.map[0].to: "7.7" is not an indicator of mini-2020 2020.1');
	});
});

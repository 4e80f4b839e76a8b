import {describe, it, expect, beforeAll, afterAll} from 'vitest';
import {spawnSync} from 'node:child_process';
import {readdirSync, writeFileSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {runCli} from '../helpers/run-cli.js';
import {completeWorkspace} from '../helpers/complete-workspace.js';
import {Chromium, chromiumPath, openPage, overflow, platformFonts, screenshot, decodePng, inkOf} from '../helpers/browser.js';

/**
 * Every page kind of a real report, opened in Debian's Chromium (headless): no console errors,
 * nothing fetched, no sideways scrolling on a 1280 px screen or an A4 page, Chinese drawn with
 * CJK glyphs, every chart there; and the PDF with the pages it should have.
 */
const hasPdfTools = spawnSync('pdfinfo', ['-v']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;
if (!chromiumPath) console.warn('SKIPPED the report-in-a-browser tests: no Chromium (.ci/run installs the chromium package).');

const regions = ['110000', '310000', '320000', '330000', '440000', '510000'];
/** A4 (210 mm) less the report's print margins (13 mm each side), in CSS px. */
const A4_CONTENT = Math.floor(((210 - 26) / 25.4) * 96);

describe.skipIf(!chromiumPath)('the report in a real browser', () => {
	let browser: Chromium;
	let dir: string;
	let folder: string;
	let primaries = 0;
	beforeAll(async () => {
		// A note with a long unbroken link: it must wrap, not widen the page.
		const ws = completeWorkspace(regions, {note: `北京：抽查 10 个事项，1 个未通过。<b>不是标签</b> https://zwfw.example.gov.cn/${'x'.repeat(300)}`});
		// Last year's results: the same regions, scored otherwise, so ranks move.
		const old = completeWorkspace([...regions].reverse());
		dir = ws.dir;
		folder = join(dir, 'report');
		const r = runCli(['report', ws.file, '-o', folder, '--compare', old.file]);
		expect(r.code, r.stderr).toBe(0);
		browser = await Chromium.launch(chromiumPath!);
		primaries = 5;
	});
	afterAll(async () => {
		await browser?.close();
	});

	const pages = () => readdirSync(folder).filter(f => f.endsWith('.html'));

	for (const [media, width] of [
		['screen', 1280],
		['print', A4_CONTENT],
	] as const) {
		it(`every page opens without errors or requests, and nothing is wider than ${media === 'screen' ? 'a 1280 px screen' : 'an A4 page'}`, async () => {
			expect(pages().sort()).toEqual(['index.html', 'overview.html', ...regions.map(c => `${c}.html`)].sort());
			for (const name of pages()) {
				const file = join(folder, name);
				const opened = await openPage(browser, file, {width, media});
				try {
					expect(opened.problems, name).toEqual([]);
					expect(opened.requests.filter(u => !u.startsWith('file://') || !u.endsWith(`/${name}`)), name).toEqual([]);
					const {scrollWidth, wide} = await overflow(opened.page, width);
					expect(wide, name).toEqual([]);
					expect(scrollWidth, name).toBeLessThanOrEqual(width);
				} finally {
					await opened.close();
				}
			}
		});
	}

	it('draws every chart: a region page’s primaries and each primary’s secondaries, the heat map, the rank movement', async () => {
		const region = await openPage(browser, join(folder, '110000.html'), {width: 1280});
		const charts = await region.page.evaluate<{id: string; bars: number; drawn: number; width: number; height: number}[]>(
			`[...document.querySelectorAll('svg[data-chart="bars"]')].map(s => ({id: s.dataset.id, bars: Number(s.dataset.bars), drawn: s.querySelectorAll('rect.bar').length, width: s.getBoundingClientRect().width, height: s.getBoundingClientRect().height}))`,
		);
		await region.close();
		expect(charts.map(c => c.id)).toEqual(['primaries', '1', '2', '3', '4', '5']);
		expect(charts[0]!.bars).toBe(primaries);
		for (const c of charts) {
			// Every indicator of this complete workspace has a score, so every bar is drawn, and seen.
			expect(c.drawn).toBe(c.bars);
			expect(c.width).toBeGreaterThan(600);
			expect(c.height).toBeGreaterThan(80);
		}
		const overview = await openPage(browser, join(folder, 'overview.html'), {width: 1280});
		const found = await overview.page.evaluate<{heat: {rows: number; cells: number; width: number}; lines: number; moved: number}>(`(() => {
			const heat = document.querySelector('svg[data-chart="heat"]');
			const moves = document.querySelector('svg[data-chart="rank-movement"]');
			return {heat: {rows: heat.querySelectorAll('.heat-row').length, cells: heat.querySelectorAll('rect.cell').length, width: heat.getBoundingClientRect().width}, lines: moves.querySelectorAll('.movement line').length, moved: Number(moves.dataset.lines)};
		})()`);
		await overview.close();
		expect(found.heat).toMatchObject({rows: regions.length, cells: regions.length * 21});
		expect(found.heat.width).toBeGreaterThan(600);
		expect(found.lines).toBe(regions.length);
		expect(found.moved).toBe(regions.length);
	});

	it('draws Chinese with CJK glyphs (the font the browser used, and a screenshot)', async () => {
		const opened = await openPage(browser, join(folder, '110000.html'), {width: 1280});
		try {
			const fonts = await platformFonts(opened.page, 'h1');
			expect(fonts.map(f => f.familyName).join(', ')).toMatch(/CJK|Han Sans|PingFang|YaHei|WenQuanYi/);
			// The heading as drawn: ink, and distinct characters drawn distinctly (missing glyphs
			// are all the same box). Each character alone, in the heading's own font and size.
			const boxes = await opened.page.evaluate<{x: number; y: number; width: number; height: number}[]>(`(() => {
				const h1 = document.querySelector('h1');
				return ['北', '京', '市'].map(ch => {
					const span = document.createElement('span');
					span.textContent = ch;
					span.style.cssText = 'position:absolute;left:0;top:0;background:#fff;color:#000;padding:2px;line-height:1.2';
					span.style.font = getComputedStyle(h1).font;
					span.className = 'probe';
					document.body.appendChild(span);
					const r = span.getBoundingClientRect();
					span.style.top = (60 * ['北', '京', '市'].indexOf(ch)) + 'px';
					return {x: 0, y: 60 * ['北', '京', '市'].indexOf(ch), width: Math.ceil(r.width), height: Math.ceil(r.height)};
				});
			})()`);
			const glyphs = [];
			for (const box of boxes) glyphs.push(inkOf(decodePng(await screenshot(opened.page, box))));
			for (const g of glyphs) expect(g.filter(Boolean).length).toBeGreaterThan(20);
			const differ = (a: boolean[], b: boolean[]) => a.filter((x, i) => x !== b[i]).length;
			expect(differ(glyphs[0]!, glyphs[1]!)).toBeGreaterThan(20);
			expect(differ(glyphs[1]!, glyphs[2]!)).toBeGreaterThan(20);
			// And the heading itself has ink where its text is.
			const h1 = await opened.page.evaluate<{x: number; y: number; width: number; height: number}>(`(() => { document.querySelectorAll('.probe').forEach(p => p.remove()); const r = document.querySelector('h1').getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; })()`);
			const shot = await screenshot(opened.page, h1);
			writeFileSync(join(dir, 'heading.png'), shot);
			expect(inkOf(decodePng(shot)).filter(Boolean).length).toBeGreaterThan(100);
		} finally {
			await opened.close();
		}
	});

	it.skipIf(!hasPdfTools)('prints an A4 PDF with a page break before each region: the pages of its parts printed alone', async () => {
		const pdf = join(dir, 'report.pdf');
		const ws = join(dir, 'complete.json');
		const r = runCli(['report', ws, '-o', pdf]);
		expect(r.code, r.stderr).toBe(0);
		const info = spawnSync('pdfinfo', [pdf], {encoding: 'utf8'}).stdout;
		expect(info).toMatch(/Page size:\s+594\.96 x 841\.92 pts \(A4\)/);
		const total = Number(info.match(/Pages:\s+(\d+)/)![1]);
		expect(r.stderr).toContain(`${total} A4 pages`);
		// Each part alone: the cover, the overview (three sections), each region.
		const partPages: number[] = [];
		const single = join(dir, 'single');
		expect(runCli(['report', ws, '-o', single]).code).toBe(0);
		for (const name of ['index.html', 'overview.html', ...regions.map(c => `${c}.html`)]) {
			const page = await browser.newPage();
			await page.load(`file://${join(single, name)}`);
			const part = join(dir, `${name}.pdf`);
			writeFileSync(part, await page.pdf());
			await browser.send('Target.closeTarget', {targetId: page.targetId});
			partPages.push(Number(spawnSync('pdfinfo', [part], {encoding: 'utf8'}).stdout.match(/Pages:\s+(\d+)/)![1]));
		}
		expect(partPages[1]).toBeGreaterThanOrEqual(3);
		expect(total).toBe(partPages.reduce((a, b) => a + b, 0));
		// Each region (in the workspace's order) starts a page of its own, its name on it.
		let at = partPages[0]! + partPages[1]! + 1;
		const names = ['北京市', '上海市', '江苏省', '浙江省', '广东省', '四川省'];
		regions.forEach((_, i) => {
			const text = spawnSync('pdftotext', ['-f', String(at), '-l', String(at), '-layout', pdf, '-'], {encoding: 'utf8'}).stdout;
			expect(text).toContain(names[i]);
			expect(text).toContain('地区分析报告');
			at += partPages[2 + i]!;
		});
		// The page numbers are printed.
		expect(spawnSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], {encoding: 'utf8'}).stdout).toContain(`1 / ${total}`);
		expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
		// Beside an .html, and inside a folder, where printing again replaces the earlier PDF (ours).
		const html = join(dir, 'beside.html');
		expect(runCli(['report', ws, '-o', html, '--pdf']).code).toBe(0);
		expect(spawnSync('pdfinfo', [join(dir, 'beside.pdf')], {encoding: 'utf8'}).stdout).toMatch(new RegExp(`Pages:\\s+${total}\\b`));
		const withPdf = join(dir, 'with-pdf');
		for (let i = 0; i < 2; i++) expect(runCli(['report', ws, '-o', withPdf, '--pdf']).code).toBe(0);
		expect(readdirSync(withPdf)).toContain('report.pdf');
		// Someone else's PDF is never replaced.
		writeFileSync(join(dir, 'theirs.pdf'), '%PDF-1.4 not ours');
		const refused = runCli(['report', ws, '-o', join(dir, 'theirs.pdf')]);
		expect(refused.stderr).toContain('is not an earlier report of assess');
		expect(readFileSync(join(dir, 'theirs.pdf'), 'utf8')).toBe('%PDF-1.4 not ours');
	}, 120_000);
});

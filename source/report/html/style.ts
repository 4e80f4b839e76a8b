/**
 * The report's one style sheet, inlined in every page: system CJK fonts only (no web font is
 * fetched), A4 print with page numbers, a page break before each region, and nothing wider
 * than the page (long URLs, hashes and names wrap; charts scale down).
 */
export const REPORT_CSS = `
:root {
	--ink: #1b2631; --muted: #5d6d7e; --rule: #d5dbe3; --soft: #f4f6f9; --accent: #1f5fa8; --warn: #a04000; --warn-bg: #fdf2e9;
	font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans SC", sans-serif;
	color: var(--ink); font-size: 14px; line-height: 1.55;
}
* { box-sizing: border-box; }
body { margin: 0; background: #e9edf2; }
.page { background: #fff; max-width: 1000px; margin: 24px auto; padding: 36px 44px 40px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
nav.crumbs { font-size: 12px; margin-bottom: 14px; color: var(--muted); }
nav.crumbs a { color: var(--accent); text-decoration: none; margin-right: 14px; }
h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: .02em; }
h2 { font-size: 18px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 20px 0 8px; }
p { margin: 6px 0; }
.sub { color: var(--muted); font-size: 13px; margin: 0 0 16px; }
.kicker { color: var(--accent); font-size: 13px; font-weight: 600; letter-spacing: .08em; margin-bottom: 6px; }
a { color: var(--accent); overflow-wrap: anywhere; }
.num, td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.headline { display: flex; flex-wrap: wrap; gap: 12px; margin: 18px 0 8px; }
.figure { flex: 1 1 140px; border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; background: var(--soft); }
.figure .label { font-size: 12px; color: var(--muted); }
.figure .value { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; }
.figure .value small { font-size: 13px; font-weight: 400; color: var(--muted); margin-left: 4px; }
.badge { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 10px; border: 1px solid var(--warn); color: var(--warn); background: var(--warn-bg); vertical-align: middle; margin-left: 8px; white-space: nowrap; }
.notice { border-left: 4px solid var(--warn); background: var(--warn-bg); padding: 8px 12px; margin: 12px 0; font-size: 13px; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 14px; font-size: 13px; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--soft); font-weight: 600; font-size: 12px; color: var(--muted); white-space: nowrap; }
tr.level-1 td { font-weight: 700; background: #fafbfd; }
tr.level-1 td:first-child { border-left: 3px solid var(--accent); }
tr.level-2 td:first-child { padding-left: 24px; }
tr.level-3 td:first-child { padding-left: 44px; color: var(--muted); }
tr.total td { font-weight: 700; font-size: 14px; border-bottom: 2px solid var(--ink); }
td.none { color: var(--muted); font-size: 12px; white-space: normal; }
td.gap-0 { color: #1e8449; }
.code { color: var(--muted); font-size: 11px; margin-right: 6px; font-variant-numeric: tabular-nums; }
.chart { display: block; width: 100%; max-width: 100%; height: auto; margin: 6px 0 16px; font-family: inherit; }
.charts-grid { display: grid; grid-template-columns: 1fr; gap: 4px; }
.issue { border-left: 3px solid var(--rule); padding: 4px 0 4px 12px; margin: 8px 0; break-inside: avoid; }
.issue-head { display: flex; gap: 10px; align-items: baseline; }
.issue-rank { font-weight: 700; color: var(--accent); min-width: 1.6em; }
.issue-name { font-weight: 700; flex: 1 1 auto; min-width: 0; }
.issue-path { color: var(--muted); font-size: 12px; font-weight: 400; margin-left: 8px; }
.issue-cost { font-weight: 700; color: var(--warn); white-space: nowrap; }
.issue dl { display: grid; grid-template-columns: 7.5em minmax(0, 1fr); gap: 1px 10px; margin: 3px 0 0 calc(1.6em + 10px); font-size: 12.5px; line-height: 1.45; }
.issue dt { color: var(--muted); }
.issue dd { margin: 0; min-width: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
.issue ul { margin: 0; padding-left: 0; list-style: none; white-space: normal; }
.hash { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 11px; color: var(--muted); overflow-wrap: anywhere; }
.meta { font-size: 11px; color: var(--muted); }
.toc { columns: 2; column-gap: 32px; padding-left: 0; list-style: none; }
.toc li { break-inside: avoid; padding: 3px 0; border-bottom: 1px dotted var(--rule); display: flex; gap: 8px; }
.toc li .name { flex: 1; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; font-size: 13px; margin: 16px 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.cover h1 { font-size: 30px; margin-top: 40px; }
.fine { font-size: 11px; color: var(--muted); margin-top: 24px; }
.up { color: #1e8449; } .down { color: #c0392b; }
@page { size: A4; margin: 14mm 13mm 16mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #7a8594; } }
@media print {
	:root { font-size: 10.5pt; }
	body { background: #fff; }
	.page { max-width: none; margin: 0; padding: 0; box-shadow: none; break-before: page; }
	.page:first-of-type { break-before: auto; }
	nav.crumbs { display: none; }
	h2 { break-after: avoid; }
	.chart, tr, .figure { break-inside: avoid; }
	.issue { margin: 5px 0; padding: 2px 0 2px 10px; }
	.issue dl { font-size: 9pt; line-height: 1.35; }
	.heat-page .chart { max-height: 250mm; }
	a { color: inherit; text-decoration: none; }
}
`;

import type {SystemIndex} from '../system/system-index.js';
import type {Workspace, Finding, Evidence} from '../workspace/workspace-schema.js';
import type {ScoreReport} from '../scoring/score-report.js';
import {formatValue} from '../rules/parse-value.js';
import {leafScore} from '../rules/leaf-score.js';
import {pick} from '../text.js';
import {roundScore} from '../scoring/ranking.js';
import {approxWidth} from './approx-width.js';

/** A cell of the model: a number (with a number format) or text. Never a formula. */
export type Cell = {kind: 'number'; value: number; format?: string} | {kind: 'text'; value: string} | {kind: 'empty'};

export type SheetModel = {name: string; rows: Cell[][]; widths: number[]; merges: {row: number; from: number; to: number}[]};

export type WorkbookModel = {sheets: SheetModel[]};

export type ExportFacts = {
	workspaceFile: string;
	weightsFile: string;
	weightsDigest: string;
	generatedAt: string;
	program: string;
	/** Why this is a draft (unscored leaves, conflicts), or undefined for a final export. */
	draft: string | undefined;
};

export const SCORE_FORMAT = '0.00';
const num = (value: number | null, format?: string): Cell => (value === null ? {kind: 'text', value: '—'} : {kind: 'number', value, ...(format ? {format} : {})});
/** Excel keeps at most 32,767 characters in a cell; longer text is cut, saying so. */
export const CELL_TEXT_LIMIT = 32_767;
const CUT = '…（已截断，全文见工作区文件）';
const text = (value: string): Cell => ({kind: 'text', value: value.length > CELL_TEXT_LIMIT ? value.slice(0, CELL_TEXT_LIMIT - CUT.length) + CUT : value});
const EMPTY: Cell = {kind: 'empty'};

/** Sheet names Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique (case-blind). */
export function safeSheetName(wanted: string, taken: Set<string>): string {
	let base = wanted.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet';
	base = [...base].slice(0, 31).join('');
	let name = base;
	for (let n = 2; taken.has(name.toLowerCase()); n++) {
		const suffix = ` (${n})`;
		name = [...base].slice(0, 31 - suffix.length).join('') + suffix;
	}
	taken.add(name.toLowerCase());
	return name;
}

function widthsOf(rows: Cell[][], min = 6, max = 80): number[] {
	const widths: number[] = [];
	for (const row of rows) {
		row.forEach((cell, i) => {
			const shown = cell.kind === 'number' ? approxWidth(cell.format === SCORE_FORMAT ? cell.value.toFixed(2) : String(cell.value)) : cell.kind === 'text' ? widestLine(cell.value, max) : 0;
			widths[i] = Math.min(max, Math.max(widths[i] ?? min, shown + 2));
		});
	}
	return widths;
}

/** The width of the widest line of a text, counted only as far as `cap` (a column is never wider). */
function widestLine(text: string, cap: number): number {
	let widest = 0;
	let at = 0;
	while (at <= text.length && widest < cap) {
		const end = text.indexOf('\n', at);
		const line = end === -1 ? text.slice(at) : text.slice(at, end);
		widest = Math.max(widest, approxWidth(line.length > cap ? line.slice(0, cap) : line));
		if (end === -1) break;
		at = end + 1;
	}
	return widest;
}

function evidenceText(e: Evidence): string {
	switch (e.kind) {
		case 'url':
			return `${e.url} (${e.seenAt} ${e.by})`;
		case 'quote':
			return `“${e.text}”${e.source ? ` ${e.source}` : ''} (${e.seenAt} ${e.by})`;
		case 'file':
			return `${e.name} sha256:${e.sha256} (${e.seenAt} ${e.by})`;
	}
}

const STATUS_ZH = {draft: '草稿', done: '完成', flagged: '待复核', na: '不适用'} as const;

export type WorkbookOptions = {regions?: readonly string[]; detail: boolean};

/**
 * The official result workbook as data: one sheet per region in the published layout
 * (评估指标 | 得分 | 排名), a ranking sheet with the tier summary, every finding, and the facts
 * an analyst needs to trust it. Pure: the same workspace gives the same cells in the same order.
 */
export function workbookModel(index: SystemIndex, ws: Workspace, report: ScoreReport, best: ReadonlyMap<string, number>, facts: ExportFacts, options: WorkbookOptions): WorkbookModel {
	const system = index.system;
	const taken = new Set<string>(['排名', '评估记录', '说明'].map(s => s.toLowerCase()));
	const chosen = report.regions.filter(r => !options.regions || options.regions.includes(r.code));
	const edition = `${system.edition.reportYear}年报告（${system.edition.dataYear}年数据）`;
	const sheets: SheetModel[] = [];

	for (const region of chosen) {
		const title = `${region.name} — ${pick(system.title, 'zh')} ${system.id} ${system.version} · ${edition}${facts.draft ? ` · 草稿：${facts.draft}` : ''}`;
		const rows: Cell[][] = [[text(title), EMPTY, EMPTY], [text('评估指标'), text('得分'), text('排名')], [text('总得分'), num(region.total, SCORE_FORMAT), num(region.rank)]];
		for (const row of region.indicators) {
			if (row.level > (options.detail ? 3 : 2)) continue;
			const indent = '　'.repeat(row.level - 1);
			rows.push([text(`${indent}${row.name}`), row.na ? text('不适用') : num(row.score, SCORE_FORMAT), num(row.rank)]);
		}
		const widths = widthsOf(rows.slice(1));
		sheets.push({name: '', rows, widths, merges: [{row: 0, from: 0, to: 2}]});
		sheets.at(-1)!.name = region.name;
	}
	// Names are made safe in one pass, in sheet order, so the same input always gives the same names.
	for (const sheet of sheets) sheet.name = safeSheetName(sheet.name, taken);

	// Ranking, then the tier summary in the published style (N 个, share with two decimals).
	const primaries = index.primaries.map(code => pick(index.nodes.get(code)!.node.name, 'zh'));
	const ranked = [...chosen].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || chosen.indexOf(a) - chosen.indexOf(b));
	const ranking: Cell[][] = [[text(`排名 — ${pick(system.title, 'zh')} · ${edition}${facts.draft ? ` · 草稿` : ''}`)], [text('排名'), text('地区'), text('总体指数'), text('等级'), ...primaries.map(text)]];
	for (const r of ranked) {
		ranking.push([num(r.rank), text(r.name), num(r.total, SCORE_FORMAT), text(r.tier ?? '—'), ...index.primaries.map(code => num(r.indicators.find(i => i.code === code)!.score, SCORE_FORMAT))]);
	}
	const tiered = chosen.filter(r => r.tierId !== null);
	ranking.push([], [text('等级'), text('地区数'), text('占比'), text('说明')]);
	for (const tier of system.tiers) {
		const count = tiered.filter(r => r.tierId === tier.id).length;
		const edge = tier.min === 0 ? `${tier.min}–` : `${tier.includesMin ? '≥' : '>'}${tier.min}`;
		ranking.push([text(pick(tier.label, 'zh')), num(count, '0"个"'), num(tiered.length ? count / tiered.length : 0, '0.00%'), text(edge)]);
	}
	if (tiered.length < chosen.length) ranking.push([text(`另有 ${chosen.length - tiered.length} 个地区尚无总得分，未计入占比`)]);
	sheets.push({name: '排名', rows: ranking, widths: widthsOf(ranking.slice(1)), merges: []});

	// Every finding, and every candidate of an unsettled conflict.
	const findings: Cell[][] = [[text('地区代码'), text('地区'), text('指标代码'), text('指标'), text('分值'), text('得分'), text('状态'), text('原因'), text('备注'), text('证据'), text('评估人'), text('时间')]];
	const names = new Map(report.regions.map(r => [r.code, r.name]));
	const rowFor = (f: Finding, status: string) => {
		const node = index.nodes.get(f.indicator);
		const rule = node?.rule;
		const score = f.status === 'na' || !rule ? null : leafScore(rule, f.value, best.get(f.indicator));
		return [text(f.region), text(names.get(f.region) ?? f.region), text(f.indicator), text(node ? pick(node.node.name, 'zh') : f.indicator), text(formatValue(rule, f.value)), score === null ? EMPTY : num(roundScore(score), SCORE_FORMAT), text(status), text(f.reason ?? ''), text(f.note), text(f.evidence.map(evidenceText).join('\n')), text(f.by), text(f.at)];
	};
	const order = (region: string, indicator: string) => [ws.regions.indexOf(region), index.nodes.get(indicator)?.order ?? 0] as const;
	const keys = [...Object.keys(ws.findings), ...Object.keys(ws.conflicts)].filter(k => !options.regions || options.regions.includes(k.split('/')[0]!));
	keys.sort((a, b) => {
		const [ra, ia] = a.split('/') as [string, string];
		const [rb, ib] = b.split('/') as [string, string];
		const [x1, y1] = order(ra, ia);
		const [x2, y2] = order(rb, ib);
		return x1 - x2 || y1 - y2;
	});
	for (const key of keys) {
		const f = ws.findings[key];
		if (f) findings.push(rowFor(f, STATUS_ZH[f.status]));
		const c = ws.conflicts[key];
		if (c) c.candidates.forEach((cand, i) => findings.push(rowFor(cand, `冲突·候选${i + 1}`)));
	}
	sheets.push({name: '评估记录', rows: findings, widths: widthsOf(findings, 6, 60), merges: []});

	const coverage = chosen.length ? chosen.reduce((s, r) => s + r.coverage, 0) / chosen.length : 0;
	const meta: Cell[][] = [
		[text('项目'), text('内容')],
		[text('状态'), text(facts.draft ? `草稿：${facts.draft}` : '正式结果')],
		[text('指标体系'), text(`${pick(system.title, 'zh')}（${system.id}）`)],
		[text('指标体系版本'), text(system.version)],
		[text('版次'), text(edition)],
		[text('排名规则'), text(system.ranking === 'dense' ? '并列同名次，后续名次连续（1、2、2、3）' : '并列同名次，后续名次跳过（1、2、2、4）')],
		[text('权重文件'), text(facts.weightsFile)],
		[text('权重文件摘要（SHA-256）'), text(facts.weightsDigest || '—')],
		[text('工作区'), text(facts.workspaceFile)],
		[text('地区数'), num(chosen.length)],
		[text('平均覆盖率'), num(coverage, '0.00%')],
		[text('未评三级指标'), num(chosen.reduce((s, r) => s + r.unscored, 0))],
		[text('未裁定冲突'), num(chosen.reduce((s, r) => s + r.conflicts, 0))],
		[text('生成时间'), text(facts.generatedAt)],
		[text('程序'), text(facts.program)],
		[text('说明'), text(system.note ?? '')],
	];
	sheets.push({name: '说明', rows: meta, widths: widthsOf(meta, 6, 100), merges: []});
	return {sheets};
}

/** Text a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR) in CSV gets a quote. */
export function guardFormula(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

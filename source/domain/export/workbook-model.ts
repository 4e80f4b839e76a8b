import type {SystemIndex} from '../system/system-index.js';
import type {Workspace} from '../workspace/workspace-schema.js';
import type {ScoreReport, RegionRow} from '../scoring/score-report.js';
import type {MeasureStats} from '../rules/leaf-score.js';
import type {Finality} from '../workspace/finality.js';
import {blockerLine} from '../workspace/finality.js';
import {pick} from '../text.js';
import {approxWidth} from './approx-width.js';
import {tierCaption, tierEdgesText} from '../scoring/tiers.js';
import {relativeText} from '../scoring/provisional.js';
import {formatPercent} from '../scoring/score-report.js';
import {findingRows, sampleRows, evidenceText} from './export-rows.js';
import {excelSerial, isoWithOffset, DATE_FORMAT, type ZoneOffset} from './times.js';
import {describeMethod} from '../rules/parse-value.js';
import type {ChangeEntry} from '../audit/change-entry.js';
import {describeChange} from '../audit/describe-change.js';
import {reviewPolicyOf} from '../review/review-policy.js';

/** A cell of the model: a number (with a number format) or text. Never a formula. */
export type Cell = {kind: 'number'; value: number; format?: string} | {kind: 'text'; value: string} | {kind: 'empty'};

export type SheetModel = {
	name: string;
	rows: Cell[][];
	widths: number[];
	merges: {row: number; from: number; to: number}[];
	/** Rows kept in view while scrolling (the header of a long table). */
	freezeRows?: number;
	/** An autofilter over a table: its header row and columns. */
	filter?: {row: number; from: number; to: number; lastRow: number};
};

export type WorkbookModel = {sheets: SheetModel[]};

export type ExportFacts = {
	/** The workspace's file name (never a local absolute path). */
	workspaceFile: string;
	/** The system file relative to the workspace, or "内置：2020-province" for a bundled one. */
	systemFile: string;
	systemDigest: string;
	/** The weights file relative to the workspace, or the bundled one's name. */
	weightsFile: string;
	weightsDigest: string;
	/** The sample plan the workspace refers to (relative), and its digest, if any. */
	samplePlan?: {file: string; digest: string};
	generatedAt: string;
	program: string;
	/** Why this is a draft (the blockers, summed up), or undefined for a final export. */
	draft: string | undefined;
	/** What changed since the workspace was made (system or weights file), in words. */
	changes?: readonly string[];
	/** The exporting user's time zone (minutes east of UTC at an instant). */
	zone?: ZoneOffset;
};

export type RegionOrder = 'rank' | 'tier';

export type WorkbookOptions = {
	regions?: readonly string[];
	detail: boolean;
	/** `rank` (default): the ranking table; `tier`: the published 2022 style, grouped by tier, code order, no ranks. */
	order?: RegionOrder;
	/** The blockers, for a draft's 未完成项 sheet and its marks; computed by the caller (the report has it too). */
	finality?: Finality;
	/** Measure statistics per leaf (what measure scores are relative to). */
	stats?: ReadonlyMap<string, MeasureStats>;
	/** The catalog's name of a service item id. */
	itemName?: (id: string) => string | undefined;
	/** The audit trail (see `auditTrailOf`), for the 变更记录 sheet; absent: no such sheet. */
	changes?: readonly ChangeEntry[];
};

export const SCORE_FORMAT = '0.00';
export const num = (value: number | null, format?: string): Cell => (value === null ? {kind: 'text', value: '—'} : {kind: 'number', value, ...(format ? {format} : {})});
/** Excel keeps at most 32,767 characters in a cell; longer text is cut, saying so. */
export const CELL_TEXT_LIMIT = 32_767;
const CUT = '…（已截断，全文见工作区文件）';
export const text = (value: string): Cell => ({kind: 'text', value: value.length > CELL_TEXT_LIMIT ? value.slice(0, CELL_TEXT_LIMIT - CUT.length) + CUT : value});
export const EMPTY: Cell = {kind: 'empty'};

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

export function widthsOf(rows: Cell[][], min = 6, max = 80): number[] {
	const widths: number[] = [];
	for (const row of rows) {
		row.forEach((cell, i) => {
			const shown = cell.kind === 'number' ? (cell.format === DATE_FORMAT ? DATE_FORMAT.length : approxWidth(cell.format === SCORE_FORMAT ? cell.value.toFixed(2) : String(cell.value))) : cell.kind === 'text' ? widestLine(cell.value, max) : 0;
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

/** The region column's heading in the published ranking lists: 省级政府 or 重点城市 by the system's region kind. */
export function regionColumnTitle(regionKind: 'province' | 'city' | 'other'): string {
	return regionKind === 'province' ? '省级政府' : regionKind === 'city' ? '重点城市' : '地区';
}

/**
 * Regions in the order a ranking table lists them: by rank (ties and unranked in workspace
 * order), or in the 2022 style grouped by tier (top tier first) and by administrative code
 * within a tier, regions without a total last.
 */
export function orderRegions(regions: readonly RegionRow[], order: RegionOrder, tierIds: readonly string[]): RegionRow[] {
	const at = new Map(regions.map((r, i) => [r.code, i]));
	if (order === 'rank') return [...regions].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || at.get(a.code)! - at.get(b.code)!);
	const tierAt = (r: RegionRow) => (r.tierId === null ? Infinity : tierIds.indexOf(r.tierId));
	return [...regions].sort((a, b) => tierAt(a) - tierAt(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The official result workbook as data: one sheet per region in the published layout (the
 * region's name as its title, then 评估指标 | 得分 | 排名), a ranking sheet with the tier summary,
 * every sampled item, every finding (conflict candidates and settled ones' candidates too), the
 * facts an analyst needs to trust it, and for a draft the list of what is not finished.
 * Pure: the same workspace gives the same cells in the same order.
 */
export function workbookModel(index: SystemIndex, ws: Workspace, report: ScoreReport, best: ReadonlyMap<string, number>, facts: ExportFacts, options: WorkbookOptions): WorkbookModel {
	const system = index.system;
	const zone = facts.zone ?? (() => 0);
	const order = options.order ?? 'rank';
	const withRanks = order === 'rank';
	const draft = facts.draft !== undefined;
	const stats = options.stats ?? new Map([...best].map(([code, b]) => [code, {best: b, worst: b, count: 1}]));
	// The names of the other sheets (the year-on-year comparison's too: see comparison-sheets.ts).
	const taken = new Set<string>(['排名', '对比', '指标对比', '抽查事项', '评估记录', '变更记录', '未完成项', '说明'].map(s => s.toLowerCase()));
	const chosen = report.regions.filter(r => !options.regions || options.regions.includes(r.code));
	const ordered = orderRegions(chosen, order, system.tiers.map(t => t.id));
	const edition = `${system.edition.reportYear}年报告（${system.edition.dataYear}年数据）`;
	const subtitle = `${pick(system.title, 'zh')} · ${edition}`;
	const draftMark = '（草稿）';
	const sheets: SheetModel[] = [];
	const date = (iso: string): Cell => {
		const serial = excelSerial(iso, zone);
		return serial === undefined ? text(iso) : {kind: 'number', value: serial, format: DATE_FORMAT};
	};
	const localTime = (iso: string) => isoWithOffset(iso, zone);

	// One sheet per region: the published table, titled with the region's name as published.
	for (const region of withRanks ? chosen : ordered) {
		const open = draft && !region.final;
		const title = `[${region.name}]${draft ? draftMark : ''}`;
		const second = `${subtitle}${open ? ` · 草稿：本地区尚有 ${region.blockers} 项未完成（已评 ${formatPercent(region.coverage)}），得分${withRanks ? '、排名' : ''}与等级为暂定` : draft ? ` · 草稿：${withRanks ? '排名为暂定（其他地区尚未完成）' : '其他地区尚未完成'}` : ''}`;
		const width = withRanks ? 3 : 2;
		const pad = (cells: Cell[]) => [...cells, ...Array<Cell>(width - cells.length).fill(EMPTY)];
		const rows: Cell[][] = [pad([text(title)]), pad([text(second)]), withRanks ? [text('评估指标'), text('得分'), text('排名')] : [text('评估指标'), text('得分')]];
		rows.push(withRanks ? [text('总得分'), num(region.total, SCORE_FORMAT), num(region.rank)] : [text('总得分'), num(region.total, SCORE_FORMAT)]);
		for (const row of region.indicators) {
			if (row.level > (options.detail ? 3 : 2)) continue;
			const indent = '　'.repeat(row.level - 1);
			const cells = [text(`${indent}${row.name}`), row.na ? text('不适用') : row.weightless ? text('—（权重为0）') : num(row.score, SCORE_FORMAT)];
			rows.push(withRanks ? [...cells, num(row.rank)] : cells);
		}
		const widths = widthsOf(rows.slice(2));
		sheets.push({name: region.name, rows, widths, merges: [{row: 0, from: 0, to: width - 1}, {row: 1, from: 0, to: width - 1}]});
	}
	// Names are made safe in one pass, in sheet order, so the same input always gives the same names.
	for (const sheet of sheets) sheet.name = safeSheetName(sheet.name, taken);

	sheets.push(rankingSheet(index, report, ordered, chosen, facts, order, subtitle));

	const names = new Map(report.regions.map(r => [r.code, r.name]));
	const ctx = {index, ws, regions: options.regions, stats, regionName: (code: string) => names.get(code) ?? code};
	if (index.leaves.some(l => l.rule?.type === 'sampled')) {
		const header = ['地区代码', '地区', '指标代码', '指标', '事项编码', '事项名称', '结果', '备注', '证据', '评估人', '时间'];
		const rows: Cell[][] = [header.map(text)];
		for (const s of sampleRows(ctx, options.itemName ?? (() => undefined))) {
			rows.push([text(s.region), text(s.regionName), text(s.indicator), text(s.indicatorName), text(s.itemCode ?? ''), text(s.itemName || (s.itemCode === null ? '' : '（目录中无此编码）')), text(s.resultText), text(s.note), text(s.evidence.map(e => evidenceText(e, localTime)).join('\n')), text(s.by), date(s.at)]);
		}
		sheets.push(tableSheet('抽查事项', rows));
	}

	const reviewRequired = reviewPolicyOf(ws).reviewRequired;
	// Every finding; a settled one followed by the candidates it was settled from, an open conflict by its candidates.
	const header = ['地区代码', '地区', '指标代码', '指标', '分值', '单位', '得分', '状态', '原因', '备注', '证据', '评估人', '时间', '裁定', '审核'];
	const findings: Cell[][] = [header.map(text)];
	for (const f of findingRows(ctx)) {
		const value = f.amount !== null ? num(f.amount) : text(f.display);
		const settled = f.settled && f.kind === 'finding' ? `由 ${f.settled.by} 于 ${localTime(f.settled.at)} 裁定${f.settled.reason ? `：${f.settled.reason}` : ''}` : f.kind === 'settled-candidate' ? '裁定前的候选' : f.kind === 'conflict-candidate' ? '未裁定' : '';
		const review = f.review ? `${f.review.state === 'accepted' ? '已通过' : '已退回'}：${f.review.by} 于 ${localTime(f.review.at)}${f.review.note ? `；${f.review.note}` : ''}` : reviewRequired && f.kind === 'finding' && (f.status === 'done' || f.status === 'na') ? '待审核' : '';
		findings.push([text(f.region), text(f.regionName), text(f.indicator), text(f.indicatorName), value, text(f.unit), f.score === null ? EMPTY : num(f.score, SCORE_FORMAT), text(f.statusText), text(f.reason), text(f.note), text(f.evidence.map(e => evidenceText(e, localTime)).join('\n')), text(f.by), date(f.at), text(settled), text(review)]);
	}
	sheets.push(tableSheet('评估记录', findings, 60));

	// Every change, oldest first: who, when, what it was, what it became. One row per version a
	// person made (its fields one a line in 变更项, 原值 and 新值): a season's trail stays a table
	// a person can filter, and the workbook stays quick to write.
	if (options.changes) {
		const rows: Cell[][] = [['时间', '人员', '地区代码', '地区', '指标代码', '指标', '变更项', '原值', '新值', '说明', '版本'].map(text)];
		const via: Record<string, string> = {merge: '合并', undo: '撤销', history: '据历史版本恢复（变更日志中缺失）'};
		for (const group of changeGroups(options.changes, options.regions)) {
			const e = group[0]!;
			const described = group.map(x => describeChange(x, index, 'zh'));
			const node = e.indicator ? index.nodes.get(e.indicator) : undefined;
			const notes = [...new Set(group.filter(x => x.note && x.field !== 'review' && x.field !== 'settled').map(x => x.note!))];
			const why = [e.via ? via[e.via] : '', ...notes].filter(Boolean).join('；');
			const lines = (pick: (d: ReturnType<typeof describeChange>) => string) => described.map(d => pick(d).replace(/\n/g, ' ')).join('\n');
			rows.push([date(e.at), text(e.by), text(e.region ?? ''), text(e.region ? ctx.regionName(e.region) : ''), text(e.indicator ?? ''), text(node ? pick(node.node.name, 'zh') : (e.indicator ?? '')), text(lines(d => d.what)), text(lines(d => d.from)), text(lines(d => d.to)), text(why), text(e.rev ?? '')]);
		}
		sheets.push(tableSheet('变更记录', rows, 60));
	}

	if (draft && options.finality && options.finality.blockers.length) {
		const rows: Cell[][] = [['地区代码', '地区', '指标代码', '指标', '原因', '审核人'].map(text)];
		for (const b of options.finality.blockers) {
			if (options.regions && !options.regions.includes(b.region)) continue;
			rows.push([text(b.region), text(b.regionName), text(b.indicator), text(b.indicatorName), text(blockerLine(b, 'zh').slice(`${b.regionName} ${b.indicator} ${b.indicatorName}：`.length)), text(b.reviewer ?? '')]);
		}
		sheets.push(tableSheet('未完成项', rows));
	}

	sheets.push(metaSheet(index, report, chosen, facts, order, edition, stats, date));
	return {sheets};
}

/**
 * Changes as the rows of 变更记录: the entries one version made (same time, person, leaf,
 * version and way) together, in the trail's order; workspace-wide changes each alone.
 */
function changeGroups(changes: readonly ChangeEntry[], regions: readonly string[] | undefined): ChangeEntry[][] {
	const groups: ChangeEntry[][] = [];
	const open = new Map<string, ChangeEntry[]>();
	for (const e of changes) {
		if (regions && e.region !== undefined && !regions.includes(e.region)) continue;
		const key = e.rev === undefined ? undefined : `${e.at}|${e.by}|${e.region}|${e.indicator}|${e.rev}|${e.via ?? ''}`;
		const group = key === undefined ? undefined : open.get(key);
		if (group) group.push(e);
		else {
			const made = [e];
			groups.push(made);
			if (key !== undefined) open.set(key, made);
		}
	}
	return groups;
}

/** A long table: a frozen header row and a filter over its columns. */
export function tableSheet(name: string, rows: Cell[][], maxWidth = 80): SheetModel {
	const columns = rows[0]!.length;
	return {name, rows, widths: widthsOf(rows, 6, maxWidth), merges: [], freezeRows: 1, filter: {row: 0, from: 0, to: columns - 1, lastRow: Math.max(0, rows.length - 1)}};
}

function rankingSheet(index: SystemIndex, report: ScoreReport, ordered: readonly RegionRow[], chosen: readonly RegionRow[], facts: ExportFacts, order: RegionOrder, subtitle: string): SheetModel {
	const system = index.system;
	const draft = facts.draft !== undefined;
	const withRanks = order === 'rank';
	const primaries = index.primaries.map(code => pick(index.nodes.get(code)!.node.name, 'zh'));
	const who = regionColumnTitle(system.regionKind);
	const title = `${subtitle} · 总体指数${withRanks ? '排名' : '（按等级分组，组内按行政区划代码排序）'}${draft ? '（草稿：排名与等级为暂定）' : ''}`;
	const head = withRanks ? ['排名', who, '总体指数', '等级', ...primaries] : ['等级', who, '总体指数', ...primaries];
	if (draft) head.push('已评覆盖率', '状态');
	const rows: Cell[][] = [[text(title)], head.map(text)];
	for (const r of ordered) {
		const scores = index.primaries.map(code => num(r.indicators.find(i => i.code === code)!.score, SCORE_FORMAT));
		const row = withRanks ? [num(r.rank), text(r.name), num(r.total, SCORE_FORMAT), text(r.tier ?? '—'), ...scores] : [text(r.tier ?? '—'), text(r.name), num(r.total, SCORE_FORMAT), ...scores];
		// In a draft, ranks compare with regions still open; a region's own total can be settled already.
		if (draft) row.push(num(r.coverage, '0.00%'), text(report.final ? '正式' : r.final ? (withRanks ? '得分已定，排名暂定' : '得分已定') : '暂定'));
		rows.push(row);
	}
	const tiered = chosen.filter(r => r.tierId !== null);
	rows.push([], [text(draft ? '等级（暂定）' : '等级'), text('地区数'), text('占比')]);
	system.tiers.forEach((tier, i) => {
		const count = tiered.filter(r => r.tierId === tier.id).length;
		rows.push([text(tierCaption(system.tiers, i)), num(count, '0"个"'), num(tiered.length ? count / tiered.length : 0, '0.00%')]);
	});
	if (tiered.length < chosen.length) rows.push([text(`另有 ${chosen.length - tiered.length} 个地区尚无总得分，未计入占比`)]);
	if (draft) rows.push([text(`草稿：${facts.draft}。得分按已评部分计算，排名与等级为暂定。`)]);
	const relative = relativeText(report.relative, 'zh');
	if (relative) rows.push([text(relative)]);
	return {name: '排名', rows, widths: widthsOf(rows.slice(1, 2 + ordered.length)), merges: [], freezeRows: 2};
}

function metaSheet(index: SystemIndex, report: ScoreReport, chosen: readonly RegionRow[], facts: ExportFacts, order: RegionOrder, edition: string, stats: ReadonlyMap<string, MeasureStats>, date: (iso: string) => Cell): SheetModel {
	const system = index.system;
	const coverage = chosen.length ? chosen.reduce((s, r) => s + r.coverage, 0) / chosen.length : 0;
	const measures = index.leaves.filter(l => l.rule?.type === 'measure');
	const meta: Cell[][] = [
		[text('项目'), text('内容')],
		[text('状态'), text(facts.draft ? `草稿：${facts.draft}` : '正式结果')],
		[text('指标体系'), text(`${pick(system.title, 'zh')}（${system.id}）`)],
		[text('指标体系版本'), text(system.version)],
		[text('版次'), text(edition)],
		[text('指标体系文件'), text(facts.systemFile)],
		[text('指标体系文件摘要（SHA-256）'), text(facts.systemDigest || '—')],
		[text('排名规则'), text(system.ranking === 'dense' ? '并列同名次，后续名次连续（1、2、2、3）' : '并列同名次，后续名次跳过（1、2、2、4）')],
		[text('排序方式'), text(order === 'rank' ? '按总体指数排名' : '按等级分组，组内按行政区划代码排序，不列名次')],
		[text('等级划分'), text(tierEdgesText(system.tiers))],
		[text('权重文件'), text(facts.weightsFile)],
		[text('权重文件摘要（SHA-256）'), text(facts.weightsDigest || '—')],
	];
	if (facts.samplePlan) meta.push([text('抽查计划'), text(facts.samplePlan.file)], [text('抽查计划摘要（SHA-256）'), text(facts.samplePlan.digest)]);
	meta.push(
		[text('工作区'), text(facts.workspaceFile)],
		[text('地区数'), num(chosen.length)],
		[text('平均覆盖率'), num(coverage, '0.00%')],
		[text('未评三级指标'), num(chosen.reduce((s, r) => s + r.unscored, 0))],
		[text('未裁定冲突'), num(chosen.reduce((s, r) => s + r.conflicts, 0))],
	);
	if (measures.length) {
		const relative = relativeText(report.relative, 'zh');
		if (relative) meta.push([text('计量类指标'), text(relative)]);
		for (const leaf of measures) {
			const rule = leaf.rule as Extract<typeof leaf.rule, {type: 'measure'}>;
			const st = stats.get(leaf.code);
			meta.push([text(`计量方法 ${leaf.code}`), text(`${pick(leaf.node.name, 'zh')}：${describeMethod(rule, 'zh')}${st ? `；本文件 ${st.count} 个地区有数值，最优 ${st.best}、最差 ${st.worst} ${rule.unit.zh}` : '；本文件尚无数值'}`)]);
		}
	}
	for (const change of facts.changes ?? []) meta.push([text('文件变更'), text(change)]);
	meta.push([text('生成时间'), date(facts.generatedAt)], [text('程序'), text(facts.program)], [text('说明'), text(system.note ?? '')]);
	return {name: '说明', rows: meta, widths: widthsOf(meta, 6, 100), merges: []};
}

/** Text a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR) in CSV gets a quote. */
export function guardFormula(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

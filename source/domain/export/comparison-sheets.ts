import type {Comparison, RegionChange, RegionStanding} from '../compare/compare-results.js';
import type {PairKind} from '../compare/match-indicators.js';
import {text, num, widthsOf, tableSheet, SCORE_FORMAT, type Cell, type SheetModel, type WorkbookModel} from './workbook-model.js';

/** A change of score: signed, two decimals. */
export const CHANGE_FORMAT = '+0.00;-0.00;0.00';
/** Places moved: up ↑, down ↓, none –. */
export const MOVED_FORMAT = '"↑"0;"↓"0;"–"';

/** What the comparison sheets show: the comparison (of the export's regions) and where it came from. */
export type ComparisonFacts = {
	comparison: Comparison;
	/** The older workspace, as the export names files (relative to the workspace's folder). */
	oldWorkspace: string;
	/** The mapping file, or undefined when codes were matched by code and name. */
	mapping: string | undefined;
	/** Only these regions (the export's --regions); ranks stay among each edition's regions. */
	regions?: readonly string[];
};

export const PAIR_KIND_ZH: Record<PairKind, string> = {same: '相同', renamed: '改名', merged: '合并', split: '拆分', regrouped: '重组', dropped: '撤销', added: '新增'};

const status = (s: RegionStanding | null) => (s === null ? '未评估' : s.provisional ? '暂定' : '正式');
const edition = (e: Comparison['old']) => `${e.title}（${e.system} ${e.version}，${e.reportYear}年报告、${e.dataYear}年数据）`;

/**
 * The year-on-year sheets of the result workbook (`assess export --compare <old-ws>`), from
 * `compareResults`: 对比 — per region the total, rank and tier then and now and the change,
 * which indicators correspond (renamed, merged, split, dropped, added) and which codes do not;
 * 指标对比 — per region every corresponding indicator then and now and the change. Results
 * that are not final on either side are marked 暂定.
 */
export function comparisonSheets(facts: ComparisonFacts): SheetModel[] {
	const c = facts.comparison;
	const shown = c.regions.filter(r => !facts.regions || facts.regions.includes(r.code));
	return [overviewSheet(c, shown, facts), indicatorSheet(c, shown)];
}

/** The workbook with the comparison sheets after 排名. */
export function withComparison(model: WorkbookModel, facts: ComparisonFacts): WorkbookModel {
	const at = model.sheets.findIndex(s => s.name === '排名') + 1;
	return {sheets: [...model.sheets.slice(0, at), ...comparisonSheets(facts), ...model.sheets.slice(at)]};
}

function overviewSheet(c: Comparison, shown: readonly RegionChange[], facts: ComparisonFacts): SheetModel {
	const rows: Cell[][] = [[text(`年度对比：${edition(c.old)} → ${edition(c.new)}`)], [text(`上期工作区：${facts.oldWorkspace}；${facts.mapping ? `指标映射：${facts.mapping}` : '未给映射文件：代码与名称相同的指标相互对应'}`)]];
	// Provisional on either side: counted over every region, whatever the export shows.
	const open = (side: 'old' | 'new') => c.regions.filter(r => r[side]?.provisional).length;
	const notes = [
		open('old') ? `上期有 ${open('old')} 个地区结果未定` : '',
		open('new') ? `本期有 ${open('new')} 个地区结果未定` : '',
	].filter(Boolean);
	if (notes.length) rows.push([text(`暂定：${notes.join('，')}；标“暂定”的得分与等级为暂定，未定一期的排名均为暂定。`)]);
	if (!c.sameRegions) rows.push([text('两期评估的地区不完全相同：排名各按本期地区计算。')]);
	rows.push([]);
	const header = rows.length;
	rows.push(['地区代码', '地区', '上期总分', '本期总分', '变化', '上期排名', '本期排名', '名次变化', '上期等级', '本期等级', '上期状态', '本期状态'].map(text));
	for (const r of shown) {
		rows.push([text(r.code), text(r.name), total(r.old), total(r.new), num(r.totalChange, CHANGE_FORMAT), num(r.old?.rank ?? null), num(r.new?.rank ?? null), num(r.rankChange, MOVED_FORMAT), text(r.old?.tier ?? '—'), text(r.new?.tier ?? '—'), text(status(r.old)), text(status(r.new))]);
	}
	const lastRegion = rows.length - 1;
	const widths = widthsOf(rows.slice(header));

	const counts = new Map<PairKind, number>();
	for (const p of c.pairs) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
	const summary = (Object.keys(PAIR_KIND_ZH) as PairKind[]).filter(k => counts.get(k)).map(k => `${PAIR_KIND_ZH[k]} ${counts.get(k)}`).join('，');
	rows.push([], [text(`指标对应：${summary || '—'}；未匹配：上期 ${c.unmatched.old.length} 项，本期 ${c.unmatched.new.length} 项`)]);
	const changed = c.pairs.filter(p => p.kind !== 'same');
	if (changed.length) {
		rows.push(['变化', '上期指标代码', '上期指标', '本期指标代码', '本期指标', '说明'].map(text));
		for (const p of changed) rows.push([text(PAIR_KIND_ZH[p.kind]), text(p.from.join('+') || '—'), text(p.fromNames.join('、') || '—'), text(p.to.join('+') || '—'), text(p.toNames.join('、') || '—'), text(p.note ?? '')]);
	}
	for (const [side, title] of [
		['old', '上期未匹配（本期无对应指标）'],
		['new', '本期未匹配（上期无对应指标）'],
	] as const) {
		const list = c.unmatched[side];
		if (list.length === 0) continue;
		rows.push([], [text(`${title}：${list.length} 项`)], ['指标代码', '指标', '级别'].map(text));
		for (const x of list) rows.push([text(x.code), text(x.name), num(x.level)]);
	}
	return {name: '对比', rows, widths, merges: [], freezeRows: header + 1, filter: {row: header, from: 0, to: 11, lastRow: lastRegion}};
}

const total = (s: RegionStanding | null): Cell => (s === null ? text('—') : num(s.total, SCORE_FORMAT));

function indicatorSheet(c: Comparison, shown: readonly RegionChange[]): SheetModel {
	const rows: Cell[][] = [['地区代码', '地区', '本期指标代码', '本期指标', '级别', '对应', '上期指标代码', '上期指标', '上期得分', '本期得分', '变化', '上期状态', '本期状态'].map(text)];
	// Where the two systems correspond, for regions assessed in both editions.
	const compared = c.pairs.map((p, i) => ({p, i})).filter(({p}) => p.from.length && p.to.length);
	for (const r of shown) {
		if (!r.old || !r.new) continue;
		for (const {p, i} of compared) {
			const ch = r.indicators[i]!;
			rows.push([text(r.code), text(r.name), text(p.to.join('+')), text(p.toNames.join('、')), num(p.level), text(PAIR_KIND_ZH[p.kind]), text(p.from.join('+')), text(p.fromNames.join('、')), num(ch.old, SCORE_FORMAT), num(ch.new, SCORE_FORMAT), num(ch.change, CHANGE_FORMAT), text(status(r.old)), text(status(r.new))]);
		}
	}
	return tableSheet('指标对比', rows, 40);
}

import type {Lang} from '../text.js';
import type {RelativeNote} from './score-report.js';
import {formatScore, formatPercent} from './score-report.js';
import {messages, say, list} from '../words/message.js';

const P = messages('domain/provisional', {
	total: {zh: '{score}（暂定，已评 {coverage}）', en: '{score} (provisional, {coverage} scored)'},
	footnote: {zh: '* 暂定：工作区尚未完成（有未评、草稿、待复核或冲突），排名与等级可能变化', en: '* provisional: the workspace is not final (unscored, draft or flagged leaves, or conflicts); ranks and tiers may still change'},
	relative: {zh: '计量类指标（{codes}）的得分相对于本文件中的 {n} 个地区计算，地区不同则得分不同', en: 'Measure scores ({codes}) are relative to the {n} {n|region|regions} in this file; another set of regions gives other scores'},
	relativeLeaf: {zh: '相对于本文件中有数值的 {n} 个地区', en: 'relative to the {n} {n|region|regions} in this file with a value'},
});

/**
 * Words that keep a provisional result from passing for a final one: wherever a total, rank or
 * tier is shown (the CLI, the exports, the TUI), a total that is not final carries its
 * coverage, and a rank or tier that may still move is marked.
 */

/** "86.97", or for a provisional total "86.97 (provisional, 1.3% scored)" / "86.97（暂定，已评 1.3%）". */
export function totalText(total: number | null, coverage: number, final: boolean, lang: Lang = 'en'): string {
	const shown = formatScore(total);
	if (final || total === null) return shown;
	return say(lang, P.total({score: shown, coverage: formatPercent(coverage)}));
}

/** The mark after a rank or tier that may still move: "*" in tables, with `PROVISIONAL_FOOTNOTE` below them. */
export const PROVISIONAL_MARK = '*';

/** A rank as a table shows it: "3", "3*" while provisional, "—" when there is none. */
export function rankText(rank: number | null, final: boolean): string {
	if (rank === null) return '—';
	return final ? String(rank) : `${rank}${PROVISIONAL_MARK}`;
}

/** A tier as a table shows it: "非常高", "非常高*" while provisional, "—" when there is none. */
export function tierText(tier: string | null, final: boolean): string {
	if (tier === null) return '—';
	return final ? tier : `${tier}${PROVISIONAL_MARK}`;
}

/** What the mark means, once under a table that uses it. */
export function provisionalFootnote(lang: Lang = 'en'): string {
	return say(lang, P.footnote());
}

/** "Total 86.97 · #3* · 高* · 1.3% scored" pieces for a header line, in one call. */
export function regionHeadline(row: {total: number | null; rank: number | null; tier: string | null; coverage: number; final: boolean}, wholeFinal: boolean, lang: Lang = 'en'): {total: string; rank: string; tier: string} {
	return {total: totalText(row.total, row.coverage, row.final, lang), rank: rankText(row.rank, wholeFinal), tier: tierText(row.tier, row.final)};
}

/**
 * "Measure scores are relative to the 2 regions in this file" — said wherever measure scores
 * are shown, since an assessor's two-province file gives other scores than the team's 32.
 */
export function relativeText(note: RelativeNote | null, lang: Lang = 'en'): string | undefined {
	if (!note || note.measures.length === 0) return undefined;
	return say(lang, P.relative({codes: list(note.measures.map(m => m.code)), n: note.regions}));
}

/** The same for one measure leaf: "relative to the 2 regions in this file with a value". */
export function relativeLeafText(regions: number, lang: Lang = 'en'): string {
	return say(lang, P.relativeLeaf({n: regions}));
}

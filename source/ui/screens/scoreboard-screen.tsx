import React from 'react';
import {Box, Text} from 'ink';
import type {SystemIndex} from '../../domain/system/system-index.js';
import type {WorkspaceScore} from '../../domain/scoring/score-workspace.js';
import {pick, type Lang} from '../../domain/text.js';
import {formatScore} from '../../domain/scoring/score-report.js';
import {bar} from '../view-model.js';
import {t} from '../strings.js';
import type {Theme} from '../theme.js';
import type {ScoreColumn} from '../state/ui-state.js';
import {padEnd, padStart, truncate, cellWidth} from '../../text/cell-width.js';
import {windowStart} from '../state/tree-rows.js';

export type ScoreboardRow = {code: string; name: string; rank: number | null; total: number | null; tier: string; coverage: number; primaries: (number | null)[]; move: number};

export function scoreboardRows(index: SystemIndex, scores: WorkspaceScore, names: ReadonlyMap<string, string>, moves: ReadonlyMap<string, number>, sortBy: ScoreColumn, lang: Lang): ScoreboardRow[] {
	const rows = scores.regions.map(r => ({
		code: r.code,
		name: names.get(r.code) ?? r.code,
		rank: r.rank,
		total: r.total,
		tier: r.tier ? pick(r.tier.label, lang) : '—',
		coverage: r.coverage,
		primaries: index.primaries.map(p => r.nodes.get(p)?.score ?? null),
		move: moves.get(r.code) ?? 0,
	}));
	const num = (v: number | null) => (v === null ? -Infinity : v);
	const key: Record<ScoreColumn, (r: ScoreboardRow) => number | string> = {
		rank: r => (r.rank === null ? Infinity : r.rank),
		name: r => r.name,
		total: r => -num(r.total),
		coverage: r => -r.coverage,
		p1: r => -num(r.primaries[0] ?? null),
		p2: r => -num(r.primaries[1] ?? null),
		p3: r => -num(r.primaries[2] ?? null),
		p4: r => -num(r.primaries[3] ?? null),
		p5: r => -num(r.primaries[4] ?? null),
	};
	const k = key[sortBy];
	return rows.sort((a, b) => {
		const x = k(a);
		const y = k(b);
		if (typeof x === 'string' && typeof y === 'string') return x.localeCompare(y, 'zh');
		return (x as number) - (y as number) || a.code.localeCompare(b.code);
	});
}

export type ScoreboardProps = {index: SystemIndex; rows: readonly ScoreboardRow[]; cursor: number; sortBy: ScoreColumn; lang: Lang; theme: Theme; width: number; height: number};

/** All regions ranked: tier, total, coverage, and the five primary scores as bars. */
export function ScoreboardScreen({index, rows, cursor, sortBy, lang, theme, width, height}: ScoreboardProps) {
	const nameWidth = Math.min(16, Math.max(6, ...rows.map(r => cellWidth(r.name))));
	const tierWidth = Math.max(cellWidth(t(lang, 'tier')), ...index.system.tiers.map(x => cellWidth(pick(x.label, lang))));
	const fixed = 5 + 4 + nameWidth + 8 + tierWidth + 1 + 6;
	const barWidth = Math.max(3, Math.floor((width - fixed) / index.primaries.length) - 1);
	const primaryNames = index.primaries.map((p, i) => truncate(`${i + 1}.${pick(index.nodes.get(p)!.node.name, lang)}`, barWidth));
	const mark = (c: ScoreColumn, text: string) => (sortBy === c ? `${text}*` : text);
	const header = `${padStart(mark('rank', t(lang, 'rank')), 5)}     ${padEnd(mark('name', t(lang, 'region')), nameWidth)} ${padStart(mark('total', t(lang, 'total')), 7)} ${padEnd(t(lang, 'tier'), tierWidth)} ${padStart(mark('coverage', t(lang, 'coverage')), 5)} ${primaryNames.map((n, i) => padEnd(mark(`p${i + 1}` as ScoreColumn, n), barWidth)).join(' ')}`;
	const visible = Math.max(1, height - 2);
	const start = windowStart(cursor, 0, visible, rows.length);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate">
				{truncate(header, width)}
			</Text>
			{rows.slice(start, start + visible).map((r, i) => {
				const move = r.move > 0 ? `+${r.move}` : r.move < 0 ? String(r.move) : '';
				const line = `${padStart(r.rank === null ? '—' : String(r.rank), 5)} ${padEnd(move, 3)} ${padEnd(truncate(r.name, nameWidth), nameWidth)} ${padStart(formatScore(r.total), 7)} ${padEnd(r.tier, tierWidth)} ${padStart(`${Math.round(r.coverage * 100)}%`, 5)} ${r.primaries.map(p => (p === null ? padEnd('—', barWidth) : bar(p / 100, barWidth))).join(' ')}`;
				return (
					<Text key={r.code} inverse={start + i === cursor} color={r.move > 0 ? theme.good : r.move < 0 ? theme.bad : undefined} wrap="truncate">
						{truncate(line, width)}
					</Text>
				);
			})}
			<Text color={theme.muted} wrap="truncate">
				{truncate(`* ${t(lang, 'sortedBy')} (o)   +n/-n: ${t(lang, 'since')}`, width)}
			</Text>
		</Box>
	);
}

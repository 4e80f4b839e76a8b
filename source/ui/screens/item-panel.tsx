import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import type {IndexedNode} from '../../domain/system/system-index.js';
import type {Finding, Conflict} from '../../domain/workspace/workspace-schema.js';
import type {NodeScore} from '../../domain/scoring/score-workspace.js';
import type {ServiceItem} from '../../domain/catalog/catalog-schema.js';
import type {Lang} from '../../domain/text.js';
import {t, STATUS_LABEL, STATUS_MARK, PROVENANCE_LABEL, shownScore, type LeafStatus} from '../strings.js';
import type {Theme} from '../theme.js';
import {PaneTitle} from '../components/pane-title.js';
import {evidenceLine} from './evidence-line.js';
import {truncate} from '../../text/cell-width.js';
import {fromFile, localized, shownRank} from '../display.js';
import {valueText, sampleCountText, sampleMark, ruleText} from '../value-text.js';
import type {ReviewLine} from './review-line.js';

export type ItemPanelProps = {
	node: IndexedNode;
	finding: Finding | undefined;
	/** Who recorded it (review mode) and where it stands with review (see review-line.ts). */
	review?: ReviewLine | undefined;
	conflict: Conflict | undefined;
	status: LeafStatus;
	score: NodeScore | undefined;
	/** The whole result is final: the rank is not marked provisional. */
	rankFinal: boolean;
	/** For a measure leaf: what its score is relative to. */
	relative: string | undefined;
	/** Why this leaf keeps the result from being final, in words (none: it is final). */
	blockers: readonly string[];
	/** How many items the sample plan lists for this leaf (shown while it has none). */
	planned: number;
	catalog: Pick<ReadonlyMap<string, ServiceItem>, 'get'>;
	/** Selected row: sampled items first, then evidence; -1 for none. */
	row: number;
	focused: boolean;
	lang: Lang;
	theme: Theme;
	width: number;
	height: number;
};

/** Long text is cut for the panel (a pasted 10 MB note must not be laid out on every frame). */
export function clip(text: string, max = 2000): string {
	return text.length > max ? `${text.slice(0, max)}... (+${text.length - max})` : text;
}

/**
 * One indicator: for a leaf, its guide (what to check, where, what counts), rule, value,
 * status, what keeps it from being final, note, sampled items and evidence; for an inner node,
 * its score and description. Everything from a file passes the output boundary (display.ts).
 */
export function ItemPanel({node, finding, review, conflict, status, score, rankFinal, relative, blockers, planned, catalog, row, focused, lang, theme, width, height}: ItemPanelProps) {
	const n = node.node;
	const lines: React.ReactNode[] = [];
	const inner = width - 1;
	// Lines never shrink: a panel taller than the screen is cut at the bottom, not squeezed.
	const add = (key: string, content: React.ReactNode, props: {color?: string; bold?: boolean; inverse?: boolean; underline?: boolean} = {}) =>
		lines.push(
			<Box key={key} flexShrink={0}>
				<Text wrap="wrap" {...props}>
					{content}
				</Text>
			</Box>,
		);
	const label = (id: Parameters<typeof t>[1]) => <Text color={theme.muted}>{t(lang, id)}: </Text>;
	const provenance = () => add('prov', <>{label('provenance')}{PROVENANCE_LABEL[n.provenance.kind][lang]}: {fromFile('source' in n.provenance ? n.provenance.source : n.provenance.basis)}</>, {color: theme.muted});

	add('name', `${n.code} ${localized(n.name, lang)}${lang === 'zh' && n.name.en ? `  ${fromFile(n.name.en)}` : ''}`, {bold: true, color: theme.accent});
	const shown = score?.na ? STATUS_LABEL.na[lang] : score?.weightless ? t(lang, 'weightlessWhy') : shownScore(score?.score);
	add('score', <>{label('score')}{shown}   {label('rank')}{shownRank(score?.rank, rankFinal)}</>);
	if (relative) add('relative', `(${relative})`, {color: theme.muted});
	if (!node.rule) {
		if (n.description) add('desc', fromFile(n.description));
		provenance();
	} else {
		const rule = node.rule;
		// A reviewed finding's status is its own (done, not applicable) and the review's decision.
		const reviewed = (status === 'accepted' || status === 'returned') && finding ? `${STATUS_LABEL[finding.status][lang]}, ` : '';
		add('status', <>{label('status')}{STATUS_MARK[status]} {reviewed}{STATUS_LABEL[status][lang]}{finding?.reason ? `: ${fromFile(finding.reason)}` : ''}</>, {color: status === 'flagged' || status === 'conflict' || status === 'returned' ? theme.warn : undefined});
		if (review?.recorded) add('recorded', <>{label('recorded')}{review.recorded}</>, {color: theme.muted});
		if (review?.text) add('review', <>{label('review')}{review.text}</>, {color: review.tone === 'good' ? theme.good : review.tone === 'warn' ? theme.warn : review.tone === 'muted' ? theme.muted : undefined, bold: review.tone === 'warn'});
		add('value', <>{label('value')}{finding?.value ? valueText(rule, finding.value, lang) : t(lang, 'noValue')}</>, {bold: true});
		if (blockers.length) add('open', <>{label('notFinal')}{blockers.join(lang === 'zh' ? '；' : '; ')}</>, {color: theme.warn});
		add('rule', <>{label('rule')}{ruleText(rule, lang)}</>);
		if (conflict) add('conflict', `${t(lang, 'conflict')}: ${conflict.candidates.map(c => `${fromFile(c.by)}: ${valueText(rule, c.value, lang)}`).join(' | ')}`, {color: theme.warn});
		add('check', <>{label('check')}{fromFile(n.guide!.check)}</>);
		add('where', <>{label('where')}{fromFile(n.guide!.where)}</>);
		add('met', <>{label('met')}{fromFile(n.guide!.met)}</>);
		add('note', <>{label('note')}{finding?.note ? fromFile(clip(finding.note)) : t(lang, 'none')}</>);
		let r = 0;
		// The selected row: a marker and inverse video when the panel has the focus, underlined when not.
		const rowProps = (i: number) => (row === i ? (focused ? {inverse: true} : {underline: true}) : {});
		if (rule.type === 'sampled') {
			const samples = finding?.value?.type === 'sampled' ? finding.value.samples : [];
			add('samples', <>{label('samples')}{sampleCountText(samples, rule.sampleSize, lang)}</>);
			if (samples.length === 0 && planned > 0) add('planned', t(lang, 'planOffer').replace('{n}', String(planned)), {color: theme.muted});
			for (const s of samples) {
				const item = catalog.get(s.item);
				const text = `${row === r ? '>' : ' '} ${sampleMark(s.pass, lang)} ${fromFile(s.item)}${item ? ` ${fromFile(item.name)}` : ''}${s.note ? `: ${fromFile(s.note)}` : ''}`;
				add(`s${r}`, truncate(text, inner), {...rowProps(r), color: s.pass === false ? theme.warn : s.pass === null ? theme.muted : undefined});
				r++;
			}
		}
		const evidence = finding?.evidence ?? [];
		add('evidence', <>{label('evidence')}{evidence.length === 0 ? t(lang, 'none') : evidence.length}</>);
		for (const e of evidence) {
			add(`e${r}`, truncate(`${row === r ? '>' : ' '} ${evidenceLine(e, lang)}`, inner), rowProps(r));
			r++;
		}
		provenance();
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			<PaneTitle title={t(lang, 'item')} focused={focused} theme={theme} width={width} />
			<Box flexDirection="column" width={width} height={Math.max(1, height - 1)} overflow="hidden" paddingLeft={1}>
				{lines}
			</Box>
		</Box>
	);
}

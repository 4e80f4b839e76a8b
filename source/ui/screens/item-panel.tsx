import React from 'react';
import {Box, Text} from 'ink';
import type {IndexedNode} from '../../domain/system/system-index.js';
import type {Finding, Conflict} from '../../domain/workspace/workspace-schema.js';
import type {NodeScore} from '../../domain/scoring/score-workspace.js';
import type {ServiceItem} from '../../domain/catalog/catalog-schema.js';
import {pick, type Lang} from '../../domain/text.js';
import {describeAccepted, formatValue} from '../../domain/rules/parse-value.js';
import {t, STATUS_LABEL, STATUS_MARK, shownScore, type LeafStatus} from '../strings.js';
import type {Theme} from '../theme.js';
import {PaneTitle} from '../components/pane-title.js';
import {evidenceLine} from './evidence-line.js';
import {inert, truncate} from '../../text/cell-width.js';

export type ItemPanelProps = {
	node: IndexedNode;
	finding: Finding | undefined;
	conflict: Conflict | undefined;
	status: LeafStatus;
	score: NodeScore | undefined;
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
 * status, note, sampled items and evidence; for an inner node, its score and description.
 */
export function ItemPanel({node, finding, conflict, status, score, catalog, row, focused, lang, theme, width, height}: ItemPanelProps) {
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
	const provenance = () => add('prov', <>{label('provenance')}{n.provenance.kind}: {inert('source' in n.provenance ? n.provenance.source : n.provenance.basis)}</>, {color: theme.muted});

	add('name', `${n.code} ${pick(n.name, lang)}${lang === 'zh' && n.name.en ? `  ${n.name.en}` : ''}`, {bold: true, color: theme.accent});
	add('score', <>{label('score')}{score?.na ? 'n/a' : shownScore(score?.score)}   {label('rank')}{score?.rank ?? '-'}</>);
	if (!node.rule) {
		if (n.description) add('desc', inert(n.description));
		provenance();
	} else {
		const rule = node.rule;
		add('status', <>{label('status')}{STATUS_MARK[status]} {STATUS_LABEL[status][lang]}{finding?.reason ? `: ${inert(finding.reason)}` : ''}</>, {color: status === 'flagged' || status === 'conflict' ? theme.warn : undefined});
		add('value', <>{label('value')}{finding?.value ? formatValue(rule, finding.value) : t(lang, 'noValue')}</>, {bold: true});
		add('rule', <>{label('rule')}{describeAccepted(rule, lang)}</>);
		if (conflict) add('conflict', `${t(lang, 'conflict')}: ${conflict.candidates.map(c => `${inert(c.by)}: ${formatValue(rule, c.value)}`).join(' | ')}`, {color: theme.warn});
		add('check', <>{label('check')}{inert(n.guide!.check)}</>);
		add('where', <>{label('where')}{inert(n.guide!.where)}</>);
		add('met', <>{label('met')}{inert(n.guide!.met)}</>);
		add('note', <>{label('note')}{finding?.note ? inert(clip(finding.note)) : t(lang, 'none')}</>);
		let r = 0;
		// The selected row: a marker and inverse video when the panel has the focus, underlined when not.
		const rowProps = (i: number) => (row === i ? (focused ? {inverse: true} : {underline: true}) : {});
		if (rule.type === 'sampled') {
			const samples = finding?.value?.type === 'sampled' ? finding.value.samples : [];
			add('samples', <>{label('samples')}{samples.filter(s => s.pass).length}/{samples.length}{lang === 'zh' ? `（指南要求 ${rule.sampleSize} 项）` : ` (the guide asks for ${rule.sampleSize})`}</>);
			for (const s of samples) {
				const item = catalog.get(s.item);
				const text = `${row === r ? '>' : ' '} ${s.pass ? '[pass]' : '[fail]'} ${s.item}${item ? ` ${item.name}` : ''}${s.note ? `: ${s.note}` : ''}`;
				add(`s${r}`, truncate(inert(text), inner), {...rowProps(r), color: s.pass ? undefined : theme.warn});
				r++;
			}
		}
		const evidence = finding?.evidence ?? [];
		add('evidence', <>{label('evidence')}{evidence.length === 0 ? t(lang, 'none') : evidence.length}</>);
		for (const e of evidence) {
			add(`e${r}`, truncate(inert(`${row === r ? '>' : ' '} ${evidenceLine(e)}`), inner), rowProps(r));
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

import React from 'react';
import {Box, Text} from 'ink';
import type {IndexedNode} from '../../domain/system/system-index.js';
import type {Finding, Conflict, Evidence} from '../../domain/workspace/workspace-schema.js';
import type {NodeScore} from '../../domain/scoring/score-workspace.js';
import type {ServiceItem} from '../../domain/catalog/catalog-schema.js';
import {pick, type Lang} from '../../domain/text.js';
import {describeAccepted, formatValue} from '../../domain/rules/parse-value.js';
import {formatScore} from '../../domain/scoring/score-report.js';
import {t, STATUS_LABEL, STATUS_MARK, type LeafStatus} from '../strings.js';
import type {Theme} from '../theme.js';
import {inert, truncate} from '../../text/cell-width.js';

export type ItemPanelProps = {
	node: IndexedNode;
	finding: Finding | undefined;
	conflict: Conflict | undefined;
	status: LeafStatus;
	score: NodeScore | undefined;
	catalog: Pick<ReadonlyMap<string, ServiceItem>, 'get'>;
	/** Selected row: samples first, then evidence; -1 for none. */
	row: number;
	focused: boolean;
	lang: Lang;
	theme: Theme;
	width: number;
	height: number;
};

/** Long text is cut for the panel (a pasted 10 MB note must not be laid out on every frame). */
export function clip(text: string, max = 2000): string {
	return text.length > max ? `${text.slice(0, max)}… (+${text.length - max})` : text;
}

export function evidenceLine(e: Evidence): string {
	const when = e.seenAt.slice(0, 16).replace('T', ' ');
	switch (e.kind) {
		case 'url':
			return `url   ${e.url}  (${when} ${e.by})`;
		case 'quote':
			return `quote “${e.text}”  (${when} ${e.by})`;
		case 'file':
			return `file  ${e.name} sha256:${e.sha256.slice(0, 12)}  (${when} ${e.by})`;
	}
}

/**
 * One indicator: for a leaf, its guide (what to check, where, what counts), rule, value,
 * status, note, sampled items and evidence; for an inner node, its score and description.
 */
export function ItemPanel({node, finding, conflict, status, score, catalog, row, focused, lang, theme, width, height}: ItemPanelProps) {
	const n = node.node;
	const lines: React.ReactNode[] = [];
	// Lines never shrink: a panel taller than the screen is cut at the bottom, not squeezed.
	const add = (key: string, content: React.ReactNode, props: {color?: string; bold?: boolean; inverse?: boolean} = {}) =>
		lines.push(
			<Box key={key} flexShrink={0}>
				<Text wrap="wrap" {...props}>
					{content}
				</Text>
			</Box>,
		);
	const label = (id: Parameters<typeof t>[1]) => <Text color={theme.muted}>{t(lang, id)}: </Text>;

	add('title', `${n.code} ${pick(n.name, lang)}${lang === 'zh' && n.name.en ? `  ${n.name.en}` : ''}`, {bold: true, color: theme.accent, inverse: focused});
	add('score', <>{label('score')}{score?.na ? 'n/a' : formatScore(score?.score ?? null)}   {label('rank')}{score?.rank ?? '—'}</>);
	if (!node.rule) {
		if (n.description) add('desc', inert(n.description));
		add('prov', <>{label('provenance')}{n.provenance.kind} — {inert('source' in n.provenance ? n.provenance.source : n.provenance.basis)}</>, {color: theme.muted});
	} else {
		const rule = node.rule;
		add('status', <>{label('status')}{STATUS_MARK[status]} {STATUS_LABEL[status][lang]}{finding?.reason ? ` — ${inert(finding.reason)}` : ''}</>, {color: status === 'flagged' || status === 'conflict' ? theme.warn : undefined});
		add('value', <>{label('value')}{finding?.value ? formatValue(rule, finding.value) : t(lang, 'noValue')}</>, {bold: true});
		add('rule', <>{label('rule')}{describeAccepted(rule, lang)}</>);
		if (conflict) add('conflict', `${t(lang, 'conflict')}: ${conflict.candidates.map(c => `${c.by}: ${formatValue(rule, c.value)}`).join(' | ')}`, {color: theme.warn});
		add('check', <>{label('check')}{inert(n.guide!.check)}</>);
		add('where', <>{label('where')}{inert(n.guide!.where)}</>);
		add('met', <>{label('met')}{inert(n.guide!.met)}</>);
		add('note', <>{label('note')}{finding?.note ? inert(clip(finding.note)) : t(lang, 'none')}</>);
		let r = 0;
		if (rule.type === 'sampled') {
			const samples = finding?.value?.type === 'sampled' ? finding.value.samples : [];
			add('samples', <>{label('samples')}{samples.filter(s => s.pass).length}/{samples.length} (+ / Space / e / Del)</>);
			for (const s of samples) {
				const item = catalog.get(s.item);
				const text = `  ${s.pass ? '[pass]' : '[fail]'} ${s.item}${item ? ` ${item.name}` : ''}${s.note ? ` — ${s.note}` : ''}`;
				add(`s${r}`, truncate(inert(text), width), {inverse: focused && row === r, color: s.pass ? undefined : theme.warn});
				r++;
			}
		}
		const evidence = finding?.evidence ?? [];
		add('evidence', <>{label('evidence')}{evidence.length === 0 ? t(lang, 'none') : evidence.length}</>);
		for (const e of evidence) {
			add(`e${r}`, truncate(inert(`  ${evidenceLine(e)}`), width), {inverse: focused && row === r});
			r++;
		}
		add('prov', <>{label('provenance')}{n.provenance.kind} — {inert('source' in n.provenance ? n.provenance.source : n.provenance.basis)}</>, {color: theme.muted});
	}
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden" paddingLeft={1}>
			{lines}
		</Box>
	);
}

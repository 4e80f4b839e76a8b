import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import type {AppEnv, AppState} from '../state/app-state.js';
import type {Theme} from '../theme.js';
import {findingKey} from '../../domain/workspace/workspace-schema.js';
import {mergedAgreement} from '../../domain/agreement/agreement.js';
import {boardRows, conflictList, ownFinality, regionFinal, regionList, regionNames, scoresOf, tableNotes, wholeFinal} from '../state/derive.js';
import {relativeLeafText} from '../../domain/scoring/provisional.js';
import {describeBlocker} from '../../domain/workspace/finality.js';
import {plannedSamples} from '../../domain/sample-plan/sample-plan.js';
import {fromFile, shownTier, tierLabel} from '../display.js';
import {leafStatus} from '../view-model.js';
import {RegionsScreen} from './regions-screen.js';
import {TreePane, treeWidthWanted} from './tree-pane.js';
import {ItemPanel} from './item-panel.js';
import {ScoreboardScreen} from './scoreboard-screen.js';
import {ConflictsScreen} from './conflicts-screen.js';
import {TeamScreen} from './team-screen.js';
import {CompareScreen} from './compare-screen.js';
import {teamLines, compareList, comparedNames} from '../actions/board-actions.js';
import {reviewLine} from './review-line.js';
import {policyOf} from '../state/review-derive.js';
import {isReviewConflict} from '../../domain/review/review-finding.js';

/** The rule between the panes, as tall as any terminal (one text node, cut to the height). */
const SEPARATOR = Array.from({length: 500}, () => ' | ').join('\n');

/** Two panes side by side from this width; below it, the focused one alone. */
export const SPLIT_WIDTH = 100;

/** The screen under any overlay: the regions, a region's tree and item panel, the scoreboard or the conflicts. */
export function Body({state, env, theme, width, height}: {state: AppState; env: AppEnv; theme: Theme; width: number; height: number}) {
	const {nav} = state;
	const ws = state.session.ws;
	const {lang, index} = env;
	switch (nav.screen) {
		case 'regions':
			return <RegionsScreen rows={regionList(env, state)} cursor={nav.regionCursor} notes={tableNotes(env, state)} lang={lang} theme={theme} width={width} height={height} />;
		case 'conflicts':
			return <ConflictsScreen index={index} conflicts={conflictList(index, ws)} names={regionNames(env)} cursor={nav.conflictCursor} agreement={mergedAgreement(index, ws)} lang={lang} theme={theme} width={width} height={height} />;
		case 'scoreboard':
			return <ScoreboardScreen index={index} rows={boardRows(env, state)} cursor={nav.scoreboardCursor} sortBy={nav.sortBy} notes={tableNotes(env, state)} lang={lang} theme={theme} width={width} height={height} marked={nav.marked} />;
		case 'team':
			return <TeamScreen view={teamLines(env, state)} cursor={nav.teamCursor} theme={theme} width={width} height={height} />;
		case 'compare': {
			const codes = [nav.marked, nav.compareWith] as const;
			const tiers = codes.map(code => {
				const s = scoresOf(env, state).regions.find(r => r.code === code);
				return shownTier(tierLabel(s?.tier, lang), regionFinal(env, state, code ?? ''));
			}) as [string, string];
			return <CompareScreen rows={compareList(env, state)} names={comparedNames(env, state)} tiers={tiers} final={wholeFinal(env, state)} cursor={nav.compareCursor} notes={tableNotes(env, state)} lang={lang} theme={theme} width={width} height={height} />;
		}
		case 'tree':
			break;
	}
	const region = nav.region!;
	const score = scoresOf(env, state).regions.find(r => r.code === region);
	const node = index.nodes.get(nav.node)!;
	const split = width >= SPLIT_WIDTH;
	// The tree takes what its names need, leaving the item panel 57 columns (or 60% of the width).
	const treeWidth = split ? Math.min(treeWidthWanted(index, lang), Math.max(Math.floor(width * 0.4), width - 60)) : width;
	const itemWidth = split ? width - treeWidth - 3 : width;
	const final = wholeFinal(env, state);
	const blockers = node.rule ? ownFinality(env, state, region).blockers.filter(b => b.region === region && b.indicator === nav.node).map(b => fromFile(describeBlocker(b, lang))) : [];
	const planned = node.rule?.type === 'sampled' && env.samplePlan ? plannedSamples(env.samplePlan, nav.node).length : 0;
	const measure = node.rule?.type === 'measure' ? relativeLeafText(scoresOf(env, state).stats.get(nav.node)?.count ?? 0, lang) : undefined;
	const tree = <TreePane index={index} ws={ws} region={region} score={score} final={final} selected={nav.node} expanded={nav.expanded} focused={nav.pane === 'tree'} lang={lang} theme={theme} width={treeWidth} height={height} />;
	const conflict = ws.conflicts[findingKey(region, nav.node)];
	// Reviewers who disagree agree on the content: it is shown (the newest candidate's), their decisions under Review.
	const finding = ws.findings[findingKey(region, nav.node)] ?? (conflict && isReviewConflict(conflict) ? conflict.candidates[0] : undefined);
	const review = node.rule ? reviewLine(finding, conflict, policyOf(state), region, state.reviewer !== undefined, lang) : undefined;
	const item = (
		<ItemPanel
			node={node}
			finding={finding}
			review={review}
			conflict={conflict}
			status={leafStatus(ws, region, nav.node)}
			score={score?.nodes.get(nav.node)}
			rankFinal={final}
			relative={measure}
			blockers={blockers}
			planned={planned}
			catalog={env.catalog}
			row={nav.itemRow}
			focused={nav.pane === 'item'}
			lang={lang}
			theme={theme}
			width={itemWidth}
			height={height}
		/>
	);
	if (!split) return nav.pane === 'item' ? item : tree;
	return (
		<Box height={height}>
			{tree}
			<Box width={3} flexShrink={0}>
				<Text color={theme.muted}>{SEPARATOR.slice(0, height * 4 - 1)}</Text>
			</Box>
			{item}
		</Box>
	);
}

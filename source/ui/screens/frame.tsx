import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {regionHeadline} from '../../domain/scoring/provisional.js';
import {fromFile, tierLabel} from '../display.js';
import type {AppEnv, AppState} from '../state/app-state.js';
import type {Theme} from '../theme.js';
import {conflictList, exportDraft, regionFinal, regionNames, scoresOf, unsavedChanges, wholeFinal} from '../state/derive.js';
import {hintsFor} from '../keymap/dispatch.js';
import {t, shownScore} from '../strings.js';
import {holderText, samplePlanErrorText, saveFailedText, unsavedText, weightsErrorText} from '../messages.js';
import {localClock} from '../local-time.js';
import {StatusBar} from '../components/status-bar.js';
import {Overlays} from './overlays.js';
import {truncate} from '../../text/cell-width.js';
import {wrapCells} from '../components/wrap-cells.js';
import {reviewHeaderText} from '../review-messages.js';
import {reviewQueueOf} from '../state/review-derive.js';

const SCREEN_NAME = {regions: 'regions', scoreboard: 'scoreboard', conflicts: 'conflicts', team: 'team', compare: 'compare'} as const;

/**
 * The header: the system (and in review mode, who reviews and how many findings wait), and the region with its live total, rank and tier (or the screen's
 * name). A total that is not final carries its coverage, a rank or tier that may move a `*`
 * (the domain's `regionHeadline`, the words `assess score` uses).
 */
function headerText(state: AppState, env: AppEnv): string {
	const {nav} = state;
	const {lang} = env;
	const parts = ['assess', fromFile(env.index.system.id)];
	if (state.reviewer) parts.push(reviewHeaderText(lang, state.reviewer, reviewQueueOf(env, state).length));
	if (nav.region && nav.screen === 'tree') {
		const s = scoresOf(env, state).regions.find(r => r.code === nav.region);
		let total = `${t(lang, 'total')} ${shownScore(s?.total)}`;
		if (s && s.total !== null) {
			const h = regionHeadline({total: s.total, rank: s.rank, tier: tierLabel(s.tier, lang), coverage: s.coverage, final: regionFinal(env, state, s.code)}, wholeFinal(env, state), lang);
			total = `${t(lang, 'total')} ${h.total}${s.rank ? ` #${h.rank}` : ''}${s.tier ? ` ${h.tier}` : ''}`;
		}
		parts.push(`${regionNames(env).get(nav.region) ?? nav.region} ${nav.region}`, total);
	} else parts.push(t(lang, SCREEN_NAME[nav.screen === 'tree' ? 'regions' : nav.screen]));
	const conflicts = conflictList(env.index, state.session.ws).length;
	if (conflicts > 0 && nav.screen !== 'conflicts') parts.push(`${conflicts} ${t(lang, 'conflict')} (c)`);
	return parts.join('  ');
}

/** Lines that stay until what they say is over: read-only, a failed save, broken weights. */
function banners(state: AppState, env: AppEnv): {text: string; kind: 'warn' | 'bad'}[] {
	const {lang} = env;
	const out: {text: string; kind: 'warn' | 'bad'}[] = [];
	const ro = state.readOnly;
	if (ro) {
		const who = ro.free || !ro.holder ? t(lang, 'takeOverHint') : holderText(lang, ro.holder);
		const refreshed = ro.refreshedAt ? `; ${t(lang, 'refreshed')} ${localClock(ro.refreshedAt)}` : '';
		out.push({text: `${t(lang, 'readOnly').toUpperCase()}: ${who}${refreshed}`, kind: 'warn'});
	}
	if (state.save.failed) out.push({text: saveFailedText(lang, state.save.failed.problem), kind: 'bad'});
	if (state.weights.error) out.push({text: weightsErrorText(lang, state.weights.error), kind: 'bad'});
	if (env.samplePlanProblem) out.push({text: samplePlanErrorText(lang, env.samplePlanProblem), kind: 'warn'});
	return out;
}

function saveText(state: AppState, env: AppEnv): string {
	const {lang} = env;
	// The banner above says it, with who holds the file.
	if (state.readOnly) return '';
	const unsaved = unsavedChanges(state);
	if (state.save.failed) return `${t(lang, 'notSaved')} (${unsavedText(lang, Math.max(1, unsaved))})`;
	if (unsaved > 0) return t(lang, 'saving');
	return state.save.at ? `${t(lang, 'saved')} ${localClock(state.save.at)}` : t(lang, 'unchanged');
}

/**
 * The whole screen: header, banners, the screen (or an overlay over it), the status line and
 * the hint bar, one row short of the terminal so that Ink never has to clear it.
 */
export function Frame({state, env, theme, width, rows}: {state: AppState; env: AppEnv; theme: Theme; width: number; rows: number}) {
	// A banner says all it has to (a weights error names the file, the place and the problem):
	// it wraps, up to three lines.
	const lines = banners(state, env).flatMap(b => wrapCells(fromFile(b.text), width).slice(0, 3).map(text => ({text, kind: b.kind})));
	const bodyHeight = Math.max(3, rows - 4 - lines.length);
	const draft = state.overlay?.kind === 'prompt' && state.overlay.purpose === 'export' ? exportDraft(env, state) : undefined;
	return (
		<Box flexDirection="column" width={width} height={rows - 1}>
			<Text bold wrap="truncate">
				{truncate(fromFile(headerText(state, env)), width)}
			</Text>
			{lines.map((b, i) => (
				<Text key={i} color={b.kind === 'bad' ? theme.bad : theme.warn} bold wrap="truncate">
					{b.text}
				</Text>
			))}
			<Overlays state={state} env={env} theme={theme} width={width} height={bodyHeight} top={1 + lines.length} draft={draft} />
			<StatusBar theme={theme} width={width} saveText={saveText(state, env)} saveFailed={Boolean(state.save.failed) && !state.readOnly} flash={state.flash} hints={hintsFor(state, env, env.lang)} />
		</Box>
	);
}

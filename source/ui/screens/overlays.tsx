import React from 'react';
import {Box} from 'ink';
import type {AppEnv, AppState, PromptPurpose} from '../state/app-state.js';
import type {Theme} from '../theme.js';
import {t, type StringId} from '../strings.js';
import {Body} from './body.js';
import {HelpOverlay} from '../components/help-overlay.js';
import {SearchOverlay} from '../components/search-overlay.js';
import {PromptBox, promptHeight} from '../components/prompt-box.js';
import {ChoiceBox, QuestionBox, choiceHeight} from '../components/dialogs.js';
import {searchResults, choiceOptions} from '../actions/overlay-actions.js';
import {removeText} from '../actions/leaf-actions.js';
import {addRegionQuestion, exportNotes, planQuestion, settleQuestion} from '../messages.js';
import type {Confirm} from '../state/app-state.js';
import {findingKey} from '../../domain/workspace/workspace-schema.js';
import {valueText} from '../value-text.js';
import {fromFile} from '../display.js';
import {wrapCells} from '../components/wrap-cells.js';
import type {ExportDraft} from '../state/derive.js';

const TITLE: Record<PromptPurpose, StringId> = {
	note: 'promptNote',
	'sample-note': 'promptSampleNote',
	evidence: 'promptEvidence',
	value: 'promptValue',
	flag: 'promptFlag',
	na: 'promptNa',
	'done-reason': 'promptDoneReason',
	'settle-value': 'promptSettle',
	'settle-reason': 'promptSettleReason',
	export: 'promptExport',
	'save-as': 'promptSaveAs',
	'review-return': 'promptReturn',
};

/** What a question asks, in words. */
function questionText(state: AppState, env: AppEnv, c: Confirm): string {
	const {lang} = env;
	switch (c.kind) {
		case 'add-region':
			return addRegionQuestion(lang, fromFile(c.name), c.region);
		case 'plan':
			return planQuestion(lang, c.indicator, c.items, c.then);
		case 'settle-typed': {
			const {region, indicator, chosen} = c.settle;
			const rule = env.index.nodes.get(indicator)?.rule;
			const conflict = state.session.ws.conflicts[findingKey(region, indicator)];
			const candidates = (conflict?.candidates ?? []).map(x => `${fromFile(x.by)}: ${valueText(rule, x.value, lang) || '-'}`).join(' | ');
			return settleQuestion(env, region, indicator, candidates, valueText(rule, chosen.value, lang));
		}
		default:
			return removeText(state, env);
	}
}

/** The body, with what is open over it: help and search take its place, fields and questions its bottom. */
export function Overlays({state, env, theme, width, height, top, draft}: {state: AppState; env: AppEnv; theme: Theme; width: number; height: number; top: number; draft: ExportDraft | undefined}) {
	const o = state.overlay;
	const {lang} = env;
	if (o?.kind === 'help') return <HelpOverlay lang={lang} theme={theme} width={width} height={height} scroll={o.scroll} />;
	if (o?.kind === 'search') {
		const title = o.purpose === 'sample' ? t(lang, 'pickSample') : t(lang, 'search');
		return <SearchOverlay field={o.field} hits={searchResults(env, o)} selected={o.selected} regions={state.session.ws.regions} title={title} lang={lang} theme={theme} width={width} height={height} top={top} />;
	}
	let bottom: React.ReactNode = null;
	let bottomHeight = 0;
	if (o?.kind === 'prompt') {
		const notes = o.purpose === 'export' ? exportNotes(lang, draft) : [];
		bottomHeight = promptHeight(o.multiline, notes.length);
		const title = t(lang, TITLE[o.purpose]);
		const howTo = `${t(lang, o.multiline ? 'fieldSaveMulti' : 'fieldSaveLine')}${o.field.selected ? `; ${t(lang, 'fieldReplace')}` : ''}`;
		bottom = <PromptBox title={title} howTo={howTo} field={o.field} multiline={o.multiline} error={o.error} question={o.confirmDiscard ? t(lang, 'discardQuestion') : undefined} notes={notes} theme={theme} width={width} top={top + height - bottomHeight} />;
	} else if (o?.kind === 'choice') {
		const options = choiceOptions(env, state);
		bottomHeight = choiceHeight(options.length);
		bottom = <ChoiceBox title={t(lang, o.purpose === 'yesno' ? 'pickYesNo' : 'pickLevel')} options={options} selected={o.selected} theme={theme} width={width} />;
	} else if (o?.kind === 'confirm') {
		const c = o.confirm;
		const text = questionText(state, env, c);
		bottomHeight = 2 + Math.min(4, wrapCells(fromFile(text), width - 4).length);
		bottom = <QuestionBox lines={[text]} theme={theme} width={width} />;
	} else if (o?.kind === 'quit') {
		const lines = [t(lang, 'quitTitle'), t(lang, 'quitRetry'), t(lang, 'quitSaveAs'), t(lang, 'quitLose'), t(lang, 'quitStay')];
		bottomHeight = lines.length + 2;
		bottom = <QuestionBox lines={lines} theme={theme} width={width} />;
	}
	const mainHeight = Math.max(2, height - bottomHeight);
	return (
		<Box flexDirection="column" height={height}>
			<Body state={state} env={env} theme={theme} width={width} height={mainHeight} />
			{bottom}
		</Box>
	);
}

import React, {useReducer, useState, useMemo, useEffect, useRef, useCallback} from 'react';
import {Box, Text, useApp} from 'ink';
import {useKeyRouter, KeyRouterContext} from './hooks/use-key-input.js';
import type {Lang} from '../domain/text.js';
import {pick} from '../domain/text.js';
import {findingKey, type FindingValue, type FindingStatus} from '../domain/workspace/workspace-schema.js';
import type {FindingChange} from '../domain/workspace/record-finding.js';
import {evidenceKey} from '../domain/workspace/record-finding.js';
import {scoreOf} from '../domain/workspace/workspace-ops.js';
import {parseValue} from '../domain/rules/parse-value.js';
import {formatScore} from '../domain/scoring/score-report.js';
import type {SearchIndex, SearchEntry} from '../domain/search/search-index.js';
import {systemEntries, catalogEntries, regionEntries, regionReadings} from '../domain/search/entries.js';
import {uiReducer, initialUiState, type PromptPurpose} from './state/ui-state.js';
import {sessionReducer, initialSession} from './session/session-state.js';
import type {AppModel, SessionPort} from './session/session-port.js';
import type {ServiceItem} from '../domain/catalog/catalog-schema.js';
import {keyName, commandFor, type Scope} from './keymap/commands.js';
import {quickIntent, valueEditorFor, type QuickIntent} from './intents.js';
import {regionRows, leafStatus, walkUnscored, rankMoves} from './view-model.js';
import {t, type StringId} from './strings.js';
import type {Theme} from './theme.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {StatusBar, type Flash} from './components/status-bar.js';
import {HelpOverlay} from './components/help-overlay.js';
import {SearchOverlay} from './components/search-overlay.js';
import {PromptBox} from './components/prompt-box.js';
import {LevelPicker} from './components/level-picker.js';
import {RegionsScreen} from './screens/regions-screen.js';
import {TreePane} from './screens/tree-pane.js';
import {ItemPanel} from './screens/item-panel.js';
import {ScoreboardScreen, scoreboardRows} from './screens/scoreboard-screen.js';
import {ConflictsScreen} from './screens/conflicts-screen.js';
import {mergedAgreement} from '../domain/agreement/agreement.js';
import {truncate, inert} from '../text/cell-width.js';

export type AppProps = {model: AppModel; port: SessionPort; lang: Lang; theme: Theme};

type SaveState = {state: 'idle' | 'saving' | 'saved' | 'failed'; at?: Date; problem?: string};

const PROMPT_TITLE: Record<PromptPurpose, StringId> = {
	note: 'promptNote',
	evidence: 'promptEvidence',
	value: 'promptValue',
	flag: 'promptFlag',
	na: 'promptNa',
	'sample-add': 'pickSample',
	'sample-note': 'promptSampleNote',
	'settle-value': 'promptSettle',
	export: 'promptExport',
};

/** Two panes side by side from this width; below it, one pane at a time. */
const SPLIT_WIDTH = 100;

/**
 * The root of the TUI: owns the navigation and session state, the saver, the weights
 * watcher, key dispatch (from the single key table) and the one call to exit().
 */
export function App({model, port, lang, theme}: AppProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const {index} = model;
	const [ui, dispatchUi] = useReducer(uiReducer, index, initialUiState);
	const [session, dispatchSession] = useReducer(sessionReducer, model.workspace, initialSession);
	const [weights, setWeights] = useState(model.weights);
	const [rankBefore, setRankBefore] = useState<Map<string, number | null>>();
	const [flash, setFlash] = useState<Flash>();
	const [save, setSave] = useState<SaveState>({state: 'idle'});
	const [quitting, setQuitting] = useState(false);
	/** The search overlay is picking a service item to sample, not jumping somewhere. */
	const [samplePick, setSamplePick] = useState(false);
	const ws = session.ws;

	const scores = useMemo(() => scoreOf(index, weights, ws), [index, weights, ws]);
	const latestScores = useRef(scores);
	latestScores.current = scores;
	const names = useMemo(() => new Map(model.regions.map(r => [r.code, r.name])), [model.regions]);
	// Looked up the first time a sampled item is shown: the catalog need not be read before the first frame.
	const catalogById = useMemo(() => {
		let byId: Map<string, ServiceItem> | undefined;
		return {get: (id: string) => (byId ??= new Map(model.catalog.map(i => [i.id, i]))).get(id)};
	}, [model]);
	const regionList = useMemo(() => regionRows(index, ws, scores, model.regions), [index, ws, scores, model.regions]);
	const conflictList = useMemo(() => Object.values(ws.conflicts).sort((a, b) => ws.regions.indexOf(a.region) - ws.regions.indexOf(b.region) || index.nodes.get(a.indicator)!.order - index.nodes.get(b.indicator)!.order), [ws, index]);
	const unscoredTotal = scores.regions.reduce((n, r) => n + r.unscored, 0);
	const draftReason = unscoredTotal || conflictList.length ? [unscoredTotal ? `${unscoredTotal} unscored` : '', conflictList.length ? `${conflictList.length} ${t(lang, 'conflict')}` : ''].filter(Boolean).join(', ') : undefined;
	const selectedConflict = ui.screen === 'conflicts' ? conflictList[Math.min(ui.conflictCursor, conflictList.length - 1)] : undefined;
	const boardRows = useMemo(() => scoreboardRows(index, scores, names, rankMoves(rankBefore, scores), ui.sortBy, lang), [index, scores, names, rankBefore, ui.sortBy, lang]);

	// The pinyin dictionary loads, and pinyin for the whole catalog is computed, the first time
	// search opens: start-up does not wait for either.
	const [searchIndex, setSearchIndex] = useState<SearchIndex>();
	const searchLoading = useRef(false);
	const ensureSearchIndex = () => {
		if (searchIndex || searchLoading.current) return;
		searchLoading.current = true;
		void Promise.all([import('../domain/search/search-index.js'), import('../domain/search/pinyin-keys.js')]).then(async ([{prepareSearchEntries, assembleSearchIndex}, {teachReadings}]) => {
			teachReadings(regionReadings(model.regions));
			const entries = [...systemEntries(index), ...regionEntries(model.regions), ...catalogEntries(model.catalog)];
			// In slices, yielding between them, so keys typed meanwhile are never kept waiting.
			const prepared = [];
			for (let at = 0; at < entries.length; at += 250) {
				prepared.push(...prepareSearchEntries(entries.slice(at, at + 250)));
				await new Promise(resolve => setTimeout(resolve, 0));
			}
			setSearchIndex(assembleSearchIndex(prepared));
		});
	};
	// Built in the background soon after start-up, or at once when search opens first.
	useEffect(() => {
		const timer = setTimeout(ensureSearchIndex, 300);
		return () => clearTimeout(timer);
	}, []);
	if (ui.overlay?.kind === 'search') ensureSearchIndex();

	const region = ui.region;
	const regionScore = scores.regions.find(r => r.code === region);
	const node = index.nodes.get(ui.node)!;
	const leaf = ui.screen === 'tree' && node.rule ? node : undefined;
	const finding = region ? ws.findings[findingKey(region, ui.node)] : undefined;
	const samples = finding?.value?.type === 'sampled' ? finding.value.samples : [];
	const evidence = finding?.evidence ?? [];

	const say = useCallback((text: string, kind: Flash['kind'] = 'info') => setFlash({text, kind}), []);

	// Save every change as soon as it is made; the timer lets the frame render first, and a
	// newer change cancels a save that has not started (the adapter coalesces the rest).
	const latestVersion = useRef(session.version);
	latestVersion.current = session.version;
	useEffect(() => {
		if (session.version === 0) return;
		setSave(s => ({...s, state: 'saving'}));
		const version = session.version;
		const timer = setTimeout(() => {
			port.save(session.ws).then(
				() => {
					if (latestVersion.current === version) setSave({state: 'saved', at: new Date()});
				},
				(error: unknown) => setSave({state: 'failed', problem: error instanceof Error ? error.message : String(error)}),
			);
		}, 0);
		return () => clearTimeout(timer);
	}, [session.version]);

	// The shared weights file: re-score on every valid change, keep the last good weights otherwise.
	useEffect(
		() =>
			port.watchWeights(update => {
				if (update.ok) {
					setRankBefore(new Map(latestScores.current.regions.map(r => [r.code, r.rank])));
					setWeights(update.weights);
					say(t(lang, 'weightsChanged'));
				} else {
					say(`${t(lang, 'weightsInvalid')} ${update.problem}`, 'error');
				}
			}),
		[],
	);

	const quit = () => {
		if (quitting) return;
		setQuitting(true);
		// The one place the app exits: after the last save is on disk and the lock is released.
		port.close().finally(() => exit());
	};

	const change = (c: FindingChange, label: string) => {
		if (!region || !leaf) return say(t(lang, 'leafOnly'));
		if (port.readOnly) return say(`${t(lang, 'readOnly')}: ${t(lang, 'notSaved')}`, 'error');
		dispatchSession({type: 'change', region, indicator: leaf.code, change: c, by: model.user, at: new Date().toISOString(), label});
		setFlash(undefined);
	};

	const recordValue = (value: FindingValue) => change({value, status: finding?.status === 'na' ? 'draft' : undefined}, 'value');

	const runIntent = (intent: QuickIntent) => {
		if (!intent || !leaf) return;
		if (intent.kind === 'value') return recordValue(intent.value);
		if (intent.kind === 'prompt') return dispatchUi({type: 'overlay', overlay: {kind: 'prompt', purpose: 'value', initial: intent.initial, multiline: false}});
		if (intent.kind === 'levels') return dispatchUi({type: 'overlay', overlay: {kind: 'levels', selected: 0}});
		if (intent.kind === 'samples') {
			setSamplePick(true);
			dispatchUi({type: 'overlay', overlay: {kind: 'search', query: '', selected: 0}});
		}
	};

	const itemRows = samples.length + evidence.length;
	const selectedSample = ui.pane === 'item' && ui.itemRow >= 0 && ui.itemRow < samples.length ? ui.itemRow : undefined;
	const selectedEvidence = ui.pane === 'item' && ui.itemRow >= samples.length && ui.itemRow < itemRows ? evidence[ui.itemRow - samples.length] : undefined;

	const setSamples = (next: typeof samples) => change({value: {type: 'sampled', samples: next}}, 'samples');

	const scopes: Scope[] = ['global', 'navigation'];
	if (leaf) scopes.push('item');
	if (ui.screen === 'scoreboard') scopes.push('scoreboard');
	if (ui.screen === 'conflicts') scopes.push('conflicts');

	const settle = (chosen: {value: FindingValue | null; status: FindingStatus; reason?: string; note: string}) => {
		if (!selectedConflict) return;
		if (port.readOnly) return say(`${t(lang, 'readOnly')}: ${t(lang, 'notSaved')}`, 'error');
		dispatchSession({type: 'settle', region: selectedConflict.region, indicator: selectedConflict.indicator, chosen, by: model.user, at: new Date().toISOString()});
		say(`${t(lang, 'settled')} ${selectedConflict.region} ${selectedConflict.indicator}`);
	};

	const router = useKeyRouter(
		(input, key) => {
			const name = keyName(input, key);
			if (name === 'Ctrl+C' || (name === 'q' && !(key.ctrl || key.meta))) return quit();
			// A multi-character chunk outside a text field is pasted or IME text: not commands.
			if (name === undefined) return;
			// A message stays until the next key; whatever that key does may say something new.
			setFlash(undefined);
			if (leaf) {
				const rule = leaf.rule!;
				const quick = quickIntent(rule, input, ui.pane === 'item');
				if (quick) return runIntent(quick);
				if (rule.type === 'sampled' && name === '+') {
					setSamplePick(true);
					return dispatchUi({type: 'overlay', overlay: {kind: 'search', query: '', selected: 0}});
				}
				if (rule.type === 'sampled' && name === ' ' && selectedSample !== undefined) {
					return setSamples(samples.map((s, i) => (i === selectedSample ? {...s, pass: !s.pass} : s)));
				}
				if (name === 'v' || (name === 'Enter' && ui.pane === 'item' && selectedSample === undefined)) return runIntent(valueEditorFor(rule, finding?.value ?? null));
			}
			if (selectedConflict && /^[1-9]$/.test(name)) {
				const candidate = selectedConflict.candidates[Number(name) - 1];
				if (!candidate) return say(t(lang, 'notForRule'));
				return settle({value: candidate.value, status: candidate.status, reason: candidate.reason, note: candidate.note});
			}
			const command = commandFor(name, scopes);
			switch (command) {
				case 'up':
				case 'down':
				case 'pageUp':
				case 'pageDown': {
					const by = command === 'up' ? -1 : command === 'down' ? 1 : command === 'pageUp' ? -(rows - 6) : rows - 6;
					if (ui.pane === 'item' && ui.screen === 'tree') return dispatchUi({type: 'itemRow', row: Math.max(-1, Math.min(itemRows - 1, ui.itemRow + by))});
					return dispatchUi({type: 'move', by, regionCount: ui.screen === 'scoreboard' ? boardRows.length : ui.screen === 'conflicts' ? conflictList.length : regionList.length, index});
				}
				case 'open':
					if (ui.screen === 'conflicts') {
						return selectedConflict && dispatchUi({type: 'goto', region: selectedConflict.region, node: selectedConflict.indicator, regions: ws.regions, index});
					}
					if (ui.screen === 'scoreboard') {
						const row = boardRows[ui.scoreboardCursor];
						return row && dispatchUi({type: 'openRegion', region: row.code, regions: ws.regions});
					}
					if (ui.pane === 'item' && selectedSample !== undefined) {
						return dispatchUi({type: 'overlay', overlay: {kind: 'prompt', purpose: 'sample-note', initial: samples[selectedSample]!.note ?? '', multiline: false}});
					}
					return dispatchUi({type: 'open', regions: ws.regions, index});
				case 'back':
					return dispatchUi({type: 'back', index});
				case 'nextPane':
					return dispatchUi({type: 'nextPane'});
				case 'search':
					setSamplePick(false);
					return dispatchUi({type: 'overlay', overlay: {kind: 'search', query: '', selected: 0}});
				case 'help':
					return dispatchUi({type: 'overlay', overlay: {kind: 'help'}});
				case 'scoreboard':
					return dispatchUi({type: 'screen', screen: ui.screen === 'scoreboard' ? (region ? 'tree' : 'regions') : 'scoreboard'});
				case 'sortNext':
					return dispatchUi({type: 'sortNext'});
				case 'conflicts':
					return dispatchUi({type: 'screen', screen: ui.screen === 'conflicts' ? (region ? 'tree' : 'regions') : 'conflicts'});
				case 'export':
					return dispatchUi({type: 'overlay', overlay: {kind: 'prompt', purpose: 'export', initial: port.defaultExportFile, multiline: false}});
				case 'settleNew':
					if (!selectedConflict) return;
					return dispatchUi({type: 'overlay', overlay: {kind: 'prompt', purpose: 'settle-value', initial: '', multiline: false}});
				case 'nextUnscored':
				case 'prevUnscored': {
					const at = region ?? (ui.screen === 'regions' ? ws.regions[ui.regionCursor] : undefined);
					if (!at) return say(t(lang, 'openRegionFirst'));
					const from = region ? ui.node : index.leaves.at(command === 'nextUnscored' ? -1 : 0)!.code;
					const next = walkUnscored(index, ws, at, from, command === 'nextUnscored' ? 1 : -1);
					if (!next) return say(t(lang, 'allScored'));
					return dispatchUi({type: 'goto', region: at, node: next, regions: ws.regions, index});
				}
				case 'editNote':
					if (!leaf) return say(t(lang, 'leafOnly'));
					if (selectedSample !== undefined) return dispatchUi({type: 'overlay', overlay: {kind: 'prompt', purpose: 'sample-note', initial: samples[selectedSample]!.note ?? '', multiline: false}});
					return dispatchUi({type: 'overlay', overlay: {kind: 'prompt', purpose: 'note', initial: finding?.note ?? '', multiline: true}});
				case 'addEvidence':
					if (!leaf) return say(t(lang, 'leafOnly'));
					return dispatchUi({type: 'overlay', overlay: {kind: 'prompt', purpose: 'evidence', initial: '', multiline: false}});
				case 'removeEvidence':
					if (selectedSample !== undefined) {
						dispatchUi({type: 'itemRow', row: Math.max(-1, ui.itemRow - 1)});
						return setSamples(samples.filter((_, i) => i !== selectedSample));
					}
					if (selectedEvidence) {
						dispatchUi({type: 'itemRow', row: Math.max(-1, ui.itemRow - 1)});
						return change({removeEvidence: [evidenceKey(selectedEvidence)]}, 'evidence');
					}
					return;
				case 'flag':
					if (!leaf) return say(t(lang, 'leafOnly'));
					return dispatchUi({type: 'overlay', overlay: {kind: 'prompt', purpose: 'flag', initial: finding?.status === 'flagged' ? (finding.reason ?? '') : '', multiline: false}});
				case 'notApplicable':
					if (!leaf) return say(t(lang, 'leafOnly'));
					return dispatchUi({type: 'overlay', overlay: {kind: 'prompt', purpose: 'na', initial: finding?.status === 'na' ? (finding.reason ?? '') : '', multiline: false}});
				case 'markDone':
					if (!leaf) return say(t(lang, 'leafOnly'));
					return change({status: finding?.status === 'done' ? 'draft' : 'done', reason: undefined}, 'status');
				case 'undo': {
					if (port.readOnly) return say(t(lang, 'readOnly'), 'error');
					if (session.undo.length === 0) return say(t(lang, 'nothingToUndo'));
					dispatchSession({type: 'undo', by: model.user, at: new Date().toISOString()});
					return say(t(lang, 'undone'));
				}
				default:
					if (leaf && /^[0-9yn]$/.test(name)) return say(t(lang, 'notForRule'));
			}
		},
		{isActive: !quitting},
	);

	const closeOverlay = () => {
		setSamplePick(false);
		dispatchUi({type: 'overlay', overlay: undefined});
	};

	const submitPrompt = (purpose: PromptPurpose, text: string) => {
		closeOverlay();
		if (purpose === 'export') {
			if (!text.trim()) return;
			say(`${t(lang, 'exporting')} ${ws.regions.length} ${t(lang, 'regions')}, ${Object.keys(ws.findings).length} findings`);
			// After this frame, so the message shows while the workbook is built.
			setTimeout(() => {
				port.exportWorkbook(ws, text.trim(), draftReason !== undefined).then(
					r => say(`${t(lang, 'exported')} ${r.file}${r.draft ? ` (${r.draft})` : ''}`),
					(error: unknown) => say(error instanceof Error ? error.message : String(error), 'error'),
				);
			}, 0);
			return;
		}
		if (purpose === 'settle-value' && selectedConflict) {
			const rule = index.nodes.get(selectedConflict.indicator)?.rule;
			if (!rule) return;
			const parsed = parseValue(rule, text);
			if (!parsed.ok) return say(parsed.issues[0]!.message, 'error');
			const notes = [...new Set(selectedConflict.candidates.map(c => c.note.trim()).filter(Boolean))].join('\n');
			return settle({value: parsed.value, status: 'done', note: notes});
		}
		if (!leaf) return;
		switch (purpose) {
			case 'note':
				return change({note: text}, 'note');
			case 'value': {
				const parsed = parseValue(leaf.rule!, text);
				if (!parsed.ok) return say(parsed.issues[0]!.message, 'error');
				return recordValue(parsed.value);
			}
			case 'evidence': {
				if (text.trim() === '') return;
				try {
					return change({addEvidence: [port.evidence(text, model.user, new Date().toISOString())]}, 'evidence');
				} catch (error) {
					return say(error instanceof Error ? error.message : String(error), 'error');
				}
			}
			case 'flag':
				return change({status: 'flagged', reason: text.trim() || undefined}, 'status');
			case 'na':
				return change({status: 'na', reason: text.trim() || undefined}, 'status');
			case 'sample-note':
				if (selectedSample === undefined) return;
				return setSamples(samples.map((s, i) => (i === selectedSample ? (text.trim() ? {...s, note: text.trim()} : {item: s.item, pass: s.pass}) : s)));
			case 'sample-add':
			case 'settle-value':
				return;
		}
	};

	const pickSearch = (entry: SearchEntry) => {
		const adding = samplePick;
		closeOverlay();
		if (adding) {
			if (entry.kind !== 'service-item' || !leaf) return;
			if (samples.some(s => s.item === entry.id)) return say(`${entry.id} ✔`);
			return setSamples([...samples, {item: entry.id, pass: true}]);
		}
		if (entry.kind === 'region') return dispatchUi({type: 'openRegion', region: entry.id, regions: ws.regions});
		if (entry.kind === 'indicator') {
			const at = region ?? ws.regions[ui.regionCursor];
			if (!at || !index.nodes.has(entry.id)) return;
			return dispatchUi({type: 'goto', region: at, node: entry.id, regions: ws.regions, index});
		}
		return say(`${entry.id} ${entry.title} — ${entry.detail}`);
	};

	// Layout: one header line, the body, two status lines; one row spare so Ink never has to
	// clear the screen (it does when a frame is as tall as the terminal).
	const width = Math.max(20, columns);
	const bodyHeight = Math.max(3, rows - 4);
	const promptOpen = ui.overlay?.kind === 'prompt' || ui.overlay?.kind === 'levels';
	const promptHeight = ui.overlay?.kind === 'prompt' ? (ui.overlay.multiline ? 11 : 4) : ui.overlay?.kind === 'levels' && leaf?.rule?.type === 'levels' ? leaf.rule.levels.length + 3 : 0;
	const mainHeight = Math.max(2, bodyHeight - (promptOpen ? promptHeight : 0));

	const header = (() => {
		const parts = [`assess · ${index.system.id}`];
		if (region && ui.screen === 'tree') {
			const s = regionScore;
			parts.push(`${names.get(region) ?? region} ${region}`, `${t(lang, 'total')} ${formatScore(s?.total ?? null)}${s?.rank ? ` #${s.rank}` : ''}${s?.tier ? ` ${pick(s.tier.label, lang)}` : ''}`);
		} else parts.push(ui.screen === 'scoreboard' ? t(lang, 'scoreboard') : ui.screen === 'conflicts' ? t(lang, 'conflicts') : t(lang, 'regions'));
		if (conflictList.length > 0 && ui.screen !== 'conflicts') parts.push(`${conflictList.length} ${t(lang, 'conflict')} (c)`);
		return parts.join(' · ');
	})();
	const banner = port.readOnly ? ` [${t(lang, 'readOnly')}${port.lockedBy ? ` — ${t(lang, 'heldBy')} ${port.lockedBy.user}@${port.lockedBy.host} pid ${port.lockedBy.pid}` : ''}]` : '';

	const saveText = port.readOnly
		? `${t(lang, 'readOnly')}`
		: save.state === 'saving'
			? t(lang, 'saving')
			: save.state === 'saved'
				? `${t(lang, 'saved')} ${save.at!.toTimeString().slice(0, 8)}`
				: save.state === 'failed'
					? `${t(lang, 'notSaved')}: ${save.problem}`
					: t(lang, 'unchanged');

	let body: React.ReactNode;
	if (ui.overlay?.kind === 'help') {
		body = <HelpOverlay lang={lang} theme={theme} width={width} height={bodyHeight} onClose={closeOverlay} />;
	} else if (ui.overlay?.kind === 'search') {
		body = (
			<SearchOverlay
				index={searchIndex}
				kinds={samplePick ? ['service-item'] : ['indicator', 'region', 'service-item']}
				title={samplePick ? t(lang, 'pickSample') : t(lang, 'search')}
				lang={lang}
				theme={theme}
				width={width}
				height={bodyHeight}
				top={1}
				onPick={pickSearch}
				onClose={closeOverlay}
			/>
		);
	} else if (ui.screen === 'regions') {
		body = <RegionsScreen rows={regionList} cursor={ui.regionCursor} lang={lang} theme={theme} width={width} height={mainHeight} />;
	} else if (ui.screen === 'conflicts') {
		body = <ConflictsScreen index={index} conflicts={conflictList} names={names} cursor={ui.conflictCursor} agreement={mergedAgreement(index, ws)} lang={lang} theme={theme} width={width} height={mainHeight} />;
	} else if (ui.screen === 'scoreboard') {
		body = <ScoreboardScreen index={index} rows={boardRows} cursor={ui.scoreboardCursor} sortBy={ui.sortBy} lang={lang} theme={theme} width={width} height={mainHeight} />;
	} else if (region) {
		const split = width >= SPLIT_WIDTH;
		const treeWidth = split ? Math.floor(width * 0.45) : width;
		const itemWidth = split ? width - treeWidth : width;
		const tree = <TreePane index={index} ws={ws} region={region} score={regionScore} selected={ui.node} expanded={ui.expanded} focused={ui.pane === 'tree'} lang={lang} theme={theme} width={treeWidth} height={mainHeight} />;
		const item = (
			<ItemPanel
				node={node}
				finding={finding}
				conflict={ws.conflicts[findingKey(region, ui.node)]}
				status={leafStatus(ws, region, ui.node)}
				score={regionScore?.nodes.get(ui.node)}
				catalog={catalogById}
				row={ui.itemRow}
				focused={ui.pane === 'item'}
				lang={lang}
				theme={theme}
				width={itemWidth}
				height={mainHeight}
			/>
		);
		body = split ? (
			<Box>
				{tree}
				{item}
			</Box>
		) : ui.pane === 'item' ? (
			item
		) : (
			tree
		);
	}

	let prompt: React.ReactNode = null;
	if (ui.overlay?.kind === 'prompt') {
		const purpose = ui.overlay.purpose;
		const title = purpose === 'export' && draftReason ? `${t(lang, PROMPT_TITLE[purpose])} — ${t(lang, 'exportDraft')}: ${draftReason}` : t(lang, PROMPT_TITLE[purpose]);
		prompt = <PromptBox key={purpose} title={title} initial={ui.overlay.initial} multiline={ui.overlay.multiline} theme={theme} width={width} top={1 + mainHeight} onSubmit={text => submitPrompt(purpose, text)} onCancel={closeOverlay} />;
	} else if (ui.overlay?.kind === 'levels' && leaf?.rule?.type === 'levels') {
		prompt = <LevelPicker rule={leaf.rule} current={finding?.value?.type === 'levels' ? finding.value.level : undefined} title={t(lang, 'pickLevel')} lang={lang} theme={theme} width={width} onPick={id => (closeOverlay(), recordValue({type: 'levels', level: id}))} onCancel={closeOverlay} />;
	}

	return (
		<KeyRouterContext.Provider value={router}>
		<Box flexDirection="column" width={width} height={rows - 1}>
			<Text bold wrap="truncate">
				{truncate(inert(header), Math.max(0, width - banner.length))}
				<Text color={theme.bad}>{banner}</Text>
			</Text>
			<Box flexDirection="column" height={bodyHeight}>
				{body}
				{prompt}
			</Box>
			<StatusBar scopes={scopes} lang={lang} theme={theme} width={width} saveText={saveText} saveFailed={save.state === 'failed'} flash={flash} />
		</Box>
		</KeyRouterContext.Provider>
	);
}

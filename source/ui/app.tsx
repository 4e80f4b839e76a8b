import React, {useMemo, useSyncExternalStore} from 'react';
import type {Lang} from '../domain/text.js';
import type {ServiceItem} from '../domain/catalog/catalog-schema.js';
import type {AppModel, SessionPort} from './session/session-port.js';
import type {Theme} from './theme.js';
import {AppStore} from './state/store.js';
import {initialState, type AppEnv} from './state/app-state.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useKeyInput} from './hooks/use-key-input.js';
import {useAutosave} from './hooks/use-autosave.js';
import {useEffectRunner} from './hooks/use-effect-runner.js';
import {useWeights, useReadOnlyWatch, useRestorePosition} from './hooks/use-session-watchers.js';
import {useSearchIndex} from './hooks/use-search-index.js';
import {Frame} from './screens/frame.js';
import {startReview} from './actions/review-actions.js';

export type AppProps = {model: AppModel; port: SessionPort; lang: Lang; theme: Theme};

function createStore(model: AppModel, port: SessionPort, lang: Lang, rows: number, columns: number): AppStore {
	// Looked up the first time a sampled item is shown: the catalog need not be read before the first frame.
	let byId: Map<string, ServiceItem> | undefined;
	const env: AppEnv = {
		index: model.index,
		regions: model.regions,
		catalog: {get: id => (byId ??= new Map(model.catalog.map(i => [i.id, i]))).get(id)},
		user: model.user,
		lang,
		rows,
		columns,
		defaultExportFile: port.defaultExportFile,
		defaultSaveAsFile: port.defaultSaveAsFile,
		now: () => new Date().toISOString(),
		search: undefined,
		samplePlan: model.samplePlan,
		samplePlanProblem: model.samplePlanProblem,
	};
	const readOnly = port.readOnly ? {holder: port.lockedBy, free: false} : undefined;
	const state = initialState(model.index, model.workspace, model.weights, readOnly, model.review ? model.user : undefined);
	// Review mode opens on the first finding waiting for this reviewer.
	return new AppStore(model.review ? startReview(state, env) : state, env);
}

/**
 * The root of the TUI, composition only: the store (state and the pure key handling), the
 * hooks that connect it to the session port and the terminal, and the frame that draws it.
 */
export function App({model, port, lang, theme}: AppProps) {
	const {columns, rows} = useTerminalSize();
	const store = useMemo(() => createStore(model, port, lang, rows, columns), []);
	store.env.rows = rows;
	store.env.columns = Math.max(20, columns);
	const state = useSyncExternalStore(store.subscribe, store.getState);
	const autosave = useAutosave(store, port, state.session.version, state.save.attempt, state.readOnly !== undefined);
	useEffectRunner(store, port, autosave);
	useKeyInput(store, !state.quitting);
	useWeights(store, port);
	useReadOnlyWatch(store, port, state.readOnly !== undefined);
	useRestorePosition(store, port);
	useSearchIndex(store, model, state.overlay?.kind === 'search');
	return <Frame state={state} env={store.env} theme={theme} width={Math.max(20, columns)} rows={rows} />;
}

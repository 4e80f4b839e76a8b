import {useEffect} from 'react';
import {useApp} from 'ink';
import type {AppStore} from '../state/store.js';
import type {Effect} from '../state/app-state.js';
import type {SessionPort} from '../session/session-port.js';
import type {Autosave} from './use-autosave.js';
import {unsavedChanges} from '../state/derive.js';
import {problemText} from '../problem-text.js';


/**
 * Runs what the state asks for with the session port, and answers with events. The one place
 * the TUI exits: after the last save is on disk and the lock is released, or when the user
 * chose to quit losing what is not on disk.
 */
export function useEffectRunner(store: AppStore, port: SessionPort, autosave: Autosave): void {
	const {exit} = useApp();
	useEffect(() => {
		const message = (error: unknown) => problemText(store.env.lang, error);
		const run = (effect: Effect) => {
			switch (effect.type) {
				case 'add-evidence':
					try {
						store.dispatch({type: 'evidence-added', evidence: port.evidence(effect.spec, store.env.user, store.env.now())});
					} catch (error) {
						store.dispatch({type: 'evidence-failed', problem: message(error)});
					}
					return;
				case 'open-evidence':
					port.openEvidence(effect.evidence).catch((error: unknown) => store.dispatch({type: 'failed', problem: message(error)}));
					return;
				case 'export':
					// After this frame, so the message shows while the workbook is built.
					setTimeout(() => {
						port.exportWorkbook(effect.ws, effect.file, {draft: effect.draft !== undefined, weights: effect.weights}).then(
							r => store.dispatch({type: 'exported', file: r.file, draft: effect.draft}),
							(error: unknown) => store.dispatch({type: 'failed', problem: message(error)}),
						);
					}, 0);
					return;
				case 'save-as':
					port.saveAs(effect.file, effect.ws).then(
						file => store.dispatch({type: 'saved-as', file}),
						(error: unknown) => store.dispatch({type: 'failed', problem: message(error)}),
					);
					return;
				case 'take-over':
					port.takeOver().then(
						ok => store.dispatch({type: 'took-over', ok}),
						() => store.dispatch({type: 'took-over', ok: false}),
					);
					return;
				case 'quit':
					void (async () => {
						if (!effect.losing) {
							await autosave.flush();
							if (unsavedChanges(store.getState()) > 0) return store.dispatch({type: 'quit-blocked'});
						}
						const {nav} = store.getState();
						if (nav.region) port.rememberPosition({region: nav.region, node: nav.node});
						await port.close().catch(() => undefined);
						exit();
					})();
					return;
			}
		};
		store.setEffectRunner(run);
	}, [store, port, autosave, exit]);
}

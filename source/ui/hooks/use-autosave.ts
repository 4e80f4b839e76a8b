import {useEffect, useRef} from 'react';
import type {AppStore} from '../state/store.js';
import type {SaveError, SessionPort} from '../session/session-port.js';
import {problemText} from '../problem-text.js';

export type Autosave = {
	/** Saves the newest version now if it is not on disk yet; resolves when no save is left to make. */
	flush(): Promise<void>;
};

/**
 * Saves every change as soon as it is made, without making the keyboard wait: a change is
 * saved after its frame is drawn, and a newer change supersedes one not yet started (the
 * storage adapter coalesces the rest). A failed save stays failed on screen until one
 * succeeds; every later change is saved again.
 */
export function useAutosave(store: AppStore, port: SessionPort, version: number, attempt: number, readOnly: boolean): Autosave {
	const inFlight = useRef<Promise<void>>(Promise.resolve());
	const save = (): Promise<void> => {
		const {session} = store.getState();
		const {version: v, ws} = session;
		const run = port.save(ws).then(
			result => store.dispatch({type: 'saved', version: v, at: new Date().toISOString(), result: result ?? {}}),
			(error: SaveError) => store.dispatch({type: 'save-failed', version: v, problem: problemText(store.env.lang, error), invalid: Boolean(error?.invalid)}),
		);
		inFlight.current = run;
		return run;
	};
	useEffect(() => {
		if (readOnly || (version === 0 && attempt === 0)) return;
		const timer = setTimeout(save, 0);
		return () => clearTimeout(timer);
	}, [version, attempt, readOnly]);
	// Unmounted by a closed terminal or a kill (SIGHUP, SIGTERM) before the newest change's save
	// started: start it now, so that closing the session (which waits for saves) writes it. Not
	// after a quit: that saved everything already, or the user chose to lose what was not saved.
	useEffect(
		() => () => {
			const state = store.getState();
			if (!state.quitting && !state.readOnly && state.session.version > state.save.saved) void port.save(state.session.ws).catch(() => undefined);
		},
		[],
	);
	return {
		async flush() {
			await inFlight.current;
			const state = store.getState();
			if (!state.readOnly && state.session.version > state.save.saved) await save();
		},
	};
}

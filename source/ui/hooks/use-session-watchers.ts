import {useEffect} from 'react';
import type {AppStore} from '../state/store.js';
import type {SessionPort} from '../session/session-port.js';

/** The shared weights file: re-score on every valid change, keep the last good weights otherwise. */
export function useWeights(store: AppStore, port: SessionPort): void {
	useEffect(() => port.watchWeights(update => store.dispatch({type: 'weights', update})), [store, port]);
}

/**
 * A read-only session follows the file its holder saves, and the lock: when the holder is gone
 * (quit, or a process that died) the session offers to take over.
 */
export function useReadOnlyWatch(store: AppStore, port: SessionPort, readOnly: boolean): void {
	useEffect(() => {
		if (!readOnly) return;
		const stopFile = port.watchWorkspace(ws => store.dispatch({type: 'disk', ws}));
		const stopLock = port.watchLock(holder => store.dispatch({type: 'lock', holder}));
		return () => {
			stopFile();
			stopLock();
		};
	}, [store, port, readOnly]);
}

/** Where the user left off last time, once the first frame is up. */
export function useRestorePosition(store: AppStore, port: SessionPort): void {
	useEffect(() => {
		const at = port.lastPosition;
		if (at) store.dispatch({type: 'restore', region: at.region, node: at.node});
	}, [store, port]);
}

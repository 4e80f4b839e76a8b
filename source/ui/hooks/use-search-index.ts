import {useEffect, useState} from 'react';
import type {AppStore} from '../state/store.js';
import type {AppModel} from '../session/session-port.js';
import {systemEntries, catalogEntries, regionEntries, regionReadings} from '../../domain/search/entries.js';

/**
 * The search index: the pinyin dictionary loads, and pinyin for the whole catalog is computed,
 * soon after start-up in the background (or at once when search opens first), in slices that
 * yield between them so keys typed meanwhile never wait. Start-up does not wait for it.
 */
export function useSearchIndex(store: AppStore, model: AppModel, wanted: boolean): boolean {
	const [ready, setReady] = useState(false);
	const [start, setStart] = useState(false);
	useEffect(() => {
		const timer = setTimeout(() => setStart(true), 300);
		return () => clearTimeout(timer);
	}, []);
	const go = start || wanted;
	useEffect(() => {
		if (!go) return;
		let cancelled = false;
		void Promise.all([import('../../domain/search/search-index.js'), import('../../domain/search/pinyin-keys.js')]).then(async ([{prepareSearchEntries, assembleSearchIndex}, {teachReadings}]) => {
			teachReadings(regionReadings(model.regions));
			const entries = [...systemEntries(model.index), ...regionEntries(model.regions), ...catalogEntries(model.catalog)];
			const prepared = [];
			for (let at = 0; at < entries.length; at += 250) {
				if (cancelled) return;
				prepared.push(...prepareSearchEntries(entries.slice(at, at + 250)));
				await new Promise(resolve => setTimeout(resolve, 0));
			}
			if (cancelled) return;
			const index = assembleSearchIndex(prepared);
			store.env.search = (query, kinds, limit) => index.search(query, {limit, kinds});
			setReady(true);
			store.dispatch({type: 'search-ready'});
		}).catch(() => {
			// No index (it could not be built): search finds nothing, and keys held for it go on.
			store.env.search = () => [];
			store.dispatch({type: 'search-ready'});
		});
		return () => {
			cancelled = true;
		};
	}, [go]);
	return ready;
}

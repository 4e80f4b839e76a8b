import {loadYoga} from 'yoga-layout/load';

/**
 * Ink's layout engine, loaded without `fetch`. yoga-layout embeds its WebAssembly as a data: URL
 * and, whenever a global `fetch` exists, loads it through `fetch()`: on Node that first call
 * loads the whole undici HTTP client, ~20 ms of every start-up. Without `fetch` the same loader
 * decodes the same bytes directly. The check happens synchronously inside `loadYoga()`, so
 * `fetch` is hidden for that call only. The bundle aliases `yoga-layout` to this module.
 */
function loadWithoutFetch(): ReturnType<typeof loadYoga> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!descriptor?.configurable) return loadYoga();
	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return loadYoga();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}

const Yoga = await loadWithoutFetch();
export default Yoga;
export * from 'yoga-layout/load';

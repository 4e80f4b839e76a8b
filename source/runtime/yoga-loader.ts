import {loadYoga, type Yoga as YogaEngine} from 'yoga-layout/load';

/**
 * Ink's layout engine, as the bundle gives it to Ink in place of `yoga-layout`. Two changes:
 *
 * - It is loaded by `loadLayoutEngine()`, not at the top level of the module (yoga-layout's own
 *   entry awaits there, which the CommonJS bundle cannot): the TUI starts it early, so that the
 *   WebAssembly compiles while the workspace is read, and awaits it before Ink's first render.
 *   Ink uses the engine only inside its functions, through this live binding.
 * - It is loaded without `fetch`: yoga-layout embeds its WebAssembly as a data: URL and, when a
 *   global `fetch` exists, loads it through `fetch()`, which on Node first loads the whole undici
 *   HTTP client (~20 ms). Without `fetch` the same loader decodes the same bytes directly. The
 *   check happens synchronously inside `loadYoga()`, so `fetch` is hidden for that call only.
 */
let Yoga: YogaEngine;
let loading: Promise<void> | undefined;

export function loadLayoutEngine(): Promise<void> {
	loading ??= loadWithoutFetch().then(engine => {
		Yoga = engine;
	});
	return loading;
}

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

export {Yoga as default};
export * from 'yoga-layout/load';

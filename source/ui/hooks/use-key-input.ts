import {createContext, useContext, useLayoutEffect, useRef, useCallback} from 'react';
import {useInput, type Key} from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

type Router = {register(handler: {current: KeyHandler}): () => void};

/**
 * Routes keys from one permanent `useInput` at the root to the widgets that want them.
 *
 * Ink subscribes each `useInput` in an effect that runs after the frame is written, so a key
 * typed right after an overlay appears (or while the machine is busy) could reach no one, or an
 * old handler with stale state. Here the root subscription never changes; widgets register in a
 * layout effect, which runs in the same commit as the frame, before the next key can arrive; and
 * each handler is read from a ref written during render, so it always sees the latest state.
 */
export const KeyRouterContext = createContext<Router | undefined>(undefined);

/** The root's side: one subscription; registered widgets get keys, else the fallback does. */
export function useKeyRouter(fallback: KeyHandler, options: {isActive?: boolean} = {}): Router {
	const handlers = useRef(new Set<{current: KeyHandler}>());
	const latestFallback = useRef(fallback);
	latestFallback.current = fallback;
	const route = useCallback((input: string, key: Key) => {
		if (handlers.current.size === 0) return latestFallback.current(input, key);
		for (const h of [...handlers.current]) h.current(input, key);
	}, []);
	useInput(route, options);
	const router = useRef<Router>({
		register(handler) {
			handlers.current.add(handler);
			return () => handlers.current.delete(handler);
		},
	});
	return router.current;
}

/** A widget's keys: delivered while it is mounted and active, always with its latest state. */
export function useKeyInput(handler: KeyHandler, options: {isActive?: boolean} = {}): void {
	const router = useContext(KeyRouterContext);
	const latest = useRef(handler);
	latest.current = handler;
	const active = options.isActive ?? true;
	useLayoutEffect(() => {
		if (!router || !active) return;
		return router.register(latest);
	}, [router, active]);
	// Outside a router (a widget rendered on its own in a test), fall back to Ink's own hook.
	const direct = useCallback((input: string, key: Key) => latest.current(input, key), []);
	useInput(direct, {isActive: !router && active});
}

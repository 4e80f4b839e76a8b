import {useCallback, useRef} from 'react';
import {useInput, type Key} from 'ink';

/**
 * `useInput` that always runs the handler of the latest render. Ink re-subscribes a changed
 * handler in an effect, which can run after the next key has already arrived; a key typed
 * quickly after another would then see the state before the first one. The handler here is
 * read from a ref written during render, and the subscription never changes.
 */
export function useKeyInput(handler: (input: string, key: Key) => void, options: {isActive?: boolean} = {}): void {
	const latest = useRef(handler);
	latest.current = handler;
	const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
	useInput(stable, options);
}

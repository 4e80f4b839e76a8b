import {useEffect} from 'react';
import {useStdin} from 'ink';
import {KeySplitter} from '../input/split-keys.js';
import type {AppStore} from '../state/store.js';

/**
 * The TUI's one keyboard subscription: every piece of input Ink reads is split into keys
 * (see KeySplitter) and each is applied to the store in order, before anything renders.
 *
 * It listens to Ink's input events directly (what `useInput` parses from), because `useInput`
 * hands over a run of typed characters as one `input` string and a bracketed paste in three
 * pieces; the raw pieces are what the splitter needs. Ink 6.8's App emits them on
 * `internal_eventEmitter` (ink/build/components/App.js, `emitInput`); the version is pinned
 * in package.json and test/ui/keys.test.tsx feeds real bursts through it.
 */
export function useKeyInput(store: AppStore, active: boolean): void {
	const {setRawMode, internal_eventEmitter: events, isRawModeSupported} = useStdin();
	useEffect(() => {
		if (!active) return;
		if (isRawModeSupported) setRawMode(true);
		const splitter = new KeySplitter();
		const onInput = (piece: string) => {
			for (const key of splitter.push(piece)) store.dispatch({type: 'key', key});
		};
		events.on('input', onInput);
		return () => {
			events.off('input', onInput);
			if (isRawModeSupported) setRawMode(false);
		};
	}, [store, active, events, setRawMode, isRawModeSupported]);
}

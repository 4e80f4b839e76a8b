import type {AppEnv, AppState, Effect} from './app-state.js';
import {reduce, type AppEvent} from './events.js';

/**
 * The TUI's one state, outside React: events are applied synchronously, one after another,
 * so each key of a burst sees the state the previous key left (React renders once after the
 * burst). Effects the state asks for are run after each event, in order; what they answer
 * (dispatched from inside them) is applied next, before the next key.
 */
export class AppStore {
	#state: AppState;
	readonly env: AppEnv;
	readonly #listeners = new Set<() => void>();
	readonly #queue: AppEvent[] = [];
	#running = false;
	#runEffect: (effect: Effect) => void = () => undefined;

	constructor(state: AppState, env: AppEnv) {
		this.#state = state;
		this.env = env;
	}

	getState = (): AppState => this.#state;

	subscribe = (listener: () => void): (() => void) => {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	};

	/** Who runs the effects (the App, with the session port). */
	setEffectRunner(run: (effect: Effect) => void): void {
		this.#runEffect = run;
	}

	dispatch = (event: AppEvent): void => {
		this.#queue.push(event);
		if (this.#running) return;
		this.#running = true;
		const before = this.#state;
		try {
			while (this.#queue.length > 0) {
				this.#state = reduce(this.#state, this.env, this.#queue.shift()!);
				const effects = this.#state.outbox;
				if (effects.length === 0) continue;
				this.#state = {...this.#state, outbox: []};
				for (const effect of effects) this.#runEffect(effect);
			}
		} finally {
			this.#running = false;
		}
		if (this.#state !== before) for (const listener of [...this.#listeners]) listener();
	};
}

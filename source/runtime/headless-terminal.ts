import {EventEmitter} from 'node:events';

/**
 * A terminal with no screen, for running the real TUI without one: the build's warm-up run
 * (source/ui/warm-up.tsx) and the benchmark. The output counts its writes; the input takes
 * keys as a real terminal sends them.
 */
export class HeadlessOutput extends EventEmitter {
	readonly isTTY = true;
	writes = 0;
	lastWrite = 0;

	constructor(
		readonly columns = 140,
		readonly rows = 45,
	) {
		super();
	}

	write = (_text: string): boolean => {
		this.writes++;
		this.lastWrite = performance.now();
		return true;
	};
}

export class HeadlessInput extends EventEmitter {
	readonly isTTY = true;
	#data: string | null = null;
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}

	read = (): string | null => {
		const data = this.#data;
		this.#data = null;
		return data;
	};

	press(keys: string): void {
		this.#data = keys;
		this.emit('readable');
	}
}

import {spawnSync} from 'node:child_process';
import {afterEach} from 'vitest';
import {waitFor} from './wait-for.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

const tmux = (...args: string[]) => spawnSync('tmux', args, {encoding: 'utf8'});
let count = 0;

/** The real program in a tmux window of a given size: keys in (as a terminal sends them), screen out. */
export class TmuxSession {
	private constructor(readonly name: string) {}

	static start(dir: string, command: string, size = {x: 120, y: 32}): TmuxSession {
		const name = `assess-e2e-${process.pid}-${++count}`;
		const started = tmux('new-session', '-d', '-s', name, '-x', String(size.x), '-y', String(size.y), '-c', dir, command);
		if (started.status !== 0) throw new Error(`tmux could not start: ${started.stderr}`);
		return new TmuxSession(name);
	}

	screen = (): string => tmux('capture-pane', '-p', '-t', this.name).stdout;
	alive = (): boolean => tmux('has-session', '-t', this.name).status === 0;
	tty = (): string => tmux('display-message', '-p', '-t', this.name, '#{pane_tty}').stdout.trim();
	kill = (): void => {
		if (this.alive()) tmux('kill-session', '-t', this.name);
	};

	/** The screen as tmux shows it, waited for for up to 15 s (the real program on a busy machine). */
	waitFor = (test: (text: string) => boolean, what: string) => waitFor(this.screen, test, what, 15_000, 50);

	/** Keys as tmux names them, all in one call: tmux writes them to the program in one write (a burst). */
	send(...keys: string[]): void {
		tmux('send-keys', '-t', this.name, ...keys);
	}

	/** Types keys as a person would: one at a time, with the screen catching up in between. */
	async keys(...names: string[]): Promise<void> {
		for (const k of names) {
			this.send(k);
			await new Promise(r => setTimeout(r, 120));
		}
	}

	/** Text sent as typed (each character a key), in one write. */
	async type(text: string): Promise<void> {
		tmux('send-keys', '-t', this.name, '-l', text);
		await new Promise(r => setTimeout(r, 150));
	}

	/** Text pasted: with bracketed paste when the program asked for it, as a terminal does. */
	async paste(text: string): Promise<void> {
		tmux('set-buffer', '-b', this.name, text);
		tmux('paste-buffer', '-p', '-d', '-b', this.name, '-t', this.name);
		await new Promise(r => setTimeout(r, 150));
	}

	resize(x: number, y: number): void {
		tmux('resize-window', '-t', this.name, '-x', String(x), '-y', String(y));
	}
}

/** q, then the program gone (or fails after 10 s). */
export async function quitAndWait(session: TmuxSession, key = 'q'): Promise<void> {
	session.send(key);
	const until = Date.now() + 10_000;
	while (session.alive() && Date.now() < until) await new Promise(r => setTimeout(r, 50));
	if (session.alive()) throw new Error(`the program did not quit; the screen shows:\n${session.screen()}`);
}

/**
 * Starts programs in tmux for the tests of one file, each session killed after its test (so a
 * failed test leaves no program running). Call once at the top of a test file.
 */
export function tmuxSessions(): (dir: string, command: string, size?: {x: number; y: number}) => TmuxSession {
	let sessions: TmuxSession[] = [];
	afterEach(() => {
		for (const s of sessions) s.kill();
		sessions = [];
	});
	return (dir, command, size) => {
		const s = TmuxSession.start(dir, command, size);
		sessions.push(s);
		return s;
	};
}

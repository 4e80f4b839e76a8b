import {spawn, type ChildProcess} from 'node:child_process';
import {accessSync, constants, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join} from 'node:path';
import type {Readable, Writable} from 'node:stream';

/** The names a Chromium-family browser goes by on PATH (Debian's package is `chromium`). */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge'];

/** The headless browser to print with: ASSESS_CHROMIUM, else the first of NAMES on PATH. */
export function findChromium(env: NodeJS.ProcessEnv): string | undefined {
	const isExecutable = (file: string) => {
		try {
			accessSync(file, constants.X_OK);
			return true;
		} catch {
			return false;
		}
	};
	if (env.ASSESS_CHROMIUM) return isExecutable(env.ASSESS_CHROMIUM) ? env.ASSESS_CHROMIUM : undefined;
	for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
		for (const name of NAMES) if (isExecutable(join(dir, name))) return join(dir, name);
	}
	return undefined;
}

/**
 * The flags that make Chromium headless and quiet on a closed network: no GPU, no sandbox
 * (it cannot run as root with one), none of its background connections, and a fresh profile.
 */
function flags(profile: string): string[] {
	return ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions', '--disable-default-apps', '--mute-audio', '--hide-scrollbars', `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'];
}

type Message = {id?: number; method?: string; params?: any; result?: any; error?: {message: string}; sessionId?: string};

/**
 * A headless Chromium driven over the DevTools protocol on a pipe (no port is opened, so
 * nothing else on the machine can reach it). Enough of the protocol to load a page, read it
 * and print it; the tests use `send` for the rest.
 */
export class Chromium {
	readonly #child: ChildProcess;
	readonly #write: Writable;
	readonly #profile: string;
	readonly #waiting = new Map<number, {resolve: (m: Message) => void; reject: (e: Error) => void}>();
	readonly #listeners = new Set<(m: Message) => void>();
	#next = 0;
	#closed: Error | undefined;
	#stderr = '';

	private constructor(child: ChildProcess, profile: string) {
		this.#child = child;
		this.#profile = profile;
		this.#write = child.stdio[3] as Writable;
		const read = child.stdio[4] as Readable;
		let buffer = Buffer.alloc(0);
		read.on('data', (chunk: Buffer) => {
			buffer = Buffer.concat([buffer, chunk]);
			for (let end = buffer.indexOf(0); end >= 0; end = buffer.indexOf(0)) {
				const message = JSON.parse(buffer.subarray(0, end).toString('utf8')) as Message;
				buffer = buffer.subarray(end + 1);
				if (message.id !== undefined && this.#waiting.has(message.id)) {
					const w = this.#waiting.get(message.id)!;
					this.#waiting.delete(message.id);
					if (message.error) w.reject(new Error(`Chromium: ${message.error.message}`));
					else w.resolve(message);
				} else for (const listen of this.#listeners) listen(message);
			}
		});
		child.stderr?.on('data', d => (this.#stderr = (this.#stderr + d).slice(-4000)));
		child.on('exit', code => this.#fail(new Error(`Chromium stopped (exit ${code}): ${this.#stderr.trim().split('\n').slice(-3).join(' | ')}`)));
		child.on('error', error => this.#fail(error));
	}

	static async launch(executable: string): Promise<Chromium> {
		const profile = mkdtempSync(join(tmpdir(), 'assess-chromium-'));
		const child = spawn(executable, flags(profile), {stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe']});
		const browser = new Chromium(child, profile);
		await browser.send('Browser.getVersion', {}, undefined, 30_000);
		return browser;
	}

	#fail(error: Error): void {
		this.#closed ??= error;
		for (const w of this.#waiting.values()) w.reject(error);
		this.#waiting.clear();
	}

	/** One protocol command (to a page when `sessionId` is given), with a time limit. */
	send(method: string, params: object = {}, sessionId?: string, timeout = 60_000): Promise<any> {
		if (this.#closed) return Promise.reject(this.#closed);
		const id = ++this.#next;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.#waiting.delete(id);
				reject(new Error(`Chromium did not answer ${method} within ${timeout / 1000} s`));
			}, timeout);
			this.#waiting.set(id, {
				resolve: m => {
					clearTimeout(timer);
					resolve(m.result);
				},
				reject: e => {
					clearTimeout(timer);
					reject(e);
				},
			});
			this.#write.write(JSON.stringify({id, method, params, ...(sessionId ? {sessionId} : {})}) + '\0');
		});
	}

	/** Events (console messages, exceptions, loads) as they come. */
	on(listen: (m: Message) => void): () => void {
		this.#listeners.add(listen);
		return () => this.#listeners.delete(listen);
	}

	/** A new tab with the page domains on; returns its session. */
	async newPage(): Promise<BrowserPage> {
		const {targetId} = await this.send('Target.createTarget', {url: 'about:blank'});
		const {sessionId} = await this.send('Target.attachToTarget', {targetId, flatten: true});
		const page = new BrowserPage(this, sessionId as string, targetId as string);
		await Promise.all(['Page.enable', 'Runtime.enable', 'Log.enable'].map(m => this.send(m, {}, sessionId)));
		return page;
	}

	async close(): Promise<void> {
		if (!this.#closed) {
			const exited = new Promise(resolve => this.#child.once('exit', resolve));
			await this.send('Browser.close', {}, undefined, 5000).catch(() => undefined);
			await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5000).unref())]);
			if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
		}
		rmSync(this.#profile, {recursive: true, force: true});
	}
}

/** One tab. */
export class BrowserPage {
	readonly browser: Chromium;
	readonly sessionId: string;
	readonly targetId: string;

	constructor(browser: Chromium, sessionId: string, targetId: string) {
		this.browser = browser;
		this.sessionId = sessionId;
		this.targetId = targetId;
	}

	send(method: string, params: object = {}, timeout?: number): Promise<any> {
		return this.browser.send(method, params, this.sessionId, timeout);
	}

	/** Loads a URL and waits for its load event and its fonts. */
	async load(url: string): Promise<void> {
		const loaded = new Promise<void>(resolve => {
			const off = this.browser.on(m => {
				if (m.sessionId === this.sessionId && m.method === 'Page.loadEventFired') {
					off();
					resolve();
				}
			});
		});
		const {errorText} = await this.send('Page.navigate', {url});
		if (errorText) throw new Error(`Chromium could not open ${url}: ${errorText}`);
		let timer: NodeJS.Timeout | undefined;
		try {
			await Promise.race([loaded, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${url} did not finish loading within 60 s`)), 60_000)))]);
		} finally {
			clearTimeout(timer);
		}
		await this.evaluate('document.fonts.ready.then(() => true)');
	}

	/** The value of a JavaScript expression in the page (promises awaited). */
	async evaluate<T = unknown>(expression: string): Promise<T> {
		const {result, exceptionDetails} = await this.send('Runtime.evaluate', {expression, returnByValue: true, awaitPromise: true});
		if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
		return result.value as T;
	}

	/** The page printed as the report's print CSS lays it out (A4, its own margins and page numbers). */
	async pdf(): Promise<Buffer> {
		const {data} = await this.send('Page.printToPDF', {printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, generateDocumentOutline: true}, 180_000);
		return Buffer.from(data as string, 'base64');
	}
}

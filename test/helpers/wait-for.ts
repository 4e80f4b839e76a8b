/** Waits (without fixed sleeps) until the screen satisfies `test`, or fails saying what it shows. */
export async function waitFor(screen: () => string, test: (text: string) => boolean, what = 'the expected screen', timeoutMs = 3000, pollMs = 5): Promise<string> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const text = screen();
		if (test(text)) return text;
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the screen shows:\n${text}`);
		await new Promise(r => setTimeout(r, pollMs));
	}
}

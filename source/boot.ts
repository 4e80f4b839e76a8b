import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {Script} from 'node:vm';
import {CodeCache} from './storage/code-cache.js';
import {BUILD_ID} from './storage/cache-folder.js';

/** The commands whose code is cached apart (each runs different code); anything else runs uncached. */
export const CACHED_COMMANDS = ['open', 'init', 'record', 'review', 'review-policy', 'validate', 'score', 'search', 'merge', 'merge-driver', 'agreement', 'spot-check', 'status', 'log', 'export', 'unlock', 'schemas'] as const;

/** The build's run of the TUI's start-up with no screen (source/ui/warm-up.tsx); it makes the code cache of `open`. */
export const WARM_UP = '__warm-up';

/** The command a command line runs, as the cache names it: no command (or only options) opens the TUI. */
export function commandOf(argv: readonly string[]): string | undefined {
	const first = argv[0];
	if (first === WARM_UP) return 'open';
	if (first === undefined || (first.startsWith('-') && first !== '--help' && first !== '-h' && first !== '--version' && first !== '-v')) return 'open';
	return (CACHED_COMMANDS as readonly string[]).includes(first) ? first : undefined;
}

/** The code cache the build ships beside the bundle for a command (made by the warm-up run). */
export const shippedCodeCache = (bundle: string, command: string) => join(dirname(bundle), `code-${command}.bin`);

/**
 * Runs the program's bundle (dist/assess.cjs) with V8's code cache: the functions compiled in
 * an earlier run of the same build and command are read back instead of parsed and compiled
 * again, which is most of what starting the program costs beyond Node itself. The cache comes
 * from the user's cache folder or, before the first run has made one there, from the build
 * (dist/code-open.bin, from the warm-up run). Without a cache, or with one V8 refuses (another
 * Node, other V8 flags), one is made when the process exits, so it holds every function that
 * run used: for the TUI, everything a session touched.
 */
export function boot(bundle: string, argv: readonly string[], env: NodeJS.ProcessEnv): void {
	const source = readFileSync(bundle, 'utf8');
	const command = commandOf(argv);
	const cache = command ? CodeCache.fromEnvironment(env, BUILD_ID, command) : undefined;
	const cachedData = cache?.read() ?? (command ? readShipped(shippedCodeCache(bundle, command)) : undefined);
	// CommonJS's own wrapper, so the bundle sees require, module and __filename as usual.
	const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {filename: bundle, cachedData});
	if (cache && (!cachedData || script.cachedDataRejected)) process.once('exit', () => cache.write(script.createCachedData()));
	const module = {exports: {}};
	(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

function readShipped(file: string): Buffer | undefined {
	try {
		return readFileSync(file);
	} catch {
		return undefined;
	}
}

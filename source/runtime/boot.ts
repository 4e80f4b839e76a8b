import {readFileSync} from 'node:fs';
import nodeModule, {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {Script} from 'node:vm';
import {CodeCache} from './code-cache.js';
import {BUILD_ID, cacheFolder} from '../storage/cache-folder.js';

/** The commands whose code is cached apart (each runs different code); anything else runs uncached. */
export const CACHED_COMMANDS = ['open', 'init', 'record', 'review', 'review-policy', 'validate', 'score', 'search', 'merge', 'merge-driver', 'agreement', 'spot-check', 'status', 'log', 'export', 'report', 'compare', 'unlock', 'schemas', 'setup-git', 'doctor', 'completion'] as const;

/** The build's run of the TUI's start-up with no screen (source/ui/warm-up.tsx); it makes the code cache of `open`. */
export const WARM_UP = '__warm-up';

/** The command a command line runs, as the cache names it: no command (or only options) opens the TUI. */
export function commandOf(argv: readonly string[]): string | undefined {
	const first = argv[0];
	if (first === WARM_UP) return 'open';
	if (first === undefined || (first.startsWith('-') && !['--help', '-h', '--version', '-v', '-V'].includes(first))) return 'open';
	return (CACHED_COMMANDS as readonly string[]).includes(first) ? first : undefined;
}

/**
 * What compiled code is good for: V8 refuses code that another V8 version or another kind of
 * CPU compiled, so each is kept apart (a user who switches between Node versions keeps both).
 */
export const codeKey = (versions: {v8: string} = process.versions, arch: string = process.arch) => `${versions.v8}-${arch}`.replace(/[^\w.-]/g, '_');

/**
 * The code cache the build ships beside the bundle for a command (made by the warm-up run with
 * the Node that built it). Under any other Node it is not even read: V8 would refuse it.
 */
export const shippedCodeCache = (bundle: string, command: string, key = codeKey()) => join(dirname(bundle), `code-${command}-${key}.bin`);

/**
 * Runs the program's bundle (dist/assess.cjs) with V8's code cache: the functions compiled in
 * an earlier run of the same build and command are read back instead of parsed and compiled
 * again, which is most of what starting the program costs beyond Node itself. The cache comes
 * from the user's cache folder (one file per build, command, V8 version and CPU) or, before the
 * first run has made one there, from the build (dist/code-open-<v8>-<arch>.bin, from the
 * warm-up run, if this Node made it). Without a cache, or with one V8 refuses (other V8 flags),
 * one is made when the process exits, so it holds every function that run used: for the TUI,
 * everything a session touched.
 */
export function boot(bundle: string, argv: readonly string[], env: NodeJS.ProcessEnv): void {
	enableModuleCompileCache(env);
	const source = readFileSync(bundle, 'utf8');
	const command = commandOf(argv);
	const cache = command ? CodeCache.fromEnvironment(env, BUILD_ID, `${command}-${codeKey()}`) : undefined;
	const cachedData = cache?.read() ?? (command ? readShipped(shippedCodeCache(bundle, command)) : undefined);
	// CommonJS's own wrapper, so the bundle sees require, module and __filename as usual.
	const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {filename: bundle, cachedData});
	if (cache && (!cachedData || script.cachedDataRejected)) process.once('exit', () => cache.write(script.createCachedData()));
	const module = {exports: {}};
	(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

/**
 * Node's own compile cache (Node 22.8 and later) for what the bundle loads from node_modules:
 * SheetJS for an export, pinyin for a search, string-width. The bundle itself is cached as
 * above, with every function a run compiled; Node's cache keeps only what compiling the module
 * compiled at once, which for the bundle saved 10 ms of a start where ours saves 30–50 ms
 * (README, Performance).
 */
function enableModuleCompileCache(env: NodeJS.ProcessEnv): void {
	const folder = cacheFolder(env);
	const enable = (nodeModule as {enableCompileCache?: (dir: string) => unknown}).enableCompileCache;
	if (folder && enable) {
		try {
			enable(join(folder, 'node-compile'));
		} catch {
			// No cache is no failure.
		}
	}
}

function readShipped(file: string): Buffer | undefined {
	try {
		return readFileSync(file);
	} catch {
		return undefined;
	}
}

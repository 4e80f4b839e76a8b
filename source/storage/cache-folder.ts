import {homedir} from 'node:os';
import {join} from 'node:path';

declare const __ASSESS_BUILD_ID__: string | undefined;

/** What the built program was built from (its sources and dependencies); undefined when run from the sources. */
export const BUILD_ID = typeof __ASSESS_BUILD_ID__ === 'string' ? __ASSESS_BUILD_ID__ : undefined;

/** The folder for the program's caches: ASSESS_CACHE_DIR, or where the platform keeps caches. */
export function cacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: () => string = homedir): string | undefined {
	const own = env.ASSESS_CACHE_DIR;
	if (own !== undefined) return own === '' || own === 'off' ? undefined : own;
	try {
		if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'assess', 'cache') : undefined;
		if (platform === 'darwin') return join(home(), 'Library', 'Caches', 'assess');
		return join(env.XDG_CACHE_HOME || join(home(), '.cache'), 'assess');
	} catch {
		return undefined;
	}
}

/** How long a command waits for another process editing the same workspace to finish. */
const LOCK_WAIT_MS = 15_000;

/** ASSESS_LOCK_WAIT_MS changes it (0: do not wait). */
export function lockWait(env: NodeJS.ProcessEnv): number {
	const ms = Number(env.ASSESS_LOCK_WAIT_MS);
	return env.ASSESS_LOCK_WAIT_MS !== undefined && Number.isFinite(ms) && ms >= 0 ? ms : LOCK_WAIT_MS;
}
